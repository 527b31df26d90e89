/**
 * On-demand entry for the emulation office (invoked directly, e.g. `aws lambda invoke`):
 *   { "action": "resync-unit", "unitCode": "T01-KV3" }   read that unit's workbook again now
 *   { "action": "repropose", "councilCode": "T01" }       rewrite one council's proposal (or all)
 *   { "action": "round", "round": "final" }               the mid-term or final round's lists (one council, or all)
 */
import { randomUUID } from 'node:crypto';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { type AdminResult, administer } from './app/admin.ts';
import { loadConfig } from './lib/config.ts';
import { logErrorsOnce } from './lib/middleware.ts';
import { createRuntime, lazyRuntime } from './lib/runtime.ts';

// Configuration is parsed once at cold start and fails fast; clients are built once per container.
const config = loadConfig(process.env);
const runtime = lazyRuntime(() => createRuntime(config));

export const handler = middy<unknown, AdminResult, Error, Context>()
  .use(logErrorsOnce('admin'))
  .handler(async (event) =>
    administer(await runtime(), event, new Date().toISOString(), `admin-${randomUUID()}`),
  );
