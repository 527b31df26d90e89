/**
 * Builds every function's bundle as the CDK construct does and prints its size and its cold
 * import time (median of 5 fresh Node processes):   npm run bundles
 * Exits non-zero when a function is over the budget.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BUDGET, BUNDLE, entryOf, FUNCTIONS, ROOT } from '../infra/bundling.ts';
import { DEFAULT_MOVEMENT_FILE } from '../shared/config/load.ts';

const out = join(ROOT, 'dist', 'bundles');
const env = {
  ...process.env,
  TABLE_NAME: 'thidua',
  REGISTRY_ID: 'registry',
  GOOGLE_ACCESS: 'read',
  GOOGLE_ACCESS_TOKEN: 'measure',
  SYNC_QUEUE_URL: 'https://sqs.ap-southeast-1.amazonaws.com/1/sync',
  PROPOSE_QUEUE_URL: 'https://sqs.ap-southeast-1.amazonaws.com/1/propose',
};
/** Median of 5 fresh processes: milliseconds to import the bundle (its top level evaluated). */
function coldImport(file: string, flags: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const ms = execFileSync(
      process.execPath,
      [
        ...flags,
        '--input-type=module',
        '-e',
        `const t=performance.now(); await import(${JSON.stringify(`file://${file}`)}); console.log(performance.now()-t)`,
      ],
      { env, encoding: 'utf8' },
    );
    times.push(Number(ms.trim().split('\n').at(-1)));
  }
  times.sort((a, b) => a - b);
  return times[2] ?? Number.NaN;
}

let over = false;
console.log('function     size (min)   cold import (median of 5)   with --enable-source-maps');
for (const name of FUNCTIONS) {
  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'index.mjs');
  await build({
    entryPoints: [entryOf(name)],
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
  copyFileSync(DEFAULT_MOVEMENT_FILE, join(dir, BUNDLE.movementFileName));
  const bytes = statSync(file).size;
  const median = coldImport(file, []);
  // What the runtime's NODE_OPTIONS would cost: the bundle's source map read at load.
  const withMaps = coldImport(file, ['--enable-source-maps']);
  const ok = bytes <= BUDGET.bytes && median <= BUDGET.importMs;
  over ||= !ok;
  console.log(
    `${name.padEnd(12)} ${(bytes / 1024).toFixed(0).padStart(6)} KB   ${median.toFixed(0).padStart(5)} ms   ${withMaps.toFixed(0).padStart(5)} ms   ${ok ? 'within budget' : 'OVER BUDGET'} (≤ ${BUDGET.bytes / 1024} KB, ≤ ${BUDGET.importMs} ms)`,
  );
}
process.exitCode = over ? 1 : 0;
