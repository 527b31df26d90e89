/**
 * The Sheets API requests thidua builds from its neutral workbook models: added tabs, values with
 * their formats, merges, widths, validation and protection. Pure: models in, request bodies out.
 */

import type { sheets_v4 } from '@googleapis/sheets';
import { type Cell, columnLetters } from '../../domain/grid.ts';
import { LIMITS } from '../../domain/limits.ts';
import { csvSafe } from '../../domain/text.ts';
import { WorkbookReadError } from '../../ports/index.ts';
import type { CellStyle, SheetTab, Validation, WorkbookModel } from '../../present/sheet-model.ts';
import { TABS } from '../../text/sheets.ts';

/** Whether Google refused the call with a message matching `pattern` (a 400 we know how to handle). */
export const googleSaid = (error: unknown, pattern: RegExp): boolean =>
  error instanceof WorkbookReadError && pattern.test(String((error.cause as Error)?.message));

/**
 * Sheet ids for every tab of `tabs`: the existing tab's, or a new one (from 7,000 up, clear of the
 * ids in use) for a tab to add; `added` lists those, in order.
 */
export function sheetIdsFor<T extends { readonly title: string }>(
  titles: ReadonlyMap<string, number>,
  tabs: readonly T[],
) {
  const ids = new Map(titles);
  const added: T[] = [];
  const used = new Set(titles.values());
  for (const tab of tabs) {
    if (ids.has(tab.title)) continue;
    let sheetId = 7_000 + added.length;
    while (used.has(sheetId)) sheetId++;
    used.add(sheetId);
    ids.set(tab.title, sheetId);
    added.push(tab);
  }
  return { ids, added };
}

export const addSheet = (tab: SheetTab, sheetId: number): sheets_v4.Schema$Request => ({
  addSheet: {
    properties: { sheetId, title: tab.title, gridProperties: { frozenRowCount: tab.headerRows ?? 0 } },
  },
});

/** How far each tab is read. Wide and deep enough for the largest unit; Google trims empty cells. */
export const TAB_EXTENT: Record<string, string> = {
  [TABS.info]: 'A1:J60',
  [TABS.collective]: 'A1:J100',
  // One row past the limit, so validation can tell the unit that rows were left unread.
  [TABS.individuals]: `A1:${columnLetters(LIMITS.columnsPerTab - 1)}${LIMITS.rowsPerTab + 1}`,
  [TABS.feedback]: 'A1:B2',
  [TABS.registry]: 'A1:Z5000',
};
export const DEFAULT_EXTENT = 'A1:Z5000';

/** The feedback tab is always written as this many rows × columns, so an old, longer list is cleared. */
export const FEEDBACK_BLOCK = { rows: 1600, cols: 6 } as const;

export const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';
/** Up to this many workbooks, versions are fetched one by one rather than by listing. */
export const FEW = 3;

export type CellValue = sheets_v4.Schema$ExtendedValue;

export function userValue(cell: Cell): CellValue | undefined {
  if (cell === null || cell === '') return undefined;
  if (typeof cell === 'number') return { numberValue: cell };
  if (typeof cell === 'boolean') return { boolValue: cell };
  return { stringValue: csvSafe(cell) };
}

/** The feedback tab's rows as `updateCells` takes them (typed values; the rest of the block is cleared). */
export function feedbackRows(tab: SheetTab): sheets_v4.Schema$RowData[] {
  return tab.rows.slice(0, FEEDBACK_BLOCK.rows).map((row) => ({
    values: row.slice(0, FEEDBACK_BLOCK.cols).map((cell) => {
      const value = userValue(cell);
      return value ? { userEnteredValue: value } : {};
    }),
  }));
}

export const rawValue = (cell: Cell): string | number | boolean =>
  typeof cell === 'string' ? csvSafe(cell) : (cell ?? '');

export function validationRule(rule: Validation, message: string): sheets_v4.Schema$DataValidationRule {
  if (rule.kind === 'list')
    return {
      condition: { type: 'ONE_OF_LIST', values: rule.values.map((v) => ({ userEnteredValue: v })) },
      strict: true,
      showCustomUi: true,
      inputMessage: message,
    };
  return {
    condition: {
      type: 'NUMBER_BETWEEN',
      values: [{ userEnteredValue: String(rule.min) }, { userEnteredValue: String(rule.max) }],
    },
    strict: true,
    inputMessage: message,
  };
}

export const FILL_RGB: Record<NonNullable<CellStyle['fill']>, sheets_v4.Schema$Color> = {
  header: { red: 0.906, green: 0.902, blue: 0.902 },
  input: { red: 1, green: 0.973, blue: 0.863 },
  note: { red: 0.949, green: 0.949, blue: 0.949 },
};
export const SOLID = { style: 'SOLID', color: { red: 0.5, green: 0.5, blue: 0.5 } };

/** A model style as a Sheets cell format. */
export function cellFormat(style: CellStyle): sheets_v4.Schema$CellFormat {
  return {
    ...(style.bold || style.italic || style.size
      ? {
          textFormat: {
            ...(style.bold ? { bold: true } : {}),
            ...(style.italic ? { italic: true } : {}),
            ...(style.size ? { fontSize: style.size } : {}),
          },
        }
      : {}),
    ...(style.align ? { horizontalAlignment: style.align.toUpperCase() } : {}),
    ...(style.valign ? { verticalAlignment: style.valign === 'top' ? 'TOP' : 'MIDDLE' } : {}),
    ...(style.wrap ? { wrapStrategy: 'WRAP' } : {}),
    ...(style.border ? { borders: { top: SOLID, bottom: SOLID, left: SOLID, right: SOLID } } : {}),
    ...(style.fill ? { backgroundColor: FILL_RGB[style.fill] } : {}),
  };
}

/** A grid range from inclusive 0-based rows and columns. */
export const gridRange = (
  sheetId: number,
  fromRow: number,
  toRow: number,
  fromCol: number,
  toCol: number,
) => ({
  sheetId,
  startRowIndex: fromRow,
  endRowIndex: toRow + 1,
  startColumnIndex: fromCol,
  endColumnIndex: toCol + 1,
});

/** Each styled cell's combined style (later ranges win), by "row:col". */
export function cellStyles(tab: SheetTab): Map<string, CellStyle> {
  const styles = new Map<string, CellStyle>();
  for (const range of tab.styles ?? [])
    for (let r = range.fromRow; r <= range.toRow; r++)
      for (let c = range.fromCol; c <= range.toCol; c++)
        styles.set(`${r}:${c}`, { ...styles.get(`${r}:${c}`), ...range.style });
  return styles;
}

/**
 * A range thidua protects: with the service account as the only editor, others cannot type over
 * it; without a known address, Sheets warns before an edit.
 */
export const protectRange = (
  range: sheets_v4.Schema$GridRange,
  description: string,
  email: string | undefined,
): sheets_v4.Schema$Request => ({
  addProtectedRange: {
    protectedRange: {
      range,
      description,
      ...(email ? { warningOnly: false, editors: { users: [email] } } : { warningOnly: true }),
    },
  },
});

export function protection(
  tab: SheetTab,
  sheetId: number,
  email: string | undefined,
): sheets_v4.Schema$Request[] {
  const protect = (range: sheets_v4.Schema$GridRange, description: string) =>
    protectRange(range, description, email);
  const requests: sheets_v4.Schema$Request[] = [];
  if (tab.protection === 'all') requests.push(protect({ sheetId }, `thidua: ${tab.title}`));
  if (tab.protection === 'header') {
    if (tab.headerRows)
      requests.push(
        protect({ sheetId, startRowIndex: 0, endRowIndex: tab.headerRows }, 'thidua: dòng tiêu đề'),
      );
    // Locked cells, squeezed into one range per run of rows in a column (a range per cell would be hundreds).
    const byColumn = new Map<number, number[]>();
    for (const cell of tab.lockedCells ?? [])
      byColumn.set(cell.col, [...(byColumn.get(cell.col) ?? []), cell.row]);
    for (const [col, rows] of byColumn) {
      rows.sort((a, b) => a - b);
      let start = rows[0] ?? 0;
      rows.forEach((row, i) => {
        const next = rows[i + 1];
        if (next === row + 1) return;
        requests.push(
          protect(
            {
              sheetId,
              startRowIndex: start,
              endRowIndex: row + 1,
              startColumnIndex: col,
              endColumnIndex: col + 1,
            },
            'thidua: ô do hệ thống điền',
          ),
        );
        start = next ?? 0;
      });
    }
  }
  if (tab.headerRows)
    requests.push({
      repeatCell: {
        range: { sheetId, startRowIndex: 0, endRowIndex: tab.headerRows },
        cell: { userEnteredFormat: { textFormat: { bold: true }, wrapStrategy: 'WRAP' } },
        fields: 'userEnteredFormat(textFormat,wrapStrategy)',
      },
    });
  return requests;
}

export function validations(tab: SheetTab, sheetId: number): sheets_v4.Schema$Request[] {
  return (tab.validations ?? []).map((v) => ({
    setDataValidation: {
      range: gridRange(sheetId, v.fromRow, v.toRow, v.col, v.col),
      rule: validationRule(v.rule, v.message),
    },
  }));
}

/**
 * The tab's values (and formulas) as typed cell data: a plain value can never be read as a
 * formula. With `formats`, each cell also carries its format (bold, borders, wrapping, fill).
 */
export function cellRows(tab: SheetTab, formats = false): sheets_v4.Schema$RowData[] {
  const formulas = new Map((tab.formulas ?? []).map((f) => [`${f.row}:${f.col}`, f.formula]));
  const styles = formats ? cellStyles(tab) : new Map<string, CellStyle>();
  const styled = [...styles.keys()].map((key) => key.split(':').map(Number) as [number, number]);
  const height = Math.max(
    tab.rows.length,
    ...(tab.formulas ?? []).map((f) => f.row + 1),
    ...styled.map(([r]) => r + 1),
  );
  return Array.from({ length: height }, (_, r) => {
    const row = tab.rows[r] ?? [];
    const width = Math.max(
      row.length,
      ...(tab.formulas ?? []).filter((f) => f.row === r).map((f) => f.col + 1),
      ...styled.filter(([sr]) => sr === r).map(([, c]) => c + 1),
    );
    return {
      values: Array.from({ length: width }, (_, c) => {
        const formula = formulas.get(`${r}:${c}`);
        const value = formula ? { formulaValue: `=${formula}` } : userValue(row[c] ?? null);
        const style = styles.get(`${r}:${c}`);
        return {
          ...(value ? { userEnteredValue: value } : {}),
          ...(style ? { userEnteredFormat: cellFormat(style) } : {}),
        };
      }),
    };
  });
}

/** Column widths, row heights and merged cells of a tab thidua owns (pixels: ~7 a character, 4/3 a point). */
export function layout(tab: SheetTab, sheetId: number): sheets_v4.Schema$Request[] {
  return [
    { unmergeCells: { range: { sheetId } } },
    ...(tab.columnWidths ?? []).map((width, i) => ({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: i, endIndex: i + 1 },
        properties: { pixelSize: Math.round(width * 7 + 5) },
        fields: 'pixelSize',
      },
    })),
    ...(tab.rowHeights ?? []).map((h) => ({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'ROWS', startIndex: h.row, endIndex: h.row + 1 },
        properties: { pixelSize: Math.round((h.height * 4) / 3) },
        fields: 'pixelSize',
      },
    })),
    ...(tab.merges ?? []).map((m) => ({
      mergeCells: {
        range: gridRange(sheetId, m.fromRow, m.toRow, m.fromCol, m.toCol),
        mergeType: 'MERGE_ALL',
      },
    })),
  ];
}

/** The requests that make each tab of `model` what it says; `added` tabs are created first. */
export function ownedRequests(
  model: WorkbookModel,
  ids: ReadonlyMap<string, number>,
  added: ReadonlySet<string>,
  email: string | undefined,
): sheets_v4.Schema$Request[] {
  return model.tabs.flatMap((tab) => {
    const sheetId = ids.get(tab.title) ?? 0;
    // Values and formats replace the whole tab; merges are undone and made again (a list's length changes).
    return [
      ...(added.has(tab.title) ? [addSheet(tab, sheetId), ...protection(tab, sheetId, email)] : []),
      {
        updateCells: {
          range: { sheetId },
          rows: cellRows(tab, true),
          fields: 'userEnteredValue,userEnteredFormat',
        },
      },
      ...layout(tab, sheetId),
    ];
  });
}
