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

  it('reaches back before the movement: a CSTĐ cơ sở on record for 2018–2019 counts, its year as well completed', () => {
    // A 2017 Bằng khen, then a CSTĐ cơ sở recorded for 2018 (no workbook that year), two more in the movement.
    const history = [
      award('BK-VKSTC', 2017),
      award('CSTDCS', 2018, 'achievement'),
      award('CSTDCS', 2020, 'achievement'),
      award('CSTDCS', 2022, 'achievement'),
    ];
    const result = check('BK-TTG', { years: years(2019, 2024), history });
    expect(result.conditions.map((c) => c.state)).toEqual(['met', 'met', 'met']);
    expect(detailOf(result.conditions[1])).toContain('7 năm liên tục (2018–2019 đến 2024–2025)');
    expect(detailOf(result.conditions[2])).toContain('3/3');
  });

  it('says “cần kiểm tra”, never “chưa đạt”, when the years it cannot judge might hold what is missing', () => {
    // 2018 has neither a workbook nor a title on record: what it held cannot be told.
    const history = [award('BK-VKSTC', 2017), award('CSTDCS', 2020), award('CSTDCS', 2022)];
    const result = check('BK-TTG', { years: years(2019, 2024), history });
    expect(result.conditions.map((c) => c.state)).toEqual(['met', 'met', 'unknown']);
    expect(result.state).toBe('needsCheck');
    // Back to the award with every year judged, the same shortfall is missed.
    const judged = check('BK-TTG', { years: years(2018, 2024), history });
    expect(judged.conditions[2]?.state).toBe('missed');
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
    // Only 3 years counted and the CSTĐ in 2020 falls outside them: both to be checked, since 2021
    // cannot be judged (the chain, and the count in it, may well go on past it).
    expect(result.state).toBe('needsCheck');
    expect(result.conditions.map((c) => c.state)).toEqual(['met', 'unknown', 'unknown']);
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

  it('accepts two consecutive CSTĐ cơ sở, or two excellent years with two initiatives on record', () => {
    const two = check('BK-VKSTC', {
      years: years(2019, 2024),
      history: [award('CSTDCS', 2023), award('CSTDCS', 2024)],
    });
    expect(two.state).toBe('eligible');
    const excellent = years(2019, 2024, 'HTT', [], { 2023: 'HTXS', 2024: 'HTXS' });
    const gapped = [award('CSTDCS', 2022), award('CSTDCS', 2024)];
    // No initiatives tab in the history: the condition says which data is missing, in plain words.
    const unknown = check('BK-VKSTC', { years: excellent, history: gapped });
    expect(unknown.state).toBe('needsCheck');
    expect(eligibilitySummary(unknown)).toContain('Chưa có dữ liệu sáng kiến');
    expect(eligibilitySummary(unknown)).toContain('trang “Sáng kiến”');
    // Two initiatives within the two excellent years: met; one of them earlier: missed.
    expect(check('BK-VKSTC', { years: excellent, history: gapped, initiatives: [2023, 2024] }).state).toBe(
      'eligible',
    );
    const early = check('BK-VKSTC', { years: excellent, history: gapped, initiatives: [2020, 2024] });
    expect(early.state).toBe('ineligible');
    expect(detailOf(early.conditions[0])).toContain('2 năm liên tục hoàn thành xuất sắc');
  });
});

describe('movement awards at a review (theo phong trào)', () => {
  const standard = (form: string, record: CandidateRecord) =>
    evaluateEligibility(movement, form, 'individual', record, 2024, FINAL, 'movement');

  it('checks what the law asks of a movement award, never a career chain', () => {
    const clean = standard('BK-TTG', { years: years(2019, 2024), history: [] });
    expect(clean.state).toBe('eligible');
    expect(clean.basis).toBe('movement');
    expect(clean.rule?.source).toMatchObject({ article: 'Điều 73.1.a', status: 'verified' });
    const hcld = standard('HCLD3', { years: years(2019, 2024), history: [] });
    expect(hcld.conditions.map((c) => [c.state, detailOf(c)])).toEqual([
      ['met', 'Phong trào thực hiện từ năm 2019 đến năm 2025 (6 năm; cần từ 5 năm).'],
      ['met', 'Không bị kỷ luật trong các năm của đợt.'],
    ]);
  });

  it('misses a person disciplined in a year of the round, naming the year', () => {
    const result = standard('BK-VKSTC', { years: years(2019, 2024, 'HTT', [2021]), history: [] });
    expect(result.state).toBe('ineligible');
    expect(eligibilitySummary(result)).toContain('Bị kỷ luật trong năm thi đua 2021–2022');
  });

  it('applies the rules in force at the review: the 2022 mid-term has its own, unverified', () => {
    const mid = evaluateEligibility(
      movement,
      'BK-TTG',
      'individual',
      { years: years(2019, 2021), history: [] },
      2021,
      '2022-06-30',
      'movement',
    );
    expect(mid.rule?.id).toBe('pt-bk-ttg-cn-2013');
    expect(mid.rule?.source.status).toBe('not-found');
  });

  it('never counts a movement’s own awards toward a chain, and keeps each kind', () => {
    const thematic = check('BK-TTG', {
      years: years(2019, 2024),
      history: [
        award('BK-VKSTC', 2018, 'thematic'),
        award('CSTDCS', 2020),
        award('CSTDCS', 2022),
        award('CSTDCS', 2023),
      ],
    });
    expect(thematic.conditions[0]?.state).toBe('missed');
    const achievement = check('BK-TTG', {
      years: years(2019, 2024),
      history: [
        award('BK-VKSTC', 2018, 'achievement'),
        award('CSTDCS', 2020, 'achievement'),
        award('CSTDCS', 2022, 'achievement'),
        award('CSTDCS', 2023, 'achievement'),
      ],
    });
    expect(achievement.state).toBe('eligible');
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
        ['Cá nhân', 'CB5', 'Đỗ Hà', '2020–2021', 'BK-VKSTC', 'Theo công trạng', '7/QĐ', ''],
        ['Cá nhân', 'CB6', 'Vũ Lan', '2020–2021', 'BK-VKSTC', 'Khen miệng', '', ''],
        ['Tập thể', 'T01', 'VKSND tỉnh A', '2022–2023', 'BK-TTG', 'Đột xuất', '8/QĐ-TTg', ''],
      ],
      'Sáng kiến': [
        [
          'Mã cán bộ',
          'Họ và tên',
          'Tên sáng kiến',
          'Năm thi đua',
          'Cấp công nhận',
          'Số quyết định',
          'Ngày quyết định',
        ],
        ['cb1', 'Nguyễn Văn An', 'Số hóa hồ sơ kiểm sát', '2023–2024', 'Cơ sở', '12/QĐ', '15/07/2024'],
        ['CB1', 'Nguyễn Văn An', 'Mẫu cáo trạng', 2022, 'bộ, ngành, tỉnh', '3/QĐ', 45500],
        ['', 'Không mã', 'Một sáng kiến', 2022, 'Cơ sở', '', ''],
        ['CB2', 'Trần Thị Bình', '', 2022, 'Cơ sở', '', ''],
        ['CB2', 'Trần Thị Bình', 'Lịch trực', 2022, 'Cấp xã', '', ''],
        ['CB2', 'Trần Thị Bình', 'Sổ tay', 2022, 'Cơ sở', '4/QĐ', '31/02/2023'],
      ],
    };
    const history = parseHistory(grids, movement);
    expect(history.records.map((r) => [r.id, r.year, r.award, r.kind])).toEqual([
      ['CB1', 2018, 'BK-VKSTC', 'achievement'],
      ['CB1', 2021, 'CSTDCS', 'achievement'],
      ['CB2', 2021, 'BK-VKSTC', 'thematic'], // an older workbook's “Chuyên đề, đột xuất”
      ['CB5', 2020, 'BK-VKSTC', 'merit'],
      ['T01', 2022, 'BK-TTG', 'sudden'],
    ]);
    expect(history.initiatives?.map((i) => [i.staffId, i.year, i.level, i.decisionDate])).toEqual([
      ['CB1', 2023, 'base', '2024-07-15'],
      ['CB1', 2022, 'ministry', '2024-07-27'],
    ]);
    expect(history.problems.map((p) => `${p.tab}!${p.cell}`)).toEqual([
      'Lịch sử khen thưởng!D5',
      'Lịch sử khen thưởng!E6',
      'Lịch sử khen thưởng!F8',
      'Sáng kiến!A4',
      'Sáng kiến!C5',
      'Sáng kiến!E6',
      'Sáng kiến!G7',
    ]);
    expect(history.problems.find((p) => p.cell === 'E6' && p.tab === 'Sáng kiến')?.message).toContain(
      'cấp công nhận “Cấp xã” không hợp lệ',
    );
    // A form outside the catalogue says what may be written instead, the other ministries' Bằng khen among them.
    const unknownForm = history.problems.find((p) => p.cell === 'E6' && p.tab === 'Lịch sử khen thưởng');
    expect(unknownForm?.message).toContain('hình thức “Huy chương vàng” không có trong danh mục');
    expect(unknownForm?.message).toContain('BK-BNT (Bằng khen cấp bộ, ban, ngành, tỉnh (khác))');
    expect(unknownForm?.message).toContain('Đang xem xét kỷ luật');
    // A workbook without the initiatives tab: none on record (null), not zero.
    expect(
      parseHistory({ 'Lịch sử khen thưởng': grids['Lịch sử khen thưởng'] }, movement).initiatives,
    ).toBeNull();
  });
});
