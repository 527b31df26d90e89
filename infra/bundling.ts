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
  // The SDK is bundled, not taken from the runtime: the version tested is the version deployed.
  // fetch-blob (under the Google clients) requires a web-streams polyfill only when the runtime has
  // no ReadableStream — never on Node ≥ 18 — so it is left out.
  external: ['web-streams-polyfill', 'web-streams-polyfill/*'],
  // Some bundled dependencies (the Google clients) are CommonJS and call require().
  banner:
    "import { createRequire as __thiduaRequire } from 'node:module'; const require = __thiduaRequire(import.meta.url);",
  /** Each function reads the movement configuration from this file beside its bundle. */
  movementFileName: 'movement.json',
} as const;

/**
 * The official clients each function uses, as `module: [exports]`: what a reference bundle of
 * that function imports and nothing else. thidua's own code may add at most a quarter to its
 * cold import (issue 20).
 */
const COMMON = {
  '@aws-sdk/client-dynamodb': ['DynamoDBClient'],
  '@aws-sdk/lib-dynamodb': ['DynamoDBDocumentClient', 'BatchGetCommand', 'BatchWriteCommand'],
  '@aws-sdk/client-sqs': ['SQSClient', 'SendMessageBatchCommand'],
  '@aws-sdk/client-secrets-manager': ['SecretsManagerClient'],
  '@aws-lambda-powertools/parameters/secrets': ['SecretsProvider'],
  '@aws-lambda-powertools/logger': ['Logger'],
  '@aws-lambda-powertools/logger/middleware': ['injectLambdaContext'],
  '@aws-lambda-powertools/metrics': ['Metrics'],
  '@aws-lambda-powertools/metrics/middleware': ['logMetrics'],
  '@middy/core': ['default'],
  '@googleapis/sheets': ['sheets'],
  '@googleapis/drive': ['drive'],
  'google-auth-library': ['JWT', 'ExternalAccountClient', 'OAuth2Client'],
  zod: ['z'],
} as const;
const BATCH = { '@aws-lambda-powertools/batch': ['BatchProcessor', 'processPartialResponse'] } as const;
export const OFFICIAL_CLIENTS: Record<FunctionName, Readonly<Record<string, readonly string[]>>> = {
  dispatcher: COMMON,
  worker: { ...COMMON, ...BATCH },
  propose: { ...COMMON, ...BATCH, docx: ['Document', 'Packer', 'Paragraph', 'Table', 'TextRun'] },
  admin: COMMON,
};

/**
 * Per-function budget: the bundle's size, and its cold import against the reference bundle of
 * the official clients it uses (`npm run bundles` exits non-zero while a function is over it).
 */
export const BUDGET = { bytes: 3 * 1024 * 1024, importRatio: 1.25 } as const;
