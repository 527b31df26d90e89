/** Reads the award history (Lịch sử khen thưởng) from its grid; bad rows are left out with a problem naming their cell. */
import { a1, cellAt, findTab, type Grid, type WorkbookGrids } from '../domain/grid.ts';
import type { History, HistoryRecord } from '../domain/history.ts';
import type { Problem } from '../domain/problems.ts';
import { isBlank, matchKey } from '../domain/text.ts';
import type { Movement } from '../movement/movement.ts';
import { MESSAGES } from '../text/messages.ts';
import { HISTORY_CHOICES, HISTORY_HEADERS, HISTORY_MESSAGES, TABS } from '../text/sheets.ts';
import { cellText } from './cell-text.ts';
import { parseYearLabel } from './unit-book-cells.ts';

function problem(cell: string, detail: string): Problem {
  return {
    severity: 'error',
    tab: TABS.history,
    cell,
    code: 'HISTORY_INVALID',
    message: MESSAGES.HISTORY_INVALID(detail),
  };
}

export function parseHistory(grids: WorkbookGrids, movement: Movement): History {
  const tab = findTab(grids, TABS.history, matchKey);
  const grid: Grid = tab ? (grids[tab] ?? []) : [];
  if (!tab) return { records: [], problems: [problem('', HISTORY_MESSAGES.noTab(TABS.history))] };
  const headerRow = grid.findIndex((row) =>
    row.some((c) => typeof c === 'string' && matchKey(c) === matchKey(HISTORY_HEADERS.award)),
  );
  if (headerRow < 0) return { records: [], problems: [problem('A1', HISTORY_MESSAGES.noHeader())] };
  const header = grid[headerRow] ?? [];
  const col = (label: string) =>
    header.findIndex((c) => typeof c === 'string' && matchKey(c) === matchKey(label));
  const cols = Object.fromEntries(
    Object.entries(HISTORY_HEADERS).map(([k, label]) => [k, col(label)]),
  ) as Record<keyof typeof HISTORY_HEADERS, number>;
  const forms = movement.awardForms;
  const pending = movement.blockingRules.pendingBlocks;

  const records: HistoryRecord[] = [];
  const problems: Problem[] = [];
  for (let row = headerRow + 1; row < grid.length; row++) {
    if ((grid[row] ?? []).every(isBlank)) continue;
    const text = (key: keyof typeof HISTORY_HEADERS) =>
      cols[key] < 0 ? '' : cellText(cellAt(grid, row, cols[key]));
    const at = (key: keyof typeof HISTORY_HEADERS) => a1(row, Math.max(0, cols[key]));
    const subject =
      matchKey(text('subject')) === matchKey(HISTORY_CHOICES.collective) ? 'collective' : 'individual';
    const id = text('id').toUpperCase().replace(/\s+/g, '');
    if (!id) {
      problems.push(problem(at('id'), HISTORY_MESSAGES.noId()));
      continue;
    }
    const rawYear = cols.year < 0 ? null : cellAt(grid, row, cols.year);
    const year = typeof rawYear === 'number' && Number.isInteger(rawYear) ? rawYear : parseYearLabel(rawYear);
    if (year === null) {
      problems.push(problem(at('year'), HISTORY_MESSAGES.badYear(text('year'))));
      continue;
    }
    const awardText = text('award');
    const form = forms.find(
      (f) => matchKey(f.code) === matchKey(awardText) || matchKey(f.name) === matchKey(awardText),
    );
    const block = pending.find((p) => matchKey(p) === matchKey(awardText));
    if (!form && !block) {
      problems.push(problem(at('award'), HISTORY_MESSAGES.unknownAward(awardText)));
      continue;
    }
    const thematic = matchKey(text('kind')) === matchKey(HISTORY_CHOICES.thematic);
    records.push({
      subject,
      id,
      name: text('name'),
      year,
      award: form?.code ?? block ?? awardText,
      kind: block ? 'pending' : thematic ? 'thematic' : 'merit',
      decision: text('decision'),
      decisionDate: text('decisionDate'),
    });
  }
  return { records, problems };
}
