import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applySectorLimits,
  assignTiers,
  type StepDown,
  shareLimit,
  tierSize,
} from '../../shared/domain/round-tiers.ts';
import type { FormTier } from '../../shared/movement/movement.ts';
import { movement } from '../helpers/fixtures.ts';

const source = { document: 'test', status: 'proposed' as const };
const tier = (form: string, size: Partial<FormTier> = {}): FormTier => ({
  subject: 'individual',
  form,
  rounding: 'down',
  source,
  ...size,
});
const FINAL = [
  tier('HCLD3', { share: { numerator: 1, denominator: 10 } }),
  tier('BK-TTG', { share: { numerator: 1, denominator: 4 } }),
  tier('BK-VKSTC'),
];
const ORDER = ['HCLD3', 'BK-TTG', 'BK-VKSTC'];
const list = (...ranks: number[]) => ranks.map((rank, i) => ({ id: `P${i + 1}`, rank }));
const formsOf = (ranked: ReturnType<typeof list>, tiers = FINAL) => {
  const by = assignTiers(ranked, tiers, 'BK-VKSTC');
  return ranked.map((c) => by.get(c.id)?.form);
};

describe('tier sizes', () => {
  it.each([
    // share, count, rounding, list size → size
    [{ share: { numerator: 1, denominator: 10 } }, 17, 1],
    [{ share: { numerator: 1, denominator: 10 } }, 9, 0],
    [{ share: { numerator: 1, denominator: 10 }, rounding: 'atLeastOne' as const }, 9, 1],
    [{ share: { numerator: 1, denominator: 4 } }, 17, 4],
    [{ count: 3 }, 17, 3],
    [{ count: 3 }, 2, 2],
    [{}, 17, null],
  ])('%o of a list of %i → %s', (size, n, expected) => {
    expect(tierSize(tier('X', size), n)).toBe(expected);
  });
});

describe('forms by place', () => {
  it.each([
    [
      '17 places: 1 Huân chương, 4 Bằng khen Thủ tướng, the rest',
      list(...Array.from({ length: 17 }, (_, i) => i + 1)),
      ['HCLD3', ...Array(4).fill('BK-TTG'), ...Array(12).fill('BK-VKSTC')],
    ],
    ['a list too short for the higher forms', list(1, 2, 3), ['BK-VKSTC', 'BK-VKSTC', 'BK-VKSTC']],
    // Ten places, tied first: neither fits the one Huân chương, both get the next form together.
    [
      'a tie across a tier’s line goes down together',
      list(1, 1, 3, 4, 5, 6, 7, 8, 9, 10),
      ['BK-TTG', 'BK-TTG', 'BK-VKSTC', ...Array(7).fill('BK-VKSTC')],
    ],
  ])('%s', (_, ranked, expected) => {
    expect(formsOf(ranked)).toEqual(expected);
  });

  it('says why a tied group got a lower form than its place', () => {
    const by = assignTiers(list(1, 1, 3, 4, 5, 6, 7, 8, 9, 10), FINAL, 'BK-VKSTC');
    expect(by.get('P1')?.stepDown).toEqual({ from: 'HCLD3', why: 'tie' });
    expect(by.get('P3')?.stepDown).toBeNull();
  });

  it('without tiers, every candidate gets the round’s first form', () => {
    expect(formsOf(list(1, 2), [])).toEqual(['BK-VKSTC', 'BK-VKSTC']);
  });

  it('always: one form each, never a better form for a worse place, equal places the same form', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 60 }), (steps) => {
        // Competition ranks from the gaps between results (0: tied with the one before).
        const ranks: number[] = [];
        steps.forEach((step, i) => {
          ranks.push(i === 0 || step > 0 ? i + 1 : (ranks[i - 1] ?? 1));
        });
        const ranked = list(...ranks);
        const forms = formsOf(ranked);
        expect(forms.every((f) => f !== undefined)).toBe(true);
        for (let i = 1; i < ranked.length; i++) {
          const a = ORDER.indexOf(forms[i - 1] ?? '');
          const b = ORDER.indexOf(forms[i] ?? '');
          expect(a).toBeLessThanOrEqual(b);
          if (ranks[i] === ranks[i - 1]) expect(a).toBe(b);
        }
        // No higher tier holds more than its size.
        expect(forms.filter((f) => f === 'HCLD3').length).toBeLessThanOrEqual(
          tierSize(FINAL[0] as FormTier, ranked.length) ?? 0,
        );
      }),
    );
  });
});

describe('sector-wide limits', () => {
  it.each([
    [[3, 2, 1], 6, [3, 2, 1]],
    [[3, 2, 1], 3, [2, 1, 0]],
    [[1, 1, 1], 2, [1, 1, 0]],
    [[5, 0, 5], 1, [1, 0, 0]],
  ])('counts %o under a limit of %i keep %o', (counts, limit, kept) => {
    expect(shareLimit(counts, limit)).toEqual(kept);
  });

  it('always keeps at most the limit and never more than a council had', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { maxLength: 12 }), fc.nat(40), (counts, limit) => {
        const kept = shareLimit(counts, limit);
        expect(kept.reduce((a, b) => a + b, 0)).toBe(
          Math.min(
            limit,
            counts.reduce((a, b) => a + b, 0),
          ),
        );
        kept.forEach((k, i) => {
          expect(k).toBeLessThanOrEqual(counts[i] ?? 0);
        });
      }),
    );
  });

  it('moves a council’s lowest places down one tier, keeps its own choices, says why', () => {
    const final = movement.campaigns.find((c) => c.kind === 'final');
    if (!final) throw new Error('no final');
    const limited = {
      ...final,
      formTiers: final.formTiers.map((t) =>
        t.form === 'HCLD3' && t.subject === 'individual' ? { ...t, sectorLimit: 1 } : t,
      ),
    };
    const entry = (id: string, rank: number, choice: string | null = null) => ({
      candidate: { id },
      rank,
      suggested: 'HCLD3',
      form: choice ?? 'HCLD3',
      choice,
      stepDown: null as StepDown | null,
    });
    const councils = [
      { code: 'A', lists: [{ subject: 'individual' as const, entries: [entry('A1', 1), entry('A2', 2)] }] },
      { code: 'B', lists: [{ subject: 'individual' as const, entries: [entry('B1', 1, 'HCLD3')] }] },
    ];
    const out = applySectorLimits(councils, limited);
    const a = out[0]?.lists[0]?.entries;
    expect(a?.map((e) => [e.candidate.id, e.suggested, e.form, e.stepDown?.why ?? null])).toEqual([
      ['A1', 'HCLD3', 'HCLD3', null],
      ['A2', 'BK-TTG', 'BK-TTG', 'sectorLimit'],
    ]);
    // B's council chose the form itself: its suggestion moves down, its choice stands.
    expect(out[1]?.lists[0]?.entries.map((e) => [e.suggested, e.form])).toEqual([['BK-TTG', 'HCLD3']]);
  });
});
