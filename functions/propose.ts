/**
 * Proposals, on the propose queue: after a sync run completes (the last worker asks), on the
 * fallback schedule, and on demand. Ranks every council (or the ones asked for) and writes the
 * proposal spreadsheets that changed.
 */
import type { SQSBatchResponse } from 'aws-lambda';
import { propose } from './app/propose.ts';
import { loadConfig } from './lib/config.ts';
import { lambdaMetrics } from './lib/metrics.ts';
import { withThiduaMiddlewares } from './lib/middleware.ts';
import { countingGoogle, createRuntime, lazyRuntime } from './lib/runtime.ts';

// Configuration is parsed once at cold start and fails fast; clients are built once per container.
const config = loadConfig(process.env);
const { metrics, port } = lambdaMetrics('propose');
const runtime = lazyRuntime(() => createRuntime(config, { metrics: port }));

export const handler = withThiduaMiddlewares<unknown, SQSBatchResponse>('propose', metrics, async (event) => {
  const rt = await runtime();
  return countingGoogle(rt, () => propose(rt, event));
});
