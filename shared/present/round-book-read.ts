/** Reads back the council's choice of form for each candidate from its round workbook. */
import { a1, findTab, type WorkbookGrids } from '../domain/grid.ts';
import type { Problem } from '../domain/problems.ts';
import { NO_FORM, type RoundChoices } from '../domain/round-choices.ts';
import type { RoundCouncil } from '../domain/rounds.ts';
import { isBlank, matchKey } from '../domain/text.ts';
import type { Subject } from '../movement/movement.ts';
import { ROUND_TEXT } from '../text/rounds.ts';
import { cellText } from './cell-text.ts';

/**
 * The council's decisions as it recorded them in its round workbook (column “Hội đồng chọn hình
 * thức”): a form by its name, short name or code, or “Không đề nghị”. Anything else is reported at
 * its cell and not used. Rows of candidates no longer in the list are ignored.
 */
export function readRoundChoices(
  grids: WorkbookGrids,
  council: RoundCouncil,
): { choices: RoundChoices; problems: Problem[]; cells: Map<string, { tab: string; cell: string }> } {
  const choices = new Map<Subject, Map<string, string>>();
  const problems: Problem[] = [];
  /** `subject:id` → where the council types its choice for that candidate. */
  const cells = new Map<string, { tab: string; cell: string }>();
  for (const list of council.lists) {
    const title = list.subject === 'collective' ? ROUND_TEXT.collectiveTab : ROUND_TEXT.tab;
    const tab = findTab(grids, title, matchKey);
    const grid = tab ? (grids[tab] ?? []) : [];
    const headerRow = grid.findIndex((row) =>
      row.some((c) => typeof c === 'string' && matchKey(c) === matchKey(ROUND_TEXT.choiceHeader)),
    );
    if (!tab || headerRow < 0) continue;
    const header = grid[headerRow] ?? [];
    const choiceCol = header.findIndex(
      (c) => typeof c === 'string' && matchKey(c) === matchKey(ROUND_TEXT.choiceHeader),
    );
    const idHeader =
      (list.subject === 'collective' ? ROUND_TEXT.collectiveHeader : ROUND_TEXT.header)[1] ?? '';
    const idCol = header.findIndex((c) => typeof c === 'string' && matchKey(c) === matchKey(idHeader));
    const ids = new Set(list.entries.map((e) => e.candidate.id));
    const chosen = new Map<string, string>();
    for (let r = headerRow + 1; r < grid.length; r++) {
      const id = cellText(grid[r]?.[idCol] ?? null);
      const value = grid[r]?.[choiceCol] ?? null;
      if (ids.has(id)) cells.set(`${list.subject}:${id}`, { tab, cell: a1(r, choiceCol) });
      if (!ids.has(id) || isBlank(value)) continue;
      const key = matchKey(cellText(value));
      if (key === matchKey(ROUND_TEXT.noForm)) {
        chosen.set(id, NO_FORM);
        continue;
      }
      const form = list.forms.find((f) => [f.name, f.shortName, f.code].some((n) => matchKey(n) === key));
      if (form) chosen.set(id, form.code);
      else
        problems.push({
          severity: 'warning',
          tab,
          cell: a1(r, choiceCol),
          code: 'INVALID_CHOICE',
          message: ROUND_TEXT.badChoice(
            cellText(value),
            list.forms.map((f) => f.name),
          ),
        });
    }
    choices.set(list.subject, chosen);
  }
  return { choices, problems, cells };
}

/**
 * What the council changed in its round workbook (`grids`, as a write found it) since thidua wrote
 * `wrote` there, applied over `current`; null when it changed nothing. Only candidates the tabs
 * show count; a choice that is not a form is reported by `readRoundChoices`, not taken.
 */
export function roundChoicesEditedSince(
  grids: WorkbookGrids,
  council: RoundCouncil,
  wrote: RoundChoices,
  current: RoundChoices,
): RoundChoices | null {
  const read = readRoundChoices(grids, council);
  const next = new Map([...current].map(([subject, chosen]) => [subject, new Map(chosen)]));
  let changed = false;
  for (const key of read.cells.keys()) {
    const [subject, id] = key.split(':') as [Subject, string];
    const now = read.choices.get(subject)?.get(id) ?? null;
    if (now === (wrote.get(subject)?.get(id) ?? null)) continue;
    if (now === (current.get(subject)?.get(id) ?? null)) continue; // the state holds it already
    changed = true;
    const chosen = next.get(subject) ?? new Map<string, string>();
    if (now === null) chosen.delete(id);
    else chosen.set(id, now);
    next.set(subject, chosen);
  }
  return changed ? next : null;
}
