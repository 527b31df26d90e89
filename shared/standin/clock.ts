/**
 * Time for quotas and backoff. The real clock in production; a sped-up clock in tests, shared by
 * the stand-in (its per-minute quota) and the client (its pacing), so a quota minute can pass in
 * a second.
 */
export interface Clock {
  /** Milliseconds of this clock's time. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/** A clock running `speed` times faster than real time, starting at `start`. */
export function spedUpClock(speed: number, start = Date.UTC(2025, 5, 1)): Clock {
  const origin = performance.now();
  return {
    now: () => start + (performance.now() - origin) * speed,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms / speed))),
  };
}
