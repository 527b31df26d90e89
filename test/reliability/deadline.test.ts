/**
 * Fault 10: the worker never outlives its Lambda timeout. Every Google call and retry fits in the
 * time the invocation has left (less a reserve for storing and reporting); a unit that cannot
 * finish is reported failed before the deadline, so the partial-batch report is never lost.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../functions/app/dispatcher.ts';
import { work } from '../../functions/app/worker.ts';
import { setLogSink } from '../../functions/lib/logger.ts';
import type { SyncMessage } from '../../functions/lib/messages.ts';
import type { EmbeddedStore } from '../../shared/adapters/dynamodb/local.ts';
import { DEADLINE_RESERVE_MS, GoogleCaller } from '../../shared/adapters/google/caller.ts';
import { type Functions, SYNC, sqsEvent, startFunctions } from '../helpers/functions.ts';
import { startStore } from '../helpers/store.ts';
import { manualClock } from '../support/clocks.ts';

describe('fault 10: retries within the time the invocation has left', () => {
  it('stops retrying a unit that keeps answering 503 before the deadline, on a virtual clock', async () => {
    // Prepare: 120 s left, 30 s per attempt, backoff doubling from 1 s (7 attempts would need 142 s).
    const clock = manualClock();
    const deadline = clock.now() + 120_000;
    const caller = new GoogleCaller({ clock, timeoutMs: 30_000, maxAttempts: 7, random: () => 1 });
    caller.setDeadline(() => deadline - clock.now());
    const unavailable = Object.assign(new Error('backend error'), { response: { status: 503 } });
    const started: { at: number; timeout: number }[] = [];
    const call = caller
      .call('read', async (options) => {
        started.push({ at: clock.now(), timeout: options.timeout });
        await clock.sleep(options.timeout); // each attempt hangs until the client's timeout
        throw unavailable;
      })
      .then(
        () => 'ok',
        (error: Error) => ({ name: error.name, at: clock.now() }),
      );
    // Act: the test moves time forward one second at a time until the call gives up.
    let outcome: unknown;
    void call.then((o) => {
      outcome = o;
    });
    while (outcome === undefined) await clock.advance(1_000);
    // Assess: it gave up in time to report, and never started an attempt it could not finish.
    expect(outcome).toMatchObject({ name: 'GoogleUnavailableError' });
    expect((outcome as { at: number }).at).toBeLessThanOrEqual(deadline - DEADLINE_RESERVE_MS);
    for (const { at, timeout } of started)
      expect(at + timeout).toBeLessThanOrEqual(deadline - DEADLINE_RESERVE_MS);
    expect(started.length).toBeLessThan(7);
  });
});

describe('fault 10: the worker and its batch', () => {
  let server: EmbeddedStore;
  let fx: Functions | undefined;
  let restore: ((line: string) => void) | undefined;
  beforeAll(async () => {
    server = await startStore();
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(async () => {
    setLogSink(restore);
    restore = undefined;
    await fx?.close();
  });

  it('reports the messages it has no time left to start as failures, for SQS to deliver again', async () => {
    fx = await startFunctions(server, { units: 5 });
    // The invocation has 60 s left until two units are synced, then only 8 s.
    const lines: string[] = [];
    let left = 60_000;
    let synced = 0;
    restore = setLogSink((line) => {
      lines.push(line);
      if (line.includes('"unit synced"') && ++synced === 2) left = 8_000;
    });
    await dispatch(fx.rt, { kind: 'scheduled-sync' }, '2025-06-10T01:00:00.000Z', 'run-1');
    const messages = (fx.queue.sent.get(SYNC) ?? []) as SyncMessage[];
    const batch = messages.filter((m) => m.unit.code !== 'HD').slice(0, 5);
    const result = await work(fx.rt, sqsEvent(batch), '2025-06-10T01:00:00.000Z', () => left);
    const failed = result.batchItemFailures.map((f) => f.itemIdentifier);
    expect(failed).toEqual(['m-2-1', 'm-3-1', 'm-4-1']);
    for (const id of failed) {
      const index = Number(id.split('-')[1]);
      const unit = batch[index]?.unit.workbook ?? '';
      expect(fx.google.standin.count({ api: 'spreadsheets.get', gridData: true, spreadsheetId: unit })).toBe(
        0,
      ); // never started
    }
    expect(lines.some((l) => l.includes('no time left'))).toBe(true);
  });
});
