import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeQuota, describeQuota } from '../../shared/domain/quota.ts';

const quarter = { numerator: 1, denominator: 4 };
const tenth = { numerator: 1, denominator: 10 };

describe('computeQuota', () => {
  it.each([
    [tenth, 9, 'down', 0],
    [tenth, 10, 'down', 1],
    [tenth, 59, 'down', 5],
    [tenth, 9, 'atLeastOne', 1],
    [tenth, 0, 'atLeastOne', 0],
    [quarter, 9, 'down', 2],
    [quarter, 3, 'down', 0],
    [quarter, 3, 'atLeastOne', 1],
    [quarter, 8, 'down', 2],
  ] as const)('%o of %i rounded %s is %i', (fraction, base, rounding, expected) => {
    expect(computeQuota(base, fraction, rounding).quota).toBe(expected);
  });

  it('explains its arithmetic with a decimal comma', () => {
    expect(describeQuota(computeQuota(9, quarter, 'down'))).toBe('1/4 × 9 = 2,25 → 2');
    expect(describeQuota(computeQuota(9, tenth, 'down'))).toBe('1/10 × 9 = 0,9 → 0');
  });

  it('never exceeds fraction × base when rounding down', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 20 }),
        (base, denominator) => {
          const q = computeQuota(base, { numerator: 1, denominator }, 'down');
          return q.quota * denominator <= base && (q.quota + 1) * denominator > base;
        },
      ),
    );
  });
});
