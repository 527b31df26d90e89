/**
 * Mid-term and final rounds (sơ kết, tổng kết): candidates are everyone with an accepted result in
 * any year of the round, ranked per council on the movement's stated policy (the mean share over
 * the years with a result; a year without one is listed, never counted as 0). The movement file may
 * propose a selection (thidua's proposal, the council decides). Each candidate gets one form: the
 * council's choice, read back from the round workbook, else thidua's suggestion — the form its
 * place in the council's list gives (`round-tiers.ts`), one lower where the movement award's own
 * standard is missed. Career-merit chains are shown as information, never used to choose a form.
 */

import { type Campaign, catalogFor, type Movement, type Subject } from '../movement/movement.ts';
import { type Candidate, collectiveIdentity, personIdentity } from './candidates.ts';
import { type CandidateRecord, type Eligibility, evaluateEligibility } from './eligibility.ts';
import type { HistoryRecord, Initiative } from './history.ts';
import { applyQuota } from './proposals.ts';
import { computeQuota, describeQuota, type Quota } from './quota.ts';
import { because, type Reason, reasonOf } from './reasons.ts';
import { collectiveCouncilOf, individualCouncilOf, type RegistryUnit } from './registry.ts';
import { commonDenominator, pendingOf, share } from './round-results.ts';
import { applySectorLimits, assignTiers, type StepDown, tiersOf } from './round-tiers.ts';
import type { Person, Submission } from './submission.ts';
import { toHundredths } from './submission-schema.ts';

/** An award form the round allows for a subject. */
export interface RoundFormInfo {
  readonly code: string;
  readonly name: string;
  /** The name as tab titles and the console show it (never the internal code). */
  readonly shortName: string;
}

/** A candidate of a round: the movement's result over the round's years, and each form's checklist. */
export interface RoundEntry {
  readonly candidate: Candidate;
  /** Rank among the council's candidates (competition ranking); null when not ranked. */
  readonly rank: number | null;
  /** Years of the round with an accepted result, and those without (listed, never counted as 0). */
  readonly years: readonly number[];
  readonly missingYears: readonly number[];
  /** Each year with a result: the rating (people) and the points over the points applicable. */
  readonly results: readonly RoundYearResult[];
  /**
   * Within the selection the movement file proposes, tied at its line, below it, or not ranked;
   * `listed` when the file sets no selection (ranked, the council chooses from the whole list).
   */
  readonly selection: 'proposed' | 'tied' | 'below' | 'unranked' | 'listed';
  /**
   * The one form thidua suggests (proposed, tied or listed): the one its place in the list gives,
   * or the next lower whose movement-award standard is not missed.
   */
  readonly suggested: string | null;
  /** Why the suggestion is below what the place gives (a tie at a tier's line, a sector limit, a standard). */
  readonly stepDown: StepDown | null;
  /** The council's decision in the round workbook: a form's code, `none` (not proposed), or null (not decided). */
  readonly choice: string | null;
  /** The one form the candidate is proposed for: the council's choice, else thidua's suggestion for those proposed. */
  readonly form: string | null;
  /** Each form's standard as a movement award (met, missed, to check), with the rule's source: checked. */
  readonly eligibility: ReadonlyMap<string, Eligibility>;
  /** Each form's career-merit chain (theo công trạng): information for the council, never a gate. */
  readonly reference: ReadonlyMap<string, Eligibility>;
  /** Why a candidate is not ranked or not proposed (null for those proposed or tied). */
  readonly reason: Reason | null;
}

export interface RoundYearResult {
  readonly year: number;
  readonly rating: string | null;
  readonly points: number;
  readonly max: number;
}

export interface RoundList {
  readonly subject: Subject;
  readonly forms: readonly RoundFormInfo[];
  /** The selection's arithmetic, when the movement sets one (thidua's proposal; the council decides). */
  readonly quota: Quota | null;
  readonly quotaText: string;
  /** Staff (or collectives) of the council: the base of the shares shown. */
  readonly base: number;
  readonly entries: readonly RoundEntry[];
}

export interface RoundCouncil {
  readonly code: string;
  readonly name: string;
  readonly lists: readonly RoundList[];
}

export interface RoundInput {
  readonly movement: Movement;
  readonly campaign: Campaign;
  readonly units: ReadonlyMap<string, RegistryUnit>;
  /** Emulation year → unit → accepted submission. */
  readonly submissions: ReadonlyMap<number, ReadonlyMap<string, Submission>>;
  readonly history: readonly HistoryRecord[];
  /** The initiatives on record (the history workbook's tab); null or absent when it keeps none. */
  readonly initiatives?: readonly Initiative[] | null;
}

export function buildRound(input: RoundInput): RoundCouncil[] {
  const { movement, campaign, units, submissions, history } = input;
  const initiativeYears = new Map<string, number[]>();
  for (const i of input.initiatives ?? [])
    initiativeYears.set(i.staffId, [...(initiativeYears.get(i.staffId) ?? []), i.year]);
  const onRecord = (id: string) => (input.initiatives ? (initiativeYears.get(id) ?? []) : null);
  const years = Array.from(
    { length: campaign.toYear - campaign.fromYear + 1 },
    (_, i) => campaign.fromYear + i,
  );
  const lastYear = campaign.toYear;
  const reviewDate = campaign.reviewDate ?? `${lastYear + 1}-05-31`;
  const selection = movement.roundRanking.selection;
  const minYears = Math.min(movement.roundRanking.minYears, years.length);

  // Everyone with an accepted result in any year of the round, by staff id (people move): each
  // year's share and rating, and the person and unit of their last year with data.
  const results = new Map<
    string,
    Map<number, { rating: string; disciplined: boolean; points: number; max: number }>
  >();
  const lastSeen = new Map<string, { person: Person; unit: RegistryUnit }>();
  for (const year of years) {
    const catalog = catalogFor(movement, year);
    if (!catalog) continue;
    for (const [code, submission] of submissions.get(year) ?? []) {
      const unit = units.get(code);
      for (const person of submission.people) {
        const discipline = movement.disciplines.find((d) => d.code === person.discipline);
        const perYear = results.get(person.staffId) ?? new Map();
        perYear.set(year, {
          rating: person.rating,
          disciplined: discipline?.isDiscipline ?? false,
          ...share(person, catalog),
        });
        results.set(person.staffId, perYear);
        if (unit) lastSeen.set(person.staffId, { person, unit });
      }
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
  const byPerson = new Map<string, HistoryRecord[]>();
  const byCollective = new Map<string, HistoryRecord[]>();
  for (const record of history) {
    const map = record.subject === 'individual' ? byPerson : byCollective;
    const list = map.get(record.id);
    if (list) list.push(record);
    else map.set(record.id, [record]);
  }
  const formsFor = (subject: Subject): RoundFormInfo[] =>
    campaign.awardForms
      .map((code) => movement.awardForms.find((f) => f.code === code))
      .filter((f): f is NonNullable<typeof f> => Boolean(f?.subjects.includes(subject)))
      .map((f) => ({ code: f.code, name: f.name, shortName: f.shortName ?? f.name.slice(0, 21) }));

  /**
   * One ranked list per subject: the mean share over the years with a result (an exact fraction
   * over a common denominator), the selection the movement file proposes, one suggested form each,
   * and every form's conditions — a checklist, never a gate.
   */
  const rankList = (
    subject: Subject,
    entrants: {
      identity: Omit<Candidate, 'points' | 'max' | 'ineligible'>;
      record: CandidateRecord;
      perYear: ReadonlyMap<number, { points: number; max: number }>;
    }[],
    base: number,
    womenPriority: boolean,
  ): RoundList => {
    const forms = formsFor(subject);
    const denominator = commonDenominator(new Map(entrants.map((e) => [e.identity.id, e.perYear])));
    const quota = selection
      ? computeQuota(
          base,
          subject === 'individual' ? selection.individual : selection.collective,
          selection.rounding,
        )
      : null;
    const info = new Map<
      string,
      {
        years: number[];
        missing: number[];
        results: RoundYearResult[];
        eligibility: Map<string, Eligibility>;
        reference: Map<string, Eligibility>;
      }
    >();
    const candidates: Candidate[] = entrants.map(({ identity, record, perYear }) => {
      const withData = years.filter((y) => perYear.has(y));
      const judge = (basis: 'movement' | 'merit') =>
        new Map(
          forms.map((f) => [
            f.code,
            evaluateEligibility(movement, f.code, subject, record, lastYear, reviewDate, basis),
          ]),
        );
      const standards = judge('movement');
      info.set(identity.id, {
        years: withData,
        missing: years.filter((y) => !perYear.has(y)),
        results: withData.map((year) => ({
          year,
          rating: record.years.get(year)?.rating ?? null,
          points: perYear.get(year)?.points ?? 0,
          max: perYear.get(year)?.max ?? 0,
        })),
        eligibility: standards,
        reference: judge('merit'),
      });
      const points = withData.reduce((sum, y) => {
        const r = perYear.get(y);
        return sum + (r ? (r.points * denominator) / r.max : 0);
      }, 0);
      return {
        ...identity,
        points,
        max: denominator * Math.max(1, withData.length),
        ineligible:
          withData.length < minYears
            ? because('TOO_FEW_YEARS', withData.length, minYears)
            : (pendingOf(standards) ??
              (forms.length && forms.every((f) => standards.get(f.code)?.state === 'ineligible')
                ? because('NO_STANDARD_MET')
                : null)),
      };
    });
    // Without a selection policy every ranked candidate is listed for the council to choose from.
    const all = computeQuota(candidates.length, { numerator: 1, denominator: 1 }, 'down');
    const ranked = applyQuota(candidates, quota ?? all, describeQuota(quota ?? all), '', womenPriority);
    // The forms by place: tiers over the proposed (or, with no selection, the listed) candidates.
    const placed = quota ? ranked.proposed : [...ranked.proposed, ...ranked.tiedAtLine];
    const tiers = tiersOf(campaign, subject).filter((t) => forms.some((f) => f.code === t.form));
    const order = tiers.length ? tiers.map((t) => t.form) : forms.map((f) => f.code).slice(0, 1);
    const byPlace = assignTiers(placed, tiers, forms[0]?.code ?? '');
    /** The form its place gives, or the next lower one whose movement standard is not missed. */
    const suggest = (id: string): { form: string | null; stepDown: StepDown | null } => {
      const place = byPlace.get(id) ?? { form: order.at(-1) ?? forms[0]?.code ?? null, stepDown: null };
      if (!place.form) return { form: null, stepDown: null };
      const standards = info.get(id)?.eligibility;
      const from = order.indexOf(place.form);
      const fits = order.slice(Math.max(0, from)).find((f) => standards?.get(f)?.state !== 'ineligible');
      return fits && fits !== place.form
        ? { form: fits, stepDown: place.stepDown ?? { from: place.form, why: 'standard' } }
        : place;
    };
    const entry = (
      candidate: Candidate,
      rank: number | null,
      selected: RoundEntry['selection'],
      reason: Reason | null,
    ): RoundEntry => {
      // The proposed and those tied at the line (the council picks among them) each get one form.
      const suggested =
        selected === 'proposed' || selected === 'tied' || (!quota && selected !== 'unranked')
          ? suggest(candidate.id)
          : { form: null, stepDown: null };
      return {
        candidate,
        rank,
        years: info.get(candidate.id)?.years ?? [],
        missingYears: info.get(candidate.id)?.missing ?? [],
        results: info.get(candidate.id)?.results ?? [],
        selection: quota || selected === 'unranked' ? selected : 'listed',
        suggested: suggested.form,
        stepDown: suggested.stepDown,
        choice: null,
        form: quota && selected === 'proposed' ? suggested.form : null,
        eligibility: info.get(candidate.id)?.eligibility ?? new Map(),
        reference: info.get(candidate.id)?.reference ?? new Map(),
        reason,
      };
    };
    return {
      subject,
      forms,
      quota,
      quotaText: quota ? describeQuota(quota) : '',
      base,
      entries: [
        ...ranked.proposed.map((c) => entry(c, c.rank, 'proposed', null)),
        ...ranked.tiedAtLine.map((c) => entry(c, c.rank, 'tied', null)),
        ...ranked.notProposed.map((n) =>
          entry(n.candidate, n.rank, n.rank === null ? 'unranked' : 'below', reasonOf(n)),
        ),
      ],
    };
  };

  // Each person under the council of the unit of their last year with a result; each unit once.
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
  const peopleByCouncil = new Map<string, { person: Person; unit: RegistryUnit }[]>();
  for (const [, seen] of lastSeen) {
    const council = individualCouncilOf(units, seen.unit.code);
    if (!council) continue;
    const list = peopleByCouncil.get(council);
    if (list) list.push(seen);
    else peopleByCouncil.set(council, [seen]);
  }
  const current = submissions.get(lastYear) ?? new Map<string, Submission>();
  const councils = [...units.values()]
    .filter((u) => u.runsCouncil)
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const built = councils.map((council): RoundCouncil => {
    const members = byIndividualCouncil.get(council.code) ?? [];
    const staff = members.reduce(
      (sum, unit) => sum + (unit.headcount ?? current.get(unit.code)?.people.length ?? 0),
      0,
    );
    const people = rankList(
      'individual',
      (peopleByCouncil.get(council.code) ?? []).map(({ person, unit }) => {
        const perYear = results.get(person.staffId) ?? new Map();
        return {
          identity: personIdentity(person, unit, movement),
          record: {
            years: new Map(
              [...perYear].map(([y, r]) => [y, { rating: r.rating, disciplined: r.disciplined }]),
            ),
            history: byPerson.get(person.staffId) ?? [],
            initiatives: onRecord(person.staffId),
          },
          perYear,
        };
      }),
      staff,
      movement.tieBreakers.womenPriority.enabled,
    );
    const collectiveUnits = byCollectiveCouncil.get(council.code) ?? [];
    const collectives = rankList(
      'collective',
      collectiveUnits
        .filter((unit) => collectiveResults.has(unit.code))
        .map((unit) => ({
          identity: collectiveIdentity(unit),
          record: { years: new Map(), history: byCollective.get(unit.code) ?? [] },
          perYear: collectiveResults.get(unit.code) ?? new Map(),
        })),
      collectiveUnits.length,
      false,
    );
    return { code: council.code, name: council.name, lists: [people, collectives] };
  });
  return applySectorLimits(built, campaign);
}

/** What a council's round lacks for want of data. */
export interface RoundGaps {
  /** Years of the round for which none of the council's candidates has an accepted result. */
  readonly yearsWithoutData: readonly number[];
  /** Nobody could be ranked, each for too few years with a result (or nobody has any). */
  readonly rankedNobody: boolean;
}

export function roundGaps(council: RoundCouncil, campaign: Pick<Campaign, 'fromYear' | 'toYear'>): RoundGaps {
  const entries = council.lists.flatMap((list) => list.entries);
  const seen = new Set(entries.flatMap((e) => e.years));
  const yearsWithoutData: number[] = [];
  for (let year = campaign.fromYear; year <= campaign.toYear; year++)
    if (!seen.has(year)) yearsWithoutData.push(year);
  const rankedNobody =
    yearsWithoutData.length > 0 &&
    entries.every((e) => e.rank === null && e.reason?.code === 'TOO_FEW_YEARS');
  return { yearsWithoutData, rankedNobody };
}
