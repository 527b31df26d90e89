/**
 * Time for quotas and backoff, as a port: the real clock in production
 * (`adapters/os/clock.ts`); a sped-up or manual clock in tests and benchmarks, shared by the
 * stand-in (its per-minute quota) and the caller (its pacing), so a quota minute can pass in a
 * second.
 */
export interface Clock {
  /** Milliseconds of this clock's time. */
  now(): number;
  sleep(ms: number): Promise<void>;
}
