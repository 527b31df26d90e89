/** The stand-in's Sheets v4 methods: values.batchGet and batchUpdate, spreadsheets.get and batchUpdate, as Google answers them. */

import { type A1Range, formatA1, parseA1, RangeParseError } from '../../shared/adapters/google/a1.ts';
import type { GoogleStandin } from './google-server.ts';
import {
  badRequest,
  type CellData,
  type SheetData,
  type SpreadsheetData,
  type Value,
} from './standin-model.ts';

export function sheetFor(book: SpreadsheetData, range: string): { sheet: SheetData; a1: A1Range } {
  let a1: A1Range;
  try {
    a1 = parseA1(range);
  } catch (error) {
    if (error instanceof RangeParseError) throw badRequest(`Unable to parse range: ${range}`);
    throw error;
  }
  const sheet = book.sheets.find((s) => s.title === a1.sheet);
  if (!sheet) throw badRequest(`Unable to parse range: ${range}`);
  return { sheet, a1 };
}

/** A sheet's grid: as set by addSheet or updateSheetProperties, else Google's default for a new tab. */
export const gridSize = (sheet: SheetData) => ({
  rows: sheet.rowCount ?? 1000,
  cols: sheet.columnCount ?? 26,
});

export function extent(sheet: SheetData): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const [r, line] of sheet.cells)
    for (const c of line.keys()) {
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
  return { rows, cols };
}

export function batchGet(s: GoogleStandin, id: string, q: URLSearchParams) {
  const book = s.book(id);
  const ranges = q.getAll('ranges');
  const render = q.get('valueRenderOption') ?? 'FORMATTED_VALUE';
  if (!['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'].includes(render))
    throw badRequest(
      `Invalid value at 'value_render_option' (type.googleapis.com/google.apps.sheets.v4.ValueRenderOption), "${render}"`,
    );
  const dates = q.get('dateTimeRenderOption') ?? 'SERIAL_NUMBER';
  if (!['SERIAL_NUMBER', 'FORMATTED_STRING'].includes(dates))
    throw badRequest(`Invalid value at 'date_time_render_option', "${dates}"`);
  const valueRanges = ranges.map((range) => {
    const { sheet, a1 } = sheetFor(book, range);
    const { rows, cols } = extent(sheet);
    const endRow = Math.min(a1.endRow ?? Number.MAX_SAFE_INTEGER, Math.max(rows - 1, a1.startRow));
    const endCol = Math.min(a1.endCol ?? Number.MAX_SAFE_INTEGER, Math.max(cols - 1, a1.startCol));
    const values: Value[][] = [];
    for (let r = a1.startRow; r <= endRow; r++) {
      const line = sheet.cells.get(r);
      const row: Value[] = [];
      for (let c = a1.startCol; c <= endCol; c++) {
        const cell = line?.get(c);
        if (!cell) row.push('');
        else if (render === 'FORMULA' && cell.formula) row.push(cell.formula);
        else if (render === 'FORMATTED_VALUE')
          row.push(typeof cell.value === 'boolean' ? String(cell.value).toUpperCase() : String(cell.value));
        else row.push(cell.value);
      }
      while (row.length && row[row.length - 1] === '') row.pop(); // trailing empty cells are omitted
      values.push(row);
    }
    while (values.length && values[values.length - 1]?.length === 0) values.pop();
    const echoed = formatA1(
      sheet.title,
      a1.startRow,
      a1.startCol,
      a1.endRow ?? Math.max(endRow, a1.startRow),
      a1.endCol ?? Math.max(endCol, a1.startCol),
    );
    return { range: echoed, majorDimension: 'ROWS', ...(values.length ? { values } : {}) };
  });
  return { spreadsheetId: id, valueRanges };
}

export function setCell(sheet: SheetData, row: number, col: number, cell: CellData | undefined): void {
  const line = sheet.cells.get(row) ?? new Map<number, CellData>();
  if (cell) line.set(col, cell);
  else line.delete(col);
  if (line.size) sheet.cells.set(row, line);
  else sheet.cells.delete(row);
}

export function valuesBatchUpdate(s: GoogleStandin, id: string, body: unknown) {
  const book = s.book(id);
  const input = body as {
    valueInputOption?: string;
    data?: { range: string; values?: unknown[][]; majorDimension?: string }[];
  };
  const option = input?.valueInputOption;
  if (option !== 'RAW' && option !== 'USER_ENTERED')
    throw badRequest('Invalid valueInputOption: INPUT_VALUE_OPTION_UNSPECIFIED');
  let cells = 0;
  let maxRows = 0;
  let maxCols = 0;
  const writes: { sheet: SheetData; row: number; col: number; cell: CellData | undefined }[] = [];
  for (const data of input.data ?? []) {
    const { sheet, a1 } = sheetFor(book, data.range);
    (data.values ?? []).forEach((row, r) => {
      if (a1.endRow !== undefined && a1.startRow + r > a1.endRow)
        throw badRequest(
          `Requested writing within range [${data.range}], but tried writing to row [${a1.startRow + r + 1}]`,
        );
      row.forEach((raw, c) => {
        if (a1.endCol !== undefined && a1.startCol + c > a1.endCol)
          throw badRequest(
            `Requested writing within range [${data.range}], but tried writing to column [${a1.startCol + c + 1}]`,
          );
        if (raw === null) return; // null leaves the cell as it is
        if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean')
          throw badRequest(`Invalid values[${r}][${c}]: ${JSON.stringify(raw)}`);
        let cell: CellData | undefined;
        if (raw === '') cell = undefined;
        else if (option === 'USER_ENTERED' && typeof raw === 'string' && raw.startsWith('='))
          cell = { value: '#NAME?', formula: raw };
        else if (option === 'USER_ENTERED' && typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw))
          cell = { value: Number(raw) };
        else cell = { value: raw };
        writes.push({ sheet, row: a1.startRow + r, col: a1.startCol + c, cell });
        cells++;
        maxRows = Math.max(maxRows, r + 1);
        maxCols = Math.max(maxCols, c + 1);
      });
    });
  }
  for (const w of writes) setCell(w.sheet, w.row, w.col, w.cell);
  book.modifiedTime = s.clock.now();
  book.modifiedByApi = true;
  s.changed(id);
  return {
    spreadsheetId: id,
    totalUpdatedRows: maxRows,
    totalUpdatedColumns: maxCols,
    totalUpdatedCells: cells,
    totalUpdatedSheets: (input.data ?? []).length,
  };
}

/** A cell's value as the API gives it in grid data (`effectiveValue`, `userEnteredValue`). */
function extendedValue(value: Value): Record<string, Value> {
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  return { stringValue: value };
}

/**
 * One range of a sheet as GridData: rows from the range's start to the last row with data in it
 * (Google leaves trailing empty rows and cells out), each cell's effective and entered value.
 */
function gridData(sheet: SheetData, a1: A1Range) {
  const { rows, cols } = extent(sheet);
  const endRow = Math.min(a1.endRow ?? Number.MAX_SAFE_INTEGER, rows - 1);
  const endCol = Math.min(a1.endCol ?? Number.MAX_SAFE_INTEGER, cols - 1);
  const rowData: { values?: Record<string, unknown>[] }[] = [];
  for (let r = a1.startRow; r <= endRow; r++) {
    const line = sheet.cells.get(r);
    const values: Record<string, unknown>[] = [];
    for (let c = a1.startCol; c <= endCol; c++) {
      const cell = line?.get(c);
      values.push(
        cell
          ? {
              effectiveValue: extendedValue(cell.value),
              userEnteredValue: cell.formula ? { formulaValue: cell.formula } : extendedValue(cell.value),
            }
          : {},
      );
    }
    while (values.length && Object.keys(values[values.length - 1] ?? {}).length === 0) values.pop();
    rowData.push(values.length ? { values } : {});
  }
  while (rowData.length && !rowData[rowData.length - 1]?.values) rowData.pop();
  return { startRow: a1.startRow, startColumn: a1.startCol, ...(rowData.length ? { rowData } : {}) };
}

/**
 * The spreadsheet as `spreadsheets.get` (and an `updatedSpreadsheet`) gives it: with `ranges`,
 * only the sheets they intersect, each with one GridData per range when grid data is asked for
 * (`includeGridData`, or a field mask naming `data` — the mask itself is applied by the server).
 */
export function spreadsheetView(
  s: GoogleStandin,
  book: SpreadsheetData,
  ranges: readonly string[],
  withGridData: boolean,
) {
  const wanted = ranges.map((range) => sheetFor(book, range));
  const sheets = ranges.length ? book.sheets.filter((sh) => wanted.some((w) => w.sheet === sh)) : book.sheets;
  return {
    spreadsheetId: book.id,
    properties: { title: book.title, locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' },
    sheets: sheets.map((sh) => ({
      properties: {
        sheetId: sh.sheetId,
        title: sh.title,
        index: sh.index,
        sheetType: 'GRID',
        gridProperties: {
          rowCount: gridSize(sh).rows,
          columnCount: gridSize(sh).cols,
          frozenRowCount: sh.frozenRowCount,
        },
        ...(sh.hidden ? { hidden: true } : {}),
      },
      protectedRanges: sh.protectedRanges,
      ...(withGridData
        ? {
            data: ranges.length
              ? wanted.filter((w) => w.sheet === sh).map((w) => gridData(sh, w.a1))
              : [
                  gridData(sh, {
                    sheet: sh.title,
                    startRow: 0,
                    startCol: 0,
                    endRow: undefined,
                    endCol: undefined,
                  }),
                ],
          }
        : {}),
    })),
  };
}

export function getSpreadsheet(s: GoogleStandin, id: string, q: URLSearchParams) {
  const fields = q.get('fields') ?? '';
  // A field mask naming the grid data asks for it (includeGridData is then ignored, as Google does).
  const withGridData = fields ? /\bdata\b/.test(fields) : q.get('includeGridData') === 'true';
  return spreadsheetView(s, s.book(id), q.getAll('ranges'), withGridData);
}
