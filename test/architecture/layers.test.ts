/**
 * The house's shape, held against the code: every import runs down the layers (movement and
 * domain at the ground, then text, present, ports, use cases, adapters, app, and the edges), no
 * product file imports test support, and no product file is over 400 lines. The imports the
 * domain still takes from `text/` are listed by file until its rules return codes instead of
 * sentences (issue 21): the list may only shrink.
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

/** The domain's rules that still take their Vietnamese messages from text/ (to be emptied). */
const DOMAIN_TEXT_IMPORTS = new Set([
  'shared/domain/candidates.ts',
  'shared/domain/council-choices.ts',
  'shared/domain/eligibility.ts',
  'shared/domain/history.ts',
  'shared/domain/problems.ts',
  'shared/domain/proposals.ts',
  'shared/domain/registry.ts',
  'shared/domain/round-choices.ts',
  'shared/domain/rounds.ts',
  'shared/domain/submission-cells.ts',
  'shared/domain/submission-people.ts',
  'shared/domain/submission-schema.ts',
  'shared/domain/submission.ts',
  'shared/domain/text.ts',
]);

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
    const domainText: string[] = [];
    for (const file of PRODUCT) {
      const from = layerOf(file);
      for (const target of importsOf(file)) {
        const to = layerOf(target);
        if (from === undefined || to === undefined || to <= from) continue;
        if (file.startsWith('shared/domain/') && target.startsWith('shared/text/')) domainText.push(file);
        else up.push(`${file} → ${target}`);
      }
    }
    expect(up).toEqual([]);
    // The domain → text imports left: only the files listed (fewer is progress: shorten the list).
    expect([...new Set(domainText)].filter((f) => !DOMAIN_TEXT_IMPORTS.has(f))).toEqual([]);
  });

  it('keeps test support out of the product and every product file under 400 lines', () => {
    const fromTest = PRODUCT.filter((file) => importsOf(file).some((target) => target.startsWith('test/')));
    expect(fromTest).toEqual([]);
    const long = PRODUCT.filter((file) => readFileSync(join(ROOT, file), 'utf8').split('\n').length > 401);
    expect(long).toEqual([]);
  });
});
