/** Reading a score workbook's individuals tab: one person a row, columns found by header, each problem with its cell. */

import { a1, type Cell, cellAt, findTab, type WorkbookGrids } from '../domain/grid.ts';
import { cellRef } from '../domain/problems.ts';
import { genderSchema, type Person, type ReadContext, toHundredths } from '../domain/submission-schema.ts';
import { formatHundredths, isBlank, isErrorValue, matchKey, parseAmount } from '../domain/text.ts';
import { MESSAGES, WHAT } from '../text/messages.ts';
import { GENDER_LABELS, GENDERS, INDIVIDUAL_HEADERS, NO, TABS, YES } from '../text/sheets.ts';
import { cellText } from './cell-text.ts';
import {
  choose,
  criterionHeaderCode,
  findHeaderRow,
  headerMatches,
  type ProblemList,
  readScore,
  yesNo,
} from './unit-book-cells.ts';

export function readPeople(grids: WorkbookGrids, ctx: ReadContext, problems: ProblemList): Person[] {
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
      const typed = matchKey(cellText(genderCell));
      gender = genderSchema.options.find((g) => matchKey(GENDER_LABELS[g]) === typed) ?? null;
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
