import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CouncilProposal } from '../../shared/domain/candidates.ts';
import { rankClusters } from '../../shared/domain/council-choices.ts';
import { buildProposals } from '../../shared/domain/proposals.ts';
import { because } from '../../shared/domain/reasons.ts';
import type { RegistryUnit } from '../../shared/domain/registry.ts';
import type { Person, Submission } from '../../shared/domain/submission.ts';
import type { Movement } from '../../shared/movement/movement.ts';
import { reasonText } from '../../shared/text/proposals.ts';
import { movement, unit, vetoMovement, YEAR } from '../helpers/fixtures.ts';

interface P {
  id: string;
  name?: string;
  /** Points out of the 100 every non-leader can get (leaders also get CN8, out of 10). */
  points: number;
  leaderExtra?: number;
  rating?: string;
  discipline?: string;
  woman?: boolean;
}

/** Spreads `points` over CN1..CN7 in hundredths, never above an item's maximum. */
function person(p: P): Person {
  let left = Math.round(p.points * 100);
  const scores: Record<string, number> = {};
  for (const item of movement.catalogs[0]?.individual.items ?? []) {
    if (item.leaderOnly) continue;
    const s = Math.min(left, item.maxPoints * 100);
    scores[item.code] = s;
    left -= s;
  }
  if (p.leaderExtra !== undefined) scores.CN8 = Math.round(p.leaderExtra * 100);
  return {
    staffId: p.id,
    name: p.name ?? `Người ${p.id}`,
    position: '',
    isLeader: p.leaderExtra !== undefined,
    gender: p.woman ? 'female' : 'male',
    rating: p.rating ?? 'HTT',
    discipline: p.discipline ?? 'NONE',
    scores,
    note: '',
  };
}

function submission(unitCode: string, people: P[], collectivePoints = 80, veto = false): Submission {
  const items: Submission['collective']['items'] = {};
  let left = collectivePoints * 100;
  for (const item of movement.catalogs[0]?.collective.items ?? []) {
    const s = Math.min(left, item.maxPoints * 100);
    items[item.code] = { self: s, reviewed: null, evidence: '', reviewReason: '' };
    left -= s;
  }
  return {
    unitCode,
    year: YEAR,
    filledBy: '',
    collective: { items, vetoes: { LTT1: veto } },
    people: people.map(person),
  };
}

function propose(
  units: RegistryUnit[],
  submissions: Submission[],
  m: Movement = movement,
): CouncilProposal[] {
  return buildProposals({
    movement: m,
    year: YEAR,
    units: new Map(units.map((u) => [u.code, u])),
    submissions: new Map(submissions.map((s) => [s.unitCode, s])),
  });
}

const council = (headcount: number | null = null) => unit('HD', { runsCouncil: true, headcount });
const member = (code: string, headcount: number | null = null) => unit(code, { parentCode: 'HD', headcount });
const ids = (list: readonly { id: string }[]) => list.map((c) => c.id);

describe('individuals within the 10% quota', () => {
  it('proposes the best, in rank order', () => {
    const [hd] = propose(
      [council(20)],
      [
        submission('HD', [
          { id: 'a', points: 90 },
          { id: 'b', points: 95 },
          { id: 'c', points: 80 },
        ]),
      ],
    );
    expect(hd?.individuals.quota.quota).toBe(2);
    expect(ids(hd?.individuals.proposed ?? [])).toEqual(['b', 'a']);
    expect(hd?.individuals.notProposed.map((n) => [n.candidate.id, n.code])).toEqual([['c', 'BELOW_LINE']]);
  });

  it('proposes nobody while a discipline is being considered (the award history), and the next takes the place', () => {
    const [hd] = buildProposals({
      movement,
      year: YEAR,
      units: new Map([['HD', council(20)]]),
      submissions: new Map([
        [
          'HD',
          submission('HD', [
            { id: 'a', points: 90 },
            { id: 'b', points: 95 },
            { id: 'c', points: 80 },
          ]),
        ],
      ]),
      pending: new Map([['B', 'Đang xem xét kỷ luật']]),
    });
    expect(ids(hd?.individuals.proposed ?? [])).toEqual(['a', 'c']);
    const b = hd?.individuals.notProposed.find((n) => n.candidate.id === 'b');
    expect(b?.code).toBe('PENDING');
    expect(b && reasonText(b)).toContain('Đang xem xét kỷ luật');
  });

  it('puts a tie that straddles the line before the council, never over the quota', () => {
    const people = [
      { id: 'a', points: 99 },
      { id: 'b', points: 90 },
      { id: 'c', points: 90 },
      { id: 'd', points: 80 },
    ];
    const [hd] = propose([council(20)], [submission('HD', people)]);
    expect(ids(hd?.individuals.proposed ?? [])).toEqual(['a']);
    expect(ids(hd?.individuals.tiedAtLine ?? [])).toEqual(['b', 'c']);
    expect(hd?.individuals.placesForTied).toBe(1);
    expect(hd?.individuals.tiedAtLine.map((c) => c.rank)).toEqual([2, 2]);
  });

  it('compares the share of applicable points exactly, so leaders and others compete fairly', () => {
    // 99/110 and 90/100 are both exactly 90%: a tie, not a floating-point accident.
    const people = [
      { id: 'leader', points: 90, leaderExtra: 9 },
      { id: 'staff', points: 90 },
      { id: 'low', points: 50 },
    ];
    const [hd] = propose([council(10)], [submission('HD', people)]);
    expect(ids(hd?.individuals.tiedAtLine ?? [])).toEqual(['leader', 'staff'].sort());
    const [hd2] = propose(
      [council(10)],
      [
        submission('HD', [
          { id: 'leader', points: 90, leaderExtra: 10 },
          { id: 'staff', points: 90 },
        ]),
      ],
    );
    expect(ids(hd2?.individuals.proposed ?? [])).toEqual(['leader']);
  });

  it('gives a council of nine people no place, and says why', () => {
    const [hd] = propose([council(9)], [submission('HD', [{ id: 'a', points: 100 }])]);
    expect(hd?.individuals.quota.quota).toBe(0);
    expect(hd?.individuals.notProposed[0]?.code).toBe('QUOTA_ZERO');
    expect(reasonText(hd?.individuals.notProposed[0] ?? because('NOT_CHOSEN'))).toContain(
      '1/10 × 9 = 0,9 → 0',
    );
  });

  it('gives that council one place when the policy says "at least one"', () => {
    const atLeastOne = {
      ...movement,
      quotaPolicies: movement.quotaPolicies.map((q) => ({ ...q, rounding: 'atLeastOne' as const })),
    };
    const [hd] = propose([council(9)], [submission('HD', [{ id: 'a', points: 100 }])], atLeastOne);
    expect(ids(hd?.individuals.proposed ?? [])).toEqual(['a']);
  });

  it.each([
    ['a disciplinary measure', { discipline: 'KT' }, 'DISCIPLINE', 'Khiển trách'],
    ['a rating below the minimum', { rating: 'HT' }, 'RATING_BELOW', 'Hoàn thành nhiệm vụ'],
  ])('excludes %s, with the reason', (_label, extra, code, text) => {
    const [hd] = propose(
      [council(30)],
      [
        submission('HD', [
          { id: 'a', points: 100, ...extra },
          { id: 'b', points: 60 },
        ]),
      ],
    );
    expect(ids(hd?.individuals.proposed ?? [])).toEqual(['b']);
    expect(hd?.individuals.notProposed[0]?.code).toBe(code);
    expect(reasonText(hd?.individuals.notProposed[0] ?? because('NOT_CHOSEN'))).toContain(text);
  });

  it('counts declared headcount as the base, whether or not the unit submitted, else the people listed', () => {
    const units = [council(10), member('A', 35), member('B', null), member('C', 15)];
    const [hd] = propose(units, [
      submission('HD', [{ id: 'h', points: 1 }]),
      submission('B', [
        { id: 'b1', points: 1 },
        { id: 'b2', points: 1 },
      ]),
    ]);
    expect(hd?.individuals.quota.base).toBe(10 + 35 + 2 + 15);
    expect(hd?.headcountFromListing).toEqual(['B']);
  });
});

describe('collectives within the 1/4 quota', () => {
  it('ranks the units under the council, not the council itself, and explains who is out', () => {
    const units = [
      council(),
      member('A'),
      member('B'),
      member('C'),
      member('D'),
      member('E'),
      member('F'),
      member('G'),
      member('H'),
    ];
    const subs = [
      submission('A', [], 95),
      submission('B', [], 90),
      submission('C', [], 99, true),
      submission('D', [], 70),
      submission('E', [], 60),
      submission('F', [], 50),
      submission('G', [], 40),
    ];
    const [hd] = propose(units, subs, vetoMovement);
    expect(hd?.collectives.quota.base).toBe(8);
    expect(ids(hd?.collectives.proposed ?? [])).toEqual(['A', 'B']);
    const reasons = new Map(hd?.collectives.notProposed.map((n) => [n.candidate.id, n.code]));
    expect(reasons.get('C')).toBe('VETO');
    // Off (the default): the veto answer is not read, and C is ranked on its score like the others.
    const [off] = propose(units, subs);
    expect(ids(off?.collectives.proposed ?? [])).toEqual(['C', 'A']);
    expect(reasons.get('H')).toBe('NO_SUBMISSION');
    expect(reasons.get('D')).toBe('BELOW_LINE');
  });

  it('uses the council-reviewed score over the self score', () => {
    const a = submission('A', [], 90);
    const b = submission('B', [], 95);
    const tt1 = b.collective.items.TT1;
    if (tt1) tt1.reviewed = 10 * 100;
    const units = [council(), member('A'), member('B'), member('C'), member('D')];
    const [hd] = propose(units, [a, b]);
    expect(ids(hd?.collectives.proposed ?? [])).toEqual(['A']);
  });
});

describe('invariants', () => {
  const personArb = fc.record({
    points: fc.integer({ min: 0, max: 20 }).map((n) => n * 5),
    leader: fc.boolean(),
    rating: fc.constantFrom('HTXS', 'HTT', 'HTT', 'HT'),
    discipline: fc.constantFrom('NONE', 'NONE', 'NONE', 'KT'),
  });
  const sectorArb = fc.record({
    councilHeadcount: fc.option(fc.integer({ min: 0, max: 60 })),
    units: fc.array(
      fc.record({
        headcount: fc.option(fc.integer({ min: 0, max: 80 })),
        submitted: fc.boolean(),
        collective: fc.integer({ min: 0, max: 100 }),
        veto: fc.boolean(),
        people: fc.array(personArb, { maxLength: 25 }),
      }),
      { maxLength: 12 },
    ),
    seed: fc.integer(),
  });

  function sectorOf(s: typeof sectorArb extends fc.Arbitrary<infer T> ? T : never) {
    const units = [council(s.councilHeadcount), ...s.units.map((u, i) => member(`U${i}`, u.headcount))];
    let n = 0;
    const subs = s.units.flatMap((u, i) =>
      u.submitted
        ? [
            submission(
              `U${i}`,
              u.people.map((p) => ({
                id: `P${n++}`,
                points: p.points,
                leaderExtra: p.leader ? 5 : undefined,
                rating: p.rating,
                discipline: p.discipline,
              })),
              u.collective,
              u.veto,
            ),
          ]
        : [],
    );
    return { units, subs };
  }

  it('never proposes more than the quota, accounts for every candidate, and gives every refusal a reason', () => {
    fc.assert(
      fc.property(sectorArb, (s) => {
        const { units, subs } = sectorOf(s);
        for (const hd of propose(units, subs))
          for (const subject of [hd.collectives, hd.individuals]) {
            expect(subject.proposed.length).toBeLessThanOrEqual(subject.quota.quota);
            expect(subject.quota.quota).toBe(
              Math.floor(
                (subject.quota.fraction.numerator * subject.quota.base) / subject.quota.fraction.denominator,
              ),
            );
            if (subject.tiedAtLine.length > 0) {
              expect(subject.tiedAtLine.length).toBeGreaterThan(subject.placesForTied);
              expect(subject.placesForTied).toBeGreaterThan(0);
            }
            for (const n of subject.notProposed) expect(reasonText(n).length).toBeGreaterThan(0);
          }
        const [hd] = propose(units, subs);
        const people = subs.reduce((sum, sub) => sum + sub.people.length, 0);
        const i = hd?.individuals;
        expect((i?.proposed.length ?? 0) + (i?.tiedAtLine.length ?? 0) + (i?.notProposed.length ?? 0)).toBe(
          people,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same result whatever the order of units and rows', () => {
    fc.assert(
      fc.property(sectorArb, fc.integer(), (s, seed) => {
        const { units, subs } = sectorOf(s);
        const shuffle = <T>(items: T[]) => {
          let x = seed >>> 0 || 1;
          const out = [...items];
          for (let i = out.length - 1; i > 0; i--) {
            x = (x * 1103515245 + 12345) >>> 0;
            const j = x % (i + 1);
            [out[i], out[j]] = [out[j] as T, out[i] as T];
          }
          return out;
        };
        const shuffled = shuffle(subs).map((sub) => ({ ...sub, people: shuffle(sub.people) }));
        expect(propose(shuffle(units), shuffled)).toEqual(propose(units, subs));
      }),
      { numRuns: 100 },
    );
  });
});

describe('clusters and blocks (cụm, khối thi đua)', () => {
  it('ranks collectives within each cluster, across councils, with the ineligible listed after', () => {
    const units = [
      unit('TC', { runsCouncil: true }),
      unit('T1', { parentCode: 'TC', runsCouncil: true, cluster: 'Cụm số 1' }),
      unit('T2', { parentCode: 'TC', runsCouncil: true, cluster: 'Cụm số 1' }),
      unit('T3', { parentCode: 'TC', runsCouncil: true, cluster: 'Cụm số 1' }),
      unit('V1', { parentCode: 'TC', cluster: 'Khối các vụ' }),
    ];
    const clusters = rankClusters({
      movement: vetoMovement,
      year: YEAR,
      units: new Map(units.map((u) => [u.code, u])),
      submissions: new Map([
        ['T1', submission('T1', [], 80)],
        ['T2', submission('T2', [], 95)],
        ['T3', submission('T3', [], 99, true)],
        ['V1', submission('V1', [], 70)],
      ]),
    });
    expect(
      clusters.map((c) => [
        c.cluster,
        c.ranked.map((r) => `${r.rank}:${r.id}`),
        c.notRanked.map((n) => n.code),
      ]),
    ).toEqual([
      ['Cụm số 1', ['1:T2', '2:T1'], ['VETO']],
      ['Khối các vụ', ['1:V1'], []],
    ]);
  });
});
