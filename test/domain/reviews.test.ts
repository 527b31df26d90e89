/**
 * Only councils set a collective's reviewed score (issue 33): which review stands (the highest
 * council's; an inspection over a review of the same council), who may set one, and the scores
 * the rankings use.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CouncilReview,
  FINDING_ONLY,
  mayReview,
  reviewedSubmissions,
  standingReviews,
} from '../../shared/domain/reviews.ts';
import type { Submission } from '../../shared/domain/submission.ts';
import { unit } from '../helpers/fixtures.ts';

/** TC (top) over T01 (a council) over units A and B; C directly under TC. */
const units = new Map(
  [
    unit('TC', { runsCouncil: true }),
    unit('T01', { runsCouncil: true, parentCode: 'TC' }),
    unit('A', { parentCode: 'T01' }),
    unit('B', { parentCode: 'T01' }),
    unit('C', { parentCode: 'TC' }),
  ].map((u) => [u.code, u]),
);

const review = (extra: Partial<CouncilReview>): CouncilReview => ({
  unitCode: 'A',
  criterion: 'TT1',
  points: 1500,
  reason: 'lý do',
  council: 'T01',
  kind: 'review',
  ...extra,
});

describe('who may set a unit’s score', () => {
  it.each([
    ['T01 reviews A, a collective it ranks', review({}), true],
    ['TC reviews A, a collective T01 ranks', review({ council: 'TC' }), false],
    ['TC reviews C, a collective it ranks', review({ council: 'TC', unitCode: 'C' }), true],
    ['TC inspects A, a unit under it', review({ council: 'TC', kind: 'inspection' }), true],
    ['T01 inspects C, a unit not under it', review({ unitCode: 'C', kind: 'inspection' }), false],
    ['A reviews itself (not a council over it)', review({ council: 'A' }), false],
  ])('%s: %s', (_, r, allowed) => {
    expect(mayReview(units, r)).toBe(allowed);
  });
});

describe('the score that stands', () => {
  it.each([
    ['one review', [review({ points: 1500 })], 1500, 'T01'],
    [
      'the top council’s inspection over the unit’s council’s review',
      [review({ points: 1500 }), review({ council: 'TC', kind: 'inspection', points: 1000 })],
      1000,
      'TC',
    ],
    [
      'an inspection over a review of the same council',
      [review({ points: 1500 }), review({ kind: 'inspection', points: 1200 })],
      1200,
      'T01',
    ],
    [
      'a review by a council that may not set it is not used',
      [review({ council: 'TC', points: 100 }), review({ points: 1500 })],
      1500,
      'T01',
    ],
  ])('%s', (_, reviews, points, council) => {
    const standing = standingReviews(reviews, units).get('A')?.get('TT1');
    expect([standing?.points, standing?.council]).toEqual([points, council]);
  });

  it('a finding that changes no score is on record but sets nothing', () => {
    const finding = review({ council: 'TC', kind: 'inspection', criterion: FINDING_ONLY, finding: 'Tốt' });
    expect(standingReviews([finding], units).get('A')?.size ?? 0).toBe(0);
  });

  it('is the same whatever order the reviews come in (property)', () => {
    const all = [
      review({ points: 1500 }),
      review({ kind: 'inspection', points: 1200 }),
      review({ council: 'TC', kind: 'inspection', points: 1000 }),
      review({ criterion: 'TT2', points: 900 }),
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length }), (order) => {
        const standing = standingReviews(order, units).get('A');
        expect([standing?.get('TT1')?.points, standing?.get('TT2')?.points]).toEqual([1000, 900]);
      }),
    );
  });
});

describe('the scores every ranking uses', () => {
  const submission = (reviewed: number | null): Submission => ({
    unitCode: 'A',
    year: 2024,
    filledBy: '',
    collective: {
      items: {
        TT1: { self: 2000, reviewed, evidence: '', reviewReason: reviewed === null ? '' : 'tự thẩm định' },
        TT2: { self: 1800, reviewed: null, evidence: '', reviewReason: '' },
      },
      vetoes: {},
    },
    people: [],
  });

  it('takes the standing review in, with its reason, and never a score the unit set itself', () => {
    const standing = standingReviews([review({ points: 1500, reason: 'thiếu hồ sơ' })], units);
    const out = reviewedSubmissions(new Map([['A', submission(2500)]]), standing).get('A');
    expect(out?.collective.items.TT1).toMatchObject({
      self: 2000,
      reviewed: 1500,
      reviewReason: 'thiếu hồ sơ',
    });
    expect(out?.collective.items.TT2).toMatchObject({ self: 1800, reviewed: null, reviewReason: '' });
    const none = reviewedSubmissions(new Map([['A', submission(2500)]]), new Map()).get('A');
    expect(none?.collective.items.TT1?.reviewed).toBeNull();
  });
});
