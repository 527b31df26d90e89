/**
 * A council's choices among those tied at its line: read back from its proposal workbook, applied
 * to its ranked list, and checked before the list is published (khóa sổ).
 */
import type { CouncilProposal } from '../domain/candidates.ts';
import {
  applyCouncilChoice,
  readTieChoices,
  TIE_CHOICE_COLUMN,
  undecidedTie,
} from '../domain/council-choices.ts';
import { a1, findTab, type Grid, type WorkbookGrids } from '../domain/grid.ts';
import { matchKey } from '../domain/text.ts';
import type { ProposalRecord } from '../ports/index.ts';
import { PROPOSAL_LABELS, PROPOSAL_TEXT } from '../text/proposals.ts';
import { NO, YES } from '../text/sheets.ts';

export type Choices = NonNullable<ProposalRecord['choices']>;

export const NO_CHOICES: Choices = { collective: [], individual: [] };

/** Choices read from a workbook: as recorded, and the cell of each candidate's choice by subject. */
export interface ChoicesRead {
  readonly choices: Choices;
  readonly cells: { readonly collective: Map<string, string>; readonly individual: Map<string, string> };
}

const tieChoicesOf = (grid: Grid) =>
  readTieChoices(
    grid,
    { collective: PROPOSAL_TEXT.collectives, individual: PROPOSAL_TEXT.individuals },
    YES,
    NO,
  );

const tieGrid = (grids: WorkbookGrids): Grid => {
  const tab = findTab(grids, PROPOSAL_LABELS.tiedTab, matchKey);
  return tab ? (grids[tab] ?? []) : [];
};

type ChoiceSets = {
  readonly collective: ReadonlySet<string>;
  readonly individual: ReadonlySet<string>;
  readonly rejected: { readonly collective: ReadonlySet<string>; readonly individual: ReadonlySet<string> };
};

/** Choices as recorded: each set of ids sorted. */
const choicesOf = (sets: ChoiceSets): Choices => ({
  collective: [...sets.collective].sort(),
  individual: [...sets.individual].sort(),
  rejected: {
    collective: [...sets.rejected.collective].sort(),
    individual: [...sets.rejected.individual].sort(),
  },
});

/** The council's choices as a workbook's tie tab holds them (pure). */
export function tieChoicesIn(grids: WorkbookGrids): ChoicesRead {
  const read = tieChoicesOf(tieGrid(grids));
  const cellsOf = (rows: Map<string, number>) =>
    new Map([...rows].map(([id, r]) => [id, a1(r, TIE_CHOICE_COLUMN)]));
  return {
    choices: choicesOf(read),
    cells: { collective: cellsOf(read.rows.collective), individual: cellsOf(read.rows.individual) },
  };
}

/** The council's list with its choices among those tied applied. */
export function decidedProposal(ranked: CouncilProposal, choices: Choices): CouncilProposal {
  return {
    ...ranked,
    collectives: applyCouncilChoice(
      ranked.collectives,
      new Set(choices.collective),
      new Set(choices.rejected?.collective ?? []),
    ),
    individuals: applyCouncilChoice(
      ranked.individuals,
      new Set(choices.individual),
      new Set(choices.rejected?.individual ?? []),
    ),
  };
}

/** One subject's tie the council has not decided: the places, and the cells to fill or correct. */
export interface UndecidedTie {
  readonly subject: 'collective' | 'individual';
  readonly places: number;
  readonly tied: number;
  /** Cells still blank while places are left (ids when the tab does not list the candidate). */
  readonly blank: string[];
  /** Cells marked “Có” beyond the places. */
  readonly overflow: string[];
}

/** The ties a council has left undecided, by subject, with the cells of its workbook to fill. */
export function undecidedTies(
  ranked: CouncilProposal,
  choices: Choices,
  cells: ChoicesRead['cells'] | null,
): UndecidedTie[] {
  const subjects = [
    ['collective', ranked.collectives],
    ['individual', ranked.individuals],
  ] as const;
  return subjects.flatMap(([subject, list]) => {
    const open = undecidedTie(list, new Set(choices[subject]), new Set(choices.rejected?.[subject] ?? []));
    if (!open) return [];
    const cell = (id: string) => cells?.[subject].get(id) ?? id;
    return [
      {
        subject,
        places: open.places,
        tied: list.tiedAtLine.length,
        blank: open.blank.map(cell),
        overflow: open.overflow.map(cell),
      },
    ];
  });
}

type Mark = 'yes' | 'no' | '';
const SUBJECTS = ['collective', 'individual'] as const;
const markOf = (choices: Choices, subject: (typeof SUBJECTS)[number], id: string): Mark =>
  choices[subject].includes(id) ? 'yes' : choices.rejected?.[subject].includes(id) ? 'no' : '';

/**
 * What the council changed in its tie tab (`grids`, as the write found it) since thidua wrote
 * `wrote` there, applied over `current`, and the cells it changed; null when it changed nothing.
 * Only the rows the tab shows count: a choice is compared where the council could type it.
 */
export function choicesEditedSince(
  grids: WorkbookGrids,
  wrote: Choices,
  current: Choices,
): { choices: Choices; cells: string[] } | null {
  const read = tieChoicesOf(tieGrid(grids));
  const cells: string[] = [];
  const next = {
    collective: new Set(current.collective),
    individual: new Set(current.individual),
    rejected: {
      collective: new Set(current.rejected?.collective ?? []),
      individual: new Set(current.rejected?.individual ?? []),
    },
  };
  for (const subject of SUBJECTS)
    for (const [id, row] of read.rows[subject]) {
      const now: Mark = read[subject].has(id) ? 'yes' : read.rejected[subject].has(id) ? 'no' : '';
      if (now === markOf(wrote, subject, id)) continue;
      cells.push(a1(row, TIE_CHOICE_COLUMN));
      next[subject].delete(id);
      next.rejected[subject].delete(id);
      if (now === 'yes') next[subject].add(id);
      if (now === 'no') next.rejected[subject].add(id);
    }
  const same = (a: ReadonlySet<string>, b: readonly string[] = []) =>
    a.size === b.length && b.every((id) => a.has(id));
  const unchanged = SUBJECTS.every(
    (subject) =>
      same(next[subject], current[subject]) && same(next.rejected[subject], current.rejected?.[subject]),
  );
  if (cells.length === 0 || unchanged) return null; // nothing the state does not hold already
  return { choices: choicesOf(next), cells };
}

/** The cells of the tie tab (`grids`) whose candidate's choice differs between `a` and `b`. */
export function choiceCellsDiffering(grids: WorkbookGrids, a: Choices, b: Choices): string[] {
  const read = tieChoicesOf(tieGrid(grids));
  return SUBJECTS.flatMap((subject) =>
    [...read.rows[subject]]
      .filter(([id]) => markOf(a, subject, id) !== markOf(b, subject, id))
      .map(([, row]) => a1(row, TIE_CHOICE_COLUMN)),
  );
}
