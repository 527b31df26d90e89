/**
 * Sync worker on the sync queue: one message, one unit. Reads the unit's workbook, validates,
 * stores, writes its feedback — the sync use case with a registry of one. Safe to receive the same
 * message twice (an unchanged workbook is not read again and nothing is written); a poison message
 * or a unit Google did not answer for is reported as a batch item failure, and only that one
 * (Powertools' batch processor, one record after the other: they share the quota and the deadline).
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { DEADLINE_RESERVE_MS } from '../../shared/adapters/google/caller.ts';
import { catalogFor } from '../../shared/movement/movement.ts';
import { syncUnits } from '../../shared/usecases/sync.ts';
import { logger } from '../lib/logger.ts';
import {
  type ProposeMessage,
  parseBody,
  RecordFailed,
  sqsEventSchema,
  syncMessageSchema,
} from '../lib/messages.ts';
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
  const parsed = sqsEventSchema.parse(event) as unknown as SQSEvent;
  rt.caller.setDeadline(remaining);
  try {
    return await processPartialResponse(
      parsed,
      (record: SQSRecord) => workRecord(rt, record, now, remaining),
      new BatchProcessor(EventType.SQS),
      { processInParallel: false, throwOnFullBatchFailure: false },
    );
  } finally {
    rt.caller.setDeadline(undefined);
  }
}

async function workRecord(
  rt: Runtime,
  record: SQSRecord,
  now: string,
  remaining: (() => number) | undefined,
): Promise<void> {
  if (remaining && remaining() < 2 * DEADLINE_RESERVE_MS) {
    logger.warn('no time left, message left for redelivery', { messageId: record.messageId });
    throw new RecordFailed('no time left');
  }
  const message = parseBody(syncMessageSchema, record.body);
  if (!message) {
    logger.warn('poison message', { messageId: record.messageId });
    throw new RecordFailed('poison message');
  }
  const { unit, year } = message;
  const fields = { messageId: record.messageId, unit: unit.code, runId: message.runId };
  try {
    const catalog = catalogFor(rt.movement, year);
    if (!catalog) throw new Error(`no criteria catalog for ${year}`);
    const result = await syncUnits(
      {
        source: rt.workbooks,
        sink: rt.workbooks,
        store: rt.store,
        onUnitError: (_code, error) =>
          logger.warn('unit not synced', {
            ...fields,
            error: error instanceof Error ? error.name : 'unknown',
          }),
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
    logger.info('unit synced', {
      ...fields,
      status: outcome?.status,
      problems: outcome?.problems.length,
      read: outcome?.read,
    });
    if (outcome?.status === 'accepted') rt.metrics.add('UnitsSynced', 1);
    if (outcome?.status === 'rejected') rt.metrics.add('UnitsRejected', 1);
    // SQS delivers it again later; after maxReceiveCount, the DLQ.
    if (!outcome || outcome.status === 'failed') throw new RecordFailed('the unit was not synced');
    const completed = await rt.runs.finish(message.runId, unit.code);
    if (completed) {
      rt.metrics.add('RunSeconds', Math.max(0, (Date.parse(now) - Date.parse(completed.startedAt)) / 1000));
      if (rt.config.PROPOSE_QUEUE_URL) {
        const propose: ProposeMessage = { kind: 'propose', runId: message.runId, year };
        await rt.queue.send(rt.config.PROPOSE_QUEUE_URL, [propose]);
        logger.info('run complete, proposals requested', fields);
      }
    }
  } catch (error) {
    if (error instanceof RecordFailed) throw error;
    logger.error('message failed', {
      ...fields,
      error: error instanceof Error ? error.name : 'unknown',
      detail: error instanceof Error ? error.message : undefined,
    });
    throw new RecordFailed('message failed', { cause: error });
  }
}
