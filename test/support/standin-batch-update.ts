/**
 * The stand-in's `spreadsheets.batchUpdate`, as Google answers it: atomic (all requests or none),
 * the requests thidua sends (tabs, cells, formats, validation, protection, copy-paste of values),
 * and the spreadsheet after the update in the same answer when asked for.
 */
import type { GoogleStandin } from './google-server.ts';
import {
  badRequest,
  type Value as CellValue,
  type SheetData,
  type SpreadsheetData,
} from './standin-model.ts';
import { extent, gridSize, setCell, spreadsheetView } from './standin-sheets.ts';

export function batchUpdate(s: GoogleStandin, id: string, body: unknown) {
  const original = s.book(id);
  // Atomic like Google: work on a copy, commit only if every request succeeds.
  const book: SpreadsheetData = structuredClone(original);
  const requests = (body as { requests?: Record<string, unknown>[] })?.requests ?? [];
  const replies: unknown[] = [];
  const gridOf = (where: string, range: { sheetId?: number } | undefined) => {
    const sheet = book.sheets.find((s) => s.sheetId === (range?.sheetId ?? 0));
    if (!sheet) throw badRequest(`Invalid ${where}: No grid with id: ${range?.sheetId ?? 0}`);
    return sheet;
  };
  requests.forEach((request, i) => {
    const keys = Object.keys(request);
    const [kind] = keys;
    const where = `requests[${i}].${kind}`;
    const r = request[kind ?? ''] as Record<string, unknown>;
    switch (kind) {
      case 'addSheet': {
        const props = (r.properties ?? {}) as {
          sheetId?: number;
          title?: string;
          index?: number;
          hidden?: boolean;
          gridProperties?: { frozenRowCount?: number; rowCount?: number; columnCount?: number };
        };
        const title = props.title ?? `Sheet${book.sheets.length + 1}`;
        if (book.sheets.some((s) => s.title === title))
          throw badRequest(
            `Invalid ${where}: A sheet with the name "${title}" already exists. Please enter another name.`,
          );
        if (props.sheetId !== undefined && book.sheets.some((s) => s.sheetId === props.sheetId))
          throw badRequest(`Invalid ${where}: Sheet with id ${props.sheetId} already exists.`);
        const sheet: SheetData = {
          sheetId: props.sheetId ?? Math.floor(Math.random() * 2 ** 31),
          title,
          index: props.index ?? book.sheets.length,
          frozenRowCount: props.gridProperties?.frozenRowCount ?? 0,
          ...(props.gridProperties?.rowCount ? { rowCount: props.gridProperties.rowCount } : {}),
          ...(props.gridProperties?.columnCount ? { columnCount: props.gridProperties.columnCount } : {}),
          ...(props.hidden ? { hidden: true } : {}),
          cells: new Map(),
          protectedRanges: [],
          validations: [],
        };
        book.sheets.push(sheet);
        replies.push({ addSheet: { properties: { sheetId: sheet.sheetId, title, index: sheet.index } } });
        return;
      }
      case 'deleteSheet': {
        const sheet = gridOf(where, r as { sheetId?: number });
        book.sheets = book.sheets.filter((s) => s !== sheet);
        replies.push({});
        return;
      }
      case 'updateSheetProperties': {
        const props = r.properties as {
          sheetId?: number;
          title?: string;
          hidden?: boolean;
          gridProperties?: { frozenRowCount?: number; rowCount?: number; columnCount?: number };
        };
        if (typeof r.fields !== 'string') throw badRequest(`Invalid ${where}: fields is required`);
        const sheet = gridOf(where, props);
        if (props.gridProperties?.frozenRowCount !== undefined)
          sheet.frozenRowCount = props.gridProperties.frozenRowCount;
        if (props.hidden !== undefined) sheet.hidden = props.hidden;
        // A smaller grid drops the rows and columns beyond it, values and all.
        const { rowCount, columnCount } = props.gridProperties ?? {};
        if (rowCount !== undefined) sheet.rowCount = rowCount;
        if (columnCount !== undefined) sheet.columnCount = columnCount;
        if (rowCount !== undefined || columnCount !== undefined) {
          const { rows, cols } = gridSize(sheet);
          for (const [row, line] of [...sheet.cells])
            for (const col of [...line.keys()])
              if (row >= rows || col >= cols) setCell(sheet, row, col, undefined);
        }
        if (props.title) sheet.title = props.title;
        replies.push({});
        return;
      }
      case 'updateCells': {
        if (typeof r.fields !== 'string') throw badRequest(`Invalid ${where}: fields is required`);
        const range = (r.range ?? (r.start ? { ...(r.start as object) } : undefined)) as
          | {
              sheetId?: number;
              startRowIndex?: number;
              endRowIndex?: number;
              startColumnIndex?: number;
              endColumnIndex?: number;
              rowIndex?: number;
              columnIndex?: number;
            }
          | undefined;
        const sheet = gridOf(where, range);
        const startRow = range?.startRowIndex ?? range?.rowIndex ?? 0;
        const startCol = range?.startColumnIndex ?? range?.columnIndex ?? 0;
        const values =
          r.fields === '*' || r.fields.split(',').some((f) => f.trim().startsWith('userEnteredValue'));
        if (values && r.range) {
          // With a range, cells in it that `rows` does not mention are cleared.
          const { rows, cols } = extent(sheet);
          for (let row = startRow; row < Math.min(range?.endRowIndex ?? rows, rows); row++)
            for (let col = startCol; col < Math.min(range?.endColumnIndex ?? cols, cols); col++)
              setCell(sheet, row, col, undefined);
        }
        const rows = (r.rows ?? []) as { values?: { userEnteredValue?: Record<string, unknown> }[] }[];
        rows.forEach((row, ri) => {
          (row.values ?? []).forEach((cell, ci) => {
            if (!values || !cell.userEnteredValue) return;
            const v = cell.userEnteredValue;
            const at = [startRow + ri, startCol + ci] as const;
            if ('formulaValue' in v)
              setCell(sheet, at[0], at[1], { value: '', formula: String(v.formulaValue) });
            else if ('stringValue' in v) setCell(sheet, at[0], at[1], { value: String(v.stringValue) });
            else if ('numberValue' in v) setCell(sheet, at[0], at[1], { value: Number(v.numberValue) });
            else if ('boolValue' in v) setCell(sheet, at[0], at[1], { value: Boolean(v.boolValue) });
            else throw badRequest(`Invalid ${where}: unknown value ${JSON.stringify(v)}`);
          });
        });
        replies.push({});
        return;
      }
      case 'mergeCells':
      case 'unmergeCells': {
        gridOf(where, (r.range ?? {}) as { sheetId?: number });
        replies.push({});
        return;
      }
      case 'repeatCell':
      case 'updateDimensionProperties':
      case 'updateBorders': {
        const range = (r.range ?? {}) as { sheetId?: number };
        gridOf(where, range);
        if (typeof r.fields !== 'string') throw badRequest(`Invalid ${where}: fields is required`);
        replies.push({});
        return;
      }
      case 'copyPaste': {
        // Values only (PASTE_VALUES), empty source cells clearing theirs, within both grids.
        type Range = {
          sheetId?: number;
          startRowIndex?: number;
          endRowIndex?: number;
          startColumnIndex?: number;
          endColumnIndex?: number;
        };
        const source = (r.source ?? {}) as Range;
        const destination = (r.destination ?? {}) as Range;
        if (r.pasteType !== 'PASTE_VALUES')
          throw badRequest(`Invalid ${where}: the stand-in pastes values only (PASTE_VALUES)`);
        const from = gridOf(where, source);
        const to = gridOf(where, destination);
        const fromGrid = gridSize(from);
        const top = source.startRowIndex ?? 0;
        const left = source.startColumnIndex ?? 0;
        const bottom = source.endRowIndex ?? fromGrid.rows;
        const right = source.endColumnIndex ?? fromGrid.cols;
        if (bottom > fromGrid.rows || right > fromGrid.cols)
          throw badRequest(
            `Invalid ${where}: Range (${from.title}) exceeds grid limits. Max rows: ${fromGrid.rows}, max columns: ${fromGrid.cols}`,
          );
        const toGrid = gridSize(to);
        const down = destination.startRowIndex ?? 0;
        const across = destination.startColumnIndex ?? 0;
        if (down + bottom - top > toGrid.rows || across + right - left > toGrid.cols)
          throw badRequest(
            `Invalid ${where}: Range (${to.title}) exceeds grid limits. Max rows: ${toGrid.rows}, max columns: ${toGrid.cols}`,
          );
        const copied: { row: number; col: number; value: CellValue | undefined }[] = [];
        for (let row = top; row < bottom; row++)
          for (let col = left; col < right; col++) {
            const cell = from.cells.get(row)?.get(col);
            copied.push({ row: down + row - top, col: across + col - left, value: cell?.value });
          }
        for (const c of copied)
          setCell(to, c.row, c.col, c.value === undefined || c.value === '' ? undefined : { value: c.value });
        replies.push({});
        return;
      }
      case 'setDataValidation': {
        const sheet = gridOf(where, r.range as { sheetId?: number });
        sheet.validations.push({ range: r.range, rule: r.rule });
        replies.push({});
        return;
      }
      case 'addProtectedRange': {
        const protectedRange = (r.protectedRange ?? {}) as { range?: { sheetId?: number } };
        const sheet = gridOf(where, protectedRange.range);
        const added = { ...protectedRange, protectedRangeId: book.nextProtectedRangeId++ };
        sheet.protectedRanges.push(added);
        replies.push({ addProtectedRange: { protectedRange: added } });
        return;
      }
      default:
        throw badRequest(
          `Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]': Cannot find field.`,
        );
    }
  });
  book.modifiedTime = s.clock.now();
  book.modifiedByApi = true;
  s.books.set(id, book);
  s.changed(id);
  // The spreadsheet after the update, in the same answer, when asked for (Google's three fields).
  const ask = body as {
    includeSpreadsheetInResponse?: boolean;
    responseRanges?: string[];
    responseIncludeGridData?: boolean;
  };
  const updated = ask?.includeSpreadsheetInResponse
    ? {
        updatedSpreadsheet: spreadsheetView(
          s,
          book,
          ask.responseRanges ?? [],
          ask.responseIncludeGridData === true,
        ),
      }
    : {};
  return { spreadsheetId: id, replies, ...updated };
}
