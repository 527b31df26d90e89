/**
 * Sync worker on the sync queue: one message, one unit. Reads the unit's workbook, validates,
 * stores, writes its feedback — the sync use case with a registry of one. Safe to receive the same
 * message twice (an unchanged workbook is not read again and nothing is written); a poison message
 * or a unit Google did not answer for is reported as a batch item failure, and only that one.
 */
import middy from '@middy/core';
import type { Context, SQSBatchResponse } from 'aws-lambda';
import { work } from './app/worker.ts';
import { loadConfig } from './lib/config.ts';
import { logErrorsOnce } from './lib/middleware.ts';
import { createRuntime, lazyRuntime } from './lib/runtime.ts';

// Configuration is parsed once at cold start and fails fast; clients are built once per container.
const config = loadConfig(process.env);
const runtime = lazyRuntime(() => createRuntime(config));

export const handler = middy<unknown, SQSBatchResponse, Error, Context>()
  .use(logErrorsOnce('worker'))
  .handler(async (event, context) =>
    work(await runtime(), event, new Date().toISOString(), () => context.getRemainingTimeInMillis()),
  );
