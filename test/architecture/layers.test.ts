/**
 * The house's shape, held against the code: every import runs down the layers (movement and
 * domain at the ground, then text, present, ports, use cases, adapters, app, and the edges), no
 * product file imports test support, no product file is over 400 lines, and the domain holds
 * rules only: no sentence for people (its reasons and problems are codes with what the text layer
 * needs to say them) and at most 3,500 lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

const LAYERS: readonly (readonly [string, number])[] = [
  ['shared/movement/', 0],
  ['shared/domain/', 0],
  ['shared/text/', 1],
  ['shared/present/', 2],
  ['shared/ports/', 3],
  ['shared/usecases/', 4],
  ['shared/adapters/', 5],
  ['shared/example/', 5],
  ['shared/app/', 6],
  ['shared/cli/', 7],
  ['functions/', 7],
  ['infra/', 7],
];

const layerOf = (file: string) => LAYERS.find(([prefix]) => file.startsWith(prefix))?.[1];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const PRODUCT = [...sources('shared'), ...sources('functions'), ...sources('infra')];

function importsOf(file: string): string[] {
  const code = readFileSync(join(ROOT, file), 'utf8');
  return [...code.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*'(\.[^']+)'/g)].map((m) =>
    normalize(relative(ROOT, resolve(ROOT, dirname(file), m[1] ?? ''))),
  );
}

describe('the house', () => {
  it('has every import run down the layers', () => {
    const up: string[] = [];
    for (const file of PRODUCT) {
      const from = layerOf(file);
      for (const target of importsOf(file)) {
        const to = layerOf(target);
        if (from !== undefined && to !== undefined && to > from) up.push(`${file} → ${target}`);
      }
    }
    expect(up).toEqual([]);
  });

  it('has no cycle among the product files', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const target of importsOf(file)) if (PRODUCT.includes(target)) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of PRODUCT) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('keeps the domain to rules: no Vietnamese sentence, at most 3,500 lines', () => {
    const domain = PRODUCT.filter((file) => file.startsWith('shared/domain/'));
    const vietnamese = /[À-ÃÈ-ÊÌÍÒ-ÕÙÚÝà-ãè-êìíò-õùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ]/;
    const literals = domain.flatMap((file) => {
      const code = readFileSync(join(ROOT, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      return [...code.matchAll(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"/g)]
        .map((m) => m[0])
        .filter((literal) => vietnamese.test(literal))
        .map((literal) => `${file}: ${literal}`);
    });
    expect(literals).toEqual([]);
    const lines = domain.reduce(
      (n, file) => n + readFileSync(join(ROOT, file), 'utf8').split('\n').length,
      0,
    );
    expect(lines).toBeLessThanOrEqual(3500);
  });

  it('keeps test support out of the product and every product file under 400 lines', () => {
    const fromTest = PRODUCT.filter((file) => importsOf(file).some((target) => target.startsWith('test/')));
    expect(fromTest).toEqual([]);
    const long = PRODUCT.filter((file) => readFileSync(join(ROOT, file), 'utf8').split('\n').length > 401);
    expect(long).toEqual([]);
  });
});
