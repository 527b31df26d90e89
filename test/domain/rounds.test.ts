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

  it('ranks on the mean share over the round and proposes only those meeting every condition', () => {
    const [hd] = buildRound({ movement, campaign, units, submissions, history });
    const pm = hd?.forms.find((f) => f.awardForm === 'BK-TTG');
    expect(pm?.proposal.quota.quota).toBe(2);
    expect(pm?.proposal.proposed.map((c) => c.id)).toEqual(['A']);
    expect(pm?.proposal.notProposed.map((n) => [n.candidate.id, n.code])).toEqual([['B', 'NOT_ELIGIBLE']]);
    expect(pm?.eligibility.get('B')?.conditions[0]?.state).toBe('missed');
    expect(pm?.eligibility.get('A')?.rule?.source.article).toBe('Điều 73.1.b');
  });

  it('ranks collectives too, leaving them to the council where no condition is encoded', () => {
    const withUnits = new Map([
      ['HD', unit('HD', { runsCouncil: true, headcount: 20 })],
      ['P1', unit('P1', { parentCode: 'HD', headcount: 5 })],
    ]);
    const [hd] = buildRound({ movement, campaign, units: withUnits, submissions, history });
    const forms = hd?.forms.map((f) => `${f.subject}:${f.awardForm}`);
    expect(forms).toEqual([
      'individual:BK-VKSTC',
      'individual:BK-TTG',
      'individual:HCLD3',
      'collective:BK-VKSTC',
      'collective:BK-TTG',
      'collective:HCLD3',
    ]);
    const collective = hd?.forms.find((f) => f.subject === 'collective' && f.awardForm === 'BK-TTG');
    expect(collective?.proposal.notProposed.map((n) => [n.candidate.id, n.code])).toEqual([
      ['P1', 'NEEDS_CHECK'],
    ]);
    expect(collective?.eligibility.get('P1')?.summary).toContain('Hệ thống chưa có quy định áp dụng');
  });

  it('counts a year without accepted data as 0 in the mean', () => {
    const gap = new Map(submissions);
    gap.set(2021, new Map([['HD', submission([person('B', 10)])]]));
    const [hd] = buildRound({ movement, campaign, units, submissions: gap, history });
    const all = hd?.forms[0]?.proposal;
    const a = [...(all?.proposed ?? []), ...(all?.notProposed.map((n) => n.candidate) ?? [])].find(
      (c) => c.id === 'A',
    );
    // 98 of 100 points in each of five years, nothing in the sixth: a mean share of 0.98 × 5/6.
    expect(a && a.points / a.max).toBeCloseTo((0.98 * 5) / 6, 6);
  });
});
