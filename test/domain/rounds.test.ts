import { describe, expect, it } from 'vitest';
import { modelGrids } from '../../shared/adapters/memory/workbooks.ts';
import type { HistoryRecord } from '../../shared/domain/history.ts';
import { applyRoundChoices } from '../../shared/domain/round-choices.ts';
import { buildRound } from '../../shared/domain/rounds.ts';
import type { Submission } from '../../shared/domain/submission.ts';
import { campaignOf } from '../../shared/movement/movement.ts';
import { roundWorkbookModel } from '../../shared/present/round-book.ts';
import { readRoundChoices } from '../../shared/present/round-book-read.ts';
import { reasonText } from '../../shared/text/proposals.ts';
import { eligibilitySummary } from '../../shared/text/rounds.ts';
import { movement, setCell, unit } from '../helpers/fixtures.ts';

const summaryOf = (e: Parameters<typeof eligibilitySummary>[0] | undefined) =>
  e ? eligibilitySummary(e) : '';

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
    // Two places: 1/10 and 1/4 of 2 round down to none, so both get the round's lowest form.
    const byId = new Map(people?.entries.map((e) => [e.candidate.id, e]));
    expect(byId.get('A')?.suggested).toBe('BK-VKSTC');
    expect(byId.get('B')?.suggested).toBe('BK-VKSTC');
    // The movement award's standard is checked, with its source …
    expect(byId.get('B')?.eligibility.get('BK-TTG')?.rule?.source.article).toBe('Điều 73.1.a');
    expect(byId.get('B')?.eligibility.get('BK-TTG')?.state).toBe('eligible');
    // … and the career-merit chain is information: B misses it, A holds it.
    expect(byId.get('B')?.reference.get('BK-TTG')?.conditions[0]?.state).toBe('missed');
    expect(byId.get('A')?.reference.get('BK-TTG')?.state).toBe('eligible');
    expect(byId.get('A')?.reference.get('BK-TTG')?.rule?.source.article).toBe('Điều 73.1.b');
  });

  it('gives the highest form to the first places, whatever the career chains say', () => {
    // One place for each higher form: B (first, no chain) gets the Huân chương, A (chain) the next.
    const tiers = campaign.formTiers.map((t) =>
      t.form === 'BK-VKSTC' ? t : { ...t, share: undefined, count: 1 },
    );
    const [hd] = buildRound({
      movement,
      campaign: { ...campaign, formTiers: tiers },
      units,
      submissions,
      history,
    });
    const byId = new Map(hd?.lists[0]?.entries.map((e) => [e.candidate.id, e]));
    expect([byId.get('B')?.suggested, byId.get('B')?.form]).toEqual(['HCLD3', 'HCLD3']);
    expect([byId.get('A')?.suggested, byId.get('A')?.form]).toEqual(['BK-TTG', 'BK-TTG']);
    // A discipline in the round's years misses the movement standard: one form lower.
    const disciplined = new Map(submissions);
    disciplined.set(
      2023,
      new Map([['HD', submission([person('A', 8), { ...person('B', 10), discipline: 'KT' }])]]),
    );
    const [again] = buildRound({
      movement,
      campaign: { ...campaign, formTiers: tiers },
      units,
      submissions: disciplined,
      history,
    });
    const b = again?.lists[0]?.entries.find((e) => e.candidate.id === 'B');
    expect(b?.eligibility.get('HCLD3')?.state).toBe('ineligible');
    // Every form's standard missed: not ranked, with the reason; A takes the first place's form.
    expect([b?.rank, b?.reason?.code, b?.suggested]).toEqual([null, 'NO_STANDARD_MET', null]);
    expect(again?.lists[0]?.entries.find((e) => e.candidate.id === 'A')?.suggested).toBe('HCLD3');
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
    // The collective standards are not encoded beyond what the council checks itself.
    expect(summaryOf(collectives?.entries[0]?.eligibility.get('BK-TTG'))).toContain('Cần kiểm tra');
    expect(summaryOf(collectives?.entries[0]?.reference.get('BK-TTG'))).toContain(
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

  it('without a selection in the movement file, lists everyone ranked for the council to choose, suggesting a form each', () => {
    const { selection: _, ...ranking } = movement.roundRanking;
    const open = { ...movement, roundRanking: ranking };
    const [hd] = buildRound({ movement: open, campaign, units, submissions, history });
    const people = hd?.lists[0];
    expect(people?.quota).toBeNull();
    expect(people?.entries.map((e) => [e.candidate.id, e.selection, e.suggested, e.form])).toEqual([
      ['B', 'listed', 'BK-VKSTC', null],
      ['A', 'listed', 'BK-VKSTC', null],
    ]);
  });

  it('takes the council’s one form per candidate back from its workbook, and reports what is not a form', () => {
    const [hd] = buildRound({ movement, campaign, units, submissions, history });
    if (!hd) throw new Error('no council');
    const grids = modelGrids(roundWorkbookModel({ movement, campaign, council: hd }));
    const tab = grids['Cá nhân'] ?? [];
    const header = tab.findIndex((row) => row.includes('Hội đồng chọn hình thức'));
    const col = tab[header]?.indexOf('Hội đồng chọn hình thức') ?? -1;
    const rowOf = (id: string) => tab.findIndex((row) => row[1] === id);
    setCell(grids, 'Cá nhân', rowOf('A'), col, 'HCLĐ hạng Ba'); // by its short name
    setCell(grids, 'Cá nhân', rowOf('B'), col, 'Giấy khen');
    const read = readRoundChoices(grids, hd);
    expect(read.problems.map((p) => [p.code, p.cell])).toEqual([
      ['INVALID_CHOICE', `${String.fromCharCode(65 + col)}${rowOf('B') + 1}`],
    ]);
    const decided = applyRoundChoices(hd, read.choices);
    const byId = new Map(decided.lists[0]?.entries.map((e) => [e.candidate.id, e]));
    expect([byId.get('A')?.choice, byId.get('A')?.form]).toEqual(['HCLD3', 'HCLD3']);
    expect([byId.get('B')?.choice, byId.get('B')?.form]).toEqual([null, 'BK-VKSTC']); // the suggestion stands
    // “Không đề nghị”: proposed for nothing; written back as the council wrote it.
    setCell(grids, 'Cá nhân', rowOf('B'), col, 'không đề nghị');
    const none = applyRoundChoices(hd, readRoundChoices(grids, hd).choices);
    expect(none.lists[0]?.entries.find((e) => e.candidate.id === 'B')?.form).toBeNull();
    const again = modelGrids(roundWorkbookModel({ movement, campaign, council: none }))['Cá nhân'] ?? [];
    expect(again.find((row) => row[1] === 'B')?.[col]).toBe('Không đề nghị');
    expect(again.find((row) => row[1] === 'A')?.[col]).toBe('Huân chương Lao động hạng Ba');
  });

  it('does not rank a candidate with fewer years than the movement asks for', () => {
    const once = new Map([[2024, new Map([['HD', submission([person('N', 10)])]])]]);
    const [hd] = buildRound({ movement, campaign, units, submissions: once, history });
    const n = hd?.lists[0]?.entries[0];
    expect([n?.rank, n?.selection, n?.suggested]).toEqual([null, 'unranked', null]);
    expect(n?.reason ? reasonText(n.reason) : '').toContain('cần ít nhất 2 năm');
  });
});
