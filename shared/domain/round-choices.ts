/** The council's own choice of form for each candidate of a round, read back from its workbook and applied (one form each). */

import type { Subject } from '../movement/movement.ts';
import type { RoundCouncil } from './rounds.ts';

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
