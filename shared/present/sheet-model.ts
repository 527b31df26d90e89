/**
 * What we write into spreadsheets, independent of the medium: tabs of values plus the layout a
 * user needs (frozen and protected header rows, dropdowns, number ranges, notes). The `.xlsx`
 * adapter renders it with exceljs; the Google adapter renders it as Sheets API requests.
 */
import type { Cell } from '../domain/grid.ts';

export type Validation =
  | { kind: 'list'; values: readonly string[] }
  | { kind: 'decimal'; min: number; max: number }
  | { kind: 'whole'; min: number; max: number };

/** How a range of cells looks; the adapters map it to exceljs styles or Sheets cell formats. */
export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Font size in points (default 11). */
  readonly size?: number;
  readonly align?: 'left' | 'center' | 'right';
  readonly valign?: 'top' | 'middle';
  readonly wrap?: boolean;
  /** Thin borders on every side of every cell in the range. */
  readonly border?: boolean;
  /** `header`: a table's header row; `input`: a cell the user fills (locked cells have none). */
  readonly fill?: 'header' | 'input' | 'note';
}

export interface StyledRange {
  readonly fromRow: number;
  readonly toRow: number;
  readonly fromCol: number;
  readonly toCol: number;
  readonly style: CellStyle;
}

/** Cells (0-based, inclusive) shown as one; the value sits in the top-left cell. */
export interface MergedRange {
  readonly fromRow: number;
  readonly toRow: number;
  readonly fromCol: number;
  readonly toCol: number;
}

/** How the tab prints: A4, fit to one page wide, these rows repeated on each page, page numbers in the footer. */
export interface PrintSetup {
  readonly orientation: 'portrait' | 'landscape';
  /** 0-based rows printed at the top of every page (the titles and the table's header). */
  readonly repeatRows?: { readonly from: number; readonly to: number };
  /** Footer text; `{page}` and `{pages}` are replaced by the page number and count. */
  readonly footer?: string;
  /** Only these columns (0-based, inclusive) print, every row that has content (a legend beside the table does not). */
  readonly columns?: { readonly from: number; readonly to: number };
  /** Rows (0-based) that start a new printed page. */
  readonly breaksBefore?: readonly number[];
}

export interface SheetTab {
  readonly title: string;
  readonly rows: readonly (readonly Cell[])[];
  readonly columnWidths?: readonly number[];
  /** Rows (from the top) shown bold, frozen, and locked when the tab is protected. */
  readonly headerRows?: number;
  /** Protect the whole tab (read-only feedback and proposals) or only the header rows (score sheets). */
  readonly protection?: 'none' | 'header' | 'all';
  readonly notes?: readonly { row: number; col: number; text: string }[];
  readonly validations?: readonly {
    fromRow: number;
    toRow: number;
    col: number;
    rule: Validation;
    message: string;
  }[];
  /** Cells (0-based) that users may not edit even when the tab protects only its header. */
  readonly lockedCells?: readonly { row: number; col: number }[];
  /** A formula cell: the adapter writes the formula; its computed value is what reading returns. */
  readonly formulas?: readonly { row: number; col: number; formula: string; result?: Cell }[];
  /** Looks, applied in order (a later range wins where they overlap). */
  readonly styles?: readonly StyledRange[];
  readonly merges?: readonly MergedRange[];
  readonly print?: PrintSetup;
  /** Row heights in points, where a row needs more than one line (merged cells do not grow by themselves). */
  readonly rowHeights?: readonly { row: number; height: number }[];
}

export interface WorkbookModel {
  readonly tabs: readonly SheetTab[];
}
