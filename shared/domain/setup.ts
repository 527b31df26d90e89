/**
 * What a deployment needs to run (`thidua doctor`): the findings a check of it can make, which of
 * them stop a run, and the pacing rule the worker count must keep. Pure data and rules; the words
 * are in text/doctor.ts, the checks in usecases/doctor.ts.
 */

/** Google's own answer to a call, kept with a finding so the IT person can look it up. */
export interface GoogleAnswer {
  readonly status: number;
  readonly reason: string;
  readonly message: string;
}

/** What a spreadsheet is to thidua: a unit's workbook, a council's proposal workbook, the sector's status workbook. */
export type WorkbookRole = 'unit' | 'proposal' | 'status';

/** What a folder is for: a council's documents, or the shared-drive folder new proposal workbooks go into. */
export type FolderUse = 'documents' | 'proposals';

export type SetupFinding =
  /** An API not enabled in the Google Cloud project: every call to it is refused. */
  | {
      readonly code: 'API_DISABLED';
      readonly api: 'sheets' | 'drive';
      readonly activationUrl: string | undefined;
      readonly google: GoogleAnswer;
    }
  | {
      readonly code: 'REGISTRY_UNREADABLE' | 'HISTORY_UNREADABLE';
      readonly location: string;
      readonly detail: string;
    }
  /** The registry was read, and some of its rows are wrong (the run would stop or skip them). */
  | { readonly code: 'REGISTRY_PROBLEMS'; readonly count: number; readonly first: string }
  /** Not found, or not shared with the account (Google answers the same for both). */
  | {
      readonly code: 'WORKBOOK_NOT_SHARED' | 'WORKBOOK_READ_ONLY';
      readonly unit: string;
      readonly role: WorkbookRole;
      readonly location: string;
    }
  /** A unit the registry lists with no spreadsheet: it is never read. */
  | { readonly code: 'NO_WORKBOOK'; readonly units: readonly string[] }
  | {
      readonly code: 'FOLDER_MISSING' | 'NOT_A_FOLDER' | 'FOLDER_NOT_SHARED_DRIVE' | 'FOLDER_READ_ONLY';
      readonly folder: string;
      readonly use: FolderUse;
      /** The councils whose documents go there ([] for the proposals folder). */
      readonly councils: readonly string[];
      readonly google?: GoogleAnswer;
    }
  /** Councils with no documents folder (and no shared-drive folder to fall back on): no documents. */
  | { readonly code: 'NO_DOCUMENTS_FOLDER'; readonly councils: readonly string[] }
  /** Councils with no proposal workbook and no shared-drive folder to make one in: no list is written. */
  | { readonly code: 'NO_PROPOSAL_PLACE'; readonly councils: readonly string[] }
  /** The account's e-mail is not known: protected ranges can only warn, not refuse. */
  | { readonly code: 'ACCOUNT_UNKNOWN' }
  /** A pace above Google's default quota: only right if the project's quota was raised. */
  | {
      readonly code: 'PACE_ABOVE_DEFAULT';
      readonly readsPerMinute: number;
      readonly writesPerMinute: number;
    }
  /** More workers than the quota can feed: the last records of a batch time out, again and again. */
  | {
      readonly code: 'TOO_MANY_WORKERS';
      readonly workers: number;
      readonly most: number;
      readonly perMinute: number;
    };

export type SetupFindingCode = SetupFinding['code'];

/** Findings after which a run still works, with less (no documents, protections that only warn…). */
const WARNINGS: ReadonlySet<SetupFindingCode> = new Set([
  'NO_WORKBOOK',
  'NO_DOCUMENTS_FOLDER',
  'ACCOUNT_UNKNOWN',
  'PACE_ABOVE_DEFAULT',
]);

export const isSetupError = (finding: SetupFinding): boolean => !WARNINGS.has(finding.code);

/** Ready when nothing found would make a run fail. */
export const setupReady = (findings: readonly SetupFinding[]): boolean => !findings.some(isSetupError);

/** Google's default Sheets quota per user (the service account) and minute, for reads and for writes. */
export const DEFAULT_SHEETS_PER_MINUTE = 60;

/**
 * The calls a minute each worker needs at least: a batch of 5 workbooks, one read and one write
 * each, inside the 2-minute timeout with room for a retry. Below it, the last records of a batch
 * run out of time and go back to the queue again and again, until the dead-letter queue.
 */
export const WORKER_MIN_PER_MINUTE = 6;

/** The most workers the account's quota can feed (each takes an equal share of it). */
export const maxWorkers = (readsPerMinute: number, writesPerMinute: number): number =>
  Math.floor(Math.min(readsPerMinute, writesPerMinute) / WORKER_MIN_PER_MINUTE);
