/**
 * A council's documents as Google Docs in its Drive folder (the registry's “Thư mục văn bản”):
 * each `.docx` is uploaded once and converted by Drive, one call per document — `files.create`
 * the first time, `files.update` of the same file afterwards, so links people keep stay valid.
 * A create is not retried blindly (it could make a second file): before creating, the folder is
 * listed once, and a document of the same name there is updated instead.
 */
import { Readable } from 'node:stream';
import type { drive_v3 } from '@googleapis/drive';
import type { DocumentSink } from '../../ports/index.ts';
import { DocumentWriteError } from '../../ports/index.ts';
import type { DocumentModel } from '../../present/documents.ts';
import { renderDocx } from '../docx/render.ts';
import { type GoogleCaller, GoogleRequestError } from './caller.ts';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const DOCUMENT_MIME = 'application/vnd.google-apps.document';

const quote = (text: string) => text.replace(/\\/g, '\\\\').replace(/'/g, "\\'");

export interface GoogleDocumentsOptions {
  /** Drive with the writer's scopes. */
  readonly drive: drive_v3.Drive;
  readonly caller: GoogleCaller;
  /** Where documents go for a council whose registry row names no folder (a shared-drive folder). */
  readonly fallbackFolder?: string;
  /** Another API address (the stand-in): the client builds upload addresses from each call's options only. */
  readonly rootUrl?: string | undefined;
}

export class GoogleDocuments implements DocumentSink {
  constructor(private readonly options: GoogleDocumentsOptions) {}

  private upload<O extends object>(o: O): O {
    return this.options.rootUrl ? { ...o, rootUrl: this.options.rootUrl } : o;
  }

  async writeDocuments(
    council: { readonly code: string; readonly folder: string | null },
    documents: readonly DocumentModel[],
    previous?: readonly string[],
  ): Promise<string[]> {
    try {
      return await this.write(council, documents, previous);
    } catch (error) {
      throw documentWriteError(error);
    }
  }

  private async write(
    council: { readonly code: string; readonly folder: string | null },
    documents: readonly DocumentModel[],
    previous?: readonly string[],
  ): Promise<string[]> {
    const folder = council.folder ?? this.options.fallbackFolder;
    if (!folder) return []; // nowhere to put them: the report says the council has no documents
    const ids: string[] = [];
    // Without a record of where they went, the folder is looked at once for documents of these names.
    const inFolder = documents.every((_, i) => previous?.[i])
      ? new Map<string, string>()
      : await this.list(folder);
    for (const [i, doc] of documents.entries()) {
      const bytes = Buffer.from(await renderDocx(doc));
      const known = previous?.[i] ?? inFolder.get(doc.title);
      if (known && (await this.update(known, bytes))) {
        ids.push(known);
        continue;
      }
      ids.push(await this.create(folder, doc.title, bytes));
    }
    return ids;
  }

  /**
   * Drive is not asked each night whether the documents are still there (three calls per
   * council): a document removed by hand is made again by `thidua documents`, which writes anyway.
   */
  async exists(locations: readonly string[]): Promise<Set<string>> {
    return new Set(locations);
  }

  /** The Google Docs in the folder, by name (one call; a council's folder holds a handful). */
  private async list(folder: string): Promise<Map<string, string>> {
    const response = await this.options.caller.call('drive', (o) =>
      this.options.drive.files.list(
        {
          q: `'${quote(folder)}' in parents and mimeType = '${DOCUMENT_MIME}' and trashed = false`,
          fields: 'files(id,name)',
          pageSize: 1000,
          supportsAllDrives: true,
          includeItemsFromAllDrives: true,
        },
        o,
      ),
    );
    const byName = new Map<string, string>();
    for (const file of response.data.files ?? [])
      if (file.id && file.name && !byName.has(file.name)) byName.set(file.name, file.id);
    return byName;
  }

  /** Replaces the document's content; false when the file is gone (then a new one is made). */
  private async update(fileId: string, bytes: Buffer): Promise<boolean> {
    try {
      await this.options.caller.call('drive', (o) =>
        this.options.drive.files.update(
          {
            fileId,
            media: { mimeType: DOCX_MIME, body: Readable.from(bytes) },
            fields: 'id',
            supportsAllDrives: true,
          },
          this.upload(o),
        ),
      );
      return true;
    } catch (error) {
      if (error instanceof GoogleRequestError && error.status === 404) return false;
      throw error;
    }
  }

  private async create(folder: string, title: string, bytes: Buffer): Promise<string> {
    const response = await this.options.caller.call(
      'drive',
      (o) =>
        this.options.drive.files.create(
          {
            requestBody: { name: title, mimeType: DOCUMENT_MIME, parents: [folder] },
            media: { mimeType: DOCX_MIME, body: Readable.from(bytes) },
            fields: 'id',
            supportsAllDrives: true,
          },
          this.upload(o),
        ),
      1,
    );
    const id = response.data.id;
    if (!id) throw new Error(`Drive created no file for ${title}`);
    return id;
  }
}

/** Drive's refusal as the port's error: the reason a council's secretary can act on. */
function documentWriteError(error: unknown): unknown {
  if (!(error instanceof GoogleRequestError)) return error;
  const reason =
    error.reason === 'storageQuotaExceeded'
      ? 'noStorage'
      : error.status === 404
        ? 'folderMissing'
        : error.status === 403 || error.status === 401
          ? 'noAccess'
          : 'other';
  return new DocumentWriteError(reason, `${error.status} ${error.reason}: ${error.message}`, {
    cause: error,
  });
}
