/**
 * Reads a unit's score workbook (as grids) into a submission, or into a list of problems.
 * Total: any grid whatsoever yields one or the other, never an exception. Columns are found by
 * header, blank rows are skipped, typed totals are recomputed rather than trusted.
 *
 * Steps: locate the three tabs → info (unit code bound by the registry, emulation year) →
 * collective criteria rows → individuals table → accept if no problem is an error.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Catalog, Movement } from '../movement/movement.ts';
import { yearLabel } from '../text/common.ts';
import { MESSAGES, WHAT } from '../text/messages.ts';
import {
  COLLECTIVE_HEADERS,
  GENDERS,
  INDIVIDUAL_HEADERS,
  INFO_LABELS,
  NO,
  TABS,
  YES,
} from '../text/sheets.ts';
import { a1, type Cell, cellAt, findTab, type Grid, parseA1, type WorkbookGrids } from './grid.ts';
import { LIMITS } from './limits.ts';
import { cellRef, hasErrors, type Problem, type ProblemCode } from './problems.ts';
import { normalizeUnitCode } from './registry.ts';
import { cellText, formatHundredths, isBlank, isErrorValue, matchKey, parseAmount } from './text.ts';

const hundredths = z.number().int().nonnegative();

export const personSchema = z.object({
  staffId: z.string().min(1),
  name: z.string().min(1),
  position: z.string(),
  isLeader: z.boolean(),
  gender: z.enum(GENDERS).nullable(),
  rating: z.string().min(1),
  discipline: z.string().min(1),
  /** criterion code → score in hundredths of a point; only the items that apply to this person. */
  scores: z.record(z.string(), hundredths),
  note: z.string(),
});
export type Person = z.infer<typeof personSchema>;

export const submissionSchema = z.object({
  unitCode: z.string().min(1),
  year: z.number().int(),
  filledBy: z.string(),
  collective: z.object({
    items: z.record(
      z.string(),
      z.object({
        self: hundredths,
        reviewed: hundredths.nullable(),
        evidence: z.string(),
        /** Why the council's score differs from the unit's own (required when it does). */
        reviewReason: z.string().default(''),
      }),
    ),
    vetoes: z.record(z.string(), z.boolean()),
  }),
  people: z.array(personSchema),
});
export type Submission = z.infer<typeof submissionSchema>;

export interface ReadContext {
  readonly movement: Movement;
  readonly catalog: Catalog;
  readonly year: number;
  /** The unit the registry binds this workbook to. */
  readonly expectedUnitCode: string;
}

export interface ReadResult {
  /** Present only when no problem is an error. */
  readonly submission: Submission | null;
  readonly problems: Problem[];
}

class ProblemList {
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

function headerMatches(cell: Cell, label: string): boolean {
  if (typeof cell !== 'string') return false;
  const key = matchKey(cell);
  const wanted = matchKey(label);
  return key === wanted || key.startsWith(`${wanted} `);
}

function criterionHeaderCode(cell: Cell, codes: readonly string[]): string | undefined {
  if (typeof cell !== 'string') return undefined;
  const text = matchKey(cell).toUpperCase();
  return codes.find((code) => new RegExp(`^${code}(?![0-9])`).test(text));
}

function findHeaderRow(grid: Grid, required: readonly string[]): number {
  for (let row = 0; row < Math.min(grid.length, 15); row++) {
    const cells = grid[row] ?? [];
    if (required.every((label) => cells.some((cell) => headerMatches(cell, label)))) return row;
  }
  return -1;
}

function choose<C extends { code: string; label: string }>(cell: Cell, choices: readonly C[]): C | undefined {
  const key = matchKey(cellText(cell));
  return choices.find((choice) => matchKey(choice.label) === key || matchKey(choice.code) === key);
}

function yesNo(cell: Cell): boolean | undefined {
  if (typeof cell === 'boolean') return cell;
  const key = matchKey(cellText(cell));
  if (key === matchKey(YES) || key === 'x') return true;
  if (key === matchKey(NO)) return false;
  return undefined;
}

function readInfo(grids: WorkbookGrids, ctx: ReadContext, problems: ProblemList) {
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
function readScore(
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

export const toHundredths = (points: number) => Math.round(points * 100);

function readCollective(
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
      let reviewed: number | null = null;
      if (reviewedCol >= 0 && !isBlank(cellAt(grid, row, reviewedCol)))
        reviewed = readScore(
          cellAt(grid, row, reviewedCol),
          max,
          { ...where, cell: a1(row, reviewedCol) },
          problems,
        );
      const evidence = evidenceCol >= 0 ? cellText(cellAt(grid, row, evidenceCol)) : '';
      const reviewReason = reasonCol >= 0 ? cellText(cellAt(grid, row, reasonCol)) : '';
      // The council may change a unit's score, never silently.
      if (self !== null && reviewed !== null && reviewed !== self && !reviewReason)
        problems.error(
          tab,
          a1(row, reasonCol >= 0 ? reasonCol : reviewedCol),
          'REVIEW_REASON_REQUIRED',
          MESSAGES.REVIEW_REASON_REQUIRED(code, formatHundredths(self), formatHundredths(reviewed)),
        );
      if (self !== null) result.items[code] = { self, reviewed, evidence, reviewReason };
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

function readPeople(grids: WorkbookGrids, ctx: ReadContext, problems: ProblemList): Person[] {
  const tab = findTab(grids, TABS.individuals, matchKey);
  if (!tab) {
    problems.error(TABS.individuals, '', 'TAB_MISSING', MESSAGES.TAB_MISSING(TABS.individuals));
    return [];
  }
  const grid = grids[tab] ?? [];
  const headerRow = findHeaderRow(grid, [INDIVIDUAL_HEADERS.staffId, INDIVIDUAL_HEADERS.name]);
  if (headerRow < 0) {
    problems.error(tab, 'A1', 'HEADER_MISSING', MESSAGES.HEADER_MISSING(INDIVIDUAL_HEADERS.staffId));
    return [];
  }
  const header = grid[headerRow] ?? [];
  const items = ctx.catalog.individual.items;
  const codes = items.map((item) => item.code);

  // Columns by header text: fixed columns by label, score columns by the criterion code they start with.
  const fixed = new Map<keyof typeof INDIVIDUAL_HEADERS, number>();
  const scoreCols = new Map<string, number>();
  const claim = <K>(columns: Map<K, number>, key: K, cell: Cell, col: number) => {
    if (columns.has(key))
      problems.error(tab, a1(headerRow, col), 'HEADER_DUPLICATE', MESSAGES.HEADER_DUPLICATE(cellText(cell)));
    else columns.set(key, col);
  };
  const labels = Object.entries(INDIVIDUAL_HEADERS) as [keyof typeof INDIVIDUAL_HEADERS, string][];
  header.forEach((cell, col) => {
    const code = criterionHeaderCode(cell, codes);
    const label = code ? undefined : labels.find(([, text]) => headerMatches(cell, text));
    if (code) claim(scoreCols, code, cell, col);
    else if (label) claim(fixed, label[0], cell, col);
  });
  // A missing column is reported just after the table's last known column (a legend may sit further right).
  const headerEnd = a1(headerRow, Math.max(-1, ...fixed.values(), ...scoreCols.values()) + 1);
  let missingColumn = false;
  for (const key of ['staffId', 'name', 'leader', 'rating', 'discipline'] as const)
    if (!fixed.has(key)) {
      problems.error(tab, headerEnd, 'HEADER_MISSING', MESSAGES.HEADER_MISSING(INDIVIDUAL_HEADERS[key]));
      missingColumn = true;
    }
  for (const code of codes)
    if (!scoreCols.has(code)) {
      problems.error(tab, headerEnd, 'HEADER_MISSING', MESSAGES.HEADER_MISSING(code));
      missingColumn = true;
    }
  if (missingColumn) return [];

  const col = (key: keyof typeof INDIVIDUAL_HEADERS) => fixed.get(key) ?? -1;
  const people: Person[] = [];
  const firstRowOf = new Map<string, string>();
  const start = problems.items.length;
  for (let row = headerRow + 1; row < grid.length; row++) {
    const get = (c: number) => (c < 0 ? null : cellAt(grid, row, c));
    const identifying = [get(col('staffId')), get(col('name')), ...[...scoreCols.values()].map(get)];
    if (identifying.every(isBlank)) continue; // blank rows between people, or only a formula's STT/total

    const at = (c: number) => a1(row, c);
    const required = (c: number, what: string): Cell | undefined => {
      const value = get(c);
      if (isBlank(value)) {
        problems.error(tab, at(c), 'REQUIRED', MESSAGES.REQUIRED(what));
        return undefined;
      }
      if (isErrorValue(value)) {
        problems.error(tab, at(c), 'ERROR_VALUE', MESSAGES.ERROR_VALUE(cellText(value)));
        return undefined;
      }
      return value;
    };
    const staffIdCell = required(col('staffId'), WHAT.staffId);
    const nameCell = required(col('name'), WHAT.name);
    const staffId = staffIdCell === undefined ? '' : cellText(staffIdCell).toUpperCase().replace(/\s+/g, '');
    const name = nameCell === undefined ? '' : cellText(nameCell);

    const leaderCell = required(col('leader'), WHAT.leader);
    const isLeader = leaderCell === undefined ? undefined : yesNo(leaderCell);
    if (leaderCell !== undefined && isLeader === undefined)
      problems.error(
        tab,
        at(col('leader')),
        'INVALID_CHOICE',
        MESSAGES.INVALID_CHOICE(cellText(leaderCell), [YES, NO]),
      );

    /** A dropdown cell: required, and one of the movement's choices (by label or code). */
    const chosen = <C extends { code: string; label: string }>(
      key: 'rating' | 'discipline',
      what: string,
      choices: readonly C[],
    ): C | undefined => {
      const cell = required(col(key), what);
      if (cell === undefined) return undefined;
      const choice = choose(cell, choices);
      if (!choice)
        problems.error(
          tab,
          at(col(key)),
          'INVALID_CHOICE',
          MESSAGES.INVALID_CHOICE(
            cellText(cell),
            choices.map((c) => c.label),
          ),
        );
      return choice;
    };
    const rating = chosen('rating', WHAT.rating, ctx.movement.ratings);
    const discipline = chosen('discipline', WHAT.discipline, ctx.movement.disciplines);

    let gender: Person['gender'] = null;
    const genderCell = get(col('gender'));
    if (!isBlank(genderCell)) {
      gender = GENDERS.find((g) => matchKey(g) === matchKey(cellText(genderCell))) ?? null;
      if (!gender)
        problems.error(
          tab,
          at(col('gender')),
          'INVALID_CHOICE',
          MESSAGES.INVALID_CHOICE(cellText(genderCell), GENDERS),
        );
    }

    const scores: Record<string, number> = {};
    let complete = true;
    for (const item of items) {
      const c = scoreCols.get(item.code) ?? -1;
      if (item.leaderOnly && isLeader !== true) {
        if (isLeader === false && !isBlank(get(c)))
          problems.warning(tab, at(c), 'LEADER_ONLY_SCORE', MESSAGES.LEADER_ONLY_SCORE(item.code));
        continue;
      }
      const score = readScore(
        get(c),
        toHundredths(item.maxPoints),
        { tab, cell: at(c), code: item.code },
        problems,
      );
      if (score === null) complete = false;
      else scores[item.code] = score;
    }

    const totalCell = get(col('total'));
    if (complete && col('total') >= 0 && !isBlank(totalCell) && !isErrorValue(totalCell)) {
      const typed = parseAmount(totalCell);
      const computed = Object.values(scores).reduce((sum, s) => sum + s, 0);
      if (typed.ok && typed.hundredths !== computed)
        problems.warning(
          tab,
          at(col('total')),
          'TOTAL_MISMATCH',
          MESSAGES.TOTAL_MISMATCH(formatHundredths(typed.hundredths), formatHundredths(computed)),
        );
    }

    if (staffId) {
      const first = firstRowOf.get(staffId);
      if (first) {
        problems.error(
          tab,
          at(col('staffId')),
          'DUPLICATE_PERSON',
          MESSAGES.DUPLICATE_PERSON(staffId, cellRef(tab, first)),
        );
        continue;
      }
      firstRowOf.set(staffId, at(col('staffId')));
    }
    if (staffId && name && isLeader !== undefined && rating && discipline && complete)
      people.push({
        staffId,
        name,
        position: cellText(get(col('position'))),
        isLeader,
        gender,
        rating: rating.code,
        discipline: discipline.code,
        scores,
        note: cellText(get(col('note'))),
      });
  }
  const criterionOf = new Map([...scoreCols].map(([code, c]) => [c, code]));
  problems.annotate(start, tab, (row, c) => {
    const name = cellText(cellAt(grid, row, col('name')));
    const staffId = cellText(cellAt(grid, row, col('staffId')));
    const code = criterionOf.get(c);
    const item = items.find((i) => i.code === code);
    return {
      ...(name || staffId ? { who: name && staffId ? `${name} (${staffId})` : name || staffId } : {}),
      ...(item ? { criterion: `${item.code} – ${item.title}` } : {}),
    };
  });
  if (firstRowOf.size === 0)
    problems.error(tab, a1(headerRow + 1, col('staffId')), 'NO_PEOPLE', MESSAGES.NO_PEOPLE());
  return people;
}

/** The whole workbook: a submission when there is no error, the problems in any case. Never throws. */
/**
 * The unit's tabs within the limits (`LIMITS`): rows past the limit are a problem (people would be
 * lost) and are not read; text longer than a cell may hold is a problem and is cut, so no message,
 * stored item or written cell carries it.
 */
function boundGrids(grids: WorkbookGrids, problems: ProblemList): WorkbookGrids {
  const bounded: WorkbookGrids = { ...grids };
  for (const wanted of [TABS.info, TABS.collective, TABS.individuals]) {
    const tab = findTab(grids, wanted, matchKey);
    const grid = tab ? grids[tab] : undefined;
    if (!tab || !grid) continue;
    if (grid.length > LIMITS.rowsPerTab)
      problems.error(
        tab,
        a1(LIMITS.rowsPerTab, 0),
        'TOO_MANY_ROWS',
        MESSAGES.TOO_MANY_ROWS(LIMITS.rowsPerTab),
      );
    bounded[tab] = grid.slice(0, LIMITS.rowsPerTab).map((row, r) =>
      row.slice(0, LIMITS.columnsPerTab).map((cell, c) => {
        if (typeof cell !== 'string' || cell.length <= LIMITS.cellChars) return cell;
        problems.error(tab, a1(r, c), 'CELL_TOO_LONG', MESSAGES.CELL_TOO_LONG(cell.length, LIMITS.cellChars));
        return cell.slice(0, LIMITS.cellChars);
      }),
    );
  }
  return bounded;
}

export function readSubmission(input: WorkbookGrids, ctx: ReadContext): ReadResult {
  const problems = new ProblemList();
  const grids = boundGrids(input, problems);
  const { filledBy } = readInfo(grids, ctx, problems);
  const collective = readCollective(grids, ctx, problems);
  const people = readPeople(grids, ctx, problems);
  if (people.length > LIMITS.peoplePerUnit)
    problems.error(
      TABS.individuals,
      '',
      'TOO_MANY_PEOPLE',
      MESSAGES.TOO_MANY_PEOPLE(people.length, LIMITS.peoplePerUnit),
    );
  const sorted = sortProblems(problems.items);
  if (hasErrors(sorted)) return { submission: null, problems: sorted };
  return {
    submission: canonicalSubmission({
      unitCode: ctx.expectedUnitCode,
      year: ctx.year,
      filledBy,
      collective,
      people,
    }),
    problems: sorted,
  };
}

/** Problems in the order a clerk reads the workbook: tab by tab, row by row, left to right. */
function sortProblems(problems: readonly Problem[]): Problem[] {
  const tabOrder = [TABS.info, TABS.collective, TABS.individuals];
  const position = (p: Problem) => {
    const match = /^([A-Z]+)(\d+)$/.exec(p.cell);
    const col = match ? [...(match[1] ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : 0;
    const row = match ? Number(match[2]) : 0;
    const tab = tabOrder.findIndex((t) => matchKey(t) === matchKey(p.tab));
    return [tab < 0 ? tabOrder.length : tab, row, col] as const;
  };
  return problems
    .map((p, index) => ({ p, index, key: position(p) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2] || a.index - b.index)
    .map(({ p }) => p);
}

/** Row order is not meaning: people are kept sorted by staff id, so equal content hashes equally. */
export function canonicalSubmission(submission: Submission): Submission {
  return { ...submission, people: [...submission.people].sort((a, b) => (a.staffId < b.staffId ? -1 : 1)) };
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableStringify((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** Content hash of the canonical submission: equal data (in any row order), equal hash. */
export function submissionHash(submission: Submission): string {
  return createHash('sha256')
    .update(stableStringify(canonicalSubmission(submission)))
    .digest('hex')
    .slice(0, 32);
}

export { stableStringify };
