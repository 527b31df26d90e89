/** Reading a score workbook's info and collective tabs: headers found by their labels, scores and years parsed, each problem with its cell. */

import { a1, type Cell, cellAt, findTab, type Grid, parseA1, type WorkbookGrids } from '../domain/grid.ts';
import type { Problem, ProblemCode } from '../domain/problems.ts';
import { normalizeUnitCode } from '../domain/registry.ts';
import { type ReadContext, type Submission, toHundredths } from '../domain/submission-schema.ts';
import { formatHundredths, isBlank, isErrorValue, matchKey, parseAmount } from '../domain/text.ts';
import { yearLabel } from '../text/common.ts';
import { MESSAGES, WHAT } from '../text/messages.ts';
import { REVIEW_TEXT } from '../text/reviews.ts';
import { COLLECTIVE_HEADERS, INFO_LABELS, NO, TABS, YES } from '../text/sheets.ts';
import { cellText } from './cell-text.ts';

export class ProblemList {
  readonly items: Problem[] = [];
  /**
   * Names whom and which criterion the problems of `tab` raised since `from` are about, from their
   * cell (the person of its row, the criterion of its column or row), so a clerk need not look it up.
   */
  annotate(
    from: number,
    tab: string,
    about: (row: number, col: number) => { who?: string; criterion?: string },
  ) {
    for (let i = from; i < this.items.length; i++) {
      const p = this.items[i];
      const at = p && p.tab === tab ? parseA1(p.cell) : undefined;
      if (!p || !at) continue;
      const { who, criterion } = about(at.row, at.col);
      this.items[i] = { ...p, ...(who ? { who } : {}), ...(criterion ? { criterion } : {}) };
    }
  }
  add(severity: Problem['severity'], tab: string, cell: string, code: ProblemCode, message: string) {
    this.items.push({ severity, tab, cell, code, message });
  }
  error(tab: string, cell: string, code: ProblemCode, message: string) {
    this.add('error', tab, cell, code, message);
  }
  warning(tab: string, cell: string, code: ProblemCode, message: string) {
    this.add('warning', tab, cell, code, message);
  }
}

/** Parses "2024–2025" (any dash, any spacing) to 2024. */
export function parseYearLabel(cell: Cell): number | null {
  const match = /^(\d{4})\s*[-–—/]\s*(\d{4})$/.exec(cellText(cell));
  if (!match) return null;
  const from = Number(match[1]);
  return Number(match[2]) === from + 1 ? from : null;
}

export function headerMatches(cell: Cell, label: string): boolean {
  if (typeof cell !== 'string') return false;
  const key = matchKey(cell);
  const wanted = matchKey(label);
  return key === wanted || key.startsWith(`${wanted} `);
}

export function criterionHeaderCode(cell: Cell, codes: readonly string[]): string | undefined {
  if (typeof cell !== 'string') return undefined;
  const text = matchKey(cell).toUpperCase();
  return codes.find((code) => new RegExp(`^${code}(?![0-9])`).test(text));
}

export function findHeaderRow(grid: Grid, required: readonly string[]): number {
  for (let row = 0; row < Math.min(grid.length, 15); row++) {
    const cells = grid[row] ?? [];
    if (required.every((label) => cells.some((cell) => headerMatches(cell, label)))) return row;
  }
  return -1;
}

export function choose<C extends { code: string; label: string }>(
  cell: Cell,
  choices: readonly C[],
): C | undefined {
  const key = matchKey(cellText(cell));
  return choices.find((choice) => matchKey(choice.label) === key || matchKey(choice.code) === key);
}

export function yesNo(cell: Cell): boolean | undefined {
  if (typeof cell === 'boolean') return cell;
  const key = matchKey(cellText(cell));
  if (key === matchKey(YES) || key === 'x') return true;
  if (key === matchKey(NO)) return false;
  return undefined;
}

export function readInfo(grids: WorkbookGrids, ctx: ReadContext, problems: ProblemList) {
  const tab = findTab(grids, TABS.info, matchKey);
  if (!tab) {
    problems.error(TABS.info, '', 'TAB_MISSING', MESSAGES.TAB_MISSING(TABS.info));
    return { filledBy: '' };
  }
  const grid = grids[tab] ?? [];
  const find = (label: string): { row: number; col: number; value: Cell } | undefined => {
    for (let row = 0; row < grid.length; row++) {
      const cells = grid[row] ?? [];
      const col = cells.findIndex((cell) => headerMatches(cell, label));
      if (col < 0) continue;
      // The value is the first non-blank cell to the right of the label (merged labels leave gaps).
      let valueCol = col + 1;
      while (valueCol < cells.length - 1 && isBlank(cellAt(grid, row, valueCol))) valueCol++;
      return {
        row,
        col: col + 1,
        value: isBlank(cellAt(grid, row, valueCol)) ? null : cellAt(grid, row, valueCol),
      };
    }
    return undefined;
  };

  const code = find(INFO_LABELS.unitCode);
  if (!code || isBlank(code.value)) {
    problems.error(
      tab,
      code ? a1(code.row, code.col) : 'A1',
      'UNIT_CODE_MISSING',
      MESSAGES.UNIT_CODE_MISSING(),
    );
  } else {
    const claimed = normalizeUnitCode(cellText(code.value));
    if (claimed !== ctx.expectedUnitCode)
      problems.error(
        tab,
        a1(code.row, code.col),
        'UNIT_CODE_MISMATCH',
        MESSAGES.UNIT_CODE_MISMATCH(claimed, ctx.expectedUnitCode),
      );
  }

  const year = find(INFO_LABELS.year);
  if (!year || isBlank(year.value)) {
    problems.error(tab, year ? a1(year.row, year.col) : 'A1', 'YEAR_MISSING', MESSAGES.YEAR_MISSING());
  } else {
    const parsed = parseYearLabel(year.value);
    if (parsed === null)
      problems.error(
        tab,
        a1(year.row, year.col),
        'YEAR_INVALID',
        MESSAGES.YEAR_INVALID(cellText(year.value)),
      );
    else if (parsed !== ctx.year)
      problems.error(
        tab,
        a1(year.row, year.col),
        'YEAR_MISMATCH',
        MESSAGES.YEAR_MISMATCH(yearLabel(parsed), yearLabel(ctx.year)),
      );
  }
  return { filledBy: cellText(find(INFO_LABELS.filledBy)?.value ?? null) };
}

/** Reads a score cell into hundredths within [0, max]; records a problem and returns null otherwise. */
export function readScore(
  cell: Cell,
  maxHundredths: number,
  where: { tab: string; cell: string; code: string },
  problems: ProblemList,
): number | null {
  if (isBlank(cell)) {
    problems.error(where.tab, where.cell, 'REQUIRED', MESSAGES.REQUIRED(WHAT.score(where.code)));
    return null;
  }
  if (isErrorValue(cell)) {
    problems.error(where.tab, where.cell, 'ERROR_VALUE', MESSAGES.ERROR_VALUE(cellText(cell)));
    return null;
  }
  const parsed = parseAmount(cell);
  if (!parsed.ok) {
    const code = parsed.reason === 'tooManyDecimals' ? 'TOO_MANY_DECIMALS' : 'NOT_A_NUMBER';
    problems.error(where.tab, where.cell, code, MESSAGES[code](cellText(cell)));
    return null;
  }
  if (parsed.hundredths < 0 || parsed.hundredths > maxHundredths) {
    problems.error(
      where.tab,
      where.cell,
      'OUT_OF_RANGE',
      MESSAGES.OUT_OF_RANGE(cellText(cell), formatHundredths(maxHundredths)),
    );
    return null;
  }
  return parsed.hundredths;
}

export function readCollective(
  grids: WorkbookGrids,
  ctx: ReadContext,
  problems: ProblemList,
): Submission['collective'] {
  const result: Submission['collective'] = { items: {}, vetoes: {} };
  const tab = findTab(grids, TABS.collective, matchKey);
  if (!tab) {
    problems.error(TABS.collective, '', 'TAB_MISSING', MESSAGES.TAB_MISSING(TABS.collective));
    return result;
  }
  const grid = grids[tab] ?? [];
  const headerRow = findHeaderRow(grid, [COLLECTIVE_HEADERS.code]);
  if (headerRow < 0) {
    problems.error(tab, 'A1', 'HEADER_MISSING', MESSAGES.HEADER_MISSING(COLLECTIVE_HEADERS.code));
    return result;
  }
  const header = grid[headerRow] ?? [];
  const column = (label: string) => header.findIndex((cell) => headerMatches(cell, label));
  const codeCol = column(COLLECTIVE_HEADERS.code);
  const selfCol = column(COLLECTIVE_HEADERS.self);
  const reviewedCol = column(COLLECTIVE_HEADERS.reviewed);
  const evidenceCol = column(COLLECTIVE_HEADERS.evidence);
  const reasonCol = column(COLLECTIVE_HEADERS.reviewReason);
  if (selfCol < 0) {
    problems.error(
      tab,
      a1(headerRow, header.length),
      'HEADER_MISSING',
      MESSAGES.HEADER_MISSING(COLLECTIVE_HEADERS.self),
    );
    return result;
  }

  const items = new Map(ctx.catalog.collective.items.map((item) => [item.code, item]));
  const vetoes = new Map(ctx.catalog.collective.vetoItems.map((item) => [item.code, item]));
  const seen = new Set<string>();
  const start = problems.items.length;
  for (let row = headerRow + 1; row < grid.length; row++) {
    const rawCode = cellAt(grid, row, codeCol);
    if (isBlank(rawCode)) continue;
    const code = matchKey(cellText(rawCode)).toUpperCase().replace(/\s/g, '');
    const codeCell = a1(row, codeCol);
    if (!items.has(code) && !vetoes.has(code)) {
      problems.warning(tab, codeCell, 'CRITERION_UNKNOWN', MESSAGES.CRITERION_UNKNOWN(cellText(rawCode)));
      continue;
    }
    if (seen.has(code)) {
      problems.error(tab, codeCell, 'CRITERION_ROW_DUPLICATE', MESSAGES.CRITERION_ROW_DUPLICATE(code));
      continue;
    }
    seen.add(code);
    const selfCell = cellAt(grid, row, selfCol);
    const where = { tab, cell: a1(row, selfCol), code };
    const item = items.get(code);
    if (item) {
      const max = toHundredths(item.maxPoints);
      const self = readScore(selfCell, max, where, problems);
      const evidence = evidenceCol >= 0 ? cellText(cellAt(grid, row, evidenceCol)) : '';
      // Only a council sets a review (its own workbook's “Thẩm định”): what a unit typed in the
      // review columns of an earlier template is not used, and it is told so once.
      const typed = [reviewedCol, reasonCol].find((c) => c >= 0 && !isBlank(cellAt(grid, row, c)));
      if (typed !== undefined && !problems.items.some((p) => p.code === 'REVIEW_BY_UNIT'))
        problems.warning(tab, a1(row, typed), 'REVIEW_BY_UNIT', REVIEW_TEXT.unitReviewIgnored);
      if (self !== null) result.items[code] = { self, reviewed: null, evidence, reviewReason: '' };
    } else {
      const answer = yesNo(selfCell);
      if (answer === undefined) {
        if (isBlank(selfCell))
          problems.error(tab, where.cell, 'REQUIRED', MESSAGES.REQUIRED(WHAT.veto(code)));
        else
          problems.error(
            tab,
            where.cell,
            'INVALID_CHOICE',
            MESSAGES.INVALID_CHOICE(cellText(selfCell), [YES, NO]),
          );
      } else result.vetoes[code] = answer;
    }
  }
  problems.annotate(start, tab, (row) => {
    const code = matchKey(cellText(cellAt(grid, row, codeCol)))
      .toUpperCase()
      .replace(/\s/g, '');
    const item = items.get(code) ?? vetoes.get(code);
    return item ? { criterion: `${item.code} – ${item.title}` } : {};
  });
  for (const code of [...items.keys(), ...vetoes.keys()])
    if (!seen.has(code))
      problems.error(tab, '', 'CRITERION_ROW_MISSING', MESSAGES.CRITERION_ROW_MISSING(code));
  return result;
}
