/**
 * Small records the functions keep in the proposal-record slots of the store, under keys no unit
 * code can take (registry codes are upper case): a value each, '' when cleared.
 */
import type { SubmissionStore } from '../../shared/ports/index.ts';

type MarkStore = Pick<SubmissionStore, 'loadProposalRecords' | 'saveProposalRecords'>;

/** A run started whose proposals have not been made yet (its id; empty once they are). */
export const PENDING_RECORD = '~pending';

/** Where the poll keeps its Drive page token. */
export const CHANGES_RECORD = '~changes';

/** A nightly sync refused while another run held the store: the first free poll runs it instead. */
export const NIGHTLY_OWED_RECORD = '~nightly';

/** The values of these records (one batched read); a cleared or absent record is absent. */
export async function readMarks(
  store: MarkStore,
  year: number,
  names: readonly string[],
): Promise<Map<string, string>> {
  const records = await store.loadProposalRecords(year, names);
  return new Map([...records].flatMap(([name, r]) => (r.digest ? [[name, r.digest] as const] : [])));
}

/** Sets a record's value ('' clears it). */
export async function setMark(store: MarkStore, year: number, name: string, value: string): Promise<void> {
  await store.saveProposalRecords(year, new Map([[name, { digest: value, location: '' }]]));
}
