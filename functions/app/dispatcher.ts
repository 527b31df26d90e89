/**
 * Scheduled dispatcher (EventBridge Scheduler). `scheduled-sync`: finds the workbooks that changed
 * since their last sync — one Drive listing for the sector — and enqueues one SQS message per unit
 * to look at, recording how many so the last worker can start the proposals. `scheduled-propose`:
 * asks for the proposals (the fallback when a run never completes, e.g. a message in the DLQ).
 * `poll` (every few minutes): asks Drive only what changed since the last poll and syncs just those
 * units, so a clerk sees the check of an edit within minutes; an idle poll is one Google call.
 */

import { JOB_LEASE } from '../../shared/app/lease.ts';
import { catalogFor } from '../../shared/movement/movement.ts';
import { needsSync, rulesDigest } from '../../shared/usecases/sync.ts';
import { logger } from '../lib/logger.ts';
import { type ProposeMessage, type SyncMessage, scheduledEventSchema } from '../lib/messages.ts';
import { CHANGES_RECORD, NIGHTLY_OWED_RECORD, PENDING_RECORD, readMarks, setMark } from '../lib/records.ts';
import type { Runtime } from '../lib/runtime.ts';

export interface DispatchResult {
  readonly runId: string;
  readonly enqueued: number;
  readonly units: number;
  /** A previous run still holds the store: nothing was dispatched. */
  readonly busy?: boolean;
}

/** What one dispatch is about: the queue it fills, the year, its instant and its run id. */
interface DispatchRun {
  readonly syncQueueUrl: string;
  readonly year: number;
  readonly now: string;
  readonly runId: string;
}

export async function dispatch(
  rt: Runtime,
  event: unknown,
  now: string,
  runId: string,
): Promise<DispatchResult> {
  const { kind, year: asked } = scheduledEventSchema.parse(event);
  const year = asked ?? rt.year;
  const { SYNC_QUEUE_URL } = rt.config;
  if (!SYNC_QUEUE_URL) throw new Error('SYNC_QUEUE_URL is not configured');
  const run: DispatchRun = { syncQueueUrl: SYNC_QUEUE_URL, year, now, runId };
  if (kind === 'scheduled-propose') return fallbackPropose(rt, run);
  if (kind === 'poll') return poll(rt, run);
  return nightly(rt, run);
}

/**
 * The fallback for a run whose proposals never came (a message in the dead-letter queue). After a
 * night where nothing changed, or a run that completed, it asks Google nothing. A run that is still
 * at work is left to finish (its last worker asks for the proposals, and proposals made now would
 * share the quota with its workers); one that is over — nothing of it left on the sync queue — gets
 * its proposals under its own lease, which the propose function then releases.
 */
async function fallbackPropose(
  rt: Runtime,
  { syncQueueUrl, year, now, runId }: DispatchRun,
): Promise<DispatchResult> {
  const { PROPOSE_QUEUE_URL } = rt.config;
  if (!PROPOSE_QUEUE_URL) throw new Error('PROPOSE_QUEUE_URL is not configured');
  const run = (await readMarks(rt.store, year, [PENDING_RECORD])).get(PENDING_RECORD);
  if (!run) {
    logger.info('no run waiting for its proposals', { runId, year });
    return { runId, enqueued: 0, units: 0 };
  }
  const nowMs = Date.parse(now);
  const holder = await rt.leases.holderAt(JOB_LEASE, nowMs);
  if (holder && holder !== run) {
    logger.info('another run holds the store; its proposals cover this one', { runId, run, holder });
    return { runId, enqueued: 0, units: 0, busy: true };
  }
  const outstanding = await rt.queue.outstanding(syncQueueUrl);
  if (outstanding > 0) {
    logger.info('the run is still at work; its last worker asks for the proposals', {
      runId,
      run,
      outstanding,
    });
    return { runId, enqueued: 0, units: 0, busy: true };
  }
  if (!holder) {
    const lease = await rt.leases.acquire({
      name: JOB_LEASE,
      holder: run,
      nowMs,
      ttlMs: rt.config.RUN_LEASE_MS,
    });
    if (!lease.acquired) return { runId, enqueued: 0, units: 0, busy: true };
  }
  const message: ProposeMessage = { kind: 'propose', runId: run, year };
  await rt.queue.send(PROPOSE_QUEUE_URL, [message]);
  logger.info('fallback proposals for a run that never completed', { runId, run });
  return { runId, enqueued: 1, units: 0 };
}

/**
 * The nightly sync: every unit whose workbook changed since its last check. Refused while another
 * run holds the store (a poll's run, the night before still at work): it is then owed, and the
 * first poll that finds the store free runs it.
 */
async function nightly(
  rt: Runtime,
  { syncQueueUrl, year, now, runId }: DispatchRun,
): Promise<DispatchResult> {
  const catalog = catalogFor(rt.movement, year);
  if (!catalog) throw new Error(`no criteria catalog for ${year}`);

  // One run at a time: while the previous run's units are still being worked, this night waits.
  const nowMs = Date.parse(now);
  const lease = await rt.leases.acquire({
    name: JOB_LEASE,
    holder: runId,
    nowMs,
    ttlMs: rt.config.RUN_LEASE_MS,
  });
  if (!lease.acquired) {
    logger.warn('another run holds the store; the first free poll runs this night', {
      runId,
      holder: lease.holder,
    });
    await setMark(rt.store, year, NIGHTLY_OWED_RECORD, runId);
    return { runId, enqueued: 0, units: 0, busy: true };
  }
  // One listing of the sector's spreadsheets gives every unit workbook's version and the
  // registry's: an unchanged registry comes from the store's cache instead of a Sheets read.
  const versions = await rt.workbooks.listVersions();
  const registryVersion = versions.get(rt.config.REGISTRY_ID);
  const cached = registryVersion ? await rt.store.loadRegistryCache(registryVersion) : null;
  const registry = cached ?? (await rt.loadRegistry());
  if (!cached && registryVersion) await rt.store.saveRegistryCache(registryVersion, registry);
  const units = [...registry.units.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  const states = await rt.store.loadStates(
    year,
    units.map((u) => u.code),
  );
  const rules = rulesDigest(rt.movement, catalog, year);
  // Drive's search over many shared drives may leave some out: those workbooks are asked for.
  if (versions.incomplete) {
    const absent = units.flatMap((u) => (u.workbook && !versions.has(u.workbook) ? [u.workbook] : []));
    for (const [id, time] of await rt.workbooks.versions(absent)) versions.set(id, time);
    logger.warn('Drive listing incomplete; the workbooks it left out were asked for', {
      runId,
      asked: absent.length,
    });
  }
  const messages: SyncMessage[] = units.flatMap((unit) => {
    const version = unit.workbook ? versions.get(unit.workbook) : undefined;
    return needsSync(states.get(unit.code), version, rules)
      ? [{ kind: 'sync-unit' as const, runId, year, unit, version: version ?? null, force: false }]
      : [];
  });
  // The run is recorded before any message exists, so no worker can finish a run that is not there.
  if (messages.length > 0) {
    await rt.runs.start(runId, year, messages.length, now);
    await setMark(rt.store, year, PENDING_RECORD, runId);
    await rt.queue.send(syncQueueUrl, messages);
  } else await rt.leases.release({ name: JOB_LEASE, holder: runId }); // nothing to do: free at once
  logger.info('dispatched', {
    runId,
    year,
    units: units.length,
    enqueued: messages.length,
    registryProblems: registry.problems.length,
  });
  return { runId, enqueued: messages.length, units: units.length };
}

/**
 * One poll: nothing while a run holds the store; otherwise Drive's changes since the last token.
 * Idle: one Google call, no store write. Changed unit workbooks (not the ones thidua itself wrote
 * since their last check) become a run of their own, with its proposals at the end.
 */
async function poll(rt: Runtime, { syncQueueUrl, year, now, runId }: DispatchRun): Promise<DispatchResult> {
  const nowMs = Date.parse(now);
  const holder = await rt.leases.holderAt(JOB_LEASE, nowMs);
  if (holder) {
    logger.info('poll skipped: a run is working', { runId, holder });
    return { runId, enqueued: 0, units: 0, busy: true };
  }
  const marks = await readMarks(rt.store, year, [CHANGES_RECORD, NIGHTLY_OWED_RECORD]);
  // A night refused while a run held the store is run now, in full, instead of this poll.
  if (marks.has(NIGHTLY_OWED_RECORD)) {
    const result = await nightly(rt, { syncQueueUrl, year, now, runId });
    if (!result.busy) await setMark(rt.store, year, NIGHTLY_OWED_RECORD, '');
    logger.info('owed nightly sync run by the poll', { runId, enqueued: result.enqueued });
    return result;
  }
  const before = marks.get(CHANGES_RECORD) ?? null;
  const { token, changed } = await rt.workbooks.changesSince(before);
  const save = async () => {
    if (token !== before) await setMark(rt.store, year, CHANGES_RECORD, token);
  };
  if (changed.size === 0) {
    await save();
    return { runId, enqueued: 0, units: 0 };
  }
  const catalog = catalogFor(rt.movement, year);
  if (!catalog) throw new Error(`no criteria catalog for ${year}`);
  const registry = await rt.loadRegistry();
  const units = [...registry.units.values()].filter((u) => u.workbook && changed.has(u.workbook));
  const states = await rt.store.loadStates(
    year,
    units.map((u) => u.code),
  );
  const rules = rulesDigest(rt.movement, catalog, year);
  const messages: SyncMessage[] = units.flatMap((unit) => {
    const version = unit.workbook ? (changed.get(unit.workbook) ?? null) : null;
    return needsSync(states.get(unit.code), version ?? undefined, rules)
      ? [{ kind: 'sync-unit' as const, runId, year, unit, version, force: false }]
      : [];
  });
  if (messages.length > 0) {
    const lease = await rt.leases.acquire({
      name: JOB_LEASE,
      holder: runId,
      nowMs,
      ttlMs: rt.config.RUN_LEASE_MS,
    });
    if (!lease.acquired) return { runId, enqueued: 0, units: 0, busy: true }; // the token stays: next poll
    await rt.runs.start(runId, year, messages.length, now);
    await setMark(rt.store, year, PENDING_RECORD, runId);
    await rt.queue.send(syncQueueUrl, messages);
  }
  await save();
  logger.info('polled', { runId, changed: changed.size, enqueued: messages.length });
  return { runId, enqueued: messages.length, units: units.length };
}
