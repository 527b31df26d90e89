/**
 * A workbook's values through exceljs' streaming reader (`stream.xlsx.WorkbookReader`, the
 * library's documented way to read a large file): rows are handed over as they are parsed and no
 * document model is built — no styles, no cell objects kept, no data validations expanded — which
 * costs about half the CPU of `workbook.xlsx.load` on a unit workbook (3.2 s against 6.4 s for
 * 200 of the example's), and most of a first run's time is reading a thousand of them.
 *
 * Styles are not read, so a date comes as its serial number: what the Sheets API gives with
 * SERIAL_NUMBER. Merged areas are not read either: Excel, LibreOffice and Google keep a merged
 * area's value in its top-left cell only, so the other cells read empty as the Sheets API has them.
 *
 * The reader can only parse a worksheet at once when the workbook part and the shared strings came
 * before it in the zip; otherwise it parks the worksheet in a temporary file. Excel and exceljs
 * write the worksheets first, so the reader is handed a package of its own (see `readerPackage`):
 * only the parts it reads, those two in front, each stored rather than deflated.
 *
 * What the streaming reader cannot tell, it says by answering `undefined`, and the caller loads
 * the workbook whole: a package without a workbook or shared-strings part under its usual name
 * (the reader knows no other), a tab it could not name or did not find (a worksheet part named
 * otherwise than `xl/worksheets/sheetN.xml`), or a formula whose cached result is an error (the
 * reader drops it, and the clerk's message must quote it; looked for in the sheets' XML only when
 * some formula's result did not come through).
 */
import { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { z } from 'zod';
import type { Cell, Grid, WorkbookGrids } from '../../domain/grid.ts';
import { LIMITS } from '../../domain/limits.ts';
import { toCell } from './cell-value.ts';

/** What the reader keeps of the workbook part once it has been read (not in exceljs' typings). */
interface ReaderState {
  readonly model?: { readonly sheets?: readonly { readonly name?: string }[] };
}

/** A shared string the reader had no table for: it hands over the index. */
const unresolved = (value: ExcelJS.CellValue) =>
  typeof value === 'object' && value !== null && 'sharedString' in value;

/**
 * A formula whose cached result did not come through: none, an empty one, zero or false (which
 * the whole load drops too), or an error (which the whole load keeps, and this reader drops).
 */
const noResult = (value: ExcelJS.CellValue) =>
  typeof value === 'object' &&
  value !== null &&
  ('formula' in value || 'sharedFormula' in value) &&
  (value.result === undefined || (typeof value.result === 'number' && !Number.isFinite(value.result)));

/**
 * Text as the whole load gives it: OOXML writes a character XML cannot carry as `_xHHHH_`, and the
 * whole load decodes it (exceljs' text part, with the same pattern); the streaming reader does not.
 */
const decoded = (text: string) =>
  text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

/** A value from the reader as the whole load would have it, then as a grid cell. */
function cellOf(value: ExcelJS.CellValue): Cell {
  if (typeof value === 'string') return toCell(decoded(value));
  if (typeof value === 'object' && value !== null && 'richText' in value && Array.isArray(value.richText))
    return toCell({ richText: value.richText.map((part) => ({ ...part, text: decoded(part.text ?? '') })) });
  return toCell(value);
}

/** An error value's type in a worksheet part's XML (`t="e"`): cheap to look for in the inflated bytes. */
const ERROR_TYPE = Buffer.from('t="e"');

/** What JSZip keeps of a deflated entry it has not inflated (not in its typings; 8 is deflate). */
const rawEntrySchema = z.object({
  _data: z.object({
    compression: z.object({ magic: z.literal('\x08\x00') }),
    compressedContent: z.instanceof(Uint8Array),
  }),
});

/**
 * A part's XML, at most `room` bytes of it. JSZip has no public way to the compressed bytes of an
 * entry, and its own inflating (pako, in small chunks) costs more than the whole streaming read of
 * the part; so where the entry's deflated bytes are there, node's zlib inflates them, and JSZip
 * does otherwise. The zip directory's sizes were checked against the limits, but a damaged or
 * hostile package can understate them: more than `room` throws, and the caller's whole load turns
 * it away.
 */
async function partBytes(entry: JSZip.JSZipObject, room: number): Promise<Buffer> {
  const raw = rawEntrySchema.safeParse(entry);
  const bytes = raw.success
    ? inflateRawSync(raw.data._data.compressedContent, { maxOutputLength: Math.max(1, room) })
    : await entry.async('nodebuffer');
  if (bytes.length > room) throw new RangeError(`part ${entry.name} inflates past the limit`);
  return bytes;
}

/** The parts the reader needs before any worksheet, in the order it needs them. */
const FIRST = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml'];
/** What the reader takes for a worksheet part (its own test, unanchored as it is). */
const WORKSHEET = /xl\/worksheets\/sheet\d+[.]xml/;

/**
 * The package as the reader is given it: only the parts it reads — the workbook part, its
 * relationships and the shared strings first, then the worksheets — each stored, not deflated.
 * Every part is inflated once, here, by one synchronous call; inflated by the reader's unzip, a
 * part goes through node's zlib in 16 KB steps, each a round trip to libuv's thread pool, some
 * forty per workbook, and the parts it does not read (theme, styles, drawings) are inflated too.
 */
async function readerPackage(zip: JSZip): Promise<{ bytes: Buffer; sheets: Buffer[] } | undefined> {
  if (FIRST.some((name) => !zip.file(name))) return undefined;
  const out = new JSZip();
  const sheets: Buffer[] = [];
  let room = LIMITS.unzippedBytes;
  const names = [...FIRST, ...Object.keys(zip.files).filter((n) => WORKSHEET.test(n) && !FIRST.includes(n))];
  for (const name of names) {
    const entry = zip.file(name);
    if (!entry) continue;
    const bytes = await partBytes(entry, room);
    room -= bytes.length;
    if (WORKSHEET.test(name)) sheets.push(bytes);
    out.file(name, bytes, { compression: 'STORE' });
  }
  return { bytes: await out.generateAsync({ type: 'nodebuffer', compression: 'STORE' }), sheets };
}

/**
 * The package in the 16 KB pieces an inflater would have handed over (views, not copies): parsed
 * in one piece, a worksheet's events all live at once and outlast the young generation.
 */
function* slices(bytes: Buffer, size = 16 * 1024): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/**
 * Every tab as a grid, in the workbook's tab order; `undefined` when the streaming reader cannot
 * be trusted with this file (see above). Throws what the reader throws on a damaged package.
 */
export async function streamGrids(bytes: Uint8Array): Promise<WorkbookGrids | undefined> {
  const parts = await readerPackage(await JSZip.loadAsync(bytes));
  if (!parts) return undefined;
  const input = Readable.from(slices(parts.bytes));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const read = new Map<string, Grid>();
  let trusted = true;
  let resultsMissing = false;
  // Read to the end even once untrusted, so that the reader's streams are all closed.
  for await (const sheet of reader) {
    const name = (sheet as unknown as { name?: unknown }).name;
    const grid: Grid = [];
    for await (const row of sheet) {
      if (row.number > LIMITS.rowsPerTab + 1) continue;
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (col > LIMITS.columnsPerTab) return;
        if (unresolved(cell.value)) trusted = false;
        else if (noResult(cell.value)) resultsMissing = true;
        cells[col - 1] = cellOf(cell.value);
      });
      grid[row.number - 1] = Array.from(cells, (c) => c ?? null);
    }
    if (typeof name !== 'string' || read.has(name)) trusted = false;
    else
      read.set(
        name,
        Array.from(grid, (r) => r ?? []),
      );
  }
  const tabs = (reader as unknown as ReaderState).model?.sheets ?? [];
  if (!trusted || tabs.length === 0 || tabs.length !== read.size) return undefined;
  // A saved workbook's blank totals have empty results: only an error among them needs the whole load.
  if (resultsMissing && parts.sheets.some((xml) => xml.includes(ERROR_TYPE))) return undefined;
  const grids: WorkbookGrids = {};
  for (const { name } of tabs) {
    const grid = name === undefined ? undefined : read.get(name);
    if (!grid || name === undefined) return undefined;
    grids[name] = grid;
  }
  return grids;
}
