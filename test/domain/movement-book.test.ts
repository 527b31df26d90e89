import { describe, expect, it } from 'vitest';
import { modelGrids } from '../../shared/adapters/memory/workbooks.ts';
import type { WorkbookGrids } from '../../shared/domain/grid.ts';
import { movementBookModel } from '../../shared/present/movement-book.ts';
import { readMovementBook } from '../../shared/present/movement-book-read.ts';
import { movement, setCell } from '../helpers/fixtures.ts';

const book = () => modelGrids(movementBookModel(movement));
const problemsOf = (grids: WorkbookGrids) =>
  readMovementBook(grids).problems.map((p) => `${p.code} ${p.tab}!${p.cell}`);
/** Row (0-based) of the first row of `tab` whose column `col` holds `value`. */
const rowOf = (grids: WorkbookGrids, tab: string, col: number, value: string) =>
  (grids[tab] ?? []).findIndex((row) => row[col] === value);

describe('the movement workbook', () => {
  it('holds the whole movement: written out and read back, it is the same movement', () => {
    const result = readMovementBook(book());
    expect(result.problems).toEqual([]);
    expect(result.movement).toEqual(movement);
  });

  it('shows what the office reads: dates as dd/mm/yyyy, fractions, Có/Không, Vietnamese choices and sources', () => {
    const grids = book();
    const general = grids['Phong trào'] ?? [];
    const value = (item: string) => general.find((row) => row[0] === item)?.[1];
    expect(value('Ngày bắt đầu phong trào')).toBe('01/06/2019');
    expect(value('Ngày bắt đầu năm thi đua (ngày/tháng)')).toBe('01/06');
    expect(value('Sơ kết, tổng kết: số cá nhân đề xuất (phần của tổng số cán bộ)')).toBe('1/10');
    const quotas = grids['Tỷ lệ khen thưởng'] ?? [];
    expect(quotas[1]?.slice(3, 6)).toEqual(['1/4', '1/10', 'Làm tròn xuống']);
    expect(quotas[1]).toContain('Đã đọc văn bản');
    const criteria = grids['Tiêu chí'] ?? [];
    const veto = criteria.find((row) => row[3] === 'LTT1');
    expect(veto?.slice(1, 3)).toEqual(['Tập thể', 'Loại trừ']);
    expect(veto?.[9]).toBe('Không');
    const rules = grids['Điều kiện khen thưởng'] ?? [];
    expect(rules.filter((row) => row[0] === 'bk-vkstc-2022').map((row) => [row[5], row[6]])).toEqual([
      ['1', 'Một trong các điều kiện sau'],
      ['1.1', 'Số lần liên tục được tặng'],
      ['1.2', 'Số năm liên tục đạt xếp loại, có số sáng kiến'],
    ]);
    // A rule says which kind of award it is the standard of; the rounds' tiers have their own tab.
    const header = rules[0] ?? [];
    const basis = header.indexOf('Loại khen thưởng');
    expect(rules.find((row) => row[0] === 'pt-bk-ttg-cn-2022')?.[basis]).toBe('Theo phong trào (kiểm tra)');
    expect(rules.find((row) => row[0] === 'bk-ttg-2022')?.[basis]).toBe('Theo công trạng (tham khảo)');
    const tiers = grids['Hình thức theo thứ hạng'] ?? [];
    expect(
      tiers.filter((row) => row[0] === 'Tổng kết' && row[1] === 'Cá nhân').map((row) => row.slice(0, 5)),
    ).toEqual([
      ['Tổng kết', 'Cá nhân', 'HCLD3', '1/10', null],
      ['Tổng kết', 'Cá nhân', 'BK-TTG', '1/4', null],
      ['Tổng kết', 'Cá nhân', 'BK-VKSTC', null, null],
    ]);
  });

  it('speaks only Vietnamese to the office, and names no file the office does not have', () => {
    const english =
      /\b(the|of|and|when|which|whose|with|by|for|from|is|are|council|units?|people|headcount|declared|listed|force|date)\b/i;
    const found: string[] = [];
    for (const [tab, grid] of Object.entries(book()))
      for (const [r, row] of grid.entries())
        for (const [c, cell] of row.entries()) {
          if (typeof cell !== 'string') continue;
          // A code of the movement (vhcs-2019-2025, BK-VKSTC) is not prose; an identifier in camelCase is.
          if (english.test(cell) || /[a-z][A-Z]/.test(cell) || /\bLAW\.md\b|\.md\b/.test(cell))
            found.push(`${tab}!${String.fromCharCode(65 + c)}${r + 1}: ${cell.slice(0, 80)}`);
        }
    expect(found).toEqual([]);
  });

  it('reads what the office types: a date typed in Excel, a percentage, a code in lower case', () => {
    const grids = book();
    const general = 'Phong trào';
    setCell(grids, general, rowOf(grids, general, 0, 'Ngày kết thúc phong trào'), 1, 45808); // 31/05/2025 as Excel stores it
    setCell(
      grids,
      general,
      rowOf(grids, general, 0, 'Sơ kết, tổng kết: số tập thể đề xuất (phần của số tập thể)'),
      1,
      '25%',
    );
    setCell(grids, 'Đợt xét', 1, 5, 'bk-vkstc');
    const result = readMovementBook(grids);
    expect(result.problems).toEqual([]);
    expect(result.movement?.period.to).toBe('2025-05-31');
    expect(result.movement?.roundRanking.selection?.collective).toEqual({ numerator: 1, denominator: 4 });
    expect(result.movement?.campaigns[0]?.awardForms).toEqual(['BK-VKSTC']);
  });

  it.each([
    [
      'a date that is not a date',
      'Tỷ lệ khen thưởng',
      1,
      1,
      '31/02/2019',
      'INVALID_CHOICE Tỷ lệ khen thưởng!B2',
    ],
    [
      'a quota that is not a fraction',
      'Tỷ lệ khen thưởng',
      1,
      4,
      'mười phần trăm',
      'INVALID_CHOICE Tỷ lệ khen thưởng!E2',
    ],
    ['a choice not in the list', 'Tiêu chí', 1, 1, 'Đơn vị', 'INVALID_CHOICE Tiêu chí!B2'],
    ['a required cell left blank', 'Tiêu chí', 1, 4, null, 'REQUIRED Tiêu chí!E2'],
    ['a scored criterion without points', 'Tiêu chí', 1, 5, null, 'REQUIRED Tiêu chí!F2'],
    ['a criterion of a catalog that does not exist', 'Tiêu chí', 1, 0, 2030, 'MOVEMENT_INVALID Tiêu chí!A2'],
    ['a criterion code used twice', 'Tiêu chí', 2, 3, 'TT1', 'MOVEMENT_INVALID Tiêu chí!D3'],
    [
      'a round naming an award form that does not exist',
      'Đợt xét',
      2,
      5,
      'BK-VKSTC, BK-XYZ',
      'MOVEMENT_INVALID Đợt xét!F3',
    ],
    [
      'a minimum rating that does not exist',
      'Điều kiện xét',
      1,
      3,
      'GIOI',
      'MOVEMENT_INVALID Điều kiện xét!D2',
    ],
    [
      'a source status not in the list',
      'Hình thức khen thưởng',
      1,
      8,
      'chắc chắn',
      'INVALID_CHOICE Hình thức khen thưởng!I2',
    ],
    ['a whole number that is not one', 'Xếp loại', 1, 2, 'bốn', 'INVALID_CHOICE Xếp loại!C2'],
  ] as const)('points at the cell of %s, in Vietnamese', (_label, tab, row, col, value, expected) => {
    const grids = setCell(book(), tab, row, col, value);
    const result = readMovementBook(grids);
    expect(result.movement).toBeNull();
    expect(problemsOf(grids)).toContain(expected);
    for (const p of result.problems)
      expect(p.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u);
  });

  it('places what only the movement schema sees at the cell it came from', () => {
    const grids = book();
    // An “anyOf” left with one option: the schema needs two.
    const rules = 'Điều kiện khen thưởng';
    const option = rowOf(grids, rules, 5, '1.2');
    (grids[rules] ?? []).splice(option, 1);
    const result = readMovementBook(grids);
    expect(result.movement).toBeNull();
    expect(result.problems.map((p) => `${p.code} ${p.tab}`)).toEqual([`MOVEMENT_INVALID ${rules}`]);
    expect(result.problems[0]?.cell).toMatch(/^[A-Z]+\d+$/);
  });

  it('names a missing tab and a missing column', () => {
    const grids = book();
    delete grids['Xếp loại'];
    setCell(grids, 'Hình thức khen thưởng', 0, 1, 'Tên gọi');
    const problems = problemsOf(grids);
    expect(problems).toContain('TAB_MISSING Xếp loại!');
    expect(problems.some((p) => p.startsWith('HEADER_MISSING Hình thức khen thưởng!'))).toBe(true);
  });
});

describe('what every later step needs, checked before any runs', () => {
  it('refuses a period extended past its criteria, quotas and rules, naming where to extend each', () => {
    const grids = book();
    const general = 'Phong trào';
    setCell(grids, general, rowOf(grids, general, 0, 'Ngày kết thúc phong trào'), 1, '31/05/2026');
    setCell(grids, 'Đợt xét', rowOf(grids, 'Đợt xét', 0, 'Hằng năm'), 2, 2025);
    const result = readMovementBook(grids);
    expect(result.movement).toBeNull();
    expect(result.problems.map((p) => `${p.tab}!${p.cell}`)).toEqual([
      'Bộ tiêu chí!B2',
      'Tỷ lệ khen thưởng!C2',
      'Điều kiện xét!C2',
    ]);
    for (const p of result.problems) expect(p.message).toMatch(/^Năm thi đua 2025–2026 chưa có /);
  });

  it('refuses a round whose years lie outside the period', () => {
    const grids = book();
    setCell(grids, 'Đợt xét', rowOf(grids, 'Đợt xét', 0, 'Tổng kết'), 2, 2026);
    const result = readMovementBook(grids);
    expect(result.problems.map((p) => `${p.tab}!${p.cell}: ${p.message}`)).toEqual([
      'Đợt xét!C4: Đợt xét năm thi đua 2019–2020 đến 2026–2027 nằm ngoài thời gian của phong trào (2019–2020 đến 2024–2025): sửa năm của đợt, hoặc ngày kết thúc phong trào ở trang “Phong trào”.',
    ]);
  });

  it('says what the schema found in Vietnamese, never zod’s English', () => {
    const grids = book();
    setCell(grids, 'Đợt xét', rowOf(grids, 'Đợt xét', 0, 'Sơ kết'), 5, 'BK-VKSTC, BK-KHONG-CO');
    const result = readMovementBook(grids);
    expect(result.problems.length).toBeGreaterThan(0);
    for (const p of result.problems)
      expect(p.message).not.toMatch(/\b(the|of|campaign|names|unknown|Expected|Required)\b/);
  });
});
