/**
 * A unit workbook's bytes → its grids: the package checked against the limits first (size, the
 * zip directory's entries and unzipped size, read from the directory alone), then exceljs loads
 * it and each tab becomes a grid of Sheets-API-like values. CPU work only, no I/O: it runs on the
 * caller's thread, or on a worker thread of `WorkPool` (adapters/threads).
 */
import ExcelJS from 'exceljs';
import type { Cell, Grid, WorkbookGrids } from '../../domain/grid.ts';
import { LIMITS } from '../../domain/limits.ts';
import { stripControls } from '../../domain/text.ts';
import { WorkbookReadError } from '../../ports/index.ts';
import { MESSAGES } from '../../text/messages.ts';
import { zipDirectory } from './zip-directory.ts';

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** An exceljs cell value → a Sheets-API-like unformatted value. */
export function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return stripControls(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
  if (typeof value === 'object') {
    if ('error' in value && typeof value.error === 'string') return value.error;
    if ('richText' in value && Array.isArray(value.richText))
      return stripControls(value.richText.map((part) => part.text).join(''));
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      return toCell(result ?? null);
    }
    if ('text' in value && typeof value.text === 'string') return stripControls(value.text);
  }
  return null;
}

/**
 * A tab's grid, cut one row past the row limit (validation sees that there was more and says so,
 * without the rest being carried along); columns past the column limit are not read.
 */
export function worksheetGrid(sheet: ExcelJS.Worksheet): Grid {
  const grid: Grid = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > LIMITS.rowsPerTab + 1) return;
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (colNumber > LIMITS.columnsPerTab) return; // columns past the limit are not read
      // Sheets returns a merged area's value once, in its top-left cell; so do we.
      const isMergedTail = cell.isMerged && cell.master.address !== cell.address;
      cells[colNumber - 1] = isMergedTail ? null : toCell(cell.value);
    });
    grid[rowNumber - 1] = Array.from(cells, (c) => c ?? null);
  });
  return Array.from(grid, (row) => row ?? []);
}

/**
 * What reading the values does not need, left unparsed (exceljs' documented `ignoreNodes`): the
 * template's data validations above all, which exceljs expands cell by cell, then formats, print
 * settings and drawings. The values (`sheetData`) and the merged areas (`mergeCells`) are read.
 */
const NOT_READ = [
  'dataValidations',
  'conditionalFormatting',
  'extLst',
  'hyperlinks',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'pageMargins',
  'rowBreaks',
  'picture',
  'drawing',
  'sheetProtection',
  'tableParts',
  'autoFilter',
  'sheetViews',
  'cols',
  'sheetFormatPr',
  'sheetPr',
  'dimension',
];

/** The package within the limits, loaded by exceljs for its values; a clear problem for anything else. */
export async function loadWorkbook(bytes: Uint8Array, location: string): Promise<ExcelJS.Workbook> {
  if (bytes.length > LIMITS.fileBytes)
    throw new WorkbookReadError(location, MESSAGES.FILE_TOO_LARGE(LIMITS.fileBytes));
  const directory = zipDirectory(bytes);
  if (!directory) throw new WorkbookReadError(location, MESSAGES.NOT_XLSX());
  const unzipped = directory
    .filter((entry) => /\.(xml|rels|vml)$/i.test(entry.name))
    .reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (directory.length > LIMITS.zipEntries || unzipped > LIMITS.unzippedBytes)
    throw new WorkbookReadError(location, MESSAGES.UNZIPPED_TOO_LARGE(LIMITS.unzippedBytes));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: NOT_READ });
  } catch (error) {
    // The library's own message (about zip directories) means nothing to a clerk; it stays in `cause`.
    throw new WorkbookReadError(location, MESSAGES.NOT_XLSX(), { cause: error });
  }
  return workbook;
}

/** Every tab of the workbook as a grid. */
export async function parseWorkbook(bytes: Uint8Array, location: string): Promise<WorkbookGrids> {
  const workbook = await loadWorkbook(bytes, location);
  const grids: WorkbookGrids = {};
  workbook.eachSheet((sheet) => {
    grids[sheet.name] = worksheetGrid(sheet);
  });
  return grids;
}
