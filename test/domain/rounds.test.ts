import { describe, expect, it } from 'vitest';
import { campaignOf } from '../../shared/config/movement.ts';
import type { HistoryRecord } from '../../shared/domain/history.ts';
import { buildRound } from '../../shared/domain/rounds.ts';
import type { Submission } from '../../shared/domain/submission.ts';
import { movement, unit } from '../helpers/fixtures.ts';

const person = (staffId: string, points: number, rating = 'HTT') => ({
  staffId,
  name: `Người ${staffId}`,
  position: '',
  isLeader: false,
  gender: null,
  rating,
  discipline: 'NONE',
  scores: { CN1: 2000, CN2: 2000, CN3: 1500, CN4: 1500, CN5: 1500, CN6: 500, CN7: points * 100 },
  note: '',
});
const submission = (people: ReturnType<typeof person>[]): Submission => ({
  unitCode: 'HD',
  year: 0,
  filledBy: '',
  collective: { items: {}, vetoes: {} },
  people,
});
const merit = (id: string, award: string, year: number): HistoryRecord => ({
  subject: 'individual',
  id,
  name: '',
  year,
  award,
  kind: 'merit',
  decision: '',
  decisionDate: '',
});

describe('buildRound (final review)', () => {
  const campaign = campaignOf(movement, 'final');
  if (!campaign) throw new Error('no final campaign');
  const units = new Map([['HD', unit('HD', { runsCouncil: true, headcount: 20 })]]);
  // A: full chain for Bằng khen Thủ tướng; B: higher scores but no ministry Bằng khen.
  const submissions = new Map(
    [2019, 2020, 2021, 2022, 2023, 2024].map((year) => [
      year,
      new Map([['HD', submission([person('A', 8), person('B', 10)])]]),
    ]),
  );
  const history = [
    merit('A', 'BK-VKSTC', 2018),
    merit('A', 'CSTDCS', 2020),
    merit('A', 'CSTDCS', 2022),
    merit('A', 'CSTDCS', 2024),
  ];

  it('ranks every candidate on the mean share, proposes each for one form, and lists every form’s conditions', () => {
    const [hd] = buildRound({ movement, campaign, units, submissions, history });
    const people = hd?.lists.find((l) => l.subject === 'individual');
    expect(people?.forms.map((f) => f.code)).toEqual(['BK-VKSTC', 'BK-TTG', 'HCLD3']);
    // B scores higher: ranked first, and proposed although no ministry-level award is on record.
    expect(people?.entries.map((e) => [e.candidate.id, e.rank])).toEqual([
      ['B', 1],
      ['A', 2],
    ]);
    // 10% of 20 staff = 2 proposed (thidua's suggestion in the movement file; the council decides).
    expect(people?.quota?.quota).toBe(2);
    expect(people?.entries.map((e) => e.selection)).toEqual(['proposed', 'proposed']);
    // One form each: the highest whose every condition is met (A's chain), else the first.
    const byId = new Map(people?.entries.map((e) => [e.candidate.id, e]));
    expect(byId.get('A')?.suggested).toBe('BK-TTG');
    expect(byId.get('B')?.suggested).toBe('BK-VKSTC');
    // The law as a checklist on the row: B misses the chain for Bằng khen Thủ tướng, with its source.
    expect(byId.get('B')?.eligibility.get('BK-TTG')?.conditions[0]?.state).toBe('missed');
    expect(byId.get('A')?.eligibility.get('BK-TTG')?.rule?.source.article).toBe('Điều 73.1.b');
  });

  it('ranks collectives too, leaving the conditions to the council where none is encoded', () => {
    const withUnits = new Map([
      ['HD', unit('HD', { runsCouncil: true, headcount: 20 })],
      ['P1', unit('P1', { parentCode: 'HD', headcount: 5 })],
    ]);
    const both = new Map(
      [...submissions].map(([year, byUnit]) => [
        year,
        new Map([...byUnit, ['P1', submission([person('C', 9)])]]),
      ]),
    );
    const [hd] = buildRound({ movement, campaign, units: withUnits, submissions: both, history });
    const collectives = hd?.lists.find((l) => l.subject === 'collective');
    expect(collectives?.entries.map((e) => [e.candidate.id, e.selection, e.suggested])).toEqual([
      ['P1', 'proposed', 'BK-VKSTC'],
    ]);
    expect(collectives?.entries[0]?.eligibility.get('BK-TTG')?.summary).toContain(
      'Hệ thống chưa có quy định áp dụng',
    );
  });

  it('takes everyone with a result in any year, in their last unit, and never counts a missing year as 0', () => {
    const gap = new Map(submissions);
    // A is not in the last year's workbook (left, or the unit's last workbook was rejected).
    gap.set(2024, new Map([['HD', submission([person('B', 10)])]]));
    gap.set(2021, new Map([['HD', submission([person('B', 10)])]]));
    const [hd] = buildRound({ movement, campaign, units, submissions: gap, history });
    const a = hd?.lists[0]?.entries.find((e) => e.candidate.id === 'A');
    expect(a?.years).toEqual([2019, 2020, 2022, 2023]);
    expect(a?.missingYears).toEqual([2021, 2024]);
    // 98 of 100 points in each year with a result: a mean share of 0.98.
    expect(a && a.candidate.points / a.candidate.max).toBeCloseTo(0.98, 6);
  });

  it('does not rank a candidate with fewer years than the movement asks for', () => {
    const once = new Map([[2024, new Map([['HD', submission([person('N', 10)])]])]]);
    const [hd] = buildRound({ movement, campaign, units, submissions: once, history });
    const n = hd?.lists[0]?.entries[0];
    expect([n?.rank, n?.selection, n?.suggested]).toEqual([null, 'unranked', null]);
    expect(n?.reason).toContain('cần ít nhất 2 năm');
  });
});
