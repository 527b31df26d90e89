/**
 * Builds every function's bundle as the CDK construct does and measures it: size (minified) and
 * cold import time (median of 5 fresh Node processes), also with `--enable-source-maps`. Used by
 * `npm run bundles` and by the goal table of `npm run bench`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BUDGET, BUNDLE, entryOf, FUNCTIONS, type FunctionName, ROOT } from '../infra/bundling.ts';
import { DEFAULT_MOVEMENT_FILE } from '../shared/config/load.ts';

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

export interface BundleFigures {
  readonly name: FunctionName;
  readonly bytes: number;
  readonly importMs: number;
  /** What the runtime's NODE_OPTIONS would cost: the source map read at load. */
  readonly importWithMapsMs: number;
  readonly within: boolean;
}

export async function measureBundles(): Promise<BundleFigures[]> {
  const figures: BundleFigures[] = [];
  for (const name of FUNCTIONS) {
    const dir = join(ROOT, 'dist', 'bundles', name);
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
    const importMs = coldImport(file, []);
    const importWithMapsMs = coldImport(file, ['--enable-source-maps']);
    figures.push({
      name,
      bytes,
      importMs,
      importWithMapsMs,
      within: bytes <= BUDGET.bytes && importMs <= BUDGET.importMs,
    });
  }
  return figures;
}
