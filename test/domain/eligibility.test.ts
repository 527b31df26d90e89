import { describe, expect, it } from 'vitest';
import { type CandidateRecord, evaluateEligibility } from '../../shared/domain/eligibility.ts';
import type { HistoryRecord } from '../../shared/domain/history.ts';
import { parseHistory } from '../../shared/present/history-read.ts';
import { conditionText, eligibilitySummary } from '../../shared/text/rounds.ts';
import { movement } from '../helpers/fixtures.ts';

const detailOf = (c: { detail: Parameters<typeof conditionText>[0] } | undefined) =>
  c ? conditionText(c.detail) : '';

const FINAL = '2025-09-02';
const award = (award: string, year: number, kind: HistoryRecord['kind'] = 'merit'): HistoryRecord => ({
  subject: 'individual',
  id: 'CB1',
  name: 'Nguyễn Văn An',
  year,
  award,
  kind,
  decision: `${year}/QĐ`,
  decisionDate: '',
});
const years = (
  from: number,
  to: number,
  rating = 'HTT',
  disciplined: number[] = [],
  ratings: Record<number, string> = {},
) =>
  new Map(
    Array.from({ length: to - from + 1 }, (_, i) => from + i).map((y) => [
      y,
      { rating: ratings[y] ?? rating, disciplined: disciplined.includes(y) },
    ]),
  );
const check = (form: string, record: CandidateRecord, date = FINAL) =>
  evaluateEligibility(movement, form, 'individual', record, 2024, date);

describe('Bằng khen Thủ tướng (Luật 2022, Điều 73.1.b)', () => {
  const cstd = [award('CSTDCS', 2020), award('CSTDCS', 2022), award('CSTDCS', 2023)];

  it('is met after a ministry Bằng khen, five good years and three CSTĐ cơ sở — with its source', () => {
    const result = check('BK-TTG', { years: years(2019, 2024), history: [award('BK-VKSTC', 2018), ...cstd] });
    expect(result.state).toBe('eligible');
    expect(result.conditions.map((c) => c.state)).toEqual(['met', 'met', 'met']);
    expect(result.rule?.source.article).toBe('Điều 73.1.b');
  });

  it('counts a Bằng khen of another ministry or province as the prior award (“cấp bộ, ban, ngành, tỉnh”)', () => {
    const result = check('BK-TTG', { years: years(2019, 2024), history: [award('BK-BNT', 2018), ...cstd] });
    expect(result.state).toBe('eligible');
    expect(detailOf(result.conditions[0])).toContain('Bằng khen cấp bộ, ban, ngành, tỉnh (khác)');
  });

  it('reads “05 năm … trở lên” as at least five: the whole run after the award counts', () => {
    // Seven good years after the award; the three CSTĐ cơ sở fall in its first years, before the last five.
    const early = [award('CSTDCS', 2018), award('CSTDCS', 2019), award('CSTDCS', 2020)];
    const result = check('BK-TTG', {
      years: years(2018, 2024),
      history: [award('BK-VKSTC', 2017), ...early],
    });
    expect(result.conditions.map((c) => c.state)).toEqual(['met', 'met', 'met']);
    expect(detailOf(result.conditions[1])).toContain('7 năm liên tục');
  });

  it('misses a person one year short of the chain', () => {
    const result = check('BK-TTG', { years: years(2019, 2024), history: [award('BK-VKSTC', 2020), ...cstd] });
    expect(result.state).toBe('ineligible');
    expect(result.conditions[1]).toMatchObject({ state: 'missed' });
    expect(detailOf(result.conditions[1])).toContain('4 năm liên tục');
  });

  it('counts the years again from after a discipline inside the window', () => {
    const result = check('BK-TTG', {
      years: years(2019, 2024, 'HTT', [2022]),
      history: [award('BK-VKSTC', 2018), ...cstd],
    });
    expect(result.state).toBe('ineligible');
    expect(detailOf(result.conditions[1])).toContain('2 năm liên tục');
    expect(detailOf(result.conditions[1])).toContain('bị kỷ luật');
  });

  it('does not count a thematic award toward the chain', () => {
    const result = check('BK-TTG', {
      years: years(2019, 2024),
      history: [award('BK-VKSTC', 2018, 'thematic'), ...cstd],
    });
    expect(result.conditions[0]).toMatchObject({ state: 'missed' });
    expect(detailOf(result.conditions[0])).toContain('chuyên đề không tính');
  });

  it('asks the council to check when a year of the chain has no data', () => {
    const partial = years(2019, 2024);
    partial.delete(2021);
    const result = check('BK-TTG', { years: partial, history: [award('BK-VKSTC', 2018), ...cstd] });
    expect(result.state).toBe('ineligible'); // only 3 years counted and the CSTĐ in 2020 falls outside
    expect(result.conditions[1]).toMatchObject({ state: 'unknown' });
    expect(detailOf(result.conditions[1])).toContain('Thiếu kết quả năm thi đua 2021–2022');
  });

  it('blocks anyone with a pending discipline, inspection or complaint', () => {
    const result = check('BK-TTG', {
      years: years(2019, 2024),
      history: [award('BK-VKSTC', 2018), ...cstd, award('Đang xem xét kỷ luật', 2024, 'pending')],
    });
    expect(result.state).toBe('ineligible');
    expect(eligibilitySummary(result)).toContain('Đang xem xét kỷ luật');
  });

  it('marks “cần kiểm tra” where no rule is encoded for the date (the 2022 mid-term review)', () => {
    const result = check(
      'BK-TTG',
      { years: years(2019, 2024), history: [award('BK-VKSTC', 2018), ...cstd] },
      '2022-06-30',
    );
    expect(result.state).toBe('needsCheck');
    expect(eligibilitySummary(result)).toContain('Hệ thống chưa có quy định áp dụng tại ngày 30/06/2022');
  });
});

describe('Huân chương Lao động hạng Ba (Điều 44.1.e) and Bằng khen VKSNDTC (Điều 74.1.d)', () => {
  it('requires at least one year rated xuất sắc in the chain', () => {
    const history = [
      award('BK-TTG', 2018),
      award('CSTDCS', 2020),
      award('CSTDCS', 2021),
      award('CSTDCS', 2024),
    ];
    expect(check('HCLD3', { years: years(2019, 2024), history }).conditions[2]).toMatchObject({
      state: 'missed',
    });
    const excellent = years(2019, 2024, 'HTT', [], { 2023: 'HTXS' });
    expect(check('HCLD3', { years: excellent, history }).state).toBe('eligible');
  });

  it('accepts two consecutive CSTĐ cơ sở; otherwise leaves the initiatives route to the council', () => {
    const two = check('BK-VKSTC', {
      years: years(2019, 2024),
      history: [award('CSTDCS', 2023), award('CSTDCS', 2024)],
    });
    expect(two.state).toBe('eligible');
    const none = check('BK-VKSTC', {
      years: years(2019, 2024),
      history: [award('CSTDCS', 2022), award('CSTDCS', 2024)],
    });
    expect(none.state).toBe('needsCheck');
    expect(detailOf(none.conditions[0])).toContain('Cần kiểm tra');
  });
});

describe('parseHistory', () => {
  it('reads the office’s history workbook and names the cell of each bad row', () => {
    const grids = {
      'Lịch sử khen thưởng': [
        [
          'Đối tượng',
          'Mã',
          'Họ tên, tên đơn vị',
          'Năm thi đua',
          'Hình thức khen thưởng',
          'Loại khen thưởng',
          'Số quyết định',
          'Ngày quyết định',
        ],
        [
          'Cá nhân',
          'cb1',
          'Nguyễn Văn An',
          '2018–2019',
          'Bằng khen của Viện trưởng Viện kiểm sát nhân dân tối cao',
          'Theo thành tích',
          '123/QĐ',
          '01/09/2019',
        ],
        ['Cá nhân', 'CB1', 'Nguyễn Văn An', 2021, 'CSTDCS', 'Theo thành tích', '45/QĐ', ''],
        ['Cá nhân', 'CB2', 'Trần Thị Bình', '2021–2022', 'BK-VKSTC', 'Chuyên đề, đột xuất', '9/QĐ', ''],
        ['Cá nhân', 'CB3', 'Lê Văn Cường', 'năm ngoái', 'CSTDCS', 'Theo thành tích', '', ''],
        ['Cá nhân', 'CB4', 'Phạm Thu', '2023–2024', 'Huy chương vàng', 'Theo thành tích', '', ''],
      ],
    };
    const history = parseHistory(grids, movement);
    expect(history.records.map((r) => [r.id, r.year, r.award, r.kind])).toEqual([
      ['CB1', 2018, 'BK-VKSTC', 'merit'],
      ['CB1', 2021, 'CSTDCS', 'merit'],
      ['CB2', 2021, 'BK-VKSTC', 'thematic'],
    ]);
    expect(history.problems.map((p) => `${p.tab}!${p.cell}`)).toEqual([
      'Lịch sử khen thưởng!D5',
      'Lịch sử khen thưởng!E6',
    ]);
  });
});
