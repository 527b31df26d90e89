/**
 * The ports the use cases depend on. Adapters implement them: `.xlsx` files and Google Sheets for
 * the sheets, DynamoDB (or dynalite locally) for the store. Use cases receive them as parameters.
 */

import type { WorkbookGrids } from '../domain/grid.ts';
import type { Problem } from '../domain/problems.ts';
import type { CouncilReviews } from '../domain/reviews.ts';
import type { Submission } from '../domain/submission.ts';
import type { DocumentModel } from '../present/documents.ts';
import type { UnitStatus } from '../present/feedback.ts';
import type { SheetTab, WorkbookModel } from '../present/sheet-model.ts';

/** A workbook that does not exist where the registry says it is. */
export class WorkbookNotFoundError extends Error {
  override readonly name = 'WorkbookNotFoundError';
  constructor(
    readonly location: string,
    options?: ErrorOptions,
  ) {
    super(`workbook not found: ${location}`, options);
  }
}

/** A workbook that exists but cannot be read as a spreadsheet (corrupt file, permission). */
export class WorkbookReadError extends Error {
  override readonly name = 'WorkbookReadError';
  constructor(
    readonly location: string,
    readonly detail: string,
    options?: ErrorOptions,
  ) {
    super(`cannot read workbook ${location}: ${detail}`, options);
  }
}

/**
 * A workbook thidua may not open: not shared with the service account, access removed, deleted or
 * a wrong id (Google 401/403/404), or a file the process may not read. Not the unit's mistake:
 * nothing is concluded or stored, no tab is written, the emulation office is told, and the
 * workbook is tried again every sync.
 */
export class WorkbookInaccessibleError extends Error {
  override readonly name = 'WorkbookInaccessibleError';
  constructor(
    readonly location: string,
    readonly detail: string,
    options?: ErrorOptions,
  ) {
    super(`cannot access workbook ${location}: ${detail}`, options);
  }
}

/** Another run holds the store (its lease, or the embedded store's folder): nothing was done. */
export class StoreBusyError extends Error {
  override readonly name = 'StoreBusyError';
  constructor(
    /** Which run holds it (host and process); null when that cannot be told. */
    readonly holder: string | null,
    readonly since: string | null,
    options?: ErrorOptions,
  ) {
    super(
      `the store is in use by another run (${holder ?? 'unknown'}${since ? ` since ${since}` : ''})`,
      options,
    );
  }
}

/**
 * One run at a time on a store: a lease taken by a conditional write, with an expiry so that a
 * run that died does not hold it forever. The holder renews it while it works.
 */
export interface RunLeases {
  /** Takes the lease, or answers who holds it. */
  acquire(input: {
    name: string;
    holder: string;
    nowMs: number;
    ttlMs: number;
  }): Promise<{ acquired: true } | { acquired: false; holder: string; since: string | null }>;
  /** Extends the holder's lease; false when it was lost (expired and taken by another run). */
  renew(input: { name: string; holder: string; nowMs: number; ttlMs: number }): Promise<boolean>;
  /** Takes the lease from `from` (a holder known to be dead) before it expires; false if it changed hands. */
  takeOver(input: {
    name: string;
    from: string;
    holder: string;
    nowMs: number;
    ttlMs: number;
  }): Promise<boolean>;
  release(input: { name: string; holder: string }): Promise<void>;
  /** Who holds the lease now (a read, never a write); null when it is free or expired. */
  holderAt(name: string, nowMs: number): Promise<string | null>;
}

/** The medium did not answer after every retry: nothing is concluded, the workbook is tried again next sync. */
export class SourceUnavailableError extends Error {
  override readonly name = 'SourceUnavailableError';
}

export interface SheetSource {
  /**
   * Version tokens (modification times) of many workbooks, in as few calls as the medium allows.
   * A workbook that does not exist is absent from the map.
   */
  versions(locations: readonly string[]): Promise<Map<string, string>>;
  /**
   * Where a workbook's version alone cannot say who made it (Google: a person may save between
   * our write and this look), the versions of workbooks thidua has just written, with '' for one
   * a person changed since. Without it, `versions` serves.
   */
  writtenVersions?(locations: readonly string[]): Promise<Map<string, string>>;
  /**
   * The tabs of one workbook, in one read. `tabs` names the tabs wanted (a medium that reads fixed
   * ranges needs them); a medium that reads whole files may return every tab.
   */
  readWorkbook(location: string, tabs?: readonly string[]): Promise<WorkbookGrids>;
}

export interface OwnedWrite {
  readonly location: string;
  readonly layout?: string;
  /**
   * The tabs asked to be kept (`OwnedWriteOptions.keep`), as they stood at the very moment the
   * write replaced them: what the council had saved there, even a second before. Absent when the
   * workbook did not exist yet; a kept tab it did not have is absent from the grids.
   */
  readonly kept?: WorkbookGrids;
}

export interface OwnedWriteOptions {
  /** The medium's layout as the last write returned it (see `SheetSink.writeOwnedWorkbook`). */
  readonly layout?: string | undefined;
  /**
   * Tabs a person edits in this workbook (a council's choices): the write answers with what they
   * held when it replaced them (`OwnedWrite.kept`), so an edit saved during the write is seen.
   */
  readonly keep?: readonly string[];
}

export interface SheetSink {
  /**
   * Replaces the feedback tab of a unit's workbook, leaving every other tab as it is. Returns the
   * workbook's new version only when the medium can vouch that the workbook was still at
   * `readVersion` when the tab was written (so nothing but the tab changed since the read);
   * otherwise undefined, and the next sync reads the workbook again.
   */
  writeFeedback(location: string, tab: SheetTab, readVersion?: string): Promise<string | undefined>;
  /**
   * Writes a whole workbook thidua owns (a proposal); returns where it can be found and, where the
   * medium has one, its layout: opaque to the caller, kept with the record and handed back next
   * time so the medium need not look before writing (Google: the tabs' sheet ids). With `keep`,
   * also what those tabs held at the instant of the write, in the same atomic step.
   */
  writeOwnedWorkbook(
    location: string,
    model: WorkbookModel,
    options?: OwnedWriteOptions,
  ): Promise<OwnedWrite>;
  /** Creates a workbook only if nothing exists at the location (templates never overwrite a unit's data). */
  createWorkbook(location: string, model: WorkbookModel): Promise<'created' | 'exists'>;
  /**
   * Where the medium can make new workbooks itself (Google: a configured shared drive), a new,
   * empty one named `title` — or the one of that name made before — and its location.
   */
  newWorkbook?(title: string): Promise<string>;
}

/** What a unit's state records of its last check (`unchanged` and `failed` are per-run only). */
export type StoredStatus = Exclude<UnitStatus, 'unchanged' | 'failed' | 'otherYear'>;

/** Where a unit stands for one emulation year: the accepted version and the last check. */
export interface UnitState {
  readonly unitCode: string;
  readonly year: number;
  /** Hash of the accepted submission the proposals use, or null if none was ever accepted. */
  readonly acceptedHash: string | null;
  readonly acceptedAt: string | null;
  readonly lastStatus: StoredStatus;
  readonly problems: Problem[];
  /** Source version and rules digest last read: equal on the next sync means the workbook need not be read. */
  readonly readKey: string | null;
  readonly checkedAt: string;
  /** False while the feedback tab for this outcome could not be written: it is owed next sync. */
  readonly feedbackDelivered: boolean;
  /** What other units' data says about this one (a staff id another unit lists too): shown in its tab. */
  readonly crossWarnings?: readonly Problem[];
}

/**
 * A council's documents could not be written where its registry row says: why, as the medium
 * tells it (a folder outside a shared drive, where a service account has no storage; no right to
 * add files; no such folder), and the medium's own words for the logs.
 */
export class DocumentWriteError extends Error {
  override readonly name = 'DocumentWriteError';
  constructor(
    readonly reason: 'noStorage' | 'noAccess' | 'folderMissing' | 'other',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Where a council's official documents (.docx, or Google Docs) are written. */
export interface DocumentSink {
  /**
   * Writes the council's documents and returns where each is, in order. `previous` holds where
   * they were written last time: a medium that can replace a file in place (Google Docs) does so.
   */
  writeDocuments(
    council: { readonly code: string; readonly folder: string | null },
    documents: readonly DocumentModel[],
    previous?: readonly string[],
  ): Promise<string[]>;
  /** Which of these document locations still exist. */
  exists(locations: readonly string[]): Promise<Set<string>>;
}

export interface ProposalRecord {
  readonly digest: string;
  readonly location: string;
  /** The workbook's version right after thidua wrote it: a later one means the council edited it. */
  readonly version?: string;
  /** The medium's layout of the workbook as last written (see `SheetSink.writeOwnedWorkbook`). */
  readonly layout?: string;
  /** The council's choices among those tied at the line (staff ids, unit codes). */
  readonly choices?: {
    readonly collective: readonly string[];
    readonly individual: readonly string[];
    /** Those the council marked “Không”: shown so again when the tab is rewritten. */
    readonly rejected?: { readonly collective: readonly string[]; readonly individual: readonly string[] };
  };
  /** The council's documents as last written: a digest of their content, and where they are. */
  readonly documents?: { readonly digest: string; readonly locations: readonly string[] };
  /** The council's reviews and inspections (its “Thẩm định” and “Kiểm tra” tabs) as last read. */
  readonly reviews?: CouncilReviews;
}

export interface AcceptedVersion {
  readonly unitCode: string;
  readonly year: number;
  readonly hash: string;
  readonly submission: Submission;
}

export interface SubmissionStore {
  loadStates(year: number, unitCodes: readonly string[]): Promise<Map<string, UnitState>>;
  /** Immutable versions, keyed by content hash: writing one twice is harmless. Batched. */
  putVersions(versions: readonly AcceptedVersion[]): Promise<void>;
  /**
   * Saves new states (after the versions they point at). Only one run writes at a time — every
   * sync holds the store's run lease — so a store may write them in batches without conditions;
   * `expectedAcceptedHash` and `isNew` say what each replaces, for a store without that guarantee.
   * Returns the unit codes whose state could not be saved (reported failed, read again next time).
   */
  saveStates(
    updates: readonly { state: UnitState; expectedAcceptedHash: string | null; isNew: boolean }[],
  ): Promise<string[]>;
  loadVersions(
    year: number,
    refs: readonly { unitCode: string; hash: string }[],
  ): Promise<Map<string, Submission>>;
  /**
   * Per council: the digest of the proposal last written (an unchanged proposal is not written
   * again) and where it was written (a spreadsheet thidua created itself is found there next time).
   */
  loadProposalRecords(year: number, councilCodes: readonly string[]): Promise<Map<string, ProposalRecord>>;
  saveProposalRecords(year: number, records: ReadonlyMap<string, ProposalRecord>): Promise<void>;
}

export interface Publication {
  readonly councilCode: string;
  readonly version: number;
  readonly publishedAt: string;
  readonly by: string;
}

export interface AuditEntry {
  readonly councilCode: string;
  readonly at: string;
  readonly action: 'publish' | 'reopen';
  readonly year: number;
  readonly round: string;
  readonly by: string;
  readonly why: string;
  readonly version: number;
}

/** Published (khóa sổ) council lists: immutable snapshots, a state per council, an audit log. */
export interface PublicationStore {
  loadPublished(
    year: number,
    round: string,
    councilCodes: readonly string[],
  ): Promise<Map<string, Publication>>;
  /** Freezes the list; 'already' when it is published and not reopened. */
  publish(input: {
    councilCode: string;
    year: number;
    round: string;
    snapshot: unknown;
    inputs: Readonly<Record<string, string | null>>;
    by: string;
    why: string;
    at: string;
  }): Promise<{ outcome: 'published' | 'already'; version: number }>;
  /** Opens a published list again; 'notPublished' when there is nothing to reopen. */
  reopen(input: {
    councilCode: string;
    year: number;
    round: string;
    by: string;
    why: string;
    at: string;
  }): Promise<'reopened' | 'notPublished'>;
  audit(councilCode: string): Promise<AuditEntry[]>;
  /** The published lists' snapshots (the latest publication of each council that is published). */
  loadSnapshots(
    year: number,
    round: string,
    councilCodes: readonly string[],
  ): Promise<Map<string, { snapshot: unknown; publishedAt: string; version: number; by: string }>>;
}

/** Requests made to the outside world during a run, as the report shows them. */
export interface Counters {
  storeReads: number;
  storeWrites: number;
  sheetReads: number;
  sheetWrites: number;
}

export const newCounters = (): Counters => ({ storeReads: 0, storeWrites: 0, sheetReads: 0, sheetWrites: 0 });

export interface Progress {
  start(label: string, total: number): void;
  tick(detail?: string): void;
  done(): void;
}

export const silentProgress: Progress = { start() {}, tick() {}, done() {} };

export { type FolderAccess, ServiceDisabledError, type SetupProbe } from './setup.ts';
