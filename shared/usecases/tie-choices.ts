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
import { a1, findTab } from '../domain/grid.ts';
import { matchKey } from '../domain/text.ts';
import type { ProposalRecord, SheetSource } from '../ports/index.ts';
import { PROPOSAL_LABELS, PROPOSAL_TEXT } from '../text/proposals.ts';
import { NO, YES } from '../text/sheets.ts';

export type Choices = NonNullable<ProposalRecord['choices']>;

export const NO_CHOICES: Choices = { collective: [], individual: [] };

/** Choices read from a workbook: as recorded, and the cell of each candidate's choice by subject. */
export interface ChoicesRead {
  readonly choices: Choices;
  readonly cells: { readonly collective: Map<string, string>; readonly individual: Map<string, string> };
}

/** The council's choices as its proposal workbook's tie tab holds them now (one read of that tab). */
export async function readCouncilChoices(
  source: Pick<SheetSource, 'readWorkbook'>,
  location: string,
): Promise<ChoicesRead> {
  const grids = await source.readWorkbook(location, [PROPOSAL_LABELS.tiedTab]);
  const tab = findTab(grids, PROPOSAL_LABELS.tiedTab, matchKey);
  const read = readTieChoices(
    tab ? (grids[tab] ?? []) : [],
    { collective: PROPOSAL_TEXT.collectives, individual: PROPOSAL_TEXT.individuals },
    YES,
    NO,
  );
  const cellsOf = (rows: Map<string, number>) =>
    new Map([...rows].map(([id, r]) => [id, a1(r, TIE_CHOICE_COLUMN)]));
  return {
    choices: {
      collective: [...read.collective].sort(),
      individual: [...read.individual].sort(),
      rejected: {
        collective: [...read.rejected.collective].sort(),
        individual: [...read.rejected.individual].sort(),
      },
    },
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
