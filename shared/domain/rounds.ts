/**
 * Mid-term and final rounds (sơ kết, tổng kết): candidates are ranked on their results across the
 * round's years by the movement's stated policy (mean share; a year without accepted data counts
 * 0), then, for each award form the round allows, checked against that form's conditions in force
 * at the review date. The annual quota and tie rules apply per council and per form.
 */
import {
  type Campaign,
  type Catalog,
  catalogFor,
  type Movement,
  quotaPolicyFor,
  type Subject,
} from '../config/movement.ts';
import { type CandidateRecord, type Eligibility, evaluateEligibility } from './eligibility.ts';
import type { HistoryRecord } from './history.ts';
import {
  applyQuota,
  type Candidate,
  collectiveIdentity,
  personIdentity,
  type SubjectProposal,
} from './proposals.ts';
import { computeQuota, describeQuota, type Quota } from './quota.ts';
import { collectiveCouncilOf, individualCouncilOf, type RegistryUnit } from './registry.ts';
import { type Person, type Submission, toHundredths } from './submission.ts';

export interface RoundForm {
  readonly subject: Subject;
  readonly awardForm: string;
  readonly name: string;
  /** The name as tab titles show it (never the internal code). */
  readonly shortName: string;
  readonly proposal: SubjectProposal;
  /** Staff id → the conditions, met or not, with the rule's source. */
  readonly eligibility: ReadonlyMap<string, Eligibility>;
}

export interface RoundCouncil {
  readonly code: string;
  readonly name: string;
  readonly forms: RoundForm[];
}

export interface RoundInput {
  readonly movement: Movement;
  readonly campaign: Campaign;
  readonly units: ReadonlyMap<string, RegistryUnit>;
  /** Emulation year → unit → accepted submission. */
  readonly submissions: ReadonlyMap<number, ReadonlyMap<string, Submission>>;
  readonly history: readonly HistoryRecord[];
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The least common multiple of every yearly maximum: each mean becomes an exact fraction of small integers. */
function commonDenominator(results: ReadonlyMap<string, ReadonlyMap<number, { max: number }>>): number {
  const maxes = new Set([...results.values()].flatMap((m) => [...m.values()].map((r) => r.max)));
  return [...maxes].reduce((l, m) => (l * m) / gcd(l, m), 1);
}

/** Not eligible for a form: proposed to nobody, with why (or what the council must check). */
const ineligibleFor = (verdict: Eligibility): Candidate['ineligible'] =>
  verdict.state === 'eligible'
    ? null
    : { code: verdict.state === 'needsCheck' ? 'NEEDS_CHECK' : 'NOT_ELIGIBLE', reason: verdict.summary };

function share(person: Person, catalog: Catalog): { points: number; max: number } {
  const items = catalog.individual.items.filter((item) => !item.leaderOnly || person.isLeader);
  return {
    points: items.reduce((sum, item) => sum + (person.scores[item.code] ?? 0), 0),
    max: items.reduce((sum, item) => sum + toHundredths(item.maxPoints), 0),
  };
}

export function buildRound(input: RoundInput): RoundCouncil[] {
  const { movement, campaign, units, submissions, history } = input;
  const years = Array.from(
    { length: campaign.toYear - campaign.fromYear + 1 },
    (_, i) => campaign.fromYear + i,
  );
  const lastYear = campaign.toYear;
  const reviewDate = campaign.reviewDate ?? `${lastYear + 1}-05-31`;
  const policy = quotaPolicyFor(movement, lastYear);
  if (!policy) return [];

  // Everyone's yearly results, by staff id, across the whole sector (people move between units).
  const results = new Map<
    string,
    Map<number, { rating: string; disciplined: boolean; points: number; max: number }>
  >();
  for (const year of years) {
    const catalog = catalogFor(movement, year);
    if (!catalog) continue;
    for (const submission of submissions.get(year)?.values() ?? [])
      for (const person of submission.people) {
        const discipline = movement.disciplines.find((d) => d.code === person.discipline);
        const perYear = results.get(person.staffId) ?? new Map();
        perYear.set(year, {
          rating: person.rating,
          disciplined: discipline?.isDiscipline ?? false,
          ...share(person, catalog),
        });
        results.set(person.staffId, perYear);
      }
  }
  // Each collective's yearly points (the council-reviewed score where there is one).
  const collectiveResults = new Map<string, Map<number, { points: number; max: number }>>();
  for (const year of years) {
    const catalog = catalogFor(movement, year);
    if (!catalog) continue;
    const max = catalog.collective.items.reduce((sum, item) => sum + toHundredths(item.maxPoints), 0);
    for (const [code, submission] of submissions.get(year) ?? []) {
      const points = catalog.collective.items.reduce((sum, item) => {
        const score = submission.collective.items[item.code];
        return sum + (score ? (score.reviewed ?? score.self) : 0);
      }, 0);
      const perYear = collectiveResults.get(code) ?? new Map();
      perYear.set(year, { points, max });
      collectiveResults.set(code, perYear);
    }
  }
  const collectiveLcm = commonDenominator(collectiveResults);
  const lcm = commonDenominator(results);
  // History by staff id and by unit code, grouped once.
  const byPerson = new Map<string, HistoryRecord[]>();
  const byCollective = new Map<string, HistoryRecord[]>();
  for (const record of history) {
    const map = record.subject === 'individual' ? byPerson : byCollective;
    const list = map.get(record.id);
    if (list) list.push(record);
    else map.set(record.id, [record]);
  }

  /** Each award form the round allows for a subject: conditions per entrant, then the quota. */
  const rankForms = (
    subject: Subject,
    entrants: {
      identity: Omit<Candidate, 'points' | 'max' | 'ineligible'>;
      record: CandidateRecord;
      perYear: ReadonlyMap<number, { points: number; max: number }> | undefined;
    }[],
    quota: Quota,
    denominator: number,
    womenPriority: boolean,
  ): RoundForm[] =>
    campaign.awardForms
      .map((code) => movement.awardForms.find((f) => f.code === code))
      .filter((f): f is NonNullable<typeof f> => Boolean(f?.subjects.includes(subject)))
      .map((form) => {
        const eligibility = new Map<string, Eligibility>();
        const candidates: Candidate[] = entrants.map(({ identity, record, perYear }) => {
          const verdict = evaluateEligibility(movement, form.code, subject, record, lastYear, reviewDate);
          eligibility.set(identity.id, verdict);
          // The mean share as an exact fraction: every year over the common denominator.
          const points = years.reduce((sum, y) => {
            const r = perYear?.get(y);
            return sum + (r ? (r.points * denominator) / r.max : 0);
          }, 0);
          return { ...identity, points, max: denominator * years.length, ineligible: ineligibleFor(verdict) };
        });
        const proposal = applyQuota(candidates, quota, describeQuota(quota), form.name, womenPriority);
        return {
          subject,
          awardForm: form.code,
          name: form.name,
          shortName: form.shortName ?? form.name.slice(0, 21),
          proposal,
          eligibility,
        };
      });

  const current = submissions.get(lastYear) ?? new Map<string, Submission>();
  // Each unit placed once under the council that ranks its people and the one that ranks it.
  const byIndividualCouncil = new Map<string, RegistryUnit[]>();
  const byCollectiveCouncil = new Map<string, RegistryUnit[]>();
  for (const unit of units.values())
    for (const [map, council] of [
      [byIndividualCouncil, individualCouncilOf(units, unit.code)],
      [byCollectiveCouncil, collectiveCouncilOf(units, unit.code)],
    ] as const)
      if (council) {
        const list = map.get(council);
        if (list) list.push(unit);
        else map.set(council, [unit]);
      }
  const councils = [...units.values()]
    .filter((u) => u.runsCouncil)
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  return councils.map((council) => {
    const members = byIndividualCouncil.get(council.code) ?? [];
    let base = 0;
    const people: { person: Person; unit: RegistryUnit }[] = [];
    for (const unit of members) {
      const submission = current.get(unit.code);
      base += unit.headcount ?? submission?.people.length ?? 0;
      for (const person of submission?.people ?? []) people.push({ person, unit });
    }
    const forms = rankForms(
      'individual',
      people.map(({ person, unit }) => {
        const perYear = results.get(person.staffId) ?? new Map();
        return {
          identity: personIdentity(person, unit, movement),
          record: {
            years: new Map(
              [...perYear].map(([y, r]) => [y, { rating: r.rating, disciplined: r.disciplined }]),
            ),
            history: byPerson.get(person.staffId) ?? [],
          },
          perYear,
        };
      }),
      computeQuota(base, policy.individual, policy.rounding),
      lcm,
      movement.tieBreakers.womenPriority.enabled,
    );

    // Collectives: the units this council ranks, on their mean share (council-reviewed scores first).
    const collectiveUnits = byCollectiveCouncil.get(council.code) ?? [];
    const collectiveForms = rankForms(
      'collective',
      collectiveUnits.map((unit) => ({
        identity: collectiveIdentity(unit),
        record: { years: new Map(), history: byCollective.get(unit.code) ?? [] },
        perYear: collectiveResults.get(unit.code),
      })),
      computeQuota(collectiveUnits.length, policy.collective, policy.rounding),
      collectiveLcm,
      false,
    );
    return { code: council.code, name: council.name, forms: [...forms, ...collectiveForms] };
  });
}
