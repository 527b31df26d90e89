/** The stand-in's Drive v3 methods: files (spreadsheets and uploaded documents) and the change log. */

import { docxText } from './docx-text.ts';
import type { GoogleStandin } from './google-server.ts';
import {
  ApiError,
  DOCUMENT_MIME,
  type DocumentData,
  driveNotFound,
  FOLDER_MIME,
  type FolderData,
  insufficientPermissions,
  invalidParameter,
  newSpreadsheetId,
  SPREADSHEET_MIME,
  type SpreadsheetData,
  STORAGE_QUOTA_ERROR,
} from './standin-model.ts';

/**
 * Whether the account may create a file in these folders, as Drive decides: a folder the test put
 * must let it add files, and be in a shared drive (a service account owns no storage); a folder
 * the test did not put is taken as one that does.
 */
function mayCreateIn(s: GoogleStandin, parents: readonly string[]): void {
  for (const id of parents) {
    const folder = s.folders.get(id);
    if (!folder) continue;
    if (!folder.canAdd) throw insufficientPermissions();
    if (!folder.driveId)
      throw new ApiError(403, 'PERMISSION_DENIED', STORAGE_QUOTA_ERROR.message, STORAGE_QUOTA_ERROR);
  }
}

export function folderFile(folder: FolderData) {
  return {
    kind: 'drive#file',
    id: folder.id,
    name: folder.name,
    mimeType: FOLDER_MIME,
    ...(folder.driveId ? { driveId: folder.driveId } : {}),
    capabilities: { canAddChildren: folder.canAdd, canEdit: folder.canAdd },
  };
}

/**
 * files.create / files.update with a .docx upload (uploadType=multipart), converted to a Google
 * Doc as Drive does when the metadata asks for one (create) or the file is one (update).
 */
export async function uploadDocument(
  s: GoogleStandin,
  id: string | undefined,
  q: URLSearchParams,
  body: unknown,
) {
  const uploadType = q.get('uploadType');
  if (uploadType !== 'multipart' && !(id && uploadType === 'media'))
    throw new ApiError(400, 'INVALID_ARGUMENT', `The stand-in does not take uploadType=${uploadType} here.`);
  const { metadata, media } = body as {
    metadata: { name?: string; mimeType?: string; parents?: string[] };
    media?: Buffer;
  };
  if (!media) throw new ApiError(400, 'INVALID_ARGUMENT', 'Media is required.');
  const text = await docxText(media).catch(() => {
    throw new ApiError(400, 'INVALID_ARGUMENT', 'The uploaded file could not be converted.');
  });
  if (id) {
    const doc = s.documents.get(id);
    if (!doc) throw driveNotFound(id);
    Object.assign(doc, { text, modifiedTime: s.clock.now(), uploads: doc.uploads + 1 });
    return documentFile(doc);
  }
  if (metadata.mimeType !== DOCUMENT_MIME)
    throw new ApiError(400, 'INVALID_ARGUMENT', 'The stand-in converts uploads to Google Docs only.');
  mayCreateIn(s, metadata.parents ?? []);
  const doc: DocumentData = {
    id: newSpreadsheetId(),
    name: metadata.name ?? 'Untitled document',
    parents: [...(metadata.parents ?? [])],
    text,
    modifiedTime: s.clock.now(),
    uploads: 1,
  };
  s.documents.set(doc.id, doc);
  return documentFile(doc);
}

export function documentFile(doc: DocumentData) {
  return {
    kind: 'drive#file',
    id: doc.id,
    name: doc.name,
    mimeType: DOCUMENT_MIME,
    parents: doc.parents,
    modifiedTime: new Date(doc.modifiedTime).toISOString(),
  };
}

export function createFile(s: GoogleStandin, body: unknown) {
  const file = (body ?? {}) as { name?: string; mimeType?: string; parents?: string[] };
  if (file.mimeType !== SPREADSHEET_MIME)
    throw new ApiError(400, 'INVALID_ARGUMENT', 'The stand-in creates Google Sheets files only.');
  mayCreateIn(s, file.parents ?? []);
  const id = newSpreadsheetId();
  s.putSpreadsheet(id, file.name ?? 'Untitled spreadsheet', { 'Trang tính1': [] });
  const book = s.book(id);
  book.parents = [...(file.parents ?? [])];
  return fileOf(book);
}

export function fileOf(book: SpreadsheetData) {
  return {
    kind: 'drive#file',
    id: book.id,
    name: book.title,
    mimeType: SPREADSHEET_MIME,
    modifiedTime: new Date(book.modifiedTime).toISOString(),
    ...(book.driveId ? { driveId: book.driveId } : {}),
    capabilities: { canEdit: book.role !== 'reader' },
    // Drive fills it only for a change by a signed-in user; `me` is the caller (the service account).
    lastModifyingUser: book.modifiedByApi
      ? { kind: 'drive#user', displayName: 'thidua', me: true }
      : { kind: 'drive#user', displayName: 'Người dùng', me: false },
  };
}

export function listFiles(s: GoogleStandin, q: URLSearchParams) {
  const pageSize = Number(q.get('pageSize') ?? 100);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000)
    throw new ApiError(
      400,
      'INVALID_ARGUMENT',
      `Invalid value '${q.get('pageSize')}'. Values must be within the range: [1, 1000]`,
    );
  type Entry = {
    id: string;
    title: string;
    parents: string[];
    modifiedTime: number;
    mimeType: string;
    file: unknown;
  };
  const filters: ((b: Entry) => boolean)[] = [];
  const query = q.get('q');
  if (query)
    for (const clause of query.split(/\s+and\s+/i).map((c) => c.trim())) {
      const mime = /^mimeType\s*=\s*'([^']+)'$/.exec(clause);
      const modified = /^modifiedTime\s*>\s*'([^']+)'$/.exec(clause);
      const parent = /^'([^']+)'\s+in\s+parents$/.exec(clause);
      const name = /^name\s*=\s*'((?:[^'\\]|\\.)*)'$/.exec(clause);
      if (mime) filters.push((b) => mime[1] === b.mimeType);
      else if (parent) filters.push((b) => b.parents.includes(parent[1] ?? ''));
      else if (name) filters.push((b) => b.title === (name[1] ?? '').replace(/\\(.)/g, '$1'));
      else if (/^trashed\s*=\s*false$/.test(clause)) filters.push(() => true);
      else if (modified) {
        const after = Date.parse(modified[1] ?? '');
        filters.push((b) => b.modifiedTime > after);
      } else throw invalidParameter('q');
    }
  const entries: Entry[] = [
    // A file whose sharing was removed is no longer the account's to list.
    ...[...s.books.values()]
      .filter((b) => !s.revoked.has(b.id))
      .map((b) => ({ ...b, mimeType: SPREADSHEET_MIME, file: fileOf(b) })),
    ...[...s.documents.values()].map((d) => ({
      id: d.id,
      title: d.name,
      parents: d.parents,
      modifiedTime: d.modifiedTime,
      mimeType: DOCUMENT_MIME,
      file: documentFile(d),
    })),
  ];
  // Which files: `user` (the default) — those shared with the account directly, none of a shared
  // drive it is a member of; `drive` — one shared drive's; `allDrives` — both.
  const corpora = q.get('corpora') ?? 'user';
  const allDrives = q.get('includeItemsFromAllDrives') === 'true' && q.get('supportsAllDrives') === 'true';
  if (corpora !== 'user' && !allDrives)
    throw new ApiError(
      403,
      'PERMISSION_DENIED',
      'The includeItemsFromAllDrives parameter must be set to true when corpora is drive or allDrives.',
    );
  const driveOf = (b: Entry) => s.books.get(b.id)?.driveId;
  const inCorpora = (b: Entry) =>
    corpora === 'allDrives'
      ? true
      : corpora === 'drive'
        ? driveOf(b) === q.get('driveId')
        : driveOf(b) === undefined;
  const missed = (b: Entry) => corpora === 'allDrives' && s.searchMisses.has(driveOf(b) ?? '');
  const all = entries
    .filter((b) => inCorpora(b) && !missed(b) && filters.every((f) => f(b)))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const offset = q.get('pageToken')
    ? Number(Buffer.from(q.get('pageToken') ?? '', 'base64url').toString())
    : 0;
  const page = all.slice(offset, offset + pageSize);
  const next =
    offset + pageSize < all.length ? Buffer.from(String(offset + pageSize)).toString('base64url') : undefined;
  return {
    kind: 'drive#fileList',
    incompleteSearch: corpora === 'allDrives' && s.searchMisses.size > 0,
    files: page.map((b) => b.file),
    ...(next ? { nextPageToken: next } : {}),
  };
}

/**
 * changes.list as Drive v3 answers a service account: the files it can see (shared with it;
 * items of shared drives — here, files in a folder — only with includeItemsFromAllDrives and
 * supportsAllDrives) that changed since the page token; one change per file per page, the latest;
 * newStartPageToken on the last page.
 */
export function listChanges(s: GoogleStandin, q: URLSearchParams) {
  const token = Number(q.get('pageToken'));
  if (!q.get('pageToken') || !Number.isInteger(token) || token < 1 || token > s.changeLog.length + 1)
    throw invalidParameter('pageToken');
  const pageSize = Number(q.get('pageSize') ?? 100);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000)
    throw new ApiError(
      400,
      'INVALID_ARGUMENT',
      `Invalid value '${q.get('pageSize')}'. Values must be within the range: [1, 1000]`,
    );
  const allDrives = q.get('includeItemsFromAllDrives') === 'true' && q.get('supportsAllDrives') === 'true';
  const window = s.changeLog.slice(token - 1, token - 1 + pageSize);
  const end = token + window.length;
  const latest = new Map<string, number>();
  for (const c of window) latest.set(c.fileId, c.time);
  // A shared drive's changes are in its own log (`driveId`), not in the account's.
  const driveId = q.get('driveId') ?? undefined;
  const changes = [...latest].flatMap(([fileId, time]) => {
    const book = s.books.get(fileId);
    if (!book || s.revoked.has(fileId) || (book.parents.length > 0 && !allDrives)) return [];
    if (book.driveId !== driveId) return [];
    return [
      {
        kind: 'drive#change',
        changeType: 'file',
        time: new Date(time).toISOString(),
        removed: false,
        fileId,
        file: fileOf(book),
      },
    ];
  });
  const last = end > s.changeLog.length;
  return {
    kind: 'drive#changeList',
    changes,
    ...(last ? { newStartPageToken: String(end) } : { nextPageToken: String(end) }),
  };
}
