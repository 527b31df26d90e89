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
  type Subject,
} from '../movement/movement.ts';
import { yearLabel } from '../text/common.ts';
import { ELIGIBILITY_TEXT } from '../text/rounds.ts';
import type { HistoryRecord } from './history.ts';
import { formatDate } from './text.ts';

export type ConditionState = 'met' | 'missed' | 'unknown';
export interface ConditionResult {
  readonly label: string;
  readonly state: ConditionState;
  readonly detail: string;
}

export interface Eligibility {
  readonly awardForm: string;
  readonly rule: AwardRule | undefined;
  readonly state: 'eligible' | 'ineligible' | 'needsCheck';
  readonly conditions: ConditionResult[];
  /** Why not eligible, or what to check, in one sentence. */
  readonly summary: string;
}

/** One candidate's record: the yearly results thidua holds and the award history. */
export interface CandidateRecord {
  /** Emulation year → rating code and whether a discipline was recorded; absent = no accepted data. */
  readonly years: ReadonlyMap<number, { rating: string; disciplined: boolean }>;
  readonly history: readonly HistoryRecord[];
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
): Eligibility {
  const rule = awardRuleFor(movement, awardForm, subject, reviewDate);
  const pending = candidate.history.filter((h) => h.kind === 'pending');
  if (pending.length)
    return {
      awardForm,
      rule,
      state: 'ineligible',
      conditions: [],
      summary: ELIGIBILITY_TEXT.pending(pending.map((p) => p.award).join('; ')),
    };
  if (!rule)
    return {
      awardForm,
      rule,
      state: 'needsCheck',
      conditions: [],
      summary: ELIGIBILITY_TEXT.noRule(formatDate(reviewDate)),
    };

  const rank = (code: string) => movement.ratings.find((r) => r.code === code)?.rank ?? 0;
  const label = (code: string) => movement.ratings.find((r) => r.code === code)?.label ?? code;
  const formName = (code: string) => movement.awardForms.find((f) => f.code === code)?.name ?? code;
  // Only merit-based awards count toward chains.
  const merit = candidate.history.filter((h) => h.kind === 'merit' && h.year <= lastYear);
  const hasAward = (award: string, year: number) => merit.some((h) => h.award === award && h.year === year);

  let chainStart = Number.NEGATIVE_INFINITY;
  let window: Window = { from: Number.NEGATIVE_INFINITY, to: lastYear };

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
            detail: ELIGIBILITY_TEXT.holdsNone(condition.awards.map(formName).join(', ')),
          };
        chainStart = held.year + 1;
        return {
          label: condition.label,
          state: 'met',
          detail: ELIGIBILITY_TEXT.holds(formName(held.award), yearLabel(held.year)),
        };
      }
      case 'consecutiveYears': {
        const floor = condition.afterAward ? chainStart : Number.NEGATIVE_INFINITY;
        let count = 0;
        let stop = '';
        let unknown = false;
        // “05 năm … trở lên”: the whole unbroken run back to the award counts (at least `years`),
        // and the later conditions (“trong thời gian đó”) are counted over all of it.
        for (let year = lastYear; year >= floor; year--) {
          const result = candidate.years.get(year);
          if (!result) {
            // A year without data inside a run still too short: the council has to check it.
            if (count < condition.years) {
              stop = ELIGIBILITY_TEXT.missingYear(yearLabel(year));
              unknown = true;
            }
            break;
          }
          if (result.disciplined && movement.blockingRules.disciplineBreaksChain) {
            stop = ELIGIBILITY_TEXT.brokenBy(yearLabel(year), ELIGIBILITY_TEXT.disciplined);
            break;
          }
          if (rank(result.rating) < rank(condition.minimumRating)) {
            stop = ELIGIBILITY_TEXT.brokenBy(yearLabel(year), ELIGIBILITY_TEXT.rating(label(result.rating)));
            break;
          }
          count++;
        }
        window = { from: lastYear - count + 1, to: lastYear };
        const detail = `${ELIGIBILITY_TEXT.years(count, yearLabel(window.from), yearLabel(window.to))}${stop ? ` ${stop}` : ''}`;
        const state: ConditionState = count >= condition.years ? 'met' : unknown ? 'unknown' : 'missed';
        return { label: condition.label, state, detail };
      }
      case 'awardCount': {
        const count = yearsInWindow((year) => hasAward(condition.award, year));
        return {
          label: condition.label,
          state: count >= condition.count ? 'met' : 'missed',
          detail: ELIGIBILITY_TEXT.count(count, condition.count),
        };
      }
      case 'ratingCount': {
        const count = yearsInWindow((year) => {
          const result = candidate.years.get(year);
          return result !== undefined && rank(result.rating) >= rank(condition.rating);
        });
        return {
          label: condition.label,
          state: count >= condition.count ? 'met' : 'missed',
          detail: ELIGIBILITY_TEXT.count(count, condition.count),
        };
      }
      case 'consecutiveAward': {
        let count = 0;
        for (let year = lastYear; hasAward(condition.award, year); year--) count++;
        return {
          label: condition.label,
          state: count >= condition.count ? 'met' : 'missed',
          detail: ELIGIBILITY_TEXT.count(count, condition.count),
        };
      }
      case 'manual':
        return { label: condition.label, state: 'unknown', detail: ELIGIBILITY_TEXT.unknown };
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
          detail: results.map((r) => `${r.label}: ${ELIGIBILITY_TEXT[r.state]}`).join('; '),
        };
      }
    }
  };

  const conditions = rule.conditions.map(evaluate);
  const missed = conditions.filter((c) => c.state === 'missed');
  const unknown = conditions.filter((c) => c.state === 'unknown');
  return {
    awardForm,
    rule,
    state: missed.length ? 'ineligible' : unknown.length ? 'needsCheck' : 'eligible',
    conditions,
    summary: [...missed, ...unknown].map((c) => `${c.label}: ${c.detail}`).join(' '),
  };
}
