/** A cell's text as the person who typed it reads it: the spreadsheet's yes/no in the sheets' own words. */
import type { Cell } from '../domain/grid.ts';
import { cleanText } from '../domain/text.ts';
import { NO, YES } from '../text/sheets.ts';

/** The text of a cell as a user would read it; numbers without exponent, booleans as Có/Không. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cleanText(cell);
  if (typeof cell === 'boolean') return cell ? YES : NO;
  return Number.isInteger(cell) ? String(cell) : String(Number(cell.toFixed(10)));
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}

/** A date cell (a spreadsheet serial, dd/mm/yyyy or yyyy-mm-dd) as YYYY-MM-DD; undefined if it is none. */
export function dateCell(cell: Cell): string | undefined {
  if (typeof cell === 'number' && Number.isFinite(cell))
    return new Date(EXCEL_EPOCH + Math.round(cell) * 86_400_000).toISOString().slice(0, 10);
  const text = cellText(cell);
  const vn = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return vn
    ? isoOf(Number(vn[3]), Number(vn[2]), Number(vn[1]))
    : iso
      ? isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]))
      : undefined;
}
