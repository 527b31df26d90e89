/** The Sheets v4 and Drive v3 methods the stand-in answers, by HTTP method and path. */

import type { GoogleStandin } from './google-server.ts';
import { batchUpdate } from './standin-batch-update.ts';
import {
  createFile,
  documentFile,
  fileOf,
  folderFile,
  listChanges,
  listFiles,
  uploadDocument,
} from './standin-drive.ts';
import { ApiError, type CallKind, driveNotFound } from './standin-model.ts';
import { batchGet, getSpreadsheet, valuesBatchUpdate } from './standin-sheets.ts';

export type Route = {
  method: string;
  pattern: RegExp;
  api: string;
  kind: CallKind;
  run: (id: string, q: URLSearchParams, body: unknown) => unknown;
};

/** The methods the stand-in answers, by HTTP method and path. */
export function routesOf(s: GoogleStandin): readonly Route[] {
  return [
    {
      method: 'GET',
      pattern: /^\/v4\/spreadsheets\/([^/:]+)\/values:batchGet$/,
      api: 'values.batchGet',
      kind: 'read',
      run: (id, q) => batchGet(s, id, q),
    },
    {
      method: 'POST',
      pattern: /^\/v4\/spreadsheets\/([^/:]+)\/values:batchUpdate$/,
      api: 'values.batchUpdate',
      kind: 'write',
      run: (id, _q, body) => valuesBatchUpdate(s, id, body),
    },
    {
      method: 'POST',
      pattern: /^\/v4\/spreadsheets\/([^/:]+):batchUpdate$/,
      api: 'spreadsheets.batchUpdate',
      kind: 'write',
      run: (id, _q, body) => batchUpdate(s, id, body),
    },
    {
      method: 'GET',
      pattern: /^\/v4\/spreadsheets\/([^/:]+)$/,
      api: 'spreadsheets.get',
      kind: 'read',
      run: (id, q) => getSpreadsheet(s, id, q),
    },
    {
      method: 'GET',
      pattern: /^\/drive\/v3\/changes\/startPageToken$/,
      api: 'changes.getStartPageToken',
      kind: 'drive',
      run: () => ({ kind: 'drive#startPageToken', startPageToken: String(s.changeLog.length + 1) }),
    },
    {
      method: 'GET',
      pattern: /^\/drive\/v3\/changes$/,
      api: 'changes.list',
      kind: 'drive',
      run: (_id, q) => listChanges(s, q),
    },
    {
      method: 'GET',
      pattern: /^\/drive\/v3\/files$/,
      api: 'files.list',
      kind: 'drive',
      run: (_id, q) => listFiles(s, q),
    },
    {
      method: 'POST',
      pattern: /^\/drive\/v3\/files$/,
      api: 'files.create',
      kind: 'drive',
      run: (_id, _q, body) => createFile(s, body),
    },
    {
      method: 'GET',
      pattern: /^\/drive\/v3\/files\/([^/]+)$/,
      api: 'files.get',
      kind: 'drive',
      run: (id) => {
        const doc = s.documents.get(id);
        if (doc) return documentFile(doc);
        const folder = s.folders.get(id);
        if (folder) return folderFile(folder);
        const book = s.books.get(id);
        // A file not shared with the caller is, to Drive, a file that does not exist.
        if (!book || s.revoked.has(id)) throw driveNotFound(id);
        return fileOf(book);
      },
    },
    {
      method: 'POST',
      pattern: /^\/upload\/drive\/v3\/files$/,
      api: 'files.create',
      kind: 'drive',
      run: (_id, q, body) => uploadDocument(s, undefined, q, body),
    },
    {
      method: 'PATCH',
      pattern: /^\/upload\/drive\/v3\/files\/([^/]+)$/,
      api: 'files.update',
      kind: 'drive',
      run: (id, q, body) => uploadDocument(s, id, q, body),
    },
    {
      method: 'GET',
      pattern: /^\/drive\/v3\/files\/([^/]+)\/export$/,
      api: 'files.export',
      kind: 'drive',
      run: (id, q) => {
        const doc = s.documents.get(id);
        if (!doc) throw new ApiError(404, 'NOT_FOUND', `File not found: ${id}.`);
        if (q.get('mimeType') !== 'text/plain')
          throw new ApiError(400, 'INVALID_ARGUMENT', 'The stand-in exports documents as text/plain only.');
        return { raw: doc.text };
      },
    },
  ];
}
