/**
 * Builds every function's bundle as the CDK construct does, and beside it a reference bundle that
 * imports only the official clients that function uses (`OFFICIAL_CLIENTS`), with the same
 * esbuild options; then measures both: size (minified) and cold import time, the median of 15
 * fresh Node processes each, taken in pairs (ABBA order); the ratio is the median of the pairs'
 * ratios, so a busy moment of the machine weighs on both sides alike.
 * Used by `npm run bundles` and by the goal table of `npm run bench`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import {
  BUDGET,
  BUNDLE,
  entryOf,
  FUNCTIONS,
  type FunctionName,
  OFFICIAL_CLIENTS,
  ROOT,
} from '../infra/bundling.ts';
import { DEFAULT_MOVEMENT_FILE } from '../shared/movement/files.ts';

/** Pairs of fresh processes per function (own and reference, in ABBA order). */
const RUNS = 15;
const env = {
  ...process.env,
  TABLE_NAME: 'thidua',
  REGISTRY_ID: 'registry',
  GOOGLE_ACCESS: 'read',
  GOOGLE_ACCESS_TOKEN: 'measure',
  AWS_REGION: 'ap-southeast-1',
  SYNC_QUEUE_URL: 'https://sqs.ap-southeast-1.amazonaws.com/1/sync',
  PROPOSE_QUEUE_URL: 'https://sqs.ap-southeast-1.amazonaws.com/1/propose',
};

/** Milliseconds for one fresh process to import the bundle (its top level evaluated). */
function importOnce(file: string): number {
  const out = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const t=performance.now(); await import(${JSON.stringify(`file://${file}`)}); console.log(performance.now()-t)`,
    ],
    { env, encoding: 'utf8' },
  );
  return Number(out.trim().split('\n').at(-1));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function bundle(entry: string, file: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: BUNDLE.target,
    format: BUNDLE.format,
    minify: BUNDLE.minify,
    mainFields: [...BUNDLE.mainFields],
    sourcemap: BUNDLE.sourcemap,
    external: [...BUNDLE.external],
    banner: { js: BUNDLE.banner },
    logLevel: 'error',
  });
}

/** The reference entry: the official clients re-exported, so the bundler keeps exactly them. */
function referenceSource(name: FunctionName): string {
  return Object.entries(OFFICIAL_CLIENTS[name])
    .map(([module, names], i) =>
      names.includes('default')
        ? `export { default as default${i} } from ${JSON.stringify(module)};`
        : `export { ${names.map((n) => `${n} as ${n}${i}`).join(', ')} } from ${JSON.stringify(module)};`,
    )
    .join('\n');
}

export interface BundleFigures {
  readonly name: FunctionName;
  readonly bytes: number;
  readonly importMs: number;
  readonly referenceBytes: number;
  readonly referenceMs: number;
  readonly ratio: number;
  readonly within: boolean;
}

export async function measureBundles(): Promise<BundleFigures[]> {
  const figures: BundleFigures[] = [];
  for (const name of FUNCTIONS) {
    const dir = join(ROOT, 'dist', 'bundles', name);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'index.mjs');
    await bundle(entryOf(name), file);
    copyFileSync(DEFAULT_MOVEMENT_FILE, join(dir, BUNDLE.movementFileName));
    const referenceDir = join(ROOT, 'dist', 'bundles', `${name}-reference`);
    mkdirSync(referenceDir, { recursive: true });
    // Inside the project so that the bundler resolves the packages from its node_modules.
    const referenceEntry = join(referenceDir, 'entry.mjs');
    writeFileSync(referenceEntry, referenceSource(name));
    const reference = join(referenceDir, 'index.mjs');
    await bundle(referenceEntry, reference);
    importOnce(file); // warms the file system cache for both
    importOnce(reference);
    const own: number[] = [];
    const ref: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // ABBA: a slow moment of the machine falls on both sides of a pair alike.
      if (i % 2 === 0) {
        own.push(importOnce(file));
        ref.push(importOnce(reference));
      } else {
        ref.push(importOnce(reference));
        own.push(importOnce(file));
      }
    }
    const bytes = statSync(file).size;
    const importMs = median(own);
    const referenceMs = median(ref);
    // The median of the pairs' ratios: robust to the machine's slow moments, which hit a pair together.
    const ratio = median(own.map((ms, i) => ms / (ref[i] ?? Number.NaN)));
    figures.push({
      name,
      bytes,
      importMs,
      referenceBytes: statSync(reference).size,
      referenceMs,
      ratio,
      within: bytes <= BUDGET.bytes && ratio <= BUDGET.importRatio,
    });
  }
  return figures;
}
