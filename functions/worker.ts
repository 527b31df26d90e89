/**
 * Sync worker on the sync queue: one message, one unit. Reads the unit's workbook, validates,
 * stores, writes its feedback — the sync use case with a registry of one. Safe to receive the same
 * message twice (an unchanged workbook is not read again and nothing is written); a poison message
 * or a unit Google did not answer for is reported as a batch item failure, and only that one.
 */
import type { SQSBatchResponse } from 'aws-lambda';
import { work } from './app/worker.ts';
import { loadConfig } from './lib/config.ts';
import { lambdaMetrics } from './lib/metrics.ts';
import { withThiduaMiddlewares } from './lib/middleware.ts';
import { countingGoogle, createRuntime, lazyRuntime } from './lib/runtime.ts';

// Configuration is parsed once at cold start and fails fast; clients are built once per container.
const config = loadConfig(process.env);
const { metrics, port } = lambdaMetrics('worker');
const runtime = lazyRuntime(() => createRuntime(config, { metrics: port }));

export const handler = withThiduaMiddlewares<unknown, SQSBatchResponse>(
  'worker',
  metrics,
  async (event, context) => {
    const rt = await runtime();
    return countingGoogle(rt, () =>
      work(rt, event, new Date().toISOString(), () => context.getRemainingTimeInMillis()),
    );
  },
);
