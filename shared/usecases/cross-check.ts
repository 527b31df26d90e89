/**
 * Cross-check: what no single workbook can show. A person belongs to one unit; a staff id listed in
 * the accepted submissions of two units is a problem for both, and each is told which other unit
 * lists it, in its own “Kiểm tra dữ liệu” tab. (The proposals hold that person meanwhile.)
 *
 * Steps:
 *  1. Load every unit's state and accepted version (batched).
 *  2. Find the staff ids listed by more than one unit (pure).
 *  3. For each unit whose warnings changed: store them with the tab owed (conditional on the
 *     accepted version), write its tab (own problems, then the warnings), record it delivered.
 * Units whose warnings did not change are neither written nor stored.
 */

import { LIMITS } from '../domain/limits.ts';
import type { Problem } from '../domain/problems.ts';
import { staffInSeveralUnits, staffKey } from '../domain/proposals.ts';
import type { Registry } from '../domain/registry.ts';
import { type Submission, stableStringify } from '../domain/submission.ts';
import type { SheetSink, SubmissionStore, UnitState } from '../ports/index.ts';
import { feedbackTab } from '../present/feedback.ts';
import { MESSAGES } from '../text/messages.ts';
import { TABS } from '../text/sheets.ts';
import { loadAccepted } from './accepted.ts';

export interface CrossCheckDeps {
  readonly store: SubmissionStore;
  readonly sink: Pick<SheetSink, 'writeFeedback'>;
  /** Called with a unit whose tab could not be written (it stays owed), for the edge to log. */
  readonly onUnitError?: (unitCode: string, error: unknown) => void;
}

export interface CrossCheckInput {
  readonly year: number;
  readonly registry: Registry;
  /** ISO instant shown in the tabs written. */
  readonly now: string;
}

export interface CrossCheckResult {
  /** Units that list a staff id another unit lists too. */
  readonly flagged: string[];
  /** Units whose tab was rewritten because their warnings changed. */
  readonly told: string[];
}

/** The warnings of each unit: one per staff id it lists that another unit lists too (pure). */
export function crossWarnings(
  registry: Registry,
  submissions: ReadonlyMap<string, Submission>,
): Map<string, Problem[]> {
  const several = staffInSeveralUnits(registry.units, submissions);
  const warnings = new Map<string, Problem[]>();
  for (const [code, submission] of submissions) {
    if (!registry.units.has(code)) continue;
    const mine: Problem[] = [];
    for (const person of submission.people) {
      const units = several.get(staffKey(person.staffId));
      if (!units?.includes(code)) continue;
      const others = units.filter((u) => u !== code).join(', ');
      mine.push({
        severity: 'warning',
        tab: TABS.individuals,
        cell: '',
        code: 'DUPLICATE_STAFF_ACROSS_UNITS',
        message: MESSAGES.DUPLICATE_STAFF_ACROSS_UNITS(person.staffId, person.name, others),
        who: `${person.name} (${person.staffId})`,
      });
    }
    if (mine.length) warnings.set(code, mine.slice(0, LIMITS.storedProblems));
  }
  return warnings;
}

/** The cross-check on its own (after a sync that no proposal follows): loads, then tells. */
export async function crossCheckStaff(
  deps: CrossCheckDeps,
  input: CrossCheckInput,
): Promise<CrossCheckResult> {
  const codes = [...input.registry.units.keys()].sort();
  const { states, submissions } = await loadAccepted(deps.store, input.year, codes);
  return tellSharedStaff(deps, { ...input, states, submissions });
}

/** Steps 2–3, on states and accepted submissions already loaded (the proposals load them anyway). */
export async function tellSharedStaff(
  deps: CrossCheckDeps,
  input: CrossCheckInput & {
    readonly states: ReadonlyMap<string, UnitState>;
    readonly submissions: ReadonlyMap<string, Submission>;
    /** What councils set about a unit (their reviews and inspections), told in its tab too. */
    readonly notes?: ReadonlyMap<string, readonly Problem[]>;
  },
): Promise<CrossCheckResult> {
  const { year, registry, now, states } = input;
  const warnings = crossWarnings(registry, input.submissions);
  const told = new Map(warnings);
  for (const [code, notes] of input.notes ?? [])
    if (registry.units.has(code))
      told.set(code, [...(told.get(code) ?? []), ...notes].slice(0, LIMITS.storedProblems));

  const changed: UnitState[] = [];
  for (const state of states.values()) {
    const next = told.get(state.unitCode) ?? [];
    if (stableStringify(next) !== stableStringify(state.crossWarnings ?? []))
      changed.push({ ...state, crossWarnings: next });
  }
  // Owed first, so a crash before the tab is written leaves it owed for the next sync.
  const owed = changed.map((state) => ({ ...state, feedbackDelivered: false }));
  const lost = new Set(
    await deps.store.saveStates(
      owed.map((state) => ({ state, expectedAcceptedHash: state.acceptedHash, isNew: false })),
    ),
  );
  const delivered: UnitState[] = [];
  for (const state of owed) {
    const unit = registry.units.get(state.unitCode);
    const workbook = unit?.workbook;
    if (
      lost.has(state.unitCode) ||
      !workbook ||
      state.lastStatus === 'missing' ||
      state.lastStatus === 'inaccessible'
    )
      continue;
    try {
      await deps.sink.writeFeedback(
        workbook,
        feedbackTab({
          status: state.lastStatus,
          year,
          checkedAt: now,
          problems: [...state.problems, ...(state.crossWarnings ?? [])],
          hasAccepted: state.acceptedHash !== null,
          ...(unit ? { unit: { code: unit.code, name: unit.name } } : {}),
        }),
      );
      delivered.push({ ...state, feedbackDelivered: true });
    } catch (error) {
      deps.onUnitError?.(state.unitCode, error);
    }
  }
  await deps.store.saveStates(
    delivered.map((state) => ({ state, expectedAcceptedHash: state.acceptedHash, isNew: false })),
  );
  return { flagged: [...warnings.keys()].sort(), told: delivered.map((s) => s.unitCode).sort() };
}
