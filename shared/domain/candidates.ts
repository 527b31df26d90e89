/** Candidates for a council's lists: what is compared (the share of the points that apply, exactly), who a collective or a person is, and the order of standing. */

import { type Catalog, eligibilityPolicyFor, type Movement, type Subject } from '../movement/movement.ts';
import type { Quota } from './quota.ts';
import { because, type Reason } from './reasons.ts';
import type { RegistryUnit } from './registry.ts';
import type { Person, Submission } from './submission.ts';
import { type Gender, toHundredths } from './submission-schema.ts';
import { comparePersonNames, compareVietnamese } from './text.ts';

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
  /** As the workbook said it (null: not given, or a collective). */
  readonly gender: Gender | null;
  readonly rating: string | null;
  /** Points obtained and points applicable, in hundredths: the share is points / max, compared exactly. */
  readonly points: number;
  readonly max: number;
  readonly ineligible: Reason | null;
}

export interface RankedCandidate extends Candidate {
  readonly rank: number;
}

export type NotProposed = {
  readonly candidate: Candidate;
  readonly rank: number | null;
} & Reason;

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

/** The movement has no catalog, quota or eligibility policy for the year asked. */
export class PolicyMissingError extends Error {
  override readonly name = 'PolicyMissingError';
  constructor(readonly year: number) {
    super(`the movement has no policy for the emulation year starting ${year}`);
  }
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

export function rankContext(movement: Movement, catalog: Catalog, year: number): RankContext {
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

export function collectiveCandidate(
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
      ineligible: because('NO_SUBMISSION'),
    });
  const points = catalog.collective.items.reduce((sum, item) => {
    const score = submission.collective.items[item.code];
    return sum + (score ? (score.reviewed ?? score.self) : 0);
  }, 0);
  const veto = catalog.collective.vetoItems.find((item) => submission.collective.vetoes[item.code] === true);
  const ineligible =
    veto && policy?.collective.vetoDisqualifies ? because('VETO', veto.code, veto.title) : null;
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
    gender: null,
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
    isWoman: person.gender === 'female',
    gender: person.gender,
    rating: rating?.label ?? person.rating,
    points,
    max,
    ineligible,
  };
}

export function personCandidate(
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
  if (alsoListedBy.length) ineligible = because('DUPLICATE_STAFF', alsoListedBy.join(', '));
  else if (policy?.individual.disciplineDisqualifies && discipline?.isDiscipline)
    ineligible = because('DISCIPLINE', discipline.label);
  else if (rating && minimum && rating.rank < minimum.rank)
    ineligible = because('RATING_BELOW', rating.label, minimum.label);
  return personEntry(person, unit, rating, points, max, ineligible);
}

/** A total order: share, then (if enabled) women first, then name in Vietnamese collation, then id. */
export function rankingOrder(womenPriority: boolean) {
  return (a: Candidate, b: Candidate) =>
    compareShare(a, b) ||
    (womenPriority ? Number(b.isWoman) - Number(a.isWoman) : 0) ||
    (a.subject === 'individual' ? comparePersonNames(a.name, b.name) : compareVietnamese(a.name, b.name)) ||
    (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Candidates are equal for the quota line when their share (and enabled tie-breakers) are equal. */
export function sameStanding(womenPriority: boolean) {
  return (a: Candidate, b: Candidate) =>
    compareShare(a, b) === 0 && (!womenPriority || a.isWoman === b.isWoman);
}

/**
 * A candidate with its rank, as a literal of every field: one allocation, and the same shape for
 * all of them (a spread or an assign costs several times more over 20,000 people).
 */
export const withRank = (c: Candidate, rank: number): RankedCandidate => ({
  subject: c.subject,
  id: c.id,
  name: c.name,
  unitCode: c.unitCode,
  unitName: c.unitName,
  position: c.position,
  isLeader: c.isLeader,
  isWoman: c.isWoman,
  gender: c.gender,
  rating: c.rating,
  points: c.points,
  max: c.max,
  ineligible: c.ineligible,
  rank,
});
