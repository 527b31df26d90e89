import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkbookGrids } from '../../shared/domain/grid.ts';
import { submissionHash } from '../../shared/domain/submission.ts';
import { readSubmission } from '../../shared/present/unit-book-read.ts';
import {
  catalog,
  movement,
  type PersonRow,
  setCell,
  unitGrids,
  vetoCatalog,
  vetoMovement,
  YEAR,
} from '../helpers/fixtures.ts';

const ctx = { movement, catalog, year: YEAR, expectedUnitCode: 'T01-KV1' };
const people: PersonRow[] = [
  { staffId: 'CB001', name: 'Nguyễn Văn An', leader: true },
  { staffId: 'CB002', name: 'Trần Thị Bình', gender: 'Nữ' },
  { staffId: 'CB003', name: 'Lê Văn Cường' },
];
const PEOPLE = 'Cá nhân';
const CN1 = 8; // column I
const read = (grids: WorkbookGrids) => readSubmission(grids, ctx);
const codesAndCells = (grids: WorkbookGrids) =>
  read(grids).problems.map((p) => `${p.code} ${p.tab}!${p.cell}`);

describe('readSubmission: a correct workbook', () => {
  it('is accepted with every person and score, in hundredths', () => {
    const result = read(unitGrids('T01-KV1', people));
    expect(result.problems).toEqual([]);
    expect(result.submission?.people.map((p) => p.staffId)).toEqual(['CB001', 'CB002', 'CB003']);
    const leader = result.submission?.people[0];
    expect(leader?.isLeader).toBe(true);
    expect(leader?.scores.CN8).toBe(1000);
    expect(result.submission?.people[1]?.scores.CN8).toBeUndefined();
    expect(result.submission?.collective.items.TT1).toEqual({
      self: 2300,
      reviewed: null,
      evidence: '',
      reviewReason: '',
    });
    expect(result.submission?.collective.vetoes).toEqual({});
  });
});

describe('readSubmission: what users type', () => {
  it.each([
    ['a comma decimal typed as text', (g: WorkbookGrids) => setCell(g, PEOPLE, 1, CN1, '15,5')],
    ['stray spaces around a number', (g: WorkbookGrids) => setCell(g, PEOPLE, 1, CN1, '  15.5 ')],
    [
      'a name in NFD with extra spaces',
      (g: WorkbookGrids) => setCell(g, PEOPLE, 2, 2, '  Trần   Thị Bình '.normalize('NFD')),
    ],
    [
      'a rating in capitals without diacritics',
      (g: WorkbookGrids) => setCell(g, PEOPLE, 1, 6, 'HOAN THANH TOT NHIEM VU'),
    ],
    [
      'a blank row between people',
      (g: WorkbookGrids) => {
        const grid = g[PEOPLE] ?? [];
        grid.splice(2, 0, [null, null, null, null, null, null, null, null]);
        return g;
      },
    ],
  ])('accepts %s', (_label, mutate) => {
    const result = read(mutate(unitGrids('T01-KV1', people)));
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.submission?.people).toHaveLength(3);
  });

  it('treats NFD and NFC names, and any row order, as the same submission', () => {
    const a = read(unitGrids('T01-KV1', people)).submission;
    const nfd = people.map((p) => ({ ...p, name: p.name.normalize('NFD') })).reverse();
    const b = read(unitGrids('T01-KV1', nfd)).submission;
    expect(a && b && submissionHash(a)).toBe(b && submissionHash(b));
  });

  it('finds columns by header, not by position', () => {
    const grids = unitGrids('T01-KV1', people);
    for (const row of grids[PEOPLE] ?? []) {
      const cn2 = row[CN1 + 1] ?? null;
      row[CN1 + 1] = row[CN1 + 2] ?? null;
      row[CN1 + 2] = cn2;
    }
    const before = read(unitGrids('T01-KV1', people)).submission;
    const after = read(grids).submission;
    expect(after && submissionHash(after)).toBe(before && submissionHash(before));
  });

  it('recomputes the total and warns when the typed one differs', () => {
    const grids = setCell(unitGrids('T01-KV1', people), PEOPLE, 2, CN1 + catalog.individual.items.length, 42);
    const result = read(grids);
    expect(result.submission).not.toBeNull();
    expect(codesAndCells(grids)).toEqual([`TOTAL_MISMATCH ${PEOPLE}!Q3`]);
  });
});

describe('readSubmission: mistakes, each with its cell', () => {
  it.each([
    ['text in a number cell', PEOPLE, 1, CN1, 'tám', 'NOT_A_NUMBER', 'I2'],
    ['a score above the maximum', PEOPLE, 1, CN1, 25, 'OUT_OF_RANGE', 'I2'],
    ['a negative score', PEOPLE, 2, CN1 + 1, -1, 'OUT_OF_RANGE', 'J3'],
    ['three decimals', PEOPLE, 2, CN1, '8,125', 'TOO_MANY_DECIMALS', 'I3'],
    ['a missing score', PEOPLE, 3, CN1 + 6, null, 'REQUIRED', 'O4'],
    ['a missing rating', PEOPLE, 2, 6, null, 'REQUIRED', 'G3'],
    ['a rating not in the list', PEOPLE, 2, 6, 'Giỏi', 'INVALID_CHOICE', 'G3'],
    ['a missing staff id', PEOPLE, 2, 1, '  ', 'REQUIRED', 'B3'],
    ['a formula error', PEOPLE, 2, CN1, '#REF!', 'ERROR_VALUE', 'I3'],
    ['a leader cell that is neither Có nor Không', PEOPLE, 3, 4, 'Phó', 'INVALID_CHOICE', 'E4'],
    ['last year in the info tab', 'Thông tin', 4, 1, '2023–2024', 'YEAR_MISMATCH', 'B5'],
    ['a year that is not a year', 'Thông tin', 4, 1, 'năm nay', 'YEAR_INVALID', 'B5'],
    ["another unit's code", 'Thông tin', 2, 1, 'T01-KV2', 'UNIT_CODE_MISMATCH', 'B3'],
    ['a collective score out of range', 'Tập thể', 1, 3, 30, 'OUT_OF_RANGE', 'D2'],
  ] as const)('rejects %s', (_label, tab, row, col, value, code, cell) => {
    const grids = setCell(unitGrids('T01-KV1', people), tab, row, col, value);
    const result = read(grids);
    expect(result.submission).toBeNull();
    expect(codesAndCells(grids)).toContain(`${code} ${tab}!${cell}`);
    for (const p of result.problems) expect(p.message).toMatch(/\p{L}/u);
  });

  it('asks the collective veto only when the office has switched it on (off by default, thidua’s proposal)', () => {
    expect(read(unitGrids('T01-KV1', people)).submission?.collective.vetoes).toEqual({});
    expect(unitGrids('T01-KV1', people)['Tập thể']?.flat()).not.toContain('LTT1');
    const vetoCtx = { movement: vetoMovement, catalog: vetoCatalog, year: YEAR, expectedUnitCode: 'T01-KV1' };
    const on = unitGrids('T01-KV1', people, undefined, true);
    expect(readSubmission(on, vetoCtx).submission?.collective.vetoes).toEqual({ LTT1: false });
    const unclear = readSubmission(setCell(on, 'Tập thể', 6, 3, 'chưa rõ'), vetoCtx);
    expect(unclear.submission).toBeNull();
    expect(unclear.problems.map((p) => `${p.code} ${p.tab}!${p.cell}`)).toEqual([
      'INVALID_CHOICE Tập thể!D7',
    ]);
  });

  it('ignores a review score typed by the unit (only a council sets one), telling it once', () => {
    // A workbook of an earlier template, with the review columns the unit could type into.
    const grids = unitGrids('T01-KV1', people);
    setCell(grids, 'Tập thể', 0, 5, 'Điểm thẩm định');
    setCell(grids, 'Tập thể', 0, 6, 'Lý do điều chỉnh khi thẩm định');
    setCell(grids, 'Tập thể', 1, 5, 25);
    setCell(grids, 'Tập thể', 2, 5, 25);
    setCell(grids, 'Tập thể', 2, 6, 'Tự thẩm định');
    const result = read(grids);
    expect(result.problems.map((p) => `${p.severity} ${p.code} ${p.tab}!${p.cell}`)).toEqual([
      'warning REVIEW_BY_UNIT Tập thể!F2',
    ]);
    expect(result.submission?.collective.items.TT1).toMatchObject({
      self: 2300,
      reviewed: null,
      reviewReason: '',
    });
    expect(result.submission?.collective.items.TT2?.reviewed).toBeNull();
    // Today's template has no such column.
    expect(unitGrids('T01-KV1', people)['Tập thể']?.[0]).not.toContain('Điểm thẩm định');
  });

  it('rejects a person listed twice, pointing at both rows', () => {
    const grids = unitGrids('T01-KV1', [...people, { staffId: 'cb002 ', name: 'Trần Thị Bình' }]);
    const result = read(grids);
    expect(result.submission).toBeNull();
    const duplicate = result.problems.find((p) => p.code === 'DUPLICATE_PERSON');
    expect(duplicate?.cell).toBe('B5');
    expect(duplicate?.message).toContain('Cá nhân!B3');
  });

  it('rejects a workbook whose individuals tab has lost a criterion column', () => {
    const grids = unitGrids('T01-KV1', people);
    for (const row of grids[PEOPLE] ?? []) row.splice(CN1 + 2, 1);
    expect(codesAndCells(grids)).toContain(`HEADER_MISSING ${PEOPLE}!R1`);
  });

  it('rejects a workbook without its tabs, naming each', () => {
    const codes = read({ Sheet1: [['hello']] }).problems.map((p) => `${p.code} ${p.tab}`);
    expect(codes).toEqual(['TAB_MISSING Thông tin', 'TAB_MISSING Tập thể', 'TAB_MISSING Cá nhân']);
  });

  it('ignores and warns about a leader-only score given to a non-leader', () => {
    const grids = setCell(unitGrids('T01-KV1', people), PEOPLE, 2, CN1 + 7, 10);
    const result = read(grids);
    expect(result.submission?.people.find((p) => p.staffId === 'CB002')?.scores.CN8).toBeUndefined();
    expect(codesAndCells(grids)).toEqual([`LEADER_ONLY_SCORE ${PEOPLE}!P3`]);
  });
});

describe('readSubmission is total', () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.string({ maxLength: 12 }),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.constantFrom(
      'Mã cán bộ',
      'Họ và tên',
      'CN1',
      'Có',
      'Không',
      '8,5',
      '#REF!',
      'Thông tin',
      'Mã đơn vị',
      'T01-KV1',
    ),
  );
  const grid = fc.array(fc.array(cell, { maxLength: 20 }), { maxLength: 25 });

  it('never throws on random grids, and accepts only when there is no error', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('Thông tin', 'Tập thể', 'Cá nhân', 'Khác'), grid),
        (grids) => {
          const result = read(grids);
          expect(result.submission === null).toBe(result.problems.some((p) => p.severity === 'error'));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws when random cells of a real workbook are overwritten', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('Thông tin', 'Tập thể', 'Cá nhân'), fc.nat(8), fc.nat(18), cell), {
          maxLength: 10,
        }),
        (edits) => {
          const grids = unitGrids('T01-KV1', people);
          for (const [tab, row, col, value] of edits) setCell(grids, tab, row, col, value);
          const result = read(grids);
          for (const p of result.problems) expect(p.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
