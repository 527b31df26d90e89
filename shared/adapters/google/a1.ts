/** A1 notation as the Sheets API reads it: `'Tab name'!A1:C10`, `Tab!A:C`, `Tab!A2:C`, `Tab`. */

export interface A1Range {
  readonly sheet: string;
  /** 0-based, inclusive; undefined = open (to the sheet's edge). */
  readonly startRow: number;
  readonly startCol: number;
  readonly endRow: number | undefined;
  readonly endCol: number | undefined;
}

export class RangeParseError extends Error {
  override readonly name = 'RangeParseError';
}

const colIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

function parseCorner(text: string): { row?: number; col?: number } | undefined {
  const m = /^([A-Z]*)(\d*)$/.exec(text.toUpperCase());
  if (!m || (!m[1] && !m[2])) return undefined;
  return {
    ...(m[1] ? { col: colIndex(m[1]) } : {}),
    ...(m[2] ? { row: Number(m[2]) - 1 } : {}),
  };
}

export function parseA1(range: string): A1Range {
  let sheet: string;
  let rest: string | undefined;
  if (range.startsWith("'")) {
    const close = findClosingQuote(range);
    if (close < 0) throw new RangeParseError(range);
    sheet = range.slice(1, close).replace(/''/g, "'");
    rest = range.slice(close + 1);
    if (rest && !rest.startsWith('!')) throw new RangeParseError(range);
    rest = rest ? rest.slice(1) : undefined;
  } else {
    const bang = range.lastIndexOf('!');
    sheet = bang < 0 ? range : range.slice(0, bang);
    rest = bang < 0 ? undefined : range.slice(bang + 1);
  }
  if (!sheet) throw new RangeParseError(range);
  if (rest === undefined || rest === '')
    return { sheet, startRow: 0, startCol: 0, endRow: undefined, endCol: undefined };
  const [from = '', to] = rest.split(':');
  const start = parseCorner(from);
  const end = to === undefined ? start : parseCorner(to);
  if (!start || !end) throw new RangeParseError(range);
  return {
    sheet,
    startRow: start.row ?? 0,
    startCol: start.col ?? 0,
    endRow: end.row,
    endCol: end.col,
  };
}

function findClosingQuote(range: string): number {
  for (let i = 1; i < range.length; i++) {
    if (range[i] !== "'") continue;
    if (range[i + 1] === "'") {
      i++;
      continue;
    }
    return i;
  }
  return -1;
}

const letters = (col: number) => {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

/** Formats a range the way the API echoes it back: `'Cá nhân'!A1:Z100`. */
export function formatA1(
  sheet: string,
  startRow: number,
  startCol: number,
  endRow: number,
  endCol: number,
): string {
  const quoted = /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${letters(startCol)}${startRow + 1}:${letters(endCol)}${endRow + 1}`;
}

/** Quotes a tab title for use in a range, as clients must. */
export function quoteSheet(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}
