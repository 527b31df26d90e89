/**
 * Why a candidate is not proposed: a stable code and what its sentence needs. The rules choose
 * the reason; the sentence is the text layer's (`reasonText` in text/proposals.ts), so a change
 * of wording never touches a rule.
 */

export interface ReasonArgs {
  readonly NO_SUBMISSION: readonly [];
  readonly VETO: readonly [code: string, title: string];
  readonly DISCIPLINE: readonly [label: string];
  readonly RATING_BELOW: readonly [rating: string, minimum: string];
  readonly QUOTA_ZERO: readonly [arithmetic: string];
  readonly BELOW_LINE: readonly [rank: number, quota: number];
  readonly PENDING: readonly [what: string];
  readonly TOO_FEW_YEARS: readonly [years: number, needed: number];
  /** A round's candidate who misses the standard of every form the round allows (e.g. disciplined in its years). */
  readonly NO_STANDARD_MET: readonly [];
  readonly NOT_CHOSEN: readonly [];
  readonly DUPLICATE_STAFF: readonly [others: string];
}

export type ReasonCode = keyof ReasonArgs;

export type Reason = { [K in ReasonCode]: { readonly code: K; readonly args: ReasonArgs[K] } }[ReasonCode];

/** A reason, typed by its code: `because('BELOW_LINE', 12, 10)`. */
export const because = <K extends ReasonCode>(code: K, ...args: ReasonArgs[K]): Reason =>
  ({ code, args }) as Reason;

/** The reason alone, from anything that carries one (a not-proposed entry, …). */
export const reasonOf = (carrier: Reason): Reason => ({ code: carrier.code, args: carrier.args }) as Reason;
