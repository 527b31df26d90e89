/**
 * Scheduled dispatcher (EventBridge Scheduler). `scheduled-sync`: finds the workbooks that changed
 * since their last sync — one Drive listing for the sector — and enqueues one SQS message per unit
 * to look at, recording how many so the last worker can start the proposals. `scheduled-propose`:
 * asks for the proposals (the fallback when a run never completes, e.g. a message in the DLQ).
 */
import { randomUUID } from 'node:crypto';
import { type DispatchResult, dispatch } from './app/dispatcher.ts';
import { loadConfig } from './lib/config.ts';
import { lambdaMetrics } from './lib/metrics.ts';
import { withThiduaMiddlewares } from './lib/middleware.ts';
import { countingGoogle, createRuntime, lazyRuntime } from './lib/runtime.ts';

// Configuration is parsed once at cold start and fails fast; clients are built once per container.
const config = loadConfig(process.env);
const { metrics, port } = lambdaMetrics('dispatcher');
const runtime = lazyRuntime(() => createRuntime(config, { metrics: port }));

export const handler = withThiduaMiddlewares<unknown, DispatchResult>(
  'dispatcher',
  metrics,
  async (event) => {
    const rt = await runtime();
    return countingGoogle(rt, () => dispatch(rt, event, new Date().toISOString(), randomUUID()));
  },
);
