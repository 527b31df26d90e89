/**
 * How every function is bundled, in one place: used by the CDK construct at synth time and by
 * `npm run bundles` to measure the same bundles locally.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const FUNCTIONS = ['dispatcher', 'worker', 'propose', 'admin'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export const entryOf = (name: FunctionName) => join(ROOT, 'functions', `${name}.ts`);

export const BUNDLE = {
  target: 'node22',
  format: 'esm',
  minify: true,
  sourcemap: true,
  /** ESM builds first: they tree-shake. */
  mainFields: ['module', 'main'],
  // The functions call AWS through shared/adapters/aws (no SDK: issue 12), so nothing of the
  // runtime's SDK is loaded. fetch-blob (under the Google clients) requires a web-streams polyfill
  // only when the runtime has no ReadableStream — never on Node ≥ 18 — so it is left out.
  external: ['web-streams-polyfill', 'web-streams-polyfill/*'],
  // Some bundled dependencies (the Google clients) are CommonJS and call require().
  banner:
    "import { createRequire as __thiduaRequire } from 'node:module'; const require = __thiduaRequire(import.meta.url);",
  /** Each function reads the movement configuration from this file beside its bundle. */
  movementFileName: 'movement.json',
} as const;

/**
 * Per-function size budget (minified bundle) and cold-import budget on a developer machine
 * (issue 12). `npm run bundles` exits non-zero while a function is over it.
 */
export const BUDGET = { bytes: 500 * 1024, importMs: 100 } as const;
