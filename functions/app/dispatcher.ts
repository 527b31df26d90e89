/**
 * Scheduled dispatcher (EventBridge Scheduler). `scheduled-sync`: finds the workbooks that changed
 * since their last sync — one Drive listing for the sector — and enqueues one SQS message per unit
 * to look at, recording how many so the last worker can start the proposals. `scheduled-propose`:
 * asks for the proposals (the fallback when a run never completes, e.g. a message in the DLQ).
 */

import { JOB_LEASE } from '../../shared/app/lease.ts';
import { catalogFor } from '../../shared/config/movement.ts';
import { needsSync, rulesDigest } from '../../shared/usecases/sync.ts';
import { logger } from '../lib/logger.ts';
import { type ProposeMessage, type SyncMessage, scheduledEventSchema } from '../lib/messages.ts';
import type { Runtime } from '../lib/runtime.ts';

export interface DispatchResult {
  readonly runId: string;
  readonly enqueued: number;
  readonly units: number;
  /** A previous run still holds the store: nothing was dispatched. */
  readonly busy?: boolean;
}

export async function dispatch(
  rt: Runtime,
  event: unknown,
  now: string,
  runId: string,
): Promise<DispatchResult> {
  const { kind, year: asked } = scheduledEventSchema.parse(event);
  const year = asked ?? rt.year;
  const { SYNC_QUEUE_URL, PROPOSE_QUEUE_URL } = rt.config;
  if (kind === 'scheduled-propose') {
    if (!PROPOSE_QUEUE_URL) throw new Error('PROPOSE_QUEUE_URL is not configured');
    const message: ProposeMessage = { kind: 'propose', runId, year };
    await rt.queue.send(PROPOSE_QUEUE_URL, [message]);
    return { runId, enqueued: 1, units: 0 };
  }
  if (!SYNC_QUEUE_URL) throw new Error('SYNC_QUEUE_URL is not configured');
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
    logger.warn('previous run still working, nothing dispatched', { runId, holder: lease.holder });
    return { runId, enqueued: 0, units: 0, busy: true };
  }
  const registry = await rt.loadRegistry();
  const units = [...registry.units.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  const [states, versions] = await Promise.all([
    rt.store.loadStates(
      year,
      units.map((u) => u.code),
    ),
    rt.workbooks.versions(units.flatMap((u) => (u.workbook ? [u.workbook] : []))),
  ]);
  const rules = rulesDigest(rt.movement, catalog, year);
  const messages: SyncMessage[] = units.flatMap((unit) => {
    const version = unit.workbook ? versions.get(unit.workbook) : undefined;
    return needsSync(states.get(unit.code), version, rules)
      ? [{ kind: 'sync-unit' as const, runId, year, unit, version: version ?? null, force: false }]
      : [];
  });
  // The run is recorded before any message exists, so no worker can finish a run that is not there.
  if (messages.length > 0) {
    await rt.runs.start(runId, year, messages.length, now);
    await rt.queue.send(SYNC_QUEUE_URL, messages);
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
