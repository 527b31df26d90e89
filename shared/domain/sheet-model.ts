/**
 * What we write into spreadsheets, independent of the medium: tabs of values plus the layout a
 * user needs (frozen and protected header rows, dropdowns, number ranges, notes). The `.xlsx`
 * adapter renders it with exceljs; the Google adapter renders it as Sheets API requests.
 */
import type { Cell } from './grid.ts';

export type Validation =
  | { kind: 'list'; values: readonly string[] }
  | { kind: 'decimal'; min: number; max: number }
  | { kind: 'whole'; min: number; max: number };

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
}

export interface WorkbookModel {
  readonly tabs: readonly SheetTab[];
}
