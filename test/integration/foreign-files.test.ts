/**
 * Workbooks saved by the tools offices use besides Excel are inputs like ours: thidua's templates
 * filled by an openpyxl script and saved again by LibreOffice Calc (test/fixtures/foreign, made by
 * scripts/foreign-files/make.sh) are read with every value, and the feedback tab is written into
 * them without touching another byte.
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XlsxWorkbooks } from '../../shared/adapters/xlsx/workbooks.ts';
import { WorkbookReadError } from '../../shared/ports/index.ts';
import { feedbackTab } from '../../shared/present/feedback.ts';
import { HISTORY_TABS, parseHistory } from '../../shared/present/history-read.ts';
import { MOVEMENT_BOOK_TABS } from '../../shared/present/movement-book.ts';
import { readMovementBook } from '../../shared/present/movement-book-read.ts';
import { parseRegistry } from '../../shared/present/registry-read.ts';
import { readSubmission } from '../../shared/present/unit-book-read.ts';
import { TABS } from '../../shared/text/sheets.ts';
import { UNIT_TABS } from '../../shared/usecases/sync.ts';
import { catalog, movement, YEAR } from '../helpers/fixtures.ts';
import { packageEntries } from '../helpers/package.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/foreign');
const TOOLS = ['openpyxl', 'libreoffice'] as const;

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'thidua-foreign-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe.each(TOOLS)('a workbook saved by %s', (tool) => {
  const dir = join(FIXTURES, tool);
  const workbooks = new XlsxWorkbooks({ baseDir: dir });

  it('registry: every unit, a province at the top', async () => {
    const registry = parseRegistry(await workbooks.readWorkbook('danh-muc-don-vi.xlsx', [TABS.registry]));
    expect(registry.problems).toEqual([]);
    expect(
      [...registry.units.values()].map((u) => [u.code, u.parentCode, u.runsCouncil, u.headcount]),
    ).toEqual([
      ['HD', null, true, 12],
      ['A', 'HD', false, 8],
    ]);
    expect(registry.units.get('A')?.workbook).toBe('bang-diem/A.xlsx');
    expect(registry.units.get('A')?.name).toBe('Viện kiểm sát nhân dân khu vực 1 – Hà Nam');
  });

  it('unit score workbook: accepted with every score typed, a decimal typed as text included', async () => {
    const grids = await workbooks.readWorkbook('bang-diem/A.xlsx', UNIT_TABS);
    const result = readSubmission(grids, { movement, catalog, year: YEAR, expectedUnitCode: 'A' });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const submission = result.submission;
    expect(submission?.filledBy).toBe('Lê Thị Thu');
    expect(submission?.people.map((p) => p.staffId)).toEqual(['A-001', 'A-002', 'A-003']);
    expect(submission?.people[2]?.scores.CN1).toBe(1550);
    expect(submission?.people[0]?.scores.CN8).toBe(900);
    for (const item of catalog.collective.items)
      expect(submission?.collective.items[item.code]?.self).toBe((item.maxPoints - 1) * 100);
  });

  it('award history: both tabs, a record from before the movement included', async () => {
    const history = parseHistory(
      await workbooks.readWorkbook('lich-su-khen-thuong.xlsx', HISTORY_TABS),
      movement,
    );
    expect(history.problems).toEqual([]);
    expect(history.records.map((r) => [r.id, r.year, r.award, r.kind])).toEqual([
      ['A-001', 2018, 'CSTDCS', 'achievement'],
      ['A-001', 2017, 'BK-VKSTC', 'merit'],
    ]);
    expect(history.initiatives?.map((i) => [i.staffId, i.year])).toEqual([['A-001', 2022]]);
  });

  it('movement workbook: saved as it was, it still reads as the bundled plan', async () => {
    const read = readMovementBook(await workbooks.readWorkbook('phong-trao.xlsx', MOVEMENT_BOOK_TABS));
    expect(read.problems).toEqual([]);
    expect(read.movement?.id).toBe(movement.id);
    expect(read.movement?.catalogs.map((c) => c.fromYear)).toEqual(movement.catalogs.map((c) => c.fromYear));
  });

  it('feedback: only the “Kiểm tra dữ liệu” tab’s part changes; every other entry keeps its bytes', async () => {
    const path = join(scratch, `${tool}-A.xlsx`);
    await copyFile(join(dir, 'bang-diem/A.xlsx'), path);
    const before = await packageEntries(path);
    await new XlsxWorkbooks({ baseDir: scratch }).writeFeedback(
      path,
      feedbackTab({ status: 'accepted', year: YEAR, checkedAt: '2025-06-10T00:00:00Z', problems: [] }),
    );
    const after = await packageEntries(path);
    const changed = [...after.keys()].filter(
      (name) => !before.get(name)?.equals(after.get(name) ?? Buffer.alloc(0)),
    );
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/^xl\/worksheets\/sheet\d+\.xml$/);
    expect([...before.keys()].sort()).toEqual([...after.keys()].sort());
    const grids = await new XlsxWorkbooks({ baseDir: scratch }).readWorkbook(path, UNIT_TABS);
    expect(grids[TABS.feedback]?.flat()).toContain('Đã tiếp nhận');
    expect(grids[TABS.individuals]?.[3]?.[8]).toBe('15,5');
  });
});

describe('a file that is not a .xlsx says what it is and what to do', () => {
  const read = async (name: string, bytes?: Uint8Array) => {
    const path = join(scratch, name);
    if (bytes) await writeFile(path, bytes);
    else await copyFile(join(FIXTURES, 'not-xlsx', name), path);
    return new XlsxWorkbooks({ baseDir: scratch }).readWorkbook(path).then(
      () => 'read',
      (error: unknown) => (error instanceof WorkbookReadError ? error.detail : String(error)),
    );
  };
  it.each([
    ['A-xls.xlsx', undefined, 'Excel 97–2003 (.xls)'],
    ['A-ods.xlsx', undefined, 'OpenDocument (.ods)'],
    ['csv.xlsx', Buffer.from('Mã đơn vị,Tên đơn vị\nA,Đơn vị A\n'), 'văn bản (CSV hoặc trang web)'],
    ['empty.xlsx', Buffer.alloc(0), 'tệp trống (0 byte)'],
  ])('%s', async (name, bytes, says) => {
    const detail = await read(name, bytes);
    expect(detail).toContain(says);
    expect(detail).toContain('lưu lại');
  });
});
