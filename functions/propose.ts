/**
 * Proposals, on the propose queue: after a sync run completes (the last worker asks), on the
 * fallback schedule, and on demand. Ranks every council (or the ones asked for) and writes the
 * proposal spreadsheets that changed.
 */
import middy from '@middy/core';
import type { Context, SQSBatchResponse } from 'aws-lambda';
import { propose } from './app/propose.ts';
import { loadConfig } from './lib/config.ts';
import { logErrorsOnce } from './lib/middleware.ts';
import { createRuntime, lazyRuntime } from './lib/runtime.ts';

// Configuration is parsed once at cold start and fails fast; clients are built once per container.
const config = loadConfig(process.env);
const runtime = lazyRuntime(() => createRuntime(config));

export const handler = middy<unknown, SQSBatchResponse, Error, Context>()
  .use(logErrorsOnce('propose'))
  .handler(async (event) => propose(await runtime(), event));
