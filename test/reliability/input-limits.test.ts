/**
 * Faults 4 and 5: no input can stop the sector or exhaust the machine.
 *  4. A rejected workbook with thousands of problems (or very long notes) is stored within
 *     DynamoDB's item limit; the unit's tab lists the problems; the other units are synced.
 *  5. Limits are checked before parsing (file size, unzipped size from the zip directory) and at
 *     validation (rows, people, characters per cell), each a problem with its cell; control
 *     characters and direction overrides never reach names, workbooks or the terminal.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryWorkbooks } from '../../shared/adapters/memory/workbooks.ts';
import { XlsxWorkbooks } from '../../shared/adapters/xlsx/workbooks.ts';
import { LIMITS } from '../../shared/domain/limits.ts';
import { WorkbookReadError } from '../../shared/ports/index.ts';
import { readSubmission } from '../../shared/present/unit-book-read.ts';
import { needsSync, rulesDigest, syncUnits } from '../../shared/usecases/sync.ts';
import { catalog, movement, personRow, setCell, unit, unitGrids, YEAR } from '../helpers/fixtures.ts';
import { type TestStore, useStore } from '../helpers/store.ts';
import { people, registryOf, syncInput, tempDir, writeUnitXlsx } from './helpers.ts';

const stores = useStore();
let db: TestStore | undefined;
let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

const read = (grids: ReturnType<typeof unitGrids>) =>
  readSubmission(grids, { movement, catalog, year: YEAR, expectedUnitCode: 'A' });

describe('fault 4: a workbook with thousands of problems', () => {
  it('is stored as rejected within the item limit, its tab lists them, and the other units are synced', async () => {
    db = await stores.fresh();
    const registry = registryOf([
      unit('HD', { runsCouncil: true, headcount: 0, workbook: null }),
      unit('A', { parentCode: 'HD', headcount: 600, workbook: 'A' }),
      unit('B', { parentCode: 'HD', headcount: 10, workbook: 'B' }),
    ]);
    // 600 people with “Đạt” typed as each of the 7 scores: 4,200 problems.
    const typedDat = Array.from({ length: 600 }, (_, i) => ({
      staffId: `A-${i}`,
      name: `Nguyễn Văn ${i} ${'ghi chú dài '.repeat(20)}`,
      scores: ['Đạt', 'Đạt', 'Đạt', 'Đạt', 'Đạt', 'Đạt', 'Đạt', null],
    }));
    const books = new MemoryWorkbooks();
    books.set('A', unitGrids('A', typedDat));
    books.set('B', unitGrids('B', people('B')));
    const result = await syncUnits({ source: books, sink: books, store: db.store }, syncInput(registry));

    const a = result.units.find((u) => u.code === 'A');
    expect(a?.status).toBe('rejected');
    expect(result.units.find((u) => u.code === 'B')?.status).toBe('accepted');
    const state = (await db.store.loadStates(YEAR, ['A'])).get('A');
    expect(state?.lastStatus).toBe('rejected');
    expect(state?.problems.length).toBeLessThanOrEqual(LIMITS.storedProblems);
    expect(state?.problems.at(-1)?.code).toBe('MORE_PROBLEMS');
    expect(Buffer.byteLength(JSON.stringify(state))).toBeLessThan(400 * 1024);
    // The unit's own tab: the first 500 with their cells, then how many more.
    const tab = books.get('A')?.['Kiểm tra dữ liệu'] ?? [];
    expect(tab[1]).toEqual(['Trạng thái', null, null, 'Chưa tiếp nhận — có lỗi cần sửa']);
    expect(tab.filter((row) => typeof row[2] === 'string' && row[2].startsWith('Cá nhân!'))).toHaveLength(
      500,
    );
    expect(String(tab.at(-1)?.[0])).toContain('3700');
  });
});

describe('fault 5: input limits', () => {
  it('turns away a zip bomb from its directory, before expanding it', async () => {
    dir = await tempDir('bomb');
    // A sheet of ~60 MB of rows that compresses to well under a megabyte.
    const row = (r: number) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>x</t></is></c></row>`;
    const rows = Array.from({ length: 800_000 }, (_, i) => row(i + 1)).join('');
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${rows}</sheetData></worksheet>`);
    await writeFile(
      join(dir, 'bomb.xlsx'),
      await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
    );
    const files = new XlsxWorkbooks({ baseDir: dir });
    const error = await files.readWorkbook('bomb.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as WorkbookReadError).detail).toContain('khi giải nén lớn hơn');
  });

  it('refuses a file larger than any unit workbook without reading it', async () => {
    dir = await tempDir('big');
    await writeFile(join(dir, 'big.xlsx'), Buffer.alloc(LIMITS.fileBytes + 1));
    const error = await new XlsxWorkbooks({ baseDir: dir }).readWorkbook('big.xlsx').catch((e: unknown) => e);
    expect((error as WorkbookReadError).detail).toContain('MB');
  });

  it('names the cell of a text too long, and never carries it into a message or a submission', () => {
    const grids = unitGrids('A', people('A'));
    setCell(grids, 'Cá nhân', 2, 2, 'N'.repeat(100_000));
    const result = read(grids);
    expect(result.submission).toBeNull();
    const problem = result.problems.find((p) => p.code === 'CELL_TOO_LONG');
    expect(problem).toMatchObject({ tab: 'Cá nhân', cell: 'C3' });
    expect(Math.max(...result.problems.map((p) => p.message.length))).toBeLessThan(400);
  });

  it('says that rows past the limit were not read, and that a unit lists too many people', () => {
    const many = Array.from({ length: LIMITS.rowsPerTab + 5 }, (_, i) =>
      personRow({ staffId: `A-${i}`, name: `Người ${i}` }, i),
    );
    const grids = unitGrids('A', []);
    grids['Cá nhân'] = [grids['Cá nhân']?.[0] ?? [], ...many];
    const result = read(grids);
    expect(result.submission).toBeNull();
    expect(result.problems.find((p) => p.code === 'TOO_MANY_ROWS')).toMatchObject({
      tab: 'Cá nhân',
      cell: `A${LIMITS.rowsPerTab + 1}`,
    });
    expect(result.problems.some((p) => p.code === 'TOO_MANY_PEOPLE')).toBe(true);
  });

  it('strips control characters and direction overrides at the boundary: none reaches a name or the terminal', async () => {
    dir = await tempDir('controls');
    const files = new XlsxWorkbooks({ baseDir: dir });
    await writeUnitXlsx(files, 'A');
    // A clerk pastes a name carrying an escape sequence (stored as `_x001B_`, as Excel does) and a
    // right-to-left override.
    const path = files.resolve('bang-diem/A.xlsx');
    const zip = await JSZip.loadAsync(await readFile(path));
    let planted = 0;
    for (const file of zip.file(/\.xml$/)) {
      const xml = await file.async('string');
      if (!xml.includes('Nguyễn Văn A 0')) continue;
      zip.file(file.name, xml.replace('Nguyễn Văn A 0', 'Nguyễn_x001B_[2J Văn \u202eA 0\u202c'));
      planted++;
    }
    expect(planted).toBe(1);
    await writeFile(path, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const grids = await files.readWorkbook('bang-diem/A.xlsx');
    const controls = Object.values(grids)
      .flat(2)
      .filter((cell): cell is string => typeof cell === 'string')
      .flatMap((cell) => [...cell])
      .filter((ch) => {
        const c = ch.codePointAt(0) ?? 0;
        return (
          (c < 0x20 && c !== 9 && c !== 10 && c !== 13) ||
          (c >= 0x7f && c <= 0x9f) ||
          (c >= 0x202a && c <= 0x202e) ||
          (c >= 0x2066 && c <= 0x2069)
        );
      });
    expect(controls).toEqual([]);
    const result = readSubmission(grids, { movement, catalog, year: YEAR, expectedUnitCode: 'A' });
    expect(result.submission?.people.find((p) => p.staffId === 'A-0')?.name).toBe('Nguyễn[2J Văn A 0');
  });
});

describe('fault 4: the tab never claims what the store does not hold', () => {
  const registry = registryOf([
    unit('HD', { runsCouncil: true, headcount: 0, workbook: null }),
    unit('A', { parentCode: 'HD', headcount: 10, workbook: 'A' }),
  ]);

  it('writes no tab when the store refused the outcome', async () => {
    db = await stores.fresh();
    const books = new MemoryWorkbooks();
    books.set('A', unitGrids('A', people('A')));
    const store = db.store;
    // The version is stored before the tab is written (the pointer after it): a store that refuses
    // the version gets no tab claiming it.
    const refusing = Object.assign(Object.create(store) as typeof store, {
      putVersions: async () => {
        throw new Error('ItemCollectionSizeLimitExceededException');
      },
    });
    await expect(
      syncUnits({ source: books, sink: books, store: refusing }, syncInput(registry)),
    ).rejects.toThrow();
    expect(books.get('A')?.['Kiểm tra dữ liệu']?.[1]).not.toEqual(['Trạng thái', null, null, 'Đã tiếp nhận']);
  });

  it('writes a tab owed from an earlier run on the next one, even when nothing else changed', async () => {
    db = await stores.fresh();
    const books = new MemoryWorkbooks();
    books.set('A', unitGrids('A', people('A')));
    const failing = Object.assign(Object.create(books) as MemoryWorkbooks, {
      writeFeedback: async () => {
        throw new Error('socket hang up');
      },
    });
    await syncUnits({ source: books, sink: failing, store: db.store }, syncInput(registry));
    const owed = (await db.store.loadStates(YEAR, ['A'])).get('A');
    expect(owed?.feedbackDelivered).toBe(false);
    // The Lambda dispatcher enqueues it although its workbook did not change.
    const version = (await books.versions(['A'])).get('A');
    expect(needsSync(owed, version, rulesDigest(movement, catalog, YEAR))).toBe(true);
    const again = await syncUnits(
      { source: books, sink: books, store: db.store },
      syncInput(registry, '2025-06-11T01:00:00.000Z'),
    );
    expect(again.units.find((u) => u.code === 'A')).toMatchObject({ status: 'unchanged', read: false });
    expect(books.get('A')?.['Kiểm tra dữ liệu']?.[1]).toEqual(['Trạng thái', null, null, 'Đã tiếp nhận']);
    expect((await db.store.loadStates(YEAR, ['A'])).get('A')?.feedbackDelivered).toBe(true);
  });
});
