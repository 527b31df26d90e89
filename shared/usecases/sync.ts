/**
 * Sync: pull every unit's score workbook, validate it, store what is accepted, tell the unit.
 *
 * Steps:
 *  1. Load every unit's state for the year (batched reads) and the workbooks' versions (one
 *     listing for many workbooks).
 *  2. For each unit, a few at a time: skip the read when the workbook's version and the rules are
 *     what was last read; otherwise read it once and validate it.
 *  3. Accepted and different from the last accepted version → a new immutable version.
 *     Rejected → the last accepted version stays in force.
 *  4. Write the “Kiểm tra dữ liệu” tab when the outcome changed, or when the last one did not arrive.
 *  5. Every `flushEvery` units: store new versions (batched), then move each changed unit's state
 *     pointer (conditional). An interrupted sync keeps what it flushed and resumes from there.
 * A failure in one unit never stops the others: a data problem is the unit's feedback; a medium
 * that does not answer leaves the unit `failed`, with nothing stored, to be read again next time.
 * A workbook that states another emulation year is `otherYear`: nothing stored, nothing written.
 */
import { createHash } from 'node:crypto';
import { findTab } from '../domain/grid.ts';
import { LIMITS } from '../domain/limits.ts';
import { capProblems, hasErrors, type Problem } from '../domain/problems.ts';
import type { Registry, RegistryUnit } from '../domain/registry.ts';
import { stableStringify, submissionHash } from '../domain/submission.ts';
import { matchKey } from '../domain/text.ts';
import type { Catalog, Movement } from '../movement/movement.ts';
import {
  type AcceptedVersion,
  type Progress,
  type SheetSink,
  type SheetSource,
  type StoredStatus,
  type SubmissionStore,
  silentProgress,
  type UnitState,
  WorkbookInaccessibleError,
  WorkbookNotFoundError,
  WorkbookReadError,
} from '../ports/index.ts';
import { feedbackTab, type UnitStatus } from '../present/feedback.ts';
import type { SheetTab } from '../present/sheet-model.ts';
import { readSubmission } from '../present/unit-book-read.ts';
import { MORE_PROBLEMS } from '../text/common.ts';
import { MESSAGES } from '../text/messages.ts';
import { PROGRESS_LABELS } from '../text/proposals.ts';
import { TABS } from '../text/sheets.ts';
import { eachAtMost } from './pool.ts';

/** The tabs a unit workbook is read for. */
export const UNIT_TABS = [TABS.info, TABS.collective, TABS.individuals, TABS.feedback] as const;

export interface SyncDeps {
  readonly source: SheetSource;
  readonly sink: SheetSink;
  readonly store: SubmissionStore;
  readonly progress?: Progress;
  /** Called with unexpected per-unit failures, for the edge to log once. */
  readonly onUnitError?: (unitCode: string, error: unknown) => void;
  /** Asked before each unit: true stops the sync there (those being read finish and are stored). */
  readonly stopRequested?: () => boolean;
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
  /** Units between two writes to the store (default 25, one BatchWriteItem). */
  readonly flushEvery?: number;
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

/**
 * Whether a unit must be looked at in this sync: its workbook changed (or the rules did), its
 * feedback is owed, or it has newly gone missing. The dispatcher enqueues exactly these.
 */
export function needsSync(
  previous: UnitState | undefined,
  version: string | undefined,
  rules: string,
): boolean {
  return needsRead(previous, version, rules) || previous?.feedbackDelivered === false;
}

/** Whether the workbook must be read: it changed (or the rules did) since the version last read. */
function needsRead(previous: UnitState | undefined, version: string | undefined, rules: string): boolean {
  // A workbook the listing does not show is tried once (Google's Drive shows neither a file that
  // is gone nor one not shared, its Sheets tells them apart); then not again until it shows.
  if (!version) return previous?.lastStatus !== 'missing' && previous?.lastStatus !== 'inaccessible';
  return previous?.readKey !== `${version}|${rules}`;
}

const stored = (status: UnitStatus): StoredStatus =>
  status === 'unchanged' || status === 'failed' ? 'accepted' : status === 'otherYear' ? 'missing' : status;

const outcomeDigest = (status: StoredStatus, problems: readonly Problem[]) =>
  createHash('sha256').update(stableStringify({ status, problems })).digest('hex');

/** A problem with the workbook as a whole, not with one of its cells. */
function workbookProblem(code: Problem['code'], message: string): Problem {
  return { severity: 'error', tab: '', cell: '', code, message };
}

interface UnitResult {
  readonly outcome: UnitOutcome;
  readonly version?: AcceptedVersion;
  /**
   * The unit's tab, written once the store holds the outcome it reports (`state`, stored in this
   * flush or before: a tab owed from an earlier run is written even when nothing else changed).
   */
  readonly feedback?: { location: string; tab: SheetTab; readVersion: string | undefined; state: UnitState };
  readonly update?: { state: UnitState; expectedAcceptedHash: string | null; isNew: boolean };
}

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

  const syncOne = async (unit: RegistryUnit): Promise<UnitResult> => {
    const previous = states.get(unit.code);
    const version = unit.workbook ? versions.get(unit.workbook) : undefined;
    const readKey = version ? `${version}|${rules}` : null;
    let status: UnitStatus;
    let problems: Problem[];
    let acceptedHash = previous?.acceptedHash ?? null;
    let read = false;
    let feedbackMissing = false;
    let version_: AcceptedVersion | undefined;

    if (!unit.workbook) {
      status = 'missing';
      problems = [workbookProblem('WORKBOOK_MISSING', MESSAGES.WORKBOOK_NOT_LISTED())];
    } else if (!input.force && previous && !needsRead(previous, version, rules)) {
      // Nothing changed since the last read: same outcome, no read (a tab still owed is written).
      status = previous.lastStatus === 'accepted' ? 'unchanged' : previous.lastStatus;
      problems = previous.problems;
    } else {
      read = true;
      try {
        const grids = await deps.source.readWorkbook(unit.workbook, UNIT_TABS);
        feedbackMissing = !findTab(grids, TABS.feedback, matchKey);
        const result = readSubmission(grids, { movement, catalog, year, expectedUnitCode: unit.code });
        const otherYear = result.problems.filter((p) => p.code === 'YEAR_MISMATCH');
        // Another year's workbook belongs to that year: nothing of it is stored for this one, and
        // nothing is written into it (its feedback tab tells its own year's outcome).
        if (otherYear.length)
          return {
            outcome: { code: unit.code, status: 'otherYear', problems: otherYear, acceptedHash, read },
          };
        problems = result.problems;
        if (result.submission && !hasErrors(problems)) {
          const hash = submissionHash(result.submission);
          status = hash === previous?.acceptedHash ? 'unchanged' : 'accepted';
          if (status === 'accepted')
            version_ = { unitCode: unit.code, year, hash, submission: result.submission };
          acceptedHash = hash;
        } else status = 'rejected';
      } catch (error) {
        if (error instanceof WorkbookNotFoundError) {
          status = 'missing';
          problems = [workbookProblem('WORKBOOK_MISSING', MESSAGES.WORKBOOK_MISSING(unit.workbook))];
        } else if (error instanceof WorkbookInaccessibleError) {
          status = 'inaccessible';
          problems = [workbookProblem('WORKBOOK_INACCESSIBLE', MESSAGES.WORKBOOK_INACCESSIBLE(error.detail))];
        } else if (error instanceof WorkbookReadError) {
          status = 'rejected';
          problems = [workbookProblem('WORKBOOK_UNREADABLE', MESSAGES.WORKBOOK_UNREADABLE(error.detail))];
        } else {
          // The medium did not answer (or something unexpected): conclude nothing, try again next sync.
          deps.onUnitError?.(unit.code, error);
          return { outcome: { code: unit.code, status: 'failed', problems: [], acceptedHash, read } };
        }
      }
    }

    // A workbook that is missing or may not be opened records no version: it is looked at again
    // every sync, and read as soon as it is there and shared.
    const unreachable = status === 'missing' || status === 'inaccessible';
    const storedReadKey = unreachable ? null : read ? readKey : (previous?.readKey ?? null);
    // The unit's tab lists every problem; the store and the report keep a bounded digest of them.
    const allProblems = problems;
    problems = capProblems(problems, LIMITS.storedProblems, MORE_PROBLEMS);
    const digest = outcomeDigest(stored(status), problems);
    const outcomeChanged = !previous || outcomeDigest(previous.lastStatus, previous.problems) !== digest;
    const owed = outcomeChanged || feedbackMissing || previous?.feedbackDelivered === false;
    // A missing, inaccessible or unreadable workbook cannot take a tab; its problem goes to the report.
    const writable = !unreachable && !problems.some((p) => p.code === 'WORKBOOK_UNREADABLE');
    // The tab is written once the store holds this outcome's version (see persist), and the
    // pointer after it says whether it was delivered; a tab not written stays owed.
    const tabOwed = Boolean(owed && writable && unit.workbook);
    const feedbackDelivered = tabOwed ? false : writable ? (previous?.feedbackDelivered ?? true) : true;

    const state: UnitState = {
      unitCode: unit.code,
      year,
      acceptedHash,
      acceptedAt: status === 'accepted' ? now : (previous?.acceptedAt ?? null),
      lastStatus: stored(status),
      problems,
      readKey: storedReadKey,
      checkedAt: outcomeChanged ? now : (previous?.checkedAt ?? now),
      feedbackDelivered,
      crossWarnings: previous?.crossWarnings ?? [],
    };
    const feedback =
      tabOwed && unit.workbook
        ? {
            location: unit.workbook,
            // The tab tells the stored outcome ('unchanged' is this run's notion, not the unit's).
            tab: feedbackTab({
              status: stored(status),
              year,
              checkedAt: now,
              problems: [...allProblems, ...(previous?.crossWarnings ?? [])],
              hasAccepted: state.acceptedHash !== null,
              unit: { code: unit.code, name: unit.name },
            }),
            readVersion: read ? version : undefined,
            state,
          }
        : undefined;
    const stateChanged =
      !previous ||
      previous.acceptedHash !== state.acceptedHash ||
      previous.lastStatus !== state.lastStatus ||
      previous.readKey !== state.readKey ||
      previous.feedbackDelivered !== state.feedbackDelivered ||
      outcomeChanged;
    return {
      outcome: { code: unit.code, status, problems, acceptedHash, read },
      ...(version_ ? { version: version_ } : {}),
      ...(feedback ? { feedback } : {}),
      ...(stateChanged
        ? { update: { state, expectedAcceptedHash: previous?.acceptedHash ?? null, isNew: !previous } }
        : {}),
    };
  };

  const outcomes: UnitOutcome[] = [];
  const flushEvery = Math.max(1, input.flushEvery ?? 25);
  // Versions first; then the tabs, each telling an outcome whose version the store now holds; then
  // the state pointers, with whether each tab was delivered — two store requests per 25 units. A
  // crash before the pointers leaves the units as they were: the next sync reads them again,
  // stores nothing new (same versions) and writes the same tabs.
  const persist = async (batch: UnitResult[]) => {
    await deps.store.putVersions(batch.flatMap((r) => (r.version ? [r.version] : [])));
    const delivered = await deliverTabs(batch);
    const updates = batch.flatMap((r) => {
      const after = delivered.get(r.outcome.code);
      if (after) {
        const previous = states.get(r.outcome.code);
        return [{ state: after, expectedAcceptedHash: previous?.acceptedHash ?? null, isNew: !previous }];
      }
      return r.update ? [r.update] : [];
    });
    const lost = new Set(await deps.store.saveStates(updates));
    const saved = new Map(updates.map((u) => [u.state.unitCode, u.state]));
    for (const r of batch) {
      if (lost.has(r.outcome.code)) {
        // The store refused this unit's state: report it, read it again next time.
        outcomes.push({ ...r.outcome, status: 'failed' });
        continue;
      }
      const state = saved.get(r.outcome.code);
      if (state) states.set(r.outcome.code, state);
      outcomes.push(r.outcome);
    }
  };
  /** Writes the batch's owed tabs (four at a time); the state of each unit whose tab was written. */
  const deliverTabs = async (batch: UnitResult[]) => {
    const delivered = new Map<string, UnitState>();
    await eachAtMost(
      batch.filter((r) => r.feedback),
      4,
      async (r) => {
        const { feedback } = r;
        if (!feedback) return;
        try {
          const after = await deps.sink.writeFeedback(feedback.location, feedback.tab, feedback.readVersion);
          // Our own write changes the workbook's version. The version after it is remembered only
          // when the medium vouches that nothing but our tab changed since the read; otherwise the
          // version that was read stays, and an edit saved meanwhile is read next sync.
          delivered.set(r.outcome.code, {
            ...feedback.state,
            feedbackDelivered: true,
            readKey: after && feedback.state.readKey ? `${after}|${rules}` : feedback.state.readKey,
          });
        } catch (error) {
          // Not written: the state says the tab is still owed, and the next sync writes it.
          deps.onUnitError?.(r.outcome.code, error);
        }
      },
    );
    return delivered;
  };
  // Flushes run one after another, beside the workers, so reading never waits for the store.
  // If one fails (store down, or the run is cut short), reading stops and the sync fails with it:
  // what was flushed before stays, and the next sync resumes from there.
  let flushing: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | undefined;
  let pending: UnitResult[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    if (!batch.length) return;
    flushing = flushing
      .then(() => (failure ? undefined : persist(batch)))
      .catch((error: unknown) => {
        failure ??= { error };
      });
  };

  progress.start(PROGRESS_LABELS.sync, units.length);
  await eachAtMost(
    units,
    input.concurrency ?? 4,
    async (unit) => {
      // Await first: `pending.push(await …)` would push into the array a flush has already taken.
      const result = await syncOne(unit);
      pending.push(result);
      progress.tick(unit.code);
      if (pending.length >= flushEvery) flush();
    },
    () => failure !== undefined || deps.stopRequested?.() === true,
  );
  flush();
  await flushing;
  if (failure) throw failure.error;
  progress.done();
  // Stopped on request: `units` holds those that were looked at.
  return { units: outcomes.sort((a, b) => (a.code < b.code ? -1 : 1)), states };
}
