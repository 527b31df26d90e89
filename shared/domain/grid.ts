/**
 * A workbook as the Sheets API returns it with UNFORMATTED_VALUE: per tab, rows of cell values.
 * Both the Google and the local `.xlsx` adapters produce this shape, so one parser serves both.
 */
import { z } from 'zod';

export const cellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const gridSchema = z.array(z.array(cellSchema));
export const workbookGridsSchema = z.record(z.string(), gridSchema);

export type Cell = z.infer<typeof cellSchema>;
export type Grid = z.infer<typeof gridSchema>;
/** Tab title (as the user sees it) → grid. */
export type WorkbookGrids = z.infer<typeof workbookGridsSchema>;

export function cellAt(grid: Grid, row: number, col: number): Cell {
  return grid[row]?.[col] ?? null;
}

/** 0-based column index → spreadsheet letters (0 → A, 25 → Z, 26 → AA). */
export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 0-based row and column → A1 address ("H7"). */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** An A1 address ("H7") → 0-based row and column; undefined for anything else. */
export function parseA1(ref: string): { row: number; col: number } | undefined {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m) return undefined;
  const col = [...(m[1] ?? '')].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

/** Finds a tab by its title, tolerant of case, diacritic normalisation and stray spaces. */
export function findTab(grids: WorkbookGrids, title: string, key: (s: string) => string): string | undefined {
  const wanted = key(title);
  return Object.keys(grids).find((name) => key(name) === wanted);
}
