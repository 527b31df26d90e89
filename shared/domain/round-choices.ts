/** The council's own choice of form for each candidate of a round, read back from its workbook and applied (one form each). */

import type { Subject } from '../movement/movement.ts';
import { ROUND_TEXT } from '../text/rounds.ts';
import { a1, findTab, type WorkbookGrids } from './grid.ts';
import type { Problem } from './problems.ts';
import type { RoundCouncil } from './rounds.ts';
import { cellText, isBlank, matchKey } from './text.ts';

/** The council's decision that a candidate is not proposed in this round. */
export const NO_FORM = 'none';

/** Per council and subject: candidate id → the form chosen (a code) or NO_FORM. */
export type RoundChoices = ReadonlyMap<Subject, ReadonlyMap<string, string>>;

/**
 * Takes the council's decisions into its lists: each candidate it decided on gets that one form
 * (or none); the rest keep thidua's suggestion. One cell per candidate: never two forms.
 */
export function applyRoundChoices(council: RoundCouncil, choices: RoundChoices): RoundCouncil {
  return {
    ...council,
    lists: council.lists.map((list) => {
      const chosen = choices.get(list.subject);
      if (!chosen?.size) return list;
      return {
        ...list,
        entries: list.entries.map((e) => {
          const choice = chosen.get(e.candidate.id);
          if (choice === undefined) return e;
          return { ...e, choice, form: choice === NO_FORM ? null : choice };
        }),
      };
    }),
  };
}

/**
 * The council's decisions as it recorded them in its round workbook (column “Hội đồng chọn hình
 * thức”): a form by its name, short name or code, or “Không đề nghị”. Anything else is reported at
 * its cell and not used. Rows of candidates no longer in the list are ignored.
 */
export function readRoundChoices(
  grids: WorkbookGrids,
  council: RoundCouncil,
): { choices: RoundChoices; problems: Problem[] } {
  const choices = new Map<Subject, Map<string, string>>();
  const problems: Problem[] = [];
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
  return { choices, problems };
}
