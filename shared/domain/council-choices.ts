/** What a council decides on thidua's lists: its choice at a tie, cluster rankings, and the councils withheld while the registry is wrong. */

import { catalogFor } from '../movement/movement.ts';
import {
  collectiveCandidate,
  type NotProposed,
  PolicyMissingError,
  type ProposalInput,
  type RankedCandidate,
  rankContext,
  type SubjectProposal,
} from './candidates.ts';
import { applyQuota } from './proposals.ts';
import { computeQuota, describeQuota } from './quota.ts';
import { because } from './reasons.ts';
import {
  collectiveCouncilOf,
  individualCouncilOf,
  type RegistryFaults,
  type RegistryUnit,
} from './registry.ts';
import type { Submission } from './submission.ts';
import { compareVietnamese } from './text.ts';

export interface ClusterRanking {
  readonly cluster: string;
  /** Ranked collectives (competition ranking by exact share); the ineligible ones after, with the reason. */
  readonly ranked: RankedCandidate[];
  readonly notRanked: NotProposed[];
}

/**
 * Collectives ranked within each emulation cluster or block (cụm, khối thi đua) of the registry,
 * across councils, for the sector-level proposal. No quota: the ranking informs the council.
 */
export function rankClusters(input: ProposalInput): ClusterRanking[] {
  const { movement, year, units, submissions } = input;
  const catalog = catalogFor(movement, year);
  if (!catalog) throw new PolicyMissingError(year);
  const context = rankContext(movement, catalog, year);
  const byCluster = new Map<string, RegistryUnit[]>();
  for (const unit of units.values())
    if (unit.cluster) {
      const list = byCluster.get(unit.cluster);
      if (list) list.push(unit);
      else byCluster.set(unit.cluster, [unit]);
    }
  return [...byCluster]
    .sort(([a], [b]) => compareVietnamese(a, b))
    .map(([cluster, members]) => {
      const candidates = members.map((unit) =>
        collectiveCandidate(unit, submissions.get(unit.code), context),
      );
      // A quota as large as the cluster: everyone eligible is ranked, nobody is cut.
      const all = computeQuota(candidates.length, { numerator: 1, denominator: 1 }, 'down');
      const ranking = applyQuota(candidates, all, describeQuota(all), '', false);
      return {
        cluster,
        ranked: [...ranking.proposed, ...ranking.tiedAtLine],
        notRanked: ranking.notProposed,
      };
    });
}

/**
 * Takes the council's choice among the candidates tied at the quota line into the list: the
 * chosen are proposed, the others are not (with the reason). A choice of more than the places
 * left is not applied (the tie stays, and the workbook says why): the quota is never exceeded.
 * “Không” for every one tied (`rejectedIds`) is a decision too: none of them is proposed.
 */
export function applyCouncilChoice(
  subject: SubjectProposal,
  chosenIds: ReadonlySet<string>,
  rejectedIds: ReadonlySet<string> = new Set(),
): SubjectProposal {
  const tied = subject.tiedAtLine;
  const chosen = tied.filter((c) => chosenIds.has(c.id));
  const allRejected = tied.length > 0 && tied.every((c) => rejectedIds.has(c.id) && !chosenIds.has(c.id));
  if (tied.length === 0 || (chosen.length === 0 && !allRejected)) return subject;
  const decision = { tied, chosen: chosen.map((c) => c.id), overflow: chosen.length > subject.placesForTied };
  if (decision.overflow) return { ...subject, decision };
  const rest = tied.filter((c) => !chosenIds.has(c.id));
  return {
    ...subject,
    proposed: [...subject.proposed, ...chosen],
    tiedAtLine: [],
    placesForTied: subject.placesForTied - chosen.length,
    notProposed: [
      ...rest.map((candidate) => ({ candidate, rank: candidate.rank, ...because('NOT_CHOSEN') })),
      ...subject.notProposed,
    ],
    decision,
  };
}

/**
 * What keeps a council's choice among those tied at its line from being a decision a list can be
 * published (khóa sổ) with: those still blank while places are left, or a “Có” for more than the
 * places. Chosen as many as the places (the rest then not), or every one marked “Có”/“Không”
 * within the places (“Không” for all included), is decided. Null when decided or nobody is tied.
 */
export function undecidedTie(
  subject: SubjectProposal,
  chosenIds: ReadonlySet<string>,
  rejectedIds: ReadonlySet<string>,
): { readonly places: number; readonly blank: string[]; readonly overflow: string[] } | null {
  const tied = subject.tiedAtLine;
  if (tied.length === 0) return null;
  const chosen = tied.filter((c) => chosenIds.has(c.id)).map((c) => c.id);
  const places = subject.placesForTied;
  if (chosen.length > places) return { places, blank: [], overflow: chosen };
  if (chosen.length === places) return null;
  const blank = tied.filter((c) => !chosenIds.has(c.id) && !rejectedIds.has(c.id)).map((c) => c.id);
  return blank.length ? { places, blank, overflow: [] } : null;
}

/** The council's choices read from its tie tab, with the row of each candidate listed there. */
export interface TieChoices {
  readonly collective: Set<string>;
  readonly individual: Set<string>;
  readonly rejected: { readonly collective: Set<string>; readonly individual: Set<string> };
  /** Candidate id → its row (0-based) in the tab, by subject: where its choice is typed. */
  readonly rows: { readonly collective: Map<string, number>; readonly individual: Map<string, number> };
}

/** The column (0-based) of the tie tab the council types its choice into. */
export const TIE_CHOICE_COLUMN = 8;

/**
 * The council's choices as recorded in a proposal workbook's tie tab: ids marked “Có” (chosen)
 * and “Không” (not chosen), by subject. Other rows (titles, notes, signatures) are not candidates.
 */
export function readTieChoices(
  grid: readonly (readonly unknown[])[],
  labels: { collective: string; individual: string },
  yes: string,
  no = '',
): TieChoices {
  const choices = { collective: new Set<string>(), individual: new Set<string>() };
  const rejected = { collective: new Set<string>(), individual: new Set<string>() };
  const rows = { collective: new Map<string, number>(), individual: new Map<string, number>() };
  const same = (a: string, b: string) => a.trim().toLocaleLowerCase('vi') === b.toLocaleLowerCase('vi');
  grid.forEach((row, r) => {
    const [subject, , id] = row;
    if (typeof id !== 'string') return;
    const key =
      subject === labels.collective ? 'collective' : subject === labels.individual ? 'individual' : null;
    if (!key) return;
    rows[key].set(id, r);
    const choice = row[TIE_CHOICE_COLUMN];
    if (typeof choice !== 'string') return;
    const into = same(choice, yes) ? choices : no && same(choice, no) ? rejected : null;
    into?.[key].add(id);
  });
  return { ...choices, rejected, rows };
}

/** Why a council's list is held back this time: a code and what its sentence needs (text/proposals.ts). */
export type WithheldReason =
  | { readonly code: 'registryUnplaced'; readonly args: readonly [where: string] }
  | { readonly code: 'registryDuplicate'; readonly args: readonly [unitCode: string] }
  | { readonly code: 'headcountMissing'; readonly args: readonly [unitCode: string] }
  | { readonly code: 'unsettled'; readonly args: readonly [unitCode: string, status: string] };

/**
 * Councils whose list cannot be trusted this time, with the reasons: a registry error that leaves
 * units unplaced (every council), a duplicated unit code or a missing headcount (the councils of
 * that unit), or a unit whose workbook could not be read (its councils). Their proposal workbooks
 * are left as they were rather than written smaller or from stale data.
 */
export function withheldCouncils(input: {
  readonly units: ReadonlyMap<string, RegistryUnit>;
  readonly faults?: RegistryFaults | undefined;
  readonly submissions: ReadonlyMap<string, Submission>;
  /** Unit code → the status label of a unit that could not be read. */
  readonly unsettled: ReadonlyMap<string, string>;
  readonly councils: readonly string[];
}): Map<string, WithheldReason[]> {
  const withheld = new Map<string, WithheldReason[]>();
  const hold = (council: string | null, reason: WithheldReason) => {
    if (!council || !input.councils.includes(council)) return;
    const reasons = withheld.get(council) ?? [];
    const same = (r: WithheldReason) =>
      r.code === reason.code && r.args.join('\n') === reason.args.join('\n');
    if (!reasons.some(same)) reasons.push(reason);
    withheld.set(council, reasons);
  };
  const councilsOf = (code: string) => [
    collectiveCouncilOf(input.units, code),
    individualCouncilOf(input.units, code),
  ];
  const unplaced = input.faults?.unplaced ?? [];
  if (unplaced.length)
    for (const council of input.councils)
      hold(council, { code: 'registryUnplaced', args: [unplaced.join(', ')] });
  for (const code of input.faults?.duplicates ?? [])
    for (const council of councilsOf(code)) hold(council, { code: 'registryDuplicate', args: [code] });
  for (const unit of input.units.values())
    if (unit.headcount === null && (input.submissions.get(unit.code)?.people.length ?? 0) > 0)
      hold(individualCouncilOf(input.units, unit.code), { code: 'headcountMissing', args: [unit.code] });
  for (const [code, status] of input.unsettled)
    for (const council of councilsOf(code)) hold(council, { code: 'unsettled', args: [code, status] });
  return withheld;
}
