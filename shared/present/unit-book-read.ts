/**
 * Reads a unit's score workbook (as grids) into a submission, or into a list of problems.
 * Total: any grid whatsoever yields one or the other, never an exception. Columns are found by
 * header, blank rows are skipped, typed totals are recomputed rather than trusted.
 *
 * Steps: locate the three tabs → info (unit code bound by the registry, emulation year) →
 * collective criteria rows → individuals table → accept if no problem is an error.
 */

import { a1, findTab, type WorkbookGrids } from '../domain/grid.ts';
import { LIMITS } from '../domain/limits.ts';
import { hasErrors, type Problem } from '../domain/problems.ts';
import { canonicalSubmission } from '../domain/submission.ts';
import type { ReadContext, ReadResult } from '../domain/submission-schema.ts';
import { matchKey } from '../domain/text.ts';
import { MESSAGES } from '../text/messages.ts';
import { TABS } from '../text/sheets.ts';
import { ProblemList, readCollective, readInfo } from './unit-book-cells.ts';
import { readPeople } from './unit-book-people.ts';

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

/** The whole workbook: a submission when there is no error, the problems in any case. Never throws. */
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
