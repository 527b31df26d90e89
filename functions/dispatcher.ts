/**
 * Scheduled dispatcher (EventBridge Scheduler). `scheduled-sync`: finds the workbooks that changed
 * since their last sync — one Drive listing for the sector — and enqueues one SQS message per unit
 * to look at, recording how many so the last worker can start the proposals. `scheduled-propose`:
 * asks for the proposals (the fallback when a run never completes, e.g. a message in the DLQ).
 */
import { randomUUID } from 'node:crypto';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { type DispatchResult, dispatch } from './app/dispatcher.ts';
import { loadConfig } from './lib/config.ts';
import { logger } from './lib/logger.ts';
import { lambdaMetrics } from './lib/metrics.ts';
import { withThiduaMiddlewares } from './lib/middleware.ts';
import { CredentialsMissingError, countingGoogle, createRuntime, lazyRuntime } from './lib/runtime.ts';

// Configuration is parsed once at cold start and fails fast; clients are built once per container.
const config = loadConfig(process.env);
const { metrics, port } = lambdaMetrics('dispatcher');
const runtime = lazyRuntime(() => createRuntime(config, { metrics: port }));

/** Said once per container: the key is not in the secret yet (deploy step 2 not done). */
let toldNoKey = false;

export const handler = withThiduaMiddlewares<unknown, DispatchResult | { readonly waitingForKey: true }>(
  'dispatcher',
  metrics,
  async (event) => {
    const rt = await runtime().catch((error: unknown) => {
      if (!(error instanceof CredentialsMissingError)) throw error;
      return null;
    });
    if (!rt) {
      // Deployed before the key was put: nothing to do yet, and no error (no alarm) for it.
      metrics.addMetric('GoogleKeyMissing', MetricUnit.Count, 1);
      if (!toldNoKey)
        logger.warn(
          'no Google key in the credentials secret yet: put it (docs/aws.md, step 2); nothing dispatched',
          {
            secret: config.GOOGLE_SECRET_ID,
          },
        );
      toldNoKey = true;
      return { waitingForKey: true };
    }
    return countingGoogle(rt, () => dispatch(rt, event, new Date().toISOString(), randomUUID()));
  },
);
