/**
 * Sync: pull every unit's score workbook, validate it, store what is accepted, tell the unit.
 *
 * Steps:
 *  1. Load every unit's state for the year (batched reads) and the workbooks' versions.
 *  2. For each unit, a few at a time: skip the read when the workbook's version and the rules are
 *     what was last read; otherwise read it once and validate it.
 *  3. Accepted and different from the last accepted version → a new immutable version.
 *     Rejected → the last accepted version stays in force.
 *  4. Write the “Kiểm tra dữ liệu” tab only when the outcome changed.
 *  5. Store new versions in batches, then move each changed unit's state pointer conditionally.
 * A failure in one unit becomes that unit's problem; it never stops the others.
 */
import { createHash } from 'node:crypto';
import type { Catalog, Movement } from '../config/movement.ts';
import { findTab } from '../domain/grid.ts';
import { hasErrors, type Problem } from '../domain/problems.ts';
import type { Registry, RegistryUnit } from '../domain/registry.ts';
import { feedbackTab, type UnitStatus } from '../domain/render.ts';
import { readSubmission, stableStringify, submissionHash } from '../domain/submission.ts';
import { matchKey } from '../domain/text.ts';
import { MESSAGES, PROGRESS_LABELS, TABS } from '../domain/vi.ts';
import {
  type AcceptedVersion,
  type Progress,
  type SheetSink,
  type SheetSource,
  type SubmissionStore,
  silentProgress,
  type UnitState,
  WorkbookNotFoundError,
  WorkbookReadError,
} from '../ports/index.ts';

export interface SyncDeps {
  readonly source: SheetSource;
  readonly sink: SheetSink;
  readonly store: SubmissionStore;
  readonly progress?: Progress;
  /** Called with unexpected per-unit failures, for the edge to log once. */
  readonly onUnitError?: (unitCode: string, error: unknown) => void;
}

export interface SyncInput {
  readonly movement: Movement;
  readonly catalog: Catalog;
  readonly year: number;
  readonly registry: Registry;
  /** ISO instant of this sync (the clock stays outside the use case). */
  readonly now: string;
  /** Read every workbook even if unchanged. */
  readonly force?: boolean;
  /** Only these units (all when absent). */
  readonly only?: readonly string[];
  readonly concurrency?: number;
}

export interface UnitOutcome {
  readonly code: string;
  readonly status: UnitStatus;
  readonly problems: Problem[];
  /** The accepted version the proposals will use (this one or an earlier one), if any. */
  readonly acceptedHash: string | null;
  readonly read: boolean;
}

export interface SyncResult {
  readonly units: UnitOutcome[];
  readonly states: Map<string, UnitState>;
}

/** Changing the criteria or the validation rules must make every workbook be read again. */
export function rulesDigest(movement: Movement, catalog: Catalog, year: number): string {
  return createHash('sha256')
    .update(
      stableStringify({ catalog, ratings: movement.ratings, disciplines: movement.disciplines, year, v: 1 }),
    )
    .digest('hex')
    .slice(0, 12);
}

const outcomeDigest = (status: UnitStatus, problems: readonly Problem[]) =>
  createHash('sha256')
    .update(stableStringify({ status: status === 'unchanged' ? 'accepted' : status, problems }))
    .digest('hex');

export async function syncUnits(deps: SyncDeps, input: SyncInput): Promise<SyncResult> {
  const progress = deps.progress ?? silentProgress;
  const { movement, catalog, year, registry, now } = input;
  const units = [...registry.units.values()]
    .filter((unit) => !input.only || input.only.includes(unit.code))
    .sort((a, b) => (a.code < b.code ? -1 : 1));

  const states = await deps.store.loadStates(
    year,
    units.map((u) => u.code),
  );
  const locations = units.map((u) => u.workbook).filter((w): w is string => w !== null);
  const versions = await deps.source.versions(locations);
  const rules = rulesDigest(movement, catalog, year);

  const outcomes: UnitOutcome[] = [];
  const newVersions: AcceptedVersion[] = [];
  const stateUpdates: { state: UnitState; expectedAcceptedHash: string | null; isNew: boolean }[] = [];

  const syncOne = async (unit: RegistryUnit): Promise<void> => {
    const previous = states.get(unit.code);
    const version = unit.workbook ? versions.get(unit.workbook) : undefined;
    const readKey = version ? `${version}|${rules}` : null;
    let status: UnitStatus;
    let problems: Problem[];
    let acceptedHash = previous?.acceptedHash ?? null;
    let read = false;
    let feedbackMissing = false;

    if (!unit.workbook || !version) {
      status = 'missing';
      problems = [
        workbookProblem(
          'WORKBOOK_MISSING',
          unit.workbook ? MESSAGES.WORKBOOK_MISSING(unit.workbook) : MESSAGES.WORKBOOK_NOT_LISTED(),
        ),
      ];
    } else if (!input.force && previous && previous.readKey === readKey) {
      // Nothing changed since the last read: same outcome, no read, no write.
      status = previous.lastStatus === 'accepted' ? 'unchanged' : previous.lastStatus;
      problems = previous.problems;
    } else {
      read = true;
      try {
        const grids = await deps.source.readWorkbook(unit.workbook);
        feedbackMissing = !findTab(grids, TABS.feedback, matchKey);
        const result = readSubmission(grids, { movement, catalog, year, expectedUnitCode: unit.code });
        problems = result.problems;
        if (result.submission && !hasErrors(problems)) {
          const hash = submissionHash(result.submission);
          status = hash === previous?.acceptedHash ? 'unchanged' : 'accepted';
          if (status === 'accepted')
            newVersions.push({ unitCode: unit.code, year, hash, submission: result.submission });
          acceptedHash = hash;
        } else status = 'rejected';
      } catch (error) {
        if (error instanceof WorkbookNotFoundError) {
          status = 'missing';
          problems = [workbookProblem('WORKBOOK_MISSING', MESSAGES.WORKBOOK_MISSING(unit.workbook))];
        } else {
          status = 'rejected';
          const detail = error instanceof WorkbookReadError ? error.detail : MESSAGES.UNKNOWN_FAILURE();
          if (!(error instanceof WorkbookReadError)) deps.onUnitError?.(unit.code, error);
          problems = [workbookProblem('WORKBOOK_UNREADABLE', MESSAGES.WORKBOOK_UNREADABLE(detail))];
        }
      }
    }

    let storedReadKey = read || status === 'missing' ? readKey : (previous?.readKey ?? null);
    const changedOutcome =
      !previous || outcomeDigest(previous.lastStatus, previous.problems) !== outcomeDigest(status, problems);
    // A missing or unreadable workbook cannot take a tab; its problem goes to the report instead.
    const writable = status !== 'missing' && !problems.some((p) => p.code === 'WORKBOOK_UNREADABLE');
    if ((changedOutcome || feedbackMissing) && writable && unit.workbook) {
      try {
        const feedback = feedbackTab({ status, year, checkedAt: now, problems });
        const after = await deps.sink.writeFeedback(unit.workbook, feedback);
        // Our own write changes the workbook's version; remember the version after it.
        if (after && storedReadKey) storedReadKey = `${after}|${rules}`;
      } catch (error) {
        // Feedback is a courtesy: failing to write it must not lose the validation result.
        deps.onUnitError?.(unit.code, error);
        storedReadKey = null;
      }
    }

    const state: UnitState = {
      unitCode: unit.code,
      year,
      acceptedHash,
      acceptedAt: status === 'accepted' ? now : (previous?.acceptedAt ?? null),
      lastStatus: status === 'unchanged' ? 'accepted' : status,
      problems,
      readKey: storedReadKey,
      checkedAt: changedOutcome ? now : (previous?.checkedAt ?? now),
    };
    const stateChanged =
      !previous ||
      previous.acceptedHash !== state.acceptedHash ||
      previous.lastStatus !== state.lastStatus ||
      previous.readKey !== state.readKey ||
      changedOutcome;
    if (stateChanged)
      stateUpdates.push({ state, expectedAcceptedHash: previous?.acceptedHash ?? null, isNew: !previous });
    states.set(unit.code, state);
    outcomes.push({ code: unit.code, status, problems, acceptedHash, read });
  };

  progress.start(PROGRESS_LABELS.sync, units.length);
  const queue = [...units];
  const worker = async () => {
    for (let unit = queue.shift(); unit; unit = queue.shift()) {
      await syncOne(unit);
      progress.tick(unit.code);
    }
  };
  await Promise.all(Array.from({ length: Math.min(input.concurrency ?? 4, units.length) }, worker));
  progress.done();

  // Versions first, then pointers: a crash in between leaves only an unreferenced version.
  await deps.store.putVersions(newVersions);
  const lost = new Set(await deps.store.saveStates(stateUpdates));
  const result = outcomes
    .map((o) =>
      lost.has(o.code)
        ? { ...o, status: 'rejected' as const, problems: [...o.problems, concurrentProblem()] }
        : o,
    )
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  return { units: result, states };
}

/** A problem with the workbook as a whole, not with one of its cells. */
function workbookProblem(code: Problem['code'], message: string): Problem {
  return { severity: 'error', tab: '', cell: '', code, message };
}

function concurrentProblem(): Problem {
  return workbookProblem('WORKBOOK_UNREADABLE', MESSAGES.WORKBOOK_UNREADABLE(MESSAGES.CONCURRENT_SYNC()));
}
