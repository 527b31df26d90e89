/**
 * Whether a candidate meets an award form's conditions, condition by condition, as dated policy:
 * the rule in force at the round's review date, with its source. Each condition is met, missed,
 * or “cần kiểm tra” (the data or the rule is not there) — never silently passed or failed.
 * Thematic awards never count toward merit chains; a disciplined year breaks a chain, which then
 * counts again from the year after; a pending discipline, inspection or complaint blocks the award.
 */
import {
  type AwardRule,
  awardRuleFor,
  type Condition,
  type Movement,
  type RuleBasis,
  type Subject,
} from '../movement/movement.ts';
import { CHAIN_KINDS, type HistoryRecord } from './history.ts';

export type ConditionState = 'met' | 'missed' | 'unknown';

/** Where a chain of years stopped: a year without data, a disciplined year, a rating below the bar. */
export type ChainStop =
  | { readonly kind: 'missingYear'; readonly year: number }
  | { readonly kind: 'disciplined'; readonly year: number }
  | { readonly kind: 'rating'; readonly year: number; readonly rating: string };

/** What was found for a condition, as data (the sentences are the text layer's, text/rounds.ts). */
export type ConditionDetail =
  | { readonly kind: 'holdsNone'; readonly awards: readonly string[] }
  | { readonly kind: 'holds'; readonly award: string; readonly year: number }
  | {
      readonly kind: 'years';
      readonly count: number;
      readonly from: number;
      readonly to: number;
      readonly stop: ChainStop | null;
    }
  | { readonly kind: 'count'; readonly count: number; readonly needed: number }
  /** A condition that needs data thidua does not hold (the initiatives tab of the history workbook). */
  | { readonly kind: 'noData'; readonly data: 'initiatives' }
  | {
      readonly kind: 'run';
      readonly years: number;
      readonly needed: number;
      readonly initiatives: number;
      readonly neededInitiatives: number;
    }
  | { readonly kind: 'movementYears'; readonly from: number; readonly to: number; readonly needed: number }
  | { readonly kind: 'disciplined'; readonly years: readonly number[] }
  | { readonly kind: 'manual' }
  | {
      readonly kind: 'anyOf';
      readonly options: readonly { label: string; state: ConditionState; detail: ConditionDetail }[];
    };

export interface ConditionResult {
  readonly label: string;
  readonly state: ConditionState;
  readonly detail: ConditionDetail;
}

/** Why no condition was weighed: a pending block (discipline, inspection, complaint), or no rule in force. */
export type EligibilityBlock =
  | { readonly kind: 'pending'; readonly what: readonly string[] }
  | { readonly kind: 'noRule'; readonly reviewDate: string };

export interface Eligibility {
  readonly awardForm: string;
  /** A movement award's standard (checked), or a career-merit chain (information for the council). */
  readonly basis: RuleBasis;
  readonly rule: AwardRule | undefined;
  readonly state: 'eligible' | 'ineligible' | 'needsCheck';
  readonly conditions: ConditionResult[];
  /** Set when the conditions were not weighed at all. */
  readonly block: EligibilityBlock | null;
}

/** One candidate's record: the yearly results thidua holds and the award history. */
export interface CandidateRecord {
  /** Emulation year → rating code and whether a discipline was recorded; absent = no accepted data. */
  readonly years: ReadonlyMap<number, { rating: string; disciplined: boolean }>;
  readonly history: readonly HistoryRecord[];
  /** Emulation years of the candidate's recognised initiatives; absent or null: the history keeps none. */
  readonly initiatives?: readonly number[] | null;
}

interface Window {
  from: number;
  to: number;
}

export function evaluateEligibility(
  movement: Movement,
  awardForm: string,
  subject: Subject,
  candidate: CandidateRecord,
  lastYear: number,
  reviewDate: string,
  basis: RuleBasis = 'merit',
): Eligibility {
  const rule = awardRuleFor(movement, awardForm, subject, reviewDate, basis);
  const pending = candidate.history.filter((h) => h.kind === 'pending');
  if (pending.length)
    return {
      awardForm,
      basis,
      rule,
      state: 'ineligible',
      conditions: [],
      block: { kind: 'pending', what: pending.map((p) => p.award) },
    };
  if (!rule)
    return {
      awardForm,
      basis,
      rule,
      state: 'needsCheck',
      conditions: [],
      block: { kind: 'noRule', reviewDate },
    };

  const rank = (code: string) => movement.ratings.find((r) => r.code === code)?.rank ?? 0;
  const label = (code: string) => movement.ratings.find((r) => r.code === code)?.label ?? code;
  const formName = (code: string) => movement.awardForms.find((f) => f.code === code)?.name ?? code;
  // Only merit-based awards and yearly titles count toward chains (never a movement's own awards).
  const merit = candidate.history.filter((h) => CHAIN_KINDS.has(h.kind) && h.year <= lastYear);
  const hasAward = (award: string, year: number) => merit.some((h) => h.award === award && h.year === year);
  // A year with no workbook data (before the movement, say) whose award history holds a yearly
  // title that tells its rating (Lao động tiên tiến: at least well completed) is judged at that rating.
  const implied = new Map<number, string>();
  for (const h of merit) {
    const rating = movement.awardForms.find((f) => f.code === h.award)?.impliesRating;
    const known = implied.get(h.year);
    if (rating && (!known || rank(rating) > rank(known))) implied.set(h.year, rating);
  }
  const resultOf = (year: number) => {
    const held = candidate.years.get(year);
    if (held) return held;
    const rating = implied.get(year);
    return rating ? { rating, disciplined: false } : undefined;
  };

  let chainStart = Number.NEGATIVE_INFINITY;
  let window: Window = { from: Number.NEGATIVE_INFINITY, to: lastYear };
  /** The chain stopped at a year thidua cannot judge: what the window lacks is to be checked, not missed. */
  let openBefore = false;
  const counted = (count: number, needed: number): ConditionState =>
    count >= needed ? 'met' : openBefore ? 'unknown' : 'missed';

  /** Years of the counted window (the chain, or the whole record) for which `test` holds. */
  const yearsInWindow = (test: (year: number) => boolean) => {
    let count = 0;
    for (let year = Math.max(window.from, lastYear - 50); year <= window.to; year++) if (test(year)) count++;
    return count;
  };

  const evaluate = (condition: Condition): ConditionResult => {
    switch (condition.kind) {
      case 'holdsAward': {
        const held = merit
          .filter((h) => condition.awards.includes(h.award))
          .sort((a, b) => b.year - a.year)[0];
        if (!held)
          return {
            label: condition.label,
            state: 'missed',
            detail: { kind: 'holdsNone', awards: condition.awards.map(formName) },
          };
        chainStart = held.year + 1;
        return {
          label: condition.label,
          state: 'met',
          detail: { kind: 'holds', award: formName(held.award), year: held.year },
        };
      }
      case 'consecutiveYears': {
        const floor = condition.afterAward ? chainStart : Number.NEGATIVE_INFINITY;
        let count = 0;
        let stop: ChainStop | null = null;
        let unknown = false;
        // “05 năm … trở lên”: the whole unbroken run back to the award counts (at least `years`),
        // and the later conditions (“trong thời gian đó”) are counted over all of it.
        for (let year = lastYear; year >= floor; year--) {
          const result = resultOf(year);
          if (!result) {
            // A year without data inside a run still too short: the council has to check it; and
            // what the years before it held cannot be told (“cần kiểm tra”, never “chưa đạt”).
            if (count < condition.years) {
              stop = { kind: 'missingYear', year };
              unknown = true;
            }
            openBefore = true;
            break;
          }
          if (result.disciplined && movement.blockingRules.disciplineBreaksChain) {
            stop = { kind: 'disciplined', year };
            break;
          }
          if (rank(result.rating) < rank(condition.minimumRating)) {
            stop = { kind: 'rating', year, rating: label(result.rating) };
            break;
          }
          count++;
        }
        window = { from: lastYear - count + 1, to: lastYear };
        const detail: ConditionDetail = { kind: 'years', count, from: window.from, to: window.to, stop };
        const state: ConditionState = count >= condition.years ? 'met' : unknown ? 'unknown' : 'missed';
        return { label: condition.label, state, detail };
      }
      case 'awardCount': {
        const count = yearsInWindow((year) => hasAward(condition.award, year));
        return {
          label: condition.label,
          state: counted(count, condition.count),
          detail: { kind: 'count', count, needed: condition.count },
        };
      }
      case 'ratingCount': {
        const count = yearsInWindow((year) => {
          const result = resultOf(year);
          return result !== undefined && rank(result.rating) >= rank(condition.rating);
        });
        return {
          label: condition.label,
          state: counted(count, condition.count),
          detail: { kind: 'count', count, needed: condition.count },
        };
      }
      case 'consecutiveAward': {
        let count = 0;
        for (let year = lastYear; hasAward(condition.award, year); year--) count++;
        return {
          label: condition.label,
          state: count >= condition.count ? 'met' : 'missed',
          detail: { kind: 'count', count, needed: condition.count },
        };
      }
      case 'ratingRunWithInitiatives': {
        let run = 0;
        for (let year = lastYear; ; year--) {
          const result = resultOf(year);
          if (!result || result.disciplined || rank(result.rating) < rank(condition.rating)) break;
          run++;
        }
        if (run >= condition.years && !candidate.initiatives)
          return {
            label: condition.label,
            state: 'unknown',
            detail: { kind: 'noData', data: 'initiatives' },
          };
        const initiatives = (candidate.initiatives ?? []).filter(
          (y) => y > lastYear - run && y <= lastYear,
        ).length;
        return {
          label: condition.label,
          state: run >= condition.years && initiatives >= condition.initiatives ? 'met' : 'missed',
          detail: {
            kind: 'run',
            years: run,
            needed: condition.years,
            initiatives,
            neededInitiatives: condition.initiatives,
          },
        };
      }
      case 'movementYears': {
        const from = Number(movement.period.from.slice(0, 4));
        const to = Number(movement.period.to.slice(0, 4));
        return {
          label: condition.label,
          state: to - from >= condition.years ? 'met' : 'missed',
          detail: { kind: 'movementYears', from, to, needed: condition.years },
        };
      }
      case 'noDiscipline': {
        const years = [...candidate.years]
          .filter(([, r]) => r.disciplined)
          .map(([y]) => y)
          .sort();
        return {
          label: condition.label,
          state: years.length ? 'missed' : 'met',
          detail: { kind: 'disciplined', years },
        };
      }
      case 'manual':
        return { label: condition.label, state: 'unknown', detail: { kind: 'manual' } };
      case 'anyOf': {
        const results = condition.options.map(evaluate);
        const state: ConditionState = results.some((r) => r.state === 'met')
          ? 'met'
          : results.some((r) => r.state === 'unknown')
            ? 'unknown'
            : 'missed';
        return {
          label: condition.label,
          state,
          detail: {
            kind: 'anyOf',
            options: results.map((r) => ({ label: r.label, state: r.state, detail: r.detail })),
          },
        };
      }
    }
  };

  const conditions = rule.conditions.map(evaluate);
  const missed = conditions.filter((c) => c.state === 'missed');
  const unknown = conditions.filter((c) => c.state === 'unknown');
  return {
    awardForm,
    basis,
    rule,
    state: missed.length ? 'ineligible' : unknown.length ? 'needsCheck' : 'eligible',
    conditions,
    block: null,
  };
}
