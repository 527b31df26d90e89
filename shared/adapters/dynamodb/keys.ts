/**
 * Every key of the single table, built here and parsed by its twin. Nothing else concatenates keys.
 *
 *   pk UNIT#<code>  sk YEAR#<year>#STATE         the unit's state for the year (accepted pointer, last check)
 *   pk UNIT#<code>  sk YEAR#<year>#SUB#<hash>    an accepted submission version (immutable)
 *   pk COUNCIL#<code> sk YEAR#<year>#PROPOSAL     digest of the proposal workbook last written
 *   pk RUN#<id>       sk RUN                     a scheduled sync's progress (units done of expected)
 *   pk REGISTRY       sk CACHE                   the registry as last read, and its version
 */
/** Attribute names of the table's key, shared by the store, local table creation and the CDK stack. */
export const TABLE_KEY = { partition: 'pk', sort: 'sk' } as const;

export type Key = {
  readonly pk: string;
  readonly sk: string;
};

const UNIT = 'UNIT#';
const yearPart = (year: number) => `YEAR#${String(year).padStart(4, '0')}`;

export const unitStateKey = (unitCode: string, year: number): Key => ({
  pk: `${UNIT}${unitCode}`,
  sk: `${yearPart(year)}#STATE`,
});

export const versionKey = (unitCode: string, year: number, hash: string): Key => ({
  pk: `${UNIT}${unitCode}`,
  sk: `${yearPart(year)}#SUB#${hash}`,
});

const COUNCIL = 'COUNCIL#';

export const proposalKey = (councilCode: string, year: number): Key => ({
  pk: `${COUNCIL}${councilCode}`,
  sk: `${yearPart(year)}#PROPOSAL`,
});

export const runKey = (runId: string): Key => ({ pk: `RUN#${runId}`, sk: 'RUN' });

/** The registry as last read, with the spreadsheet version it was read at (the dispatcher's cache). */
export const registryCacheKey = (): Key => ({ pk: 'REGISTRY', sk: 'CACHE' });

/** The one-run-at-a-time lease of a job on this table (see leases.ts). */
export const leaseKey = (name: string): Key => ({ pk: `LEASE#${name}`, sk: 'LEASE' });

/** A council's list for a round and year: its state (open or published) and its immutable snapshots. */
export const publicationStateKey = (councilCode: string, year: number, round: string): Key => ({
  pk: `${COUNCIL}${councilCode}`,
  sk: `${yearPart(year)}#ROUND#${round}#STATE`,
});
export const snapshotKey = (councilCode: string, year: number, round: string, version: number): Key => ({
  pk: `${COUNCIL}${councilCode}`,
  sk: `${yearPart(year)}#ROUND#${round}#SNAPSHOT#${String(version).padStart(4, '0')}`,
});
/** Audit entries sort by time under the council. */
export const auditKey = (councilCode: string, at: string, id: string): Key => ({
  pk: `${COUNCIL}${councilCode}`,
  sk: `AUDIT#${at}#${id}`,
});
export const AUDIT_PREFIX = 'AUDIT#';

/** A run's lease or the registry cache: bookkeeping of one store, not data to carry to another. */
export const isBookkeepingKey = (key: Key) => key.pk.startsWith('LEASE#') || key.pk === registryCacheKey().pk;

/** The emulation year a key names (`YEAR#2024…`), if it names one. */
export function yearOfKey(key: Key): number | null {
  const match = /^YEAR#(\d{4})#/.exec(key.sk);
  return match ? Number(match[1]) : null;
}

export type ParsedKey =
  | { kind: 'state'; unitCode: string; year: number }
  | { kind: 'version'; unitCode: string; year: number; hash: string }
  | { kind: 'proposal'; councilCode: string; year: number };

export function parseKey(key: Key): ParsedKey | undefined {
  if (key.pk.startsWith(COUNCIL)) {
    const match = /^YEAR#(\d{4})#PROPOSAL$/.exec(key.sk);
    return match
      ? { kind: 'proposal', councilCode: key.pk.slice(COUNCIL.length), year: Number(match[1]) }
      : undefined;
  }
  if (!key.pk.startsWith(UNIT)) return undefined;
  const unitCode = key.pk.slice(UNIT.length);
  const match = /^YEAR#(\d{4})#(STATE|SUB#([0-9a-f]+))$/.exec(key.sk);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] === 'STATE') return { kind: 'state', unitCode, year };
  return { kind: 'version', unitCode, year, hash: match[3] ?? '' };
}
