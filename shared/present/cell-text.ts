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
