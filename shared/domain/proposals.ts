/**
 * Ranking within quotas, per council. Pure: registry, accepted submissions and the movement in,
 * a proposal per council out. Output depends only on content, never on row or file order.
 *
 * Steps, for each council and each subject (collectives, individuals):
 *   base from the registry → quota by the policy in force → candidates with exact shares →
 *   eligibility (veto, discipline, minimum rating) → rank → proposed / tied at the line / below it.
 */

import {
  catalogFor,
  eligibilityPolicyFor,
  type Movement,
  quotaPolicyFor,
  type Subject,
} from '../movement/movement.ts';
import {
  type Candidate,
  type CouncilProposal,
  collectiveCandidate,
  type NotProposed,
  PolicyMissingError,
  type ProposalInput,
  personCandidate,
  rankContext,
  rankingOrder,
  type SubjectProposal,
  sameStanding,
  withRank,
} from './candidates.ts';
import { computeQuota, describeQuota, type Quota } from './quota.ts';
import { because } from './reasons.ts';
import { collectiveCouncilOf, individualCouncilOf, type RegistryUnit } from './registry.ts';
import type { Submission } from './submission.ts';

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
    if (candidate.ineligible) notProposed.push({ candidate, rank: null, ...candidate.ineligible });
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
      ? { candidate, rank, ...because('QUOTA_ZERO', quotaText) }
      : { candidate, rank, ...because('BELOW_LINE', rank, places) },
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
  if (!catalog || !quotaPolicy || !eligibilityPolicyFor(movement, year)) throw new PolicyMissingError(year);
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
    return what ? { ...candidate, ineligible: because('PENDING', what) } : candidate;
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
