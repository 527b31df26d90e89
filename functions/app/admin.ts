/**
 * On-demand entry for the emulation office (invoked directly, e.g. `aws lambda invoke`):
 *   { "action": "resync-unit", "unitCode": "T01-KV3" }   read that unit's workbook again now
 *   { "action": "repropose", "councilCode": "T01" }       rewrite one council's proposal (or all)
 *   { "action": "round", "round": "final" }               the mid-term or final round's lists (one council, or all)
 *   { "action": "doctor" }                                 what the deployment needs from Google, checked
 *                                                          (as `thidua doctor`: each finding with its fix)
 */
import { GoogleSetupProbe } from '../../shared/adapters/google/setup-probe.ts';
import { JOB_LEASE } from '../../shared/app/lease.ts';
import { isSetupError, type SetupFinding } from '../../shared/domain/setup.ts';
import { findingText } from '../../shared/text/doctor.ts';
import { diagnose } from '../../shared/usecases/doctor.ts';
import { logger } from '../lib/logger.ts';
import { adminEventSchema, type ProposeMessage, type SyncMessage } from '../lib/messages.ts';
import type { Runtime } from '../lib/runtime.ts';

export type AdminResult =
  | { readonly ok: true; readonly runId: string }
  | { readonly ok: false; readonly reason: string }
  | {
      readonly ok: true;
      /** A run would work. */
      readonly ready: boolean;
      readonly account: string | null;
      readonly findings: readonly (SetupFinding & { severity: 'error' | 'warning'; text: string })[];
    };

export async function administer(
  rt: Runtime,
  event: unknown,
  now: string,
  runId: string,
): Promise<AdminResult> {
  const parsed = adminEventSchema.safeParse(event);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => i.message).join('; ') };
  const request = parsed.data;
  if (request.action === 'doctor') return doctor(rt);
  // A resync or a round is a run of its own: it takes the store's lease (so it never shares the
  // Google quota with a run already working), released when its proposals are made.
  const takeLease = async (): Promise<AdminResult | null> => {
    const lease = await rt.leases.acquire({
      name: JOB_LEASE,
      holder: runId,
      nowMs: Date.parse(now),
      ttlMs: rt.config.RUN_LEASE_MS,
    });
    return lease.acquired
      ? null
      : { ok: false, reason: `a run is working (${lease.holder}); ask again when it is done` };
  };
  if (request.action === 'round') {
    if (!rt.config.PROPOSE_QUEUE_URL) throw new Error('PROPOSE_QUEUE_URL is not configured');
    const campaign = rt.movement.campaigns.find((c) => c.kind === request.round);
    if (!campaign) return { ok: false, reason: `the movement has no ${request.round} round` };
    const busy = await takeLease();
    if (busy) return busy;
    const message: ProposeMessage = {
      kind: 'propose',
      runId,
      year: campaign.toYear,
      round: request.round,
      ...(request.councilCode ? { councils: [request.councilCode] } : {}),
    };
    await rt.queue.send(rt.config.PROPOSE_QUEUE_URL, [message]);
    logger.info('round requested', { runId, round: request.round, council: request.councilCode });
    return { ok: true, runId };
  }
  const year = request.year ?? rt.year;
  if (request.action === 'repropose') {
    if (!rt.config.PROPOSE_QUEUE_URL) throw new Error('PROPOSE_QUEUE_URL is not configured');
    const message: ProposeMessage = {
      kind: 'propose',
      runId,
      year,
      ...(request.councilCode ? { councils: [request.councilCode] } : {}),
    };
    await rt.queue.send(rt.config.PROPOSE_QUEUE_URL, [message]);
    logger.info('repropose requested', { runId, council: request.councilCode });
    return { ok: true, runId };
  }
  if (!rt.config.SYNC_QUEUE_URL) throw new Error('SYNC_QUEUE_URL is not configured');
  const registry = await rt.loadRegistry();
  const unit = registry.units.get(request.unitCode.toUpperCase());
  if (!unit) return { ok: false, reason: `unit ${request.unitCode} is not in the registry` };
  const busy = await takeLease();
  if (busy) return busy;
  const versions = await rt.workbooks.versions(unit.workbook ? [unit.workbook] : []);
  const message: SyncMessage = {
    kind: 'sync-unit',
    runId,
    year,
    unit,
    version: (unit.workbook && versions.get(unit.workbook)) || null,
    force: true,
  };
  // A run of one: when it is done, that council's proposals are written again.
  await rt.runs.start(runId, year, 1, now);
  await rt.queue.send(rt.config.SYNC_QUEUE_URL, [message]);
  logger.info('resync requested', { runId, unit: unit.code });
  return { ok: true, runId };
}

/** `thidua doctor` in the cloud: with the functions' own credentials, configuration and pace. */
async function doctor(rt: Runtime): Promise<AdminResult> {
  const c = rt.config;
  const diagnosis = await diagnose(
    { source: rt.workbooks, probe: new GoogleSetupProbe(rt.clients, rt.caller) },
    {
      registryLocation: c.REGISTRY_ID,
      historyLocation: c.HISTORY_ID,
      sharedDriveFolder: c.SHARED_DRIVE_FOLDER,
      pace: {
        readsPerMinute: c.READS_PER_MINUTE,
        writesPerMinute: c.WRITES_PER_MINUTE,
        ...(c.WORKER_CONCURRENCY
          ? {
              workers: {
                count: c.WORKER_CONCURRENCY,
                readsPerMinute: c.ACCOUNT_READS_PER_MINUTE ?? c.READS_PER_MINUTE,
                writesPerMinute: c.ACCOUNT_WRITES_PER_MINUTE ?? c.WRITES_PER_MINUTE,
              },
            }
          : {}),
      },
    },
  );
  logger.info('deployment checked', {
    ready: diagnosis.ready,
    findings: diagnosis.findings.map((f) => f.code),
  });
  return {
    ok: true,
    ready: diagnosis.ready,
    account: diagnosis.account ?? null,
    findings: diagnosis.findings.map((f) => ({
      ...f,
      severity: isSetupError(f) ? 'error' : 'warning',
      text: findingText(f, diagnosis.account),
    })),
  };
}
