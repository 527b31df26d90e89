/** The stand-in's data (spreadsheets, documents, calls, faults) and the helpers its modules share. */
import { randomUUID } from 'node:crypto';
import type { Grid } from '../../shared/domain/grid.ts';
import type { Clock } from '../../shared/ports/clock.ts';

export type Value = string | number | boolean;
export interface CellData {
  value: Value;
  formula?: string;
}
export interface SheetData {
  sheetId: number;
  title: string;
  index: number;
  frozenRowCount: number;
  /** The grid's size (Google's default for a new tab, 1000 × 26, when unset). */
  rowCount?: number;
  columnCount?: number;
  hidden?: boolean;
  cells: Map<number, Map<number, CellData>>;
  protectedRanges: unknown[];
  validations: { range: unknown; rule: unknown }[];
}
export interface SpreadsheetData {
  id: string;
  title: string;
  sheets: SheetData[];
  modifiedTime: number;
  /** Whether the last change came through the API (the service account), not from a person. */
  modifiedByApi: boolean;
  nextProtectedRangeId: number;
  parents: string[];
  /** The shared drive it is in (none: My Drive, shared with the account directly). */
  driveId?: string;
  /** The account's role: `reader` may read but not write (Sheets answers 403 to a write). Default: writer. */
  role?: 'writer' | 'reader';
}

/** A Drive folder a test put: where it is, and whether the account may add files to it. */
export interface FolderData {
  id: string;
  name: string;
  /** The shared drive it is in; none: someone's My Drive, where a service account cannot own files. */
  driveId?: string;
  /** Contributor or above in its shared drive (or editor of a My Drive folder); false: viewer. */
  canAdd: boolean;
}

export const FOLDER_MIME = 'application/vnd.google-apps.folder';

export type CallKind = 'read' | 'write' | 'drive';
export interface CallRecord {
  readonly method: string;
  readonly path: string;
  readonly kind: CallKind;
  /** `values.batchGet`, `spreadsheets.batchUpdate`, `files.list`, … */
  readonly api: string;
  readonly spreadsheetId: string | undefined;
  readonly status: number;
  /** The query string's parameters, as sent (repeated names kept in order). */
  readonly query: readonly (readonly [string, string])[];
  /** The request body's media type (`application/json`, `multipart/related`, …), '' without a body. */
  readonly contentType: string;
  /** The top-level keys of a JSON body (its shape), [] for any other body. */
  readonly bodyKeys: readonly string[];
  /** A `spreadsheets.get` of ranges with their cells (a read of data), not of the tabs' titles alone. */
  readonly gridData: boolean;
}

export type FaultKind =
  | '429'
  | '500'
  | '503'
  | 'slow'
  | 'drop-before'
  | 'drop-after'
  /** Drive's 403 to a service account creating a file outside a shared drive. */
  | 'storageQuotaExceeded';
export interface Fault {
  readonly kind: FaultKind;
  /** How many matching requests it hits. */
  count?: number;
  readonly kinds?: readonly CallKind[];
  readonly api?: string;
  /** For `slow`: real milliseconds to wait before answering. */
  readonly delayMs?: number;
}

export interface StandinOptions {
  readonly token: string;
  readonly clock?: Clock;
  /** Requests per minute per user, by kind; Google's defaults are 60/60 for Sheets. */
  readonly quota?: Partial<Record<CallKind, number>>;
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new ApiError(400, 'INVALID_ARGUMENT', message);
export const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';
export const DOCUMENT_MIME = 'application/vnd.google-apps.document';

/** A Google Doc made from an uploaded .docx (Drive converts it): its name, folder, and text. */
export interface DocumentData {
  id: string;
  name: string;
  parents: string[];
  /** The document's paragraphs as Drive's plain-text export gives them. */
  text: string;
  modifiedTime: number;
  /** How many times its content was uploaded (created, then each update). */
  uploads: number;
}

/** A multipart/related upload: the JSON metadata part and the media part's bytes. */
export function parseMultipart(
  body: Buffer,
  contentType: string,
): { metadata: unknown; media: Buffer | undefined } {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (!boundary) throw new ApiError(400, 'INVALID_ARGUMENT', 'Missing multipart boundary.');
  const parts: Buffer[] = [];
  const marker = Buffer.from(`--${boundary}`);
  let at = body.indexOf(marker);
  while (at >= 0) {
    const next = body.indexOf(marker, at + marker.length);
    if (next < 0) break;
    parts.push(body.subarray(at + marker.length, next));
    at = next;
  }
  const split = (part: Buffer) => {
    const gap = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, gap).toString('utf8');
    let content = part.subarray(gap + 4);
    if (content.subarray(-2).toString() === '\r\n') content = content.subarray(0, -2);
    return { headers, content };
  };
  const [first, second] = parts.map(split);
  return {
    metadata: first ? (JSON.parse(first.content.toString('utf8') || '{}') as unknown) : {},
    media: second?.content,
  };
}

export const WINDOW_MS = 60_000;

export function gridToCells(grid: Grid): Map<number, Map<number, CellData>> {
  const cells = new Map<number, Map<number, CellData>>();
  grid.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null || value === '') return;
      const line = cells.get(r) ?? new Map<number, CellData>();
      line.set(c, { value });
      cells.set(r, line);
    });
  });
  return cells;
}

/** Drive's answer to a parameter it cannot use (a bad query, an unknown page token). */
export function invalidParameter(location: string): ApiError {
  return new ApiError(400, 'INVALID_ARGUMENT', 'Invalid Value', {
    errors: [
      { domain: 'global', reason: 'invalid', message: 'Invalid Value', locationType: 'parameter', location },
    ],
  });
}

export const newSpreadsheetId = () => randomUUID().replace(/-/g, '').slice(0, 28);

/** Drive's answer to a service account that creates a file in its own (storage-less) Drive. */
export const STORAGE_QUOTA_ERROR = {
  code: 403,
  message:
    'Service Accounts do not have storage quota. Leverage shared drives (https://developers.google.com/workspace/drive/api/guides/about-shareddrives), or use OAuth delegation (http://support.google.com/a/answer/7281227) instead.',
  errors: [
    {
      message:
        'Service Accounts do not have storage quota. Leverage shared drives (https://developers.google.com/workspace/drive/api/guides/about-shareddrives), or use OAuth delegation (http://support.google.com/a/answer/7281227) instead.',
      domain: 'usageLimits',
      reason: 'storageQuotaExceeded',
    },
  ],
};

/** Drive v3's answer for a file that does not exist or is not shared with the caller. */
export function driveNotFound(id: string): ApiError {
  const message = `File not found: ${id}.`;
  return new ApiError(404, 'NOT_FOUND', message, {
    errors: [
      { message, domain: 'global', reason: 'notFound', location: 'fileId', locationType: 'parameter' },
    ],
  });
}

/** Drive v3's answer to adding a file to a folder the caller may only view. */
export function insufficientPermissions(): ApiError {
  const message = 'The user does not have sufficient permissions for this file.';
  return new ApiError(403, 'PERMISSION_DENIED', message, {
    errors: [{ message, domain: 'global', reason: 'insufficientFilePermissions' }],
  });
}

/** Sheets' answer to a write into a spreadsheet shared with the caller as a viewer. */
export const noPermission = () =>
  new ApiError(403, 'PERMISSION_DENIED', 'The caller does not have permission');

/** The project the stand-in's credentials belong to, as Google names it in its answers. */
const PROJECT = '123456789012';

/**
 * Google's answer to any call of an API not enabled in the caller's project: Sheets v4 in an
 * ErrorInfo detail (SERVICE_DISABLED, with the activation page), Drive v3 also in `errors[]`
 * (accessNotConfigured) — as Google answers them.
 */
export function serviceDisabledBody(api: 'sheets' | 'drive') {
  const service = `${api}.googleapis.com`;
  const title = api === 'sheets' ? 'Google Sheets API' : 'Google Drive API';
  const activationUrl = `https://console.developers.google.com/apis/api/${service}/overview?project=${PROJECT}`;
  const message = `${title} has not been used in project ${PROJECT} before or it is disabled. Enable it by visiting ${activationUrl} then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.`;
  return {
    code: 403,
    message,
    ...(api === 'drive'
      ? {
          errors: [
            {
              message,
              domain: 'usageLimits',
              reason: 'accessNotConfigured',
              extendedHelp: 'https://console.developers.google.com',
            },
          ],
        }
      : {}),
    status: 'PERMISSION_DENIED',
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'SERVICE_DISABLED',
        domain: 'googleapis.com',
        metadata: {
          consumer: `projects/${PROJECT}`,
          service,
          activationUrl,
          serviceTitle: title,
          containerInfo: PROJECT,
        },
      },
      { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message },
      {
        '@type': 'type.googleapis.com/google.rpc.Help',
        links: [{ description: 'Google developers console API activation', url: activationUrl }],
      },
    ],
  };
}

/** Google's answer when a user's per-minute quota is spent. */
export function quotaError(kind: CallKind) {
  const metric = kind === 'write' ? 'Write requests' : kind === 'read' ? 'Read requests' : 'Queries';
  const service = kind === 'drive' ? 'drive.googleapis.com' : 'sheets.googleapis.com';
  return {
    code: 429,
    message: `Quota exceeded for quota metric '${metric}' and limit '${metric} per minute per user' of service '${service}' for consumer 'project_number:000000000000'.`,
    status: 'RESOURCE_EXHAUSTED',
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'RATE_LIMIT_EXCEEDED',
        domain: 'googleapis.com',
      },
    ],
  };
}

/** What Sheets says to a person typing into a cell protected against them. */
export class ProtectedCellError extends Error {
  override readonly name = 'ProtectedCellError';
  constructor(where: string) {
    super(`You are trying to edit a protected cell or object (${where}).`);
  }
}

/** Whether a protected range of the sheet covers the cell and keeps `person` out. */
export function protects(ranges: readonly unknown[], row: number, col: number, person: string): boolean {
  return ranges.some((raw) => {
    const p = raw as {
      range?: {
        startRowIndex?: number;
        endRowIndex?: number;
        startColumnIndex?: number;
        endColumnIndex?: number;
      };
      warningOnly?: boolean;
      editors?: { users?: string[] };
    };
    const r = p.range ?? {};
    const inside =
      row >= (r.startRowIndex ?? 0) &&
      row < (r.endRowIndex ?? Number.POSITIVE_INFINITY) &&
      col >= (r.startColumnIndex ?? 0) &&
      col < (r.endColumnIndex ?? Number.POSITIVE_INFINITY);
    return inside && p.warningOnly !== true && !(p.editors?.users ?? []).includes(person);
  });
}
