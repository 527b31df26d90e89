/**
 * Small records the functions keep in the proposal-record slots of the store, under keys no unit
 * code can take (registry codes are upper case).
 */

/** A run started whose proposals have not been made yet (its id; empty once they are). */
export const PENDING_RECORD = '~pending';

/** Where the poll keeps its Drive page token. */
export const CHANGES_RECORD = '~changes';

/** A nightly sync refused while another run held the store: the first free poll runs it instead. */
export const NIGHTLY_OWED_RECORD = '~nightly';
