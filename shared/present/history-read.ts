/**
 * Reads the award history workbook: the prior awards (Lịch sử khen thưởng) and the recognised
 * initiatives (Sáng kiến). A bad row is left out with a problem naming its tab and cell; a
 * workbook without the initiatives tab reads as “no initiatives on record” (null), never as zero.
 */
import { a1, type Cell, cellAt, findTab, type Grid, type WorkbookGrids } from '../domain/grid.ts';
import type { History, HistoryRecord, Initiative } from '../domain/history.ts';
import type { Problem } from '../domain/problems.ts';
import { isBlank, matchKey } from '../domain/text.ts';
import type { Movement } from '../movement/movement.ts';
import { MESSAGES } from '../text/messages.ts';
import {
  HISTORY_CHOICES,
  HISTORY_HEADERS,
  HISTORY_LEGACY_THEMATIC,
  HISTORY_MESSAGES,
  INITIATIVE_HEADERS,
  INITIATIVE_LEVELS,
  TABS,
} from '../text/sheets.ts';
import { cellText, dateCell } from './cell-text.ts';
import { parseYearLabel } from './unit-book-cells.ts';

function problem(tab: string, cell: string, detail: string): Problem {
  return { severity: 'error', tab, cell, code: 'HISTORY_INVALID', message: MESSAGES.HISTORY_INVALID(detail) };
}

/** One filled row of a table: a cell by its column's key (null where the column is missing), its text, its A1 reference. */
interface TableRow<K> {
  cell(key: K): Cell;
  text(key: K): string;
  at(key: K): string;
}

/** A table tab found by its header row: the filled rows after it, each cell read by its header's key. */
function table<H extends Record<string, string>>(
  grids: WorkbookGrids,
  tab: string,
  headers: H,
  anchor: keyof H,
): { tab: string; rows: TableRow<keyof H>[] } | 'noTab' | 'noHeader' {
  const found = findTab(grids, tab, matchKey);
  if (!found) return 'noTab';
  const grid: Grid = grids[found] ?? [];
  const headerRow = grid.findIndex((row) =>
    row.some((c) => typeof c === 'string' && matchKey(c) === matchKey(String(headers[anchor]))),
  );
  if (headerRow < 0) return 'noHeader';
  const header = grid[headerRow] ?? [];
  const cols = Object.fromEntries(
    Object.entries(headers).map(([k, label]) => [
      k,
      header.findIndex((c) => typeof c === 'string' && matchKey(c) === matchKey(label)),
    ]),
  ) as Record<keyof H, number>;
  const rows: TableRow<keyof H>[] = [];
  for (let row = headerRow + 1; row < grid.length; row++) {
    if ((grid[row] ?? []).every(isBlank)) continue;
    const cell = (key: keyof H) => (cols[key] < 0 ? null : cellAt(grid, row, cols[key]));
    rows.push({ cell, text: (key) => cellText(cell(key)), at: (key) => a1(row, Math.max(0, cols[key])) });
  }
  return { tab: found, rows };
}

/** Labels compared loosely: “Bộ, ngành, tỉnh” reads as “Bộ - ngành - tỉnh”. */
const loose = (s: string) =>
  matchKey(
    s
      .replace(/[,\-–/()]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );

const yearOf = (cell: Cell) =>
  typeof cell === 'number' && Number.isInteger(cell) ? cell : parseYearLabel(cell);

const KINDS: readonly [string, HistoryRecord['kind']][] = [
  [HISTORY_CHOICES.merit, 'merit'],
  [HISTORY_CHOICES.achievement, 'achievement'],
  [HISTORY_CHOICES.thematic, 'thematic'],
  [HISTORY_CHOICES.sudden, 'sudden'],
  [HISTORY_LEGACY_THEMATIC, 'thematic'],
];

function readAwards(grids: WorkbookGrids, movement: Movement, problems: Problem[]): HistoryRecord[] {
  const t = table(grids, TABS.history, HISTORY_HEADERS, 'award');
  if (t === 'noTab') {
    problems.push(problem(TABS.history, '', HISTORY_MESSAGES.noTab(TABS.history)));
    return [];
  }
  if (t === 'noHeader') {
    problems.push(problem(TABS.history, 'A1', HISTORY_MESSAGES.noHeader()));
    return [];
  }
  const { tab } = t;
  const forms = movement.awardForms;
  const pending = movement.blockingRules.pendingBlocks;
  const records: HistoryRecord[] = [];
  for (const { cell, text, at } of t.rows) {
    const subject =
      matchKey(text('subject')) === matchKey(HISTORY_CHOICES.collective) ? 'collective' : 'individual';
    const id = text('id').toUpperCase().replace(/\s+/g, '');
    if (!id) {
      problems.push(problem(tab, at('id'), HISTORY_MESSAGES.noId()));
      continue;
    }
    const year = yearOf(cell('year'));
    if (year === null) {
      problems.push(problem(tab, at('year'), HISTORY_MESSAGES.badYear(text('year'))));
      continue;
    }
    const awardText = text('award');
    const form = forms.find(
      (f) => matchKey(f.code) === matchKey(awardText) || matchKey(f.name) === matchKey(awardText),
    );
    const block = pending.find((p) => matchKey(p) === matchKey(awardText));
    if (!form && !block) {
      problems.push(problem(tab, at('award'), HISTORY_MESSAGES.unknownAward(awardText, forms, pending)));
      continue;
    }
    // A blank kind is a yearly result (theo thành tích), as older workbooks meant it.
    const kindText = text('kind');
    const kind = kindText ? KINDS.find(([label]) => loose(label) === loose(kindText))?.[1] : 'achievement';
    if (!kind && !block) {
      problems.push(
        problem(
          tab,
          at('kind'),
          HISTORY_MESSAGES.unknownKind(kindText, [
            HISTORY_CHOICES.merit,
            HISTORY_CHOICES.achievement,
            HISTORY_CHOICES.thematic,
            HISTORY_CHOICES.sudden,
          ]),
        ),
      );
      continue;
    }
    records.push({
      subject,
      id,
      name: text('name'),
      year,
      award: form?.code ?? block ?? awardText,
      kind: block ? 'pending' : (kind ?? 'achievement'),
      decision: text('decision'),
      decisionDate: text('decisionDate'),
    });
  }
  return records;
}

const LEVELS = Object.entries(INITIATIVE_LEVELS) as [Initiative['level'], string][];

function readInitiatives(grids: WorkbookGrids, problems: Problem[]): Initiative[] | null {
  const t = table(grids, TABS.initiatives, INITIATIVE_HEADERS, 'title');
  if (t === 'noTab') return null;
  if (t === 'noHeader') {
    problems.push(problem(TABS.initiatives, 'A1', HISTORY_MESSAGES.noHeader()));
    return null;
  }
  const { tab } = t;
  const initiatives: Initiative[] = [];
  for (const { cell, text, at } of t.rows) {
    const staffId = text('staffId').toUpperCase().replace(/\s+/g, '');
    if (!staffId) {
      problems.push(problem(tab, at('staffId'), HISTORY_MESSAGES.noStaffId()));
      continue;
    }
    const title = text('title');
    if (!title) {
      problems.push(problem(tab, at('title'), HISTORY_MESSAGES.noTitle()));
      continue;
    }
    const year = yearOf(cell('year'));
    if (year === null) {
      problems.push(problem(tab, at('year'), HISTORY_MESSAGES.badYear(text('year'))));
      continue;
    }
    const levelText = text('level');
    const level = LEVELS.find(([, label]) => loose(label) === loose(levelText))?.[0];
    if (!level) {
      problems.push(
        problem(tab, at('level'), HISTORY_MESSAGES.badLevel(levelText, Object.values(INITIATIVE_LEVELS))),
      );
      continue;
    }
    const rawDate = cell('decisionDate');
    const decisionDate = isBlank(rawDate) ? '' : dateCell(rawDate);
    if (decisionDate === undefined) {
      problems.push(problem(tab, at('decisionDate'), HISTORY_MESSAGES.badDate(text('decisionDate'))));
      continue;
    }
    initiatives.push({
      staffId,
      name: text('name'),
      title,
      year,
      level,
      decision: text('decision'),
      decisionDate,
    });
  }
  return initiatives;
}

/** The history workbook's two tabs, read; every bad row named by tab and cell. */
export function parseHistory(grids: WorkbookGrids, movement: Movement): History {
  const problems: Problem[] = [];
  const records = readAwards(grids, movement, problems);
  const initiatives = readInitiatives(grids, problems);
  return { records, initiatives, problems };
}

/** The tabs `parseHistory` reads (one read of the workbook). */
export const HISTORY_TABS: readonly string[] = [TABS.history, TABS.initiatives];
