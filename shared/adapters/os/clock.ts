/** The machine's own clock. */
import type { Clock } from '../../ports/clock.ts';

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
