import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XlsxWorkbooks } from '../../shared/adapters/xlsx/workbooks.ts';
import { feedbackTab } from '../../shared/present/feedback.ts';
import { unitWorkbookModel } from '../../shared/present/unit-template.ts';
import { catalog, movement, personRow, YEAR } from '../helpers/fixtures.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thidua-xlsx-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every `sqref` of a sheet's data validations, from the file's XML. */
async function validationRanges(path: string, sheet: number): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const xml = (await zip.file(`xl/worksheets/sheet${sheet}.xml`)?.async('string')) ?? '';
  return [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1] ?? '');
}

function cellsOf(range: string): string[] {
  const [from = '', to = from] = range.split(':');
  const parse = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a);
    return { col: m?.[1] ?? '', row: Number(m?.[2]) };
  };
  const start = parse(from);
  const end = parse(to);
  if (start.col !== end.col) return [range]; // the template only writes single-column ranges
  return Array.from({ length: end.row - start.row + 1 }, (_, i) => `${start.col}${start.row + i}`);
}

describe('XlsxWorkbooks reading', () => {
  it('returns values as the Sheets API does with UNFORMATTED_VALUE and SERIAL_NUMBER', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Cá nhân');
    sheet.getCell('A1').value = 'Gộp ô';
    sheet.mergeCells('A1:C1');
    sheet.getCell('A2').value = { formula: 'SUM(B2:C2)', result: 17.5 } as ExcelJS.CellFormulaValue;
    sheet.getCell('B2').value = 8.5;
    sheet.getCell('C2').value = '9';
    sheet.getCell('A3').value = new Date(Date.UTC(2025, 4, 31));
    sheet.getCell('B3').value = { richText: [{ text: 'Nguyễn ' }, { text: 'Văn An', font: { bold: true } }] };
    sheet.getCell('C3').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    sheet.getCell('D3').value = { text: 'minh chứng', hyperlink: 'https://example.invalid' };
    sheet.getCell('A4').value = true;
    await workbook.xlsx.writeFile(join(dir, 'a.xlsx'));

    const grids = await new XlsxWorkbooks({ baseDir: dir }).readWorkbook('a.xlsx');
    expect(grids['Cá nhân']).toEqual([
      ['Gộp ô'], // the merged area's other cells are empty, and trailing empty cells are not returned
      [17.5, 8.5, '9'],
      [45808, 'Nguyễn Văn An', '#REF!', 'minh chứng'],
      [true],
    ]);
  });
});

/** A unit's workbook with one person of that name. */
const unitModel = (name: string) =>
  unitWorkbookModel({
    movement,
    catalog,
    year: YEAR,
    unit: { code: 'A', name: 'Đơn vị A' },
    people: [personRow({ staffId: 'CB1', name })],
  });

describe('XlsxWorkbooks writing feedback', () => {
  it('replaces only the feedback tab and keeps the template’s validation and protection intact', async () => {
    const workbooks = new XlsxWorkbooks({ baseDir: dir });
    const model = unitModel('=IMPORTXML("http://example.invalid","//a")');
    await workbooks.writeOwnedWorkbook('a.xlsx', model);
    const before = await workbooks.readWorkbook('a.xlsx');
    const rangesBefore = await validationRanges(join(dir, 'a.xlsx'), 3);

    const tab = (status: 'accepted' | 'rejected') =>
      feedbackTab({ status, year: YEAR, checkedAt: '2025-06-10T00:00:00Z', problems: [] });
    await workbooks.writeFeedback('a.xlsx', tab('rejected'));
    await workbooks.writeFeedback('a.xlsx', tab('accepted'));

    const after = await workbooks.readWorkbook('a.xlsx');
    expect(Object.keys(after)).toEqual(['Thông tin', 'Tập thể', 'Cá nhân', 'Kiểm tra dữ liệu']);
    expect(after['Cá nhân']).toEqual(before['Cá nhân']);
    expect(after['Cá nhân']?.[1]?.[2]).toBe('=IMPORTXML("http://example.invalid","//a")'); // text, not a formula
    expect(after['Kiểm tra dữ liệu']?.[1]).toEqual(['Trạng thái', null, null, 'Đã tiếp nhận']);

    const rangesAfter = await validationRanges(join(dir, 'a.xlsx'), 3);
    const covered = rangesAfter.flatMap(cellsOf);
    expect(new Set(covered).size).toBe(covered.length); // no overlapping ranges (Excel calls that damage)
    expect(new Set(covered)).toEqual(new Set(rangesBefore.flatMap(cellsOf)));

    const zip = await JSZip.loadAsync(await readFile(join(dir, 'a.xlsx')));
    const xml = (await zip.file('xl/worksheets/sheet3.xml')?.async('string')) ?? '';
    expect(xml).toContain('<sheetProtection');
    expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
  });
});

describe('XlsxWorkbooks writing its own workbooks', () => {
  it('names the face of every font it writes (Times New Roman), the page footer’s included', async () => {
    const workbooks = new XlsxWorkbooks({ baseDir: dir });
    const model = unitModel('Nguyễn Văn An');
    await workbooks.writeOwnedWorkbook('fonts.xlsx', model);
    const zip = await JSZip.loadAsync(await readFile(join(dir, 'fonts.xlsx')));
    const styles = (await zip.file('xl/styles.xml')?.async('string')) ?? '';
    const fonts = [...styles.matchAll(/<font>[\s\S]*?<\/font>/g)].map((m) => m[0]);
    expect(fonts.length).toBeGreaterThan(2); // bold, italic, sizes: each its own entry
    for (const font of fonts) expect(font).toMatch(/<name val="(Times New Roman|Calibri)"\/>/);
    // Only the package's default entry (for cells never written) keeps the library's face.
    expect(fonts.slice(1).every((f) => f.includes('<name val="Times New Roman"/>'))).toBe(true);
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    const footers = await Promise.all(sheets.map(async (f) => (await zip.file(f)?.async('string')) ?? ''));
    const withFooter = footers.filter((x) => x.includes('<oddFooter>'));
    expect(withFooter.length).toBeGreaterThan(0);
    for (const sheet of withFooter) expect(sheet).toContain('&amp;&quot;Times New Roman,Regular&quot;');
  });
});
