/** What every use case that ranks starts from: the units' states for a year and the accepted versions they point at. */
import type { Submission } from '../domain/submission.ts';
import type { SubmissionStore, UnitState } from '../ports/index.ts';

/**
 * The states of `codes` for `year` and each accepted submission they point at (two batched reads),
 * always what the store holds — a sync's own view can miss what another writer stored meanwhile.
 */
export async function loadAccepted(
  store: Pick<SubmissionStore, 'loadStates' | 'loadVersions'>,
  year: number,
  codes: readonly string[],
): Promise<{
  states: Map<string, UnitState>;
  refs: { unitCode: string; hash: string }[];
  submissions: Map<string, Submission>;
}> {
  const states = await store.loadStates(year, codes);
  const refs = [...states.values()].flatMap((s) =>
    s.acceptedHash ? [{ unitCode: s.unitCode, hash: s.acceptedHash }] : [],
  );
  return { states, refs, submissions: await store.loadVersions(year, refs) };
}
