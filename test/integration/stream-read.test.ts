/**
 * The streaming read of a workbook against the whole load: the same grids for every workbook of
 * the example sector (clerks' mistakes included), and the whole load wherever streaming cannot be
 * trusted — a formula's error, a worksheet part with an unusual name, no shared strings; tabs in
 * the workbook's order.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseWorkbook, wholeGrids } from '../../shared/adapters/xlsx/parse.ts';
import { streamGrids } from '../../shared/adapters/xlsx/stream-read.ts';
import { renderWorkbook } from '../../shared/adapters/xlsx/workbooks.ts';
import type { WorkbookGrids } from '../../shared/domain/grid.ts';
import { LIMITS } from '../../shared/domain/limits.ts';
import { EXAMPLE_DEFAULTS, generateExample } from '../../shared/example/generate.ts';
import { catalog, movement, YEAR } from '../helpers/fixtures.ts';

/** Grids compared as a reader of values sees them: empty text is an empty cell, trailing blanks dropped. */
const values = (grids: WorkbookGrids) =>
  Object.entries(grids).map(([name, grid]) => {
    const rows = grid.map((row) => {
      const cells = row.map((c) => (c === '' ? null : c));
      while (cells.length > 0 && cells.at(-1) === null) cells.pop();
      return cells;
    });
    while (rows.length > 0 && rows.at(-1)?.length === 0) rows.pop();
    return [name, rows] as const;
  });

async function bytesOf(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('reading a workbook by streaming', () => {
  it('gives the grids of the whole load for every unit workbook of the example, mistakes included', async () => {
    const sector = generateExample(movement, catalog, YEAR, EXAMPLE_DEFAULTS);
    expect(sector.workbooks.size).toBeGreaterThan(5);
    for (const [location, model] of sector.workbooks) {
      const bytes = await renderWorkbook(model);
      const streamed = await streamGrids(bytes);
      expect(streamed, location).toBeDefined();
      expect(values(streamed ?? {}), location).toEqual(values(await wholeGrids(bytes, location)));
      expect(await parseWorkbook(bytes, location)).toEqual(streamed);
    }
  });

  it('loads whole a workbook whose formula result is an error, so the message quotes the error', async () => {
    const bytes = await bytesOf((workbook) => {
      const sheet = workbook.addWorksheet('Cá nhân');
      sheet.getCell('A1').value = 'Tổng';
      sheet.getCell('B1').value = {
        formula: '1/0',
        result: { error: '#DIV/0!' },
      } as ExcelJS.CellFormulaValue;
    });
    expect(await streamGrids(bytes)).toBeUndefined();
    expect((await parseWorkbook(bytes, 'a.xlsx'))['Cá nhân']).toEqual([['Tổng', '#DIV/0!']]);
  });

  it('leaves a worksheet part with an unusual name to the whole load (streaming could not name its tab)', async () => {
    const zip = await JSZip.loadAsync(
      await bytesOf((workbook) => {
        workbook.addWorksheet('Thông tin').getCell('A1').value = 'Mã đơn vị';
        workbook.addWorksheet('Cá nhân').getCell('A1').value = 'Mã cán bộ';
      }),
    );
    const part = (await zip.file('xl/worksheets/sheet2.xml')?.async('uint8array')) ?? new Uint8Array();
    zip.remove('xl/worksheets/sheet2.xml');
    zip.file('xl/worksheets/canhan.xml', part);
    for (const name of ['xl/_rels/workbook.xml.rels', '[Content_Types].xml']) {
      const xml = (await zip.file(name)?.async('string')) ?? '';
      zip.file(name, xml.replaceAll('sheet2.xml', 'canhan.xml'));
    }
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(await streamGrids(bytes)).toBeUndefined();
    expect(await parseWorkbook(bytes, 'a.xlsx')).toEqual(await wholeGrids(bytes, 'a.xlsx'));
  });

  it('keeps the tabs in the workbook’s order, not the order of their parts in the package', async () => {
    const zip = await JSZip.loadAsync(
      await bytesOf((workbook) => {
        workbook.addWorksheet('Một').getCell('A1').value = 1;
        workbook.addWorksheet('Hai').getCell('A1').value = 'hai';
      }),
    );
    const xml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    const sheets = [...xml.matchAll(/<sheet [^>]*\/>/g)].map((m) => m[0]);
    expect(sheets).toHaveLength(2);
    zip.file('xl/workbook.xml', xml.replace(`${sheets[0]}${sheets[1]}`, `${sheets[1]}${sheets[0]}`));
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const grids = await streamGrids(bytes);
    expect(Object.keys(grids ?? {})).toEqual(['Hai', 'Một']);
    expect(grids).toEqual({ Hai: [['hai']], Một: [[1]] });
  });

  it('stops inflating a part at the unzipped limit, whatever the zip directory says', async () => {
    const zip = await JSZip.loadAsync(
      await bytesOf((workbook) => {
        workbook.addWorksheet('Một').getCell('A1').value = 'một';
      }),
    );
    const xml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    // Valid XML, past the limit once inflated (blanks compress to almost nothing).
    zip.file(
      'xl/worksheets/sheet1.xml',
      xml.replace('<sheetData>', `${' '.repeat(LIMITS.unzippedBytes)}<sheetData>`),
    );
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(bytes.length).toBeLessThan(LIMITS.fileBytes);
    await expect(streamGrids(bytes)).rejects.toThrow(RangeError);
  });

  it('leaves a package without shared strings to the whole load', async () => {
    const bytes = await bytesOf((workbook) => {
      workbook.addWorksheet('Số').getCell('A1').value = 1;
    });
    expect(Object.keys((await JSZip.loadAsync(bytes)).files)).not.toContain('xl/sharedStrings.xml');
    expect(await streamGrids(bytes)).toBeUndefined();
    expect(await parseWorkbook(bytes, 'a.xlsx')).toEqual({ Số: [[1]] });
  });
});
