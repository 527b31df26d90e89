/**
 * Ranking within quotas, per council. Pure: registry, accepted submissions and the movement in,
 * a proposal per council out. Output depends only on content, never on row or file order.
 *
 * Steps, for each council and each subject (collectives, individuals):
 *   base from the registry → quota by the policy in force → candidates with exact shares →
 *   eligibility (veto, discipline, minimum rating) → rank → proposed / tied at the line / below it.
 */
import {
  type Catalog,
  catalogFor,
  eligibilityPolicyFor,
  type Movement,
  quotaPolicyFor,
  type Subject,
} from '../movement/movement.ts';
import { yearLabel } from '../text/common.ts';
import { REASONS, WITHHELD } from '../text/proposals.ts';
import { WOMAN } from '../text/sheets.ts';
import { computeQuota, describeQuota, type Quota } from './quota.ts';
import {
  collectiveCouncilOf,
  individualCouncilOf,
  type RegistryFaults,
  type RegistryUnit,
} from './registry.ts';
import { type Person, type Submission, toHundredths } from './submission.ts';
import { comparePersonNames, compareVietnamese } from './text.ts';

export type ReasonCode = keyof typeof REASONS;

export interface Candidate {
  readonly subject: Subject;
  /** Unit code for a collective, staff id for a person. */
  readonly id: string;
  readonly name: string;
  readonly unitCode: string;
  readonly unitName: string;
  readonly position: string;
  readonly isLeader: boolean;
  readonly isWoman: boolean;
  readonly rating: string | null;
  /** Points obtained and points applicable, in hundredths: the share is points / max, compared exactly. */
  readonly points: number;
  readonly max: number;
  readonly ineligible: { code: ReasonCode; reason: string } | null;
}

export interface RankedCandidate extends Candidate {
  readonly rank: number;
}

export interface NotProposed {
  readonly candidate: Candidate;
  readonly rank: number | null;
  readonly code: ReasonCode;
  readonly reason: string;
}

export interface SubjectProposal {
  readonly quota: Quota;
  readonly quotaText: string;
  readonly awardForm: string;
  readonly proposed: RankedCandidate[];
  readonly tiedAtLine: RankedCandidate[];
  readonly notProposed: NotProposed[];
  /** Places left for the council to fill from tiedAtLine. */
  readonly placesForTied: number;
  /** The council's choice among those tied at the line, once made (the tie as it stood, and whom it chose). */
  readonly decision?: {
    readonly tied: RankedCandidate[];
    readonly chosen: string[];
    readonly overflow: boolean;
  };
}

export interface CouncilProposal {
  readonly code: string;
  readonly name: string;
  readonly collectives: SubjectProposal;
  readonly individuals: SubjectProposal;
  /** Units whose collective this council ranks, and units whose people it ranks. */
  readonly collectiveUnits: string[];
  readonly individualUnits: string[];
  /** Units counted in the individual base by their listed people because no headcount is declared. */
  readonly headcountFromListing: string[];
}

export interface ProposalInput {
  readonly movement: Movement;
  readonly year: number;
  readonly units: ReadonlyMap<string, RegistryUnit>;
  /** The last accepted submission of each unit that has one. */
  readonly submissions: ReadonlyMap<string, Submission>;
  /**
   * What blocks an award while it stands (a discipline being considered, an inspection, a
   * complaint), from the award history: staff id or unit code → what it is.
   */
  readonly pending?: ReadonlyMap<string, string>;
}

export class PolicyMissingError extends Error {
  override readonly name = 'PolicyMissingError';
}

/** Exact comparison of a.points/a.max with b.points/b.max: negative when a ranks before b. */
export function compareShare(a: { points: number; max: number }, b: { points: number; max: number }): number {
  return b.points * (a.max || 1) - a.points * (b.max || 1);
}

/** Share as a percentage with two decimals, for display only. */
export function sharePercent(c: { points: number; max: number }): string {
  if (c.max === 0) return '0';
  return ((c.points * 100) / c.max).toFixed(2).replace('.', ',');
}

/**
 * What building candidates needs from the movement for one year, worked out once per run rather
 * than once per person: the policy in force, each subject's applicable items and their maximum,
 * the ratings and disciplines by code.
 */
interface RankContext {
  readonly movement: Movement;
  readonly catalog: Catalog;
  readonly policy: ReturnType<typeof eligibilityPolicyFor>;
  readonly collectiveMax: number;
  /** Item codes and maximum for a person, by whether they hold a leading post. */
  readonly individual: Readonly<Record<'leader' | 'staff', { codes: readonly string[]; max: number }>>;
  readonly ratings: ReadonlyMap<string, Movement['ratings'][number]>;
  readonly minimum: Movement['ratings'][number] | undefined;
  readonly disciplines: ReadonlyMap<string, Movement['disciplines'][number]>;
}

function rankContext(movement: Movement, catalog: Catalog, year: number): RankContext {
  const policy = eligibilityPolicyFor(movement, year);
  const itemsFor = (leader: boolean) => {
    const items = catalog.individual.items.filter((item) => !item.leaderOnly || leader);
    return {
      codes: items.map((item) => item.code),
      max: items.reduce((sum, item) => sum + toHundredths(item.maxPoints), 0),
    };
  };
  const ratings = new Map(movement.ratings.map((r) => [r.code, r]));
  return {
    movement,
    catalog,
    policy,
    collectiveMax: catalog.collective.items.reduce((sum, item) => sum + toHundredths(item.maxPoints), 0),
    individual: { leader: itemsFor(true), staff: itemsFor(false) },
    ratings,
    minimum: policy?.individual.minimumRating ? ratings.get(policy.individual.minimumRating) : undefined,
    disciplines: new Map(movement.disciplines.map((d) => [d.code, d])),
  };
}

function collectiveCandidate(
  unit: RegistryUnit,
  submission: Submission | undefined,
  context: RankContext,
): Candidate {
  const { catalog, policy } = context;
  const base = collectiveIdentity(unit);
  const max = context.collectiveMax;
  if (!submission)
    return Object.assign(base, {
      points: 0,
      max,
      ineligible: { code: 'NO_SUBMISSION' as const, reason: REASONS.NO_SUBMISSION() },
    });
  const points = catalog.collective.items.reduce((sum, item) => {
    const score = submission.collective.items[item.code];
    return sum + (score ? (score.reviewed ?? score.self) : 0);
  }, 0);
  const veto = catalog.collective.vetoItems.find((item) => submission.collective.vetoes[item.code] === true);
  const ineligible =
    veto && policy?.collective.vetoDisqualifies
      ? { code: 'VETO' as const, reason: REASONS.VETO(veto.code, veto.title) }
      : null;
  return Object.assign(base, { points, max, ineligible });
}

/** Who a collective candidate is, as every ranking shows it. */
export function collectiveIdentity(unit: RegistryUnit) {
  return {
    subject: 'collective' as const,
    id: unit.code,
    name: unit.name,
    unitCode: unit.code,
    unitName: unit.name,
    position: '',
    isLeader: false,
    isWoman: false,
    rating: null,
  };
}

/** Who a person candidate is, as every ranking shows them. */
export function personIdentity(person: Person, unit: RegistryUnit, movement: Movement) {
  const {
    points: _points,
    max: _max,
    ineligible: _ineligible,
    ...identity
  } = personEntry(
    person,
    unit,
    movement.ratings.find((r) => r.code === person.rating),
    0,
    0,
    null,
  );
  return identity;
}

/** A person's candidate as one literal: one allocation and one shape for 20,000 of them. */
function personEntry(
  person: Person,
  unit: RegistryUnit,
  rating: Movement['ratings'][number] | undefined,
  points: number,
  max: number,
  ineligible: Candidate['ineligible'],
): Candidate {
  return {
    subject: 'individual',
    id: person.staffId,
    name: person.name,
    unitCode: unit.code,
    unitName: unit.name,
    position: person.position,
    isLeader: person.isLeader,
    isWoman: person.gender === WOMAN,
    rating: rating?.label ?? person.rating,
    points,
    max,
    ineligible,
  };
}

function personCandidate(
  person: Person,
  unit: RegistryUnit,
  context: RankContext,
  alsoListedBy: readonly string[] = [],
): Candidate {
  const { codes, max } = context.individual[person.isLeader ? 'leader' : 'staff'];
  let points = 0;
  for (const code of codes) points += person.scores[code] ?? 0;
  const { policy, minimum } = context;
  const rating = context.ratings.get(person.rating);
  const discipline = context.disciplines.get(person.discipline);
  let ineligible: Candidate['ineligible'] = null;
  // A person belongs to one unit: listed by two, they are ranked by neither until it is resolved.
  if (alsoListedBy.length)
    ineligible = { code: 'DUPLICATE_STAFF', reason: REASONS.DUPLICATE_STAFF(alsoListedBy.join(', ')) };
  else if (policy?.individual.disciplineDisqualifies && discipline?.isDiscipline)
    ineligible = { code: 'DISCIPLINE', reason: REASONS.DISCIPLINE(discipline.label) };
  else if (rating && minimum && rating.rank < minimum.rank)
    ineligible = { code: 'RATING_BELOW', reason: REASONS.RATING_BELOW(rating.label, minimum.label) };
  return personEntry(person, unit, rating, points, max, ineligible);
}

/** A total order: share, then (if enabled) women first, then name in Vietnamese collation, then id. */
function rankingOrder(womenPriority: boolean) {
  return (a: Candidate, b: Candidate) =>
    compareShare(a, b) ||
    (womenPriority ? Number(b.isWoman) - Number(a.isWoman) : 0) ||
    (a.subject === 'individual' ? comparePersonNames(a.name, b.name) : compareVietnamese(a.name, b.name)) ||
    (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Candidates are equal for the quota line when their share (and enabled tie-breakers) are equal. */
function sameStanding(womenPriority: boolean) {
  return (a: Candidate, b: Candidate) =>
    compareShare(a, b) === 0 && (!womenPriority || a.isWoman === b.isWoman);
}

/**
 * A candidate with its rank, as a literal of every field: one allocation, and the same shape for
 * all of them (a spread or an assign costs several times more over 20,000 people).
 */
const withRank = (c: Candidate, rank: number): RankedCandidate => ({
  subject: c.subject,
  id: c.id,
  name: c.name,
  unitCode: c.unitCode,
  unitName: c.unitName,
  position: c.position,
  isLeader: c.isLeader,
  isWoman: c.isWoman,
  rating: c.rating,
  points: c.points,
  max: c.max,
  ineligible: c.ineligible,
  rank,
});

/** Splits ranked candidates at the quota line. The quota is never exceeded; ties at the line go to the council. */
export function applyQuota(
  candidates: readonly Candidate[],
  quota: Quota,
  quotaText: string,
  awardForm: string,
  womenPriority: boolean,
): SubjectProposal {
  const order = rankingOrder(womenPriority);
  const same = sameStanding(womenPriority);
  const notProposed: NotProposed[] = [];
  const eligible: Candidate[] = [];
  for (const candidate of [...candidates].sort(order)) {
    if (candidate.ineligible)
      notProposed.push({
        candidate,
        rank: null,
        code: candidate.ineligible.code,
        reason: candidate.ineligible.reason,
      });
    else eligible.push(candidate);
  }
  // Competition ranking: 1, 2, 2, 4. Ranks never decrease down the list, so the line splits it
  // into three runs: proposed, tied at the line, below it.
  const ranks: number[] = new Array(eligible.length);
  eligible.forEach((candidate, index) => {
    const previous = eligible[index - 1];
    ranks[index] = previous && same(previous, candidate) ? (ranks[index - 1] ?? 1) : index + 1;
  });
  const places = quota.quota;
  let proposedEnd = Math.min(places, eligible.length);
  let tiedEnd = proposedEnd;
  const lastIn = eligible[places - 1];
  const firstOut = eligible[places];
  if (places > 0 && lastIn && firstOut && same(lastIn, firstOut)) {
    const line = ranks[places - 1] ?? 0;
    proposedEnd = ranks.indexOf(line);
    tiedEnd = proposedEnd;
    while (tiedEnd < eligible.length && ranks[tiedEnd] === line) tiedEnd++;
  }
  const rankedRun = (from: number, to: number) =>
    eligible.slice(from, to).map((candidate, i) => withRank(candidate, ranks[from + i] ?? 0));
  const proposed = rankedRun(0, proposedEnd);
  const tiedAtLine = rankedRun(proposedEnd, tiedEnd);
  // Below the line, the candidate as it is and its rank beside it (no copy of 20,000 people).
  const below = eligible.slice(tiedEnd).map((candidate, i) => ({ candidate, rank: ranks[tiedEnd + i] ?? 0 }));
  const belowLine: NotProposed[] = below.map(({ candidate, rank }) =>
    places === 0
      ? { candidate, rank, code: 'QUOTA_ZERO', reason: REASONS.QUOTA_ZERO(quotaText) }
      : { candidate, rank, code: 'BELOW_LINE', reason: REASONS.BELOW_LINE(rank, places) },
  );
  // Both lists are already in ranking order: merged, not sorted again.
  const merged: NotProposed[] = [];
  let i = 0;
  let j = 0;
  while (i < notProposed.length || j < belowLine.length) {
    const a = notProposed[i];
    const b = belowLine[j];
    if (a && (!b || order(a.candidate, b.candidate) <= 0)) {
      merged.push(a);
      i++;
    } else if (b) {
      merged.push(b);
      j++;
    }
  }
  return {
    quota,
    quotaText,
    awardForm,
    proposed,
    tiedAtLine,
    notProposed: merged,
    placesForTied: places - proposed.length,
  };
}

function awardFormFor(movement: Movement, year: number, subject: Subject): string {
  const campaign = movement.campaigns.find(
    (c) => c.kind === 'annual' && c.fromYear <= year && year <= c.toYear,
  );
  const form = movement.awardForms.find(
    (f) => campaign?.awardForms.includes(f.code) && f.subjects.includes(subject),
  );
  return form?.name ?? '';
}

/**
 * Units whose people the council ranks but none of whom is in any of its lists: the unit has no
 * accepted workbook, so its people are unknown (a unit whose new workbook has mistakes keeps its
 * last accepted one, and is not among these).
 */
export function unitsWithoutPeople(p: CouncilProposal): string[] {
  const listed = new Set(
    [
      ...p.individuals.proposed,
      ...p.individuals.tiedAtLine,
      ...(p.individuals.decision?.tied ?? []),
      ...p.individuals.notProposed.map((n) => n.candidate),
    ].map((c) => c.unitCode),
  );
  return p.individualUnits.filter((code) => !listed.has(code));
}

/** How a staff id is compared across units (case and surrounding spaces do not count). */
export const staffKey = (staffId: string) => staffId.trim().toUpperCase();

/**
 * Staff ids listed by more than one unit, with the units (sorted; each unit is told which others
 * list them). One pass, with a list only for the few ids listed twice.
 */
export function staffInSeveralUnits(
  units: ReadonlyMap<string, RegistryUnit>,
  submissions: ReadonlyMap<string, Submission>,
): Map<string, string[]> {
  const first = new Map<string, string>();
  const several = new Map<string, string[]>();
  for (const [code, submission] of [...submissions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!units.has(code)) continue;
    for (const person of submission.people) {
      const key = staffKey(person.staffId);
      const seen = first.get(key);
      if (seen === undefined) first.set(key, code);
      else if (seen !== code) {
        const list = several.get(key) ?? [seen];
        if (!list.includes(code)) list.push(code);
        several.set(key, list);
      }
    }
  }
  return several;
}

const NONE: readonly string[] = [];

/** The other units that list a staff id (none, without an allocation, for nearly everyone). */
const alsoListed = (codes: readonly string[] | undefined, own: string): readonly string[] =>
  !codes || (codes.length === 1 && codes[0] === own) ? NONE : codes.filter((code) => code !== own);

export function buildProposals(input: ProposalInput): CouncilProposal[] {
  const { movement, year, units, submissions } = input;
  const catalog = catalogFor(movement, year);
  const quotaPolicy = quotaPolicyFor(movement, year);
  if (!catalog || !quotaPolicy || !eligibilityPolicyFor(movement, year))
    throw new PolicyMissingError(REASONS.NO_POLICY(yearLabel(year)));
  const womenPriority = movement.tieBreakers.womenPriority.enabled;
  const context = rankContext(movement, catalog, year);

  // Each unit is placed once: under the council that ranks its collective and the one that ranks its people.
  const byCollectiveCouncil = new Map<string, RegistryUnit[]>();
  const byIndividualCouncil = new Map<string, RegistryUnit[]>();
  const place = (map: Map<string, RegistryUnit[]>, council: string | null, unit: RegistryUnit) => {
    if (!council) return;
    const list = map.get(council);
    if (list) list.push(unit);
    else map.set(council, [unit]);
  };
  for (const unit of units.values()) {
    place(byCollectiveCouncil, collectiveCouncilOf(units, unit.code), unit);
    place(byIndividualCouncil, individualCouncilOf(units, unit.code), unit);
  }

  // Staff ids listed twice (almost never any): only then is anybody looked up again.
  const listedBy = staffInSeveralUnits(units, submissions);
  const shared = listedBy.size > 0;
  const blocked = (candidate: Candidate): Candidate => {
    const what = candidate.ineligible ? undefined : input.pending?.get(staffKey(candidate.id));
    return what
      ? { ...candidate, ineligible: { code: 'PENDING', reason: REASONS.PENDING(what) } }
      : candidate;
  };

  const councils = [...units.values()]
    .filter((u) => u.runsCouncil)
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  return councils.map((council) => {
    const collectiveUnits = byCollectiveCouncil.get(council.code) ?? [];
    const individualUnits = byIndividualCouncil.get(council.code) ?? [];

    const collectiveQuota = computeQuota(
      collectiveUnits.length,
      quotaPolicy.collective,
      quotaPolicy.rounding,
    );
    const collectiveCandidates = collectiveUnits.map((unit) =>
      blocked(collectiveCandidate(unit, submissions.get(unit.code), context)),
    );

    const headcountFromListing: string[] = [];
    let individualBase = 0;
    const personCandidates: Candidate[] = [];
    for (const unit of individualUnits) {
      const submission = submissions.get(unit.code);
      if (unit.headcount !== null) individualBase += unit.headcount;
      else {
        individualBase += submission?.people.length ?? 0;
        headcountFromListing.push(unit.code);
      }
      for (const person of submission?.people ?? [])
        personCandidates.push(
          blocked(
            personCandidate(
              person,
              unit,
              context,
              shared ? alsoListed(listedBy.get(staffKey(person.staffId)), unit.code) : NONE,
            ),
          ),
        );
    }
    const individualQuota = computeQuota(individualBase, quotaPolicy.individual, quotaPolicy.rounding);

    const sortCodes = (list: RegistryUnit[]) => list.map((u) => u.code).sort();
    return {
      code: council.code,
      name: council.name,
      collectives: applyQuota(
        collectiveCandidates,
        collectiveQuota,
        describeQuota(collectiveQuota),
        awardFormFor(movement, year, 'collective'),
        false,
      ),
      individuals: applyQuota(
        personCandidates,
        individualQuota,
        describeQuota(individualQuota),
        awardFormFor(movement, year, 'individual'),
        womenPriority,
      ),
      collectiveUnits: sortCodes(collectiveUnits),
      individualUnits: sortCodes(individualUnits),
      headcountFromListing: headcountFromListing.sort(),
    };
  });
}

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
  if (!catalog) throw new PolicyMissingError(REASONS.NO_POLICY(yearLabel(year)));
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
 */
export function applyCouncilChoice(
  subject: SubjectProposal,
  chosenIds: ReadonlySet<string>,
): SubjectProposal {
  const tied = subject.tiedAtLine;
  const chosen = tied.filter((c) => chosenIds.has(c.id));
  if (tied.length === 0 || chosen.length === 0) return subject;
  const decision = { tied, chosen: chosen.map((c) => c.id), overflow: chosen.length > subject.placesForTied };
  if (decision.overflow) return { ...subject, decision };
  const rest = tied.filter((c) => !chosenIds.has(c.id));
  return {
    ...subject,
    proposed: [...subject.proposed, ...chosen],
    tiedAtLine: [],
    placesForTied: subject.placesForTied - chosen.length,
    notProposed: [
      ...rest.map((candidate) => ({
        candidate,
        rank: candidate.rank,
        code: 'NOT_CHOSEN' as const,
        reason: REASONS.NOT_CHOSEN(),
      })),
      ...subject.notProposed,
    ],
    decision,
  };
}

/**
 * The council's choices as recorded in a proposal workbook's tie tab: ids marked “Có” (chosen)
 * and “Không” (not chosen), by subject. Other rows (titles, notes, signatures) are not candidates.
 */
export function readTieChoices(
  grid: readonly (readonly unknown[])[],
  labels: { collective: string; individual: string },
  yes: string,
  no = '',
) {
  const choices = { collective: new Set<string>(), individual: new Set<string>() };
  const rejected = { collective: new Set<string>(), individual: new Set<string>() };
  const same = (a: string, b: string) => a.trim().toLocaleLowerCase('vi') === b.toLocaleLowerCase('vi');
  for (const row of grid) {
    const [subject, , id] = row;
    const choice = row[8];
    if (typeof id !== 'string' || typeof choice !== 'string') continue;
    const into = same(choice, yes) ? choices : no && same(choice, no) ? rejected : null;
    if (!into) continue;
    if (subject === labels.collective) into.collective.add(id);
    else if (subject === labels.individual) into.individual.add(id);
  }
  return { ...choices, rejected };
}

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
}): Map<string, string[]> {
  const withheld = new Map<string, string[]>();
  const hold = (council: string | null, reason: string) => {
    if (!council || !input.councils.includes(council)) return;
    const reasons = withheld.get(council) ?? [];
    if (!reasons.includes(reason)) reasons.push(reason);
    withheld.set(council, reasons);
  };
  const councilsOf = (code: string) => [
    collectiveCouncilOf(input.units, code),
    individualCouncilOf(input.units, code),
  ];
  const unplaced = input.faults?.unplaced ?? [];
  if (unplaced.length)
    for (const council of input.councils) hold(council, WITHHELD.registryUnplaced(unplaced.join(', ')));
  for (const code of input.faults?.duplicates ?? [])
    for (const council of councilsOf(code)) hold(council, WITHHELD.registryDuplicate(code));
  for (const unit of input.units.values())
    if (unit.headcount === null && (input.submissions.get(unit.code)?.people.length ?? 0) > 0)
      hold(individualCouncilOf(input.units, unit.code), WITHHELD.headcountMissing(unit.code));
  for (const [code, status] of input.unsettled)
    for (const council of councilsOf(code)) hold(council, WITHHELD.unsettled(code, status));
  return withheld;
}
