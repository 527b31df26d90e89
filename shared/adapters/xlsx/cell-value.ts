/**
 * An exceljs cell value as the Sheets API gives it with UNFORMATTED_VALUE and SERIAL_NUMBER: the
 * computed value of a formula, a date as its serial number, rich text as its plain text, an error
 * as its code; an empty text is an empty cell, as in Sheets.
 */
import type ExcelJS from 'exceljs';
import type { Cell } from '../../domain/grid.ts';
import { stripControls } from '../../domain/text.ts';

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** An exceljs cell value → a Sheets-API-like unformatted value. */
export function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : stripControls(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
  if (typeof value === 'object') {
    if ('error' in value && typeof value.error === 'string') return value.error;
    if ('richText' in value && Array.isArray(value.richText))
      return stripControls(value.richText.map((part) => part.text).join(''));
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      return toCell(result ?? null);
    }
    if ('text' in value && typeof value.text === 'string') return stripControls(value.text);
  }
  return null;
}
