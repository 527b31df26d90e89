/**
 * Runs a job while holding the store's run lease: taken before anything is read, renewed while the
 * job works, released at the end (also on failure). A second run finds the lease held and stops
 * with `StoreBusyError` before doing anything. A lease whose holder died expires after `ttlMs`.
 */
import { hostname } from 'node:os';
import { processAlive } from '../adapters/os/process.ts';
import { type RunLeases, StoreBusyError } from '../ports/index.ts';

export const JOB_LEASE = 'job';

/** A holder name that says where the run is: this machine, this process. */
const holderHere = () => `${hostname()} pid ${process.pid} ${Date.now().toString(36)}`;

/** A holder on this machine whose process is gone (killed, crashed): its lease can be taken at once. */
function deadHereHolder(holder: string): boolean {
  const match = /^(.*) pid (\d+) [0-9a-z]+$/.exec(holder);
  return match !== null && match[1] === hostname() && !processAlive(Number(match[2]));
}

export async function withRunLease<T>(
  leases: RunLeases,
  options: { name?: string; holder?: string; ttlMs?: number },
  job: () => Promise<T>,
): Promise<T> {
  const name = options.name ?? JOB_LEASE;
  const holder = options.holder ?? holderHere();
  const ttlMs = options.ttlMs ?? 120_000;
  const taken = await leases.acquire({ name, holder, nowMs: Date.now(), ttlMs });
  if (!taken.acquired) {
    // A run on this machine that was killed leaves its lease behind; it is not waited out.
    const takenOver =
      deadHereHolder(taken.holder) &&
      (await leases.takeOver({ name, from: taken.holder, holder, nowMs: Date.now(), ttlMs }));
    if (!takenOver) throw new StoreBusyError(taken.holder, taken.since);
  }
  let lost = false;
  const heartbeat = setInterval(() => {
    leases
      .renew({ name, holder, nowMs: Date.now(), ttlMs })
      .then((kept) => {
        lost ||= !kept;
      })
      .catch(() => {});
  }, ttlMs / 3);
  heartbeat.unref();
  try {
    const result = await job();
    // This run's lease expired and another run took the store: neither can be named here.
    if (lost) throw new StoreBusyError(null, null);
    return result;
  } finally {
    clearInterval(heartbeat);
    await leases.release({ name, holder }).catch(() => {});
  }
}
