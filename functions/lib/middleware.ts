/**
 * The middy stack every handler shares: Powertools' Logger context (cold start, request id),
 * its metrics flushed at the end of the invocation, and one log line per failure at the edge
 * (then the error goes on to Lambda).
 */

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger } from './logger.ts';

export function logErrorsOnce<E, R>(name: string): middy.MiddlewareObj<E, R, Error, Context> {
  return {
    onError: async (request) => {
      logger.error('handler failed', {
        function: name,
        error: request.error?.name,
        detail: request.error?.message,
      });
    },
  };
}

/** A handler with thidua's middlewares around it. */
export function withThiduaMiddlewares<E, R>(
  name: string,
  metrics: Metrics,
  handler: (event: E, context: Context) => Promise<R>,
) {
  return middy<E, R, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use(logErrorsOnce(name))
    .handler(handler);
}
