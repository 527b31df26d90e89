/**
 * A unit workbook's bytes → its grids: the package checked against the limits first (size, the
 * zip directory's entries and unzipped size, read from the directory alone), then exceljs reads
 * it — streamed, or loaded whole where streaming cannot be trusted — and each tab becomes a grid
 * of Sheets-API-like values. CPU work, no file written: it runs on the caller's thread, or on a
 * worker thread of `WorkPool`.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Cell, Grid, WorkbookGrids } from '../../domain/grid.ts';
import { LIMITS } from '../../domain/limits.ts';
import { WorkbookReadError } from '../../ports/index.ts';
import { MESSAGES, type NotXlsxKind } from '../../text/messages.ts';
import { toCell } from './cell-value.ts';
import { streamGrids } from './stream-read.ts';
import { zipDirectory } from './zip-directory.ts';

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

const COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * What a file that is not a readable workbook is, told from its first bytes and its zip directory:
 * an Excel 97–2003 file and a password-protected `.xlsx` are both compound files; an OpenDocument
 * spreadsheet names its type in `mimetype`; a CSV or a web page is text.
 */
export function notXlsxKind(bytes: Uint8Array): NotXlsxKind {
  if (bytes.length === 0) return 'empty';
  if (Buffer.from(bytes.subarray(0, 8)).equals(COMPOUND_FILE)) return 'legacy';
  const directory = zipDirectory(bytes);
  if (directory) {
    const names = new Set(directory.map((e) => e.name));
    if (names.has('mimetype') && names.has('content.xml')) return 'ods';
    return names.has('xl/workbook.xml') ? 'damaged' : 'notWorkbook';
  }
  // Text: no control bytes in its first 512 but tabs and line ends.
  const control = (b: number) => b < 0x09 || (b > 0x0d && b < 0x20);
  return bytes.subarray(0, 512).some(control) ? 'damaged' : 'text';
}

/** The package within the limits (size, entries, unzipped size from the directory alone), or a clear problem. */
function checkPackage(bytes: Uint8Array, location: string): void {
  if (bytes.length > LIMITS.fileBytes)
    throw new WorkbookReadError(location, MESSAGES.FILE_TOO_LARGE(LIMITS.fileBytes));
  const directory = zipDirectory(bytes);
  if (!directory) throw new WorkbookReadError(location, MESSAGES.NOT_XLSX(notXlsxKind(bytes)));
  const unzipped = directory
    .filter((entry) => /\.(xml|rels|vml)$/i.test(entry.name))
    .reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (directory.length > LIMITS.zipEntries || unzipped > LIMITS.unzippedBytes)
    throw new WorkbookReadError(location, MESSAGES.UNZIPPED_TOO_LARGE(LIMITS.unzippedBytes));
  // exceljs knows the workbook part by this name only; without it, it would read no tab at all.
  if (!directory.some((entry) => entry.name === 'xl/workbook.xml'))
    throw new WorkbookReadError(location, MESSAGES.NOT_XLSX(notXlsxKind(bytes)));
}

/**
 * Parts the values never need: a worksheet's relationships and what they lead to (comments and
 * their VML shapes, drawings, images, tables, printer settings), and the document properties.
 * exceljs resolves them only in its own naming (`xl/comments1.xml`, relative targets) and fails on
 * packages other tools write correctly — openpyxl's `/xl/comments/comment1.xml` with an absolute
 * target stops the load with "Cannot read properties of undefined (reading 'comments')". Values,
 * shared strings, styles (dates) and merged areas are all in the parts that stay.
 */
const NOT_FOR_VALUES =
  /^(xl\/worksheets\/_rels\/|xl\/comments|xl\/threadedComments\/|xl\/persons\/|xl\/drawings\/|xl\/media\/|xl\/tables\/|xl\/printerSettings\/|xl\/ctrlProps\/|xl\/pivot|customXml\/|docProps\/)/i;

/**
 * The package without the parts the values never need (JSZip keeps the other entries' compressed
 * bytes as they were: nothing is inflated or deflated again).
 */
async function valuesPackage(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const unread = Object.keys(zip.files).filter((name) => NOT_FOR_VALUES.test(name));
  if (unread.length === 0) return bytes;
  for (const name of unread) zip.remove(name);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A checked package loaded whole by exceljs for its values; a clear problem for anything else. */
async function loadWorkbook(bytes: Uint8Array, location: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    const values = await valuesPackage(bytes);
    await workbook.xlsx.load(values as unknown as ArrayBuffer, { ignoreNodes: NOT_READ });
  } catch (error) {
    // The library's own message (about zip directories) means nothing to a clerk; it stays in `cause`.
    throw new WorkbookReadError(location, MESSAGES.NOT_XLSX(notXlsxKind(bytes)), { cause: error });
  }
  return workbook;
}

/** Every tab of a checked package as a grid, the workbook loaded whole. */
export async function wholeGrids(bytes: Uint8Array, location: string): Promise<WorkbookGrids> {
  const workbook = await loadWorkbook(bytes, location);
  const grids: WorkbookGrids = {};
  workbook.eachSheet((sheet) => {
    grids[sheet.name] = worksheetGrid(sheet);
  });
  return grids;
}

/**
 * Every tab of the workbook as a grid: through the streaming reader (`stream-read.ts`), or, for a
 * file it cannot be trusted with or fails on, loaded whole — which also names a damaged package.
 */
export async function parseWorkbook(bytes: Uint8Array, location: string): Promise<WorkbookGrids> {
  checkPackage(bytes, location);
  return (await streamGrids(bytes).catch(() => undefined)) ?? wholeGrids(bytes, location);
}
