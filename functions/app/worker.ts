/**
 * Sync worker on the sync queue: one message, one unit. Reads the unit's workbook, validates,
 * stores, writes its feedback — the sync use case with a registry of one. Safe to receive the same
 * message twice (an unchanged workbook is not read again and nothing is written); a poison message
 * or a unit Google did not answer for is reported as a batch item failure, and only that one.
 */
import type { SQSBatchResponse } from 'aws-lambda';
import { DEADLINE_RESERVE_MS } from '../../shared/adapters/google/caller.ts';
import { catalogFor } from '../../shared/config/movement.ts';
import { syncUnits } from '../../shared/usecases/sync.ts';
import { logger } from '../lib/logger.ts';
import { type ProposeMessage, parseBody, sqsEventSchema, syncMessageSchema } from '../lib/messages.ts';
import type { Runtime } from '../lib/runtime.ts';

/**
 * `remaining` is the invocation's time left (Lambda's `context.getRemainingTimeInMillis`): every
 * Google call and retry fits in it, and a message there is no time left to start is reported
 * failed (SQS delivers it again) rather than cut off mid-way with the batch report lost.
 */
export async function work(
  rt: Runtime,
  event: unknown,
  now: string,
  remaining?: () => number,
): Promise<SQSBatchResponse> {
  const { Records } = sqsEventSchema.parse(event);
  const failures: string[] = [];
  rt.caller.setDeadline(remaining);
  try {
    await workRecords(rt, Records, now, failures, remaining);
  } finally {
    rt.caller.setDeadline(undefined);
  }
  return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
}

async function workRecords(
  rt: Runtime,
  Records: ReturnType<typeof sqsEventSchema.parse>['Records'],
  now: string,
  failures: string[],
  remaining: (() => number) | undefined,
): Promise<void> {
  for (const record of Records) {
    if (remaining && remaining() < 2 * DEADLINE_RESERVE_MS) {
      logger.warn('no time left, message left for redelivery', { messageId: record.messageId });
      failures.push(record.messageId);
      continue;
    }
    const message = parseBody(syncMessageSchema, record.body);
    if (!message) {
      logger.warn('poison message', { messageId: record.messageId });
      failures.push(record.messageId);
      continue;
    }
    const { unit, year } = message;
    const log = logger.child({ messageId: record.messageId, unit: unit.code, runId: message.runId });
    try {
      const catalog = catalogFor(rt.movement, year);
      if (!catalog) throw new Error(`no criteria catalog for ${year}`);
      const result = await syncUnits(
        {
          source: rt.workbooks,
          sink: rt.workbooks,
          store: rt.store,
          onUnitError: (_code, error) =>
            log.warn('unit not synced', { error: error instanceof Error ? error.name : 'unknown' }),
        },
        {
          movement: rt.movement,
          catalog,
          year,
          registry: { units: new Map([[unit.code, unit]]), problems: [] },
          now,
          force: message.force,
          concurrency: 1,
          flushEvery: 1,
        },
      );
      const outcome = result.units[0];
      log.info('unit synced', {
        status: outcome?.status,
        problems: outcome?.problems.length,
        read: outcome?.read,
      });
      if (!outcome || outcome.status === 'failed') {
        failures.push(record.messageId); // SQS delivers it again later; after maxReceiveCount, the DLQ
        continue;
      }
      if ((await rt.runs.finish(message.runId, unit.code)) && rt.config.PROPOSE_QUEUE_URL) {
        const propose: ProposeMessage = { kind: 'propose', runId: message.runId, year };
        await rt.queue.send(rt.config.PROPOSE_QUEUE_URL, [propose]);
        log.info('run complete, proposals requested');
      }
    } catch (error) {
      log.error('message failed', {
        error: error instanceof Error ? error.name : 'unknown',
        detail: error instanceof Error ? error.message : undefined,
      });
      failures.push(record.messageId);
    }
  }
}
