/** Quota arithmetic: exact, integer, and explained. */
import type { Fraction, Rounding } from '../movement/movement.ts';

export interface Quota {
  readonly base: number;
  readonly fraction: Fraction;
  readonly rounding: Rounding;
  /** fraction × base before rounding, as an exact "numerator/denominator" of integers. */
  readonly exact: { numerator: number; denominator: number };
  readonly quota: number;
}

/** quota = round-down(fraction × base); with "atLeastOne", a positive base never yields 0. */
export function computeQuota(base: number, fraction: Fraction, rounding: Rounding): Quota {
  if (!Number.isInteger(base) || base < 0)
    throw new RangeError(`quota base must be a whole number ≥ 0: ${base}`);
  const numerator = fraction.numerator * base;
  const floor = Math.floor(numerator / fraction.denominator);
  const quota = rounding === 'atLeastOne' && base > 0 && floor === 0 ? 1 : floor;
  return { base, fraction, rounding, exact: { numerator, denominator: fraction.denominator }, quota };
}

/** "1/4 × 9 = 2,25 → 2" (Vietnamese decimal comma). */
export function describeQuota(q: Quota): string {
  const value = q.exact.numerator / q.exact.denominator;
  const shown = Number.isInteger(value)
    ? String(value)
    : value.toFixed(2).replace(/0+$/, '').replace('.', ',');
  return `${q.fraction.numerator}/${q.fraction.denominator} × ${q.base} = ${shown} → ${q.quota}`;
}
