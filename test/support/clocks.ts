/**
 * Clocks for tests and benchmarks: sped up (a quota minute passes in a second), variable (a timed
 * phase slow, a counted phase fast), or manual (time moves only when the test advances it).
 */
import type { Clock } from '../../shared/ports/clock.ts';

/** A clock running `speed` times faster than real time, starting at `start`. */
export function spedUpClock(speed: number, start = Date.UTC(2025, 5, 1)): Clock {
  const origin = performance.now();
  return {
    now: () => start + (performance.now() - origin) * speed,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms / speed))),
  };
}

/**
 * A sped-up clock whose speed can be changed between phases of a benchmark: a phase that is timed
 * runs slowly enough that this machine's own work is not magnified beyond the quota's pace, a
 * phase whose calls are only counted runs fast. Time never jumps: it runs on from where it was.
 */
export interface VariableClock extends Clock {
  setSpeed(speed: number): void;
}

export function variableClock(speed: number, start = Date.UTC(2025, 5, 1)): VariableClock {
  let base = start;
  let origin = performance.now();
  let current = speed;
  const now = () => base + (performance.now() - origin) * current;
  return {
    now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms / current))),
    setSpeed(next) {
      base = now();
      origin = performance.now();
      current = next;
    },
  };
}

/**
 * A clock that moves only when its owner advances it (tests): `sleep` resolves once `advance` has
 * carried the time past its deadline, so nothing depends on how fast the machine is.
 */
export interface ManualClock extends Clock {
  /** Moves time forward by `ms`, waking each sleeper in deadline order. */
  advance(ms: number): Promise<void>;
  /** Sleepers not yet woken. */
  pending(): number;
}

export function manualClock(start = Date.UTC(2025, 5, 1)): ManualClock {
  let time = start;
  const sleepers: { at: number; wake: () => void }[] = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => time,
    sleep(ms) {
      return new Promise<void>((resolve) => {
        sleepers.push({ at: time + Math.max(0, ms), wake: resolve });
        sleepers.sort((a, b) => a.at - b.at);
      });
    },
    async advance(ms) {
      const until = time + ms;
      await settle();
      for (let next = sleepers[0]; next && next.at <= until; next = sleepers[0]) {
        sleepers.shift();
        time = Math.max(time, next.at);
        next.wake();
        await settle();
      }
      time = until;
    },
    pending: () => sleepers.length,
  };
}
