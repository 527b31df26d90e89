/** Text and number handling for what people type into spreadsheets. Pure functions. */

import type { Cell } from './grid.ts';

/**
 * Characters that never belong in a name or a message: C0 and C1 controls (an ESC would drive the
 * terminal that prints it) and the bidirectional overrides and isolates that make text display in
 * another order than it is stored (U+202A–U+202E, U+2066–U+2069, and the LRM/RLM/ALM marks).
 * Tab, line feed and carriage return are kept for `cleanText` to fold into spaces.
 */
const CONTROLS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Text from outside with controls and direction overrides removed (nothing else changes). */
export function stripControls(value: string): string {
  return value.replace(CONTROLS, '');
}

/** Text that XML 1.0 can carry: controls and the non-characters U+FFFE/U+FFFF and lone surrogates dropped. */
export function xmlSafe(value: string): string {
  return stripControls(value).replace(
    /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '',
  );
}

/** NFC, controls removed, non-breaking and zero-width spaces folded, inner whitespace collapsed, trimmed. */
export function cleanText(value: string): string {
  return stripControls(value)
    .normalize('NFC')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();
}

/** Keys already made: the same labels (headers, ratings, genders, yes/no) come back in every workbook. */
const MATCH_KEYS = new Map<string, string>();
const MATCH_KEYS_MAX = 4096;

/** A key for matching labels: clean, lower case, without diacritics (đ → d), punctuation folded. */
export function matchKey(value: string): string {
  let key = MATCH_KEYS.get(value);
  if (key === undefined) {
    key = cleanText(value)
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[\u0111\u0110]/g, 'd') // đ, Đ
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    if (MATCH_KEYS.size >= MATCH_KEYS_MAX) MATCH_KEYS.clear();
    MATCH_KEYS.set(value, key);
  }
  return key;
}

export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cleanText(cell) === '');
}

/** Spreadsheet error values as the Sheets API and exceljs render them. */
export function isErrorValue(cell: Cell): boolean {
  return (
    typeof cell === 'string' && /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|ERROR!)$/.test(cell.trim())
  );
}

export type ParsedAmount =
  | { ok: true; hundredths: number }
  | { ok: false; reason: 'notANumber' | 'tooManyDecimals' };

/**
 * Parses a score to an exact integer number of hundredths. Accepts numbers, and text with a decimal
 * comma or point ("8,5", " 8.5 "). Scores are compared exactly, so no floating point survives this.
 */
export function parseAmount(cell: Cell): ParsedAmount {
  let text: string;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { ok: false, reason: 'notANumber' };
    text = String(Number(cell.toFixed(8)));
    if (text.includes('e')) return { ok: false, reason: 'notANumber' };
  } else if (typeof cell === 'string') {
    text = cleanText(cell).replace(/\s/g, '');
  } else {
    return { ok: false, reason: 'notANumber' };
  }
  const match = /^([+-]?)(\d+)(?:[.,](\d+))?$/.exec(text);
  if (!match) return { ok: false, reason: 'notANumber' };
  const [, sign, whole = '0', fraction = ''] = match;
  const trimmedFraction = fraction.replace(/0+$/, '');
  if (trimmedFraction.length > 2) return { ok: false, reason: 'tooManyDecimals' };
  const hundredths = Number(whole) * 100 + Number(trimmedFraction.padEnd(2, '0'));
  return { ok: true, hundredths: sign === '-' ? -hundredths : hundredths };
}

/** 1850 → "18,5" (Vietnamese decimal comma). */
export function formatHundredths(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${sign}${whole},${fraction}` : `${sign}${whole}`;
}

/** Made when first used: loading the collation data is a cost every function's cold start would pay. */
let collator: Intl.Collator | undefined;

/** Vietnamese collation (Nguyễn after Nguyên, Đ after D), for lists of names. */
export function compareVietnamese(a: string, b: string): number {
  collator ??= new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
  return collator.compare(a, b);
}

/**
 * Vietnamese names sort by given name (the last word), then the whole name, as lists in the sector do.
 */
export function comparePersonNames(a: string, b: string): number {
  if (a === b) return 0;
  return compareVietnamese(givenName(a), givenName(b)) || compareVietnamese(a, b);
}

/** The last word of a name, without splitting the whole name (comparisons run by the ten thousand). */
function givenName(name: string): string {
  const space = name.lastIndexOf(' ');
  return space < 0 ? name : name.slice(space + 1);
}

/**
 * Text that a spreadsheet or a CSV export could take for a formula (=, +, -, @, tab, CR at the
 * start) gets a leading apostrophe. Written as a plain value it then stays text everywhere.
 */
export function csvSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A calendar date "2025-05-31" as Vietnamese documents write it, "31/05/2025" (other text unchanged). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Text from XML: the five entities and numeric character references decoded. */
export const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&amp;/g, '&');
