/** The edge of every handler: one log line per failure, with the request id, then rethrow. */
import type middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger } from './logger.ts';

export function logErrorsOnce<E, R>(name: string): middy.MiddlewareObj<E, R, Error, Context> {
  return {
    onError: async (request) => {
      logger.error('handler failed', {
        function: name,
        requestId: request.context?.awsRequestId,
        error: request.error?.name,
        detail: request.error?.message,
      });
    },
  };
}
