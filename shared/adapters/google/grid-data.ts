/**
 * Grid data (`spreadsheets.get`, an `updatedSpreadsheet`) as the grids the readers take, and a
 * digest of them. Our own code because the official client gives the API's shapes only: a cell's
 * `effectiveValue` is read as `values.batchGet` gives it with UNFORMATTED_VALUE and SERIAL_NUMBER
 * (numbers, dates as serial numbers, booleans, text; an error as the text a cell shows), an empty
 * cell as '', trailing empty cells and rows left out.
 */
import { createHash } from 'node:crypto';
import type { sheets_v4 } from '@googleapis/sheets';
import { type Grid, gridSchema, type WorkbookGrids } from '../../domain/grid.ts';
import { stableStringify } from '../../domain/submission.ts';
import { stripControls } from '../../domain/text.ts';

/** The field mask of a read: each tab's title and id, and its cells' effective values. */
export const GRID_FIELDS =
  'sheets(properties(sheetId,title),data(startRow,startColumn,rowData(values(effectiveValue))))';
/** The same, of the spreadsheet a `batchUpdate` answers with after its requests. */
export const UPDATED_GRID_FIELDS = `updatedSpreadsheet(${GRID_FIELDS})`;

/** What a cell shows for each error type (as `values.batchGet` returns it unformatted). */
const ERROR_TEXT: Record<string, string> = {
  ERROR: '#ERROR!',
  NULL_VALUE: '#NULL!',
  DIVIDE_BY_ZERO: '#DIV/0!',
  VALUE: '#VALUE!',
  REF: '#REF!',
  NAME: '#NAME?',
  NUM: '#NUM!',
  N_A: '#N/A',
  LOADING: 'Loading...',
};

function cellOf(cell: sheets_v4.Schema$CellData | undefined): string | number | boolean {
  const v = cell?.effectiveValue;
  if (!v) return '';
  if (typeof v.numberValue === 'number') return v.numberValue;
  if (typeof v.boolValue === 'boolean') return v.boolValue;
  if (typeof v.stringValue === 'string') return stripControls(v.stringValue);
  if (v.errorValue) return ERROR_TEXT[v.errorValue.type ?? ''] ?? '#ERROR!';
  return '';
}

/** One GridData (from its first row) as rows of values; null when the API's answer is not one. */
export function gridOf(data: sheets_v4.Schema$GridData | undefined): Grid | null {
  const rows = (data?.rowData ?? []).map((row) => {
    const values = (row.values ?? []).map(cellOf);
    while (values.length && values[values.length - 1] === '') values.pop();
    return values;
  });
  while (rows.length && rows[rows.length - 1]?.length === 0) rows.pop();
  const parsed = gridSchema.safeParse(rows);
  return parsed.success ? parsed.data : null;
}

/** The grids of a spreadsheet's answer by tab title (each tab's first range); null on a bad answer. */
export function gridsOf(spreadsheet: sheets_v4.Schema$Spreadsheet | undefined): WorkbookGrids | null {
  const grids: WorkbookGrids = {};
  for (const sheet of spreadsheet?.sheets ?? []) {
    const title = sheet.properties?.title;
    if (typeof title !== 'string') return null;
    const grid = gridOf(sheet.data?.[0]);
    if (!grid) return null;
    grids[title] = grid;
  }
  return grids;
}

/** A digest of some tabs' values: equal digests, the same values in the same cells. */
export function gridsDigest(grids: WorkbookGrids, titles: readonly string[]): string {
  const picked = Object.fromEntries([...titles].sort().map((t) => [t, grids[t] ?? null]));
  return createHash('sha256').update(stableStringify(picked)).digest('hex');
}
