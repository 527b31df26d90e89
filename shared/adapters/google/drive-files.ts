/**
 * Drive for the Google adapter: the versions of the sector's spreadsheets (one listing per 1,000),
 * the changes since a page token, and the spreadsheets thidua makes in a shared drive.
 */

import type { drive_v3 } from '@googleapis/drive';
import { z } from 'zod';
import {
  SourceUnavailableError,
  WorkbookInaccessibleError,
  WorkbookNotFoundError,
} from '../../ports/index.ts';
import type { GoogleClients } from './auth.ts';
import type { GoogleCaller } from './caller.ts';
import { mappedCaller } from './google-calls.ts';
import { FEW, SPREADSHEET_MIME } from './sheet-requests.ts';

export class DriveFiles {
  /** Runs a call; maps Google's answers to the port's errors for one spreadsheet. */
  private readonly run: ReturnType<typeof mappedCaller>;

  constructor(
    private readonly clients: GoogleClients,
    caller: GoogleCaller,
  ) {
    this.run = mappedCaller(caller);
  }

  /**
   * The spreadsheet named `title` in the folder, created if there is none. Looking first makes a
   * retried creation (after an answer lost on the way) find the first one instead of making two.
   */
  async findOrCreate(folder: string, title: string): Promise<string> {
    const drive = this.clients.driveWrite;
    if (!drive) throw new Error('this Google adapter was built without the write scope');
    const escaped = title.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
    const find = async () => {
      const found = await this.run<{ data: drive_v3.Schema$FileList }>('drive', folder, (o) =>
        drive.files.list(
          {
            q: `'${folder}' in parents and name = '${escaped}' and mimeType = '${SPREADSHEET_MIME}' and trashed = false`,
            fields: 'files(id)',
            pageSize: 10,
            supportsAllDrives: true,
            includeItemsFromAllDrives: true,
          },
          o,
        ),
      );
      return found.data.files?.[0]?.id ?? undefined;
    };
    for (let attempt = 1; ; attempt++) {
      const existing = await find();
      if (existing) return existing;
      try {
        // One attempt only: if the answer is lost, the next round finds what it made.
        const created = await this.run<{ data: drive_v3.Schema$File }>(
          'write',
          folder,
          (o) =>
            drive.files.create(
              {
                requestBody: { name: title, mimeType: SPREADSHEET_MIME, parents: [folder] },
                fields: 'id',
                supportsAllDrives: true,
              },
              o,
            ),
          1,
        );
        if (created.data.id) return created.data.id;
      } catch (error) {
        if (!(error instanceof SourceUnavailableError) || attempt >= 5) throw error;
      }
    }
  }

  async versions(locations: readonly string[]): Promise<Map<string, string>> {
    const wanted = new Set(locations);
    const result = new Map<string, string>();
    // A few workbooks (a worker's one unit): one `files.get` each beats listing the whole drive.
    if (wanted.size <= FEW) {
      for (const location of wanted) {
        try {
          const time = await this.modifiedTime(location);
          if (time) result.set(location, time);
        } catch (error) {
          if (!(error instanceof WorkbookInaccessibleError || error instanceof WorkbookNotFoundError))
            throw error;
        }
      }
      return result;
    }
    const listed = await this.listVersions();
    for (const [id, time] of listed) if (wanted.has(id)) result.set(id, time);
    // A search over many shared drives may come back incomplete: those it left out, one by one.
    if (listed.incomplete)
      for (const location of wanted)
        if (!result.has(location)) {
          const time = await this.modifiedTime(location).catch((error: unknown) => {
            if (error instanceof WorkbookInaccessibleError || error instanceof WorkbookNotFoundError)
              return undefined;
            throw error;
          });
          if (time) result.set(location, time);
        }
    return result;
  }

  /**
   * Every spreadsheet the service account sees, with its modification time (one call per 1,000).
   * `incomplete`: Drive said the search did not cover every shared drive (`incompleteSearch`, which
   * `corpora=allDrives` may answer), so a spreadsheet absent here may exist: ask `versions` for it.
   */
  async listVersions(): Promise<Map<string, string> & { readonly incomplete: boolean }> {
    const result = new Map<string, string>();
    const { files, incomplete } = await this.listFiles(false);
    for (const file of files) result.set(file.id, file.modifiedTime);
    return Object.assign(result, { incomplete });
  }

  /**
   * The versions of workbooks thidua has just written, for telling a later edit by the council
   * from its own write: a workbook whose last change Drive does not attribute to this account (a
   * person saved in it since our write) gets '' — a version no listing will ever match. One
   * `files.list` per 1,000 spreadsheets (or one `files.get` each for a few), after all the writes.
   */
  async writtenVersions(locations: readonly string[]): Promise<Map<string, string>> {
    const wanted = new Set(locations);
    const result = new Map<string, string>();
    const files =
      wanted.size <= FEW
        ? (await Promise.all([...wanted].map((id) => this.fileVersion(id, true)))).flatMap((f) =>
            f ? [f] : [],
          )
        : await this.listedOrAsked(wanted);
    for (const file of files) result.set(file.id, file.mine ? file.modifiedTime : '');
    return result;
  }

  /** The wanted spreadsheets from one listing, and those an incomplete search left out, one by one. */
  private async listedOrAsked(wanted: ReadonlySet<string>) {
    const { files, incomplete } = await this.listFiles(true);
    const found = files.filter((f) => wanted.has(f.id));
    if (!incomplete) return found;
    const seen = new Set(found.map((f) => f.id));
    for (const id of wanted)
      if (!seen.has(id)) {
        const file = await this.fileVersion(id, true);
        if (file) found.push(file);
      }
    return found;
  }

  private async listFiles(withModifier: boolean) {
    const { files, incomplete } = await this.listSpreadsheets(
      `id, modifiedTime${withModifier ? ', lastModifyingUser(me)' : ''}`,
    );
    const result: { id: string; modifiedTime: string; mine: boolean }[] = [];
    for (const file of files)
      if (file.id && file.modifiedTime)
        result.push({
          id: file.id,
          modifiedTime: file.modifiedTime,
          mine: file.lastModifyingUser?.me === true,
        });
    return { files: result, incomplete };
  }

  /**
   * Every spreadsheet the account sees, with the file `fields` asked for: shared with it, and in
   * every shared drive it is a member of (the default corpus, `user`, leaves those out). One call
   * per 1,000; `incomplete` when Drive says its search did not cover every drive.
   */
  async listSpreadsheets(fields: string): Promise<{ files: drive_v3.Schema$File[]; incomplete: boolean }> {
    const files: drive_v3.Schema$File[] = [];
    let incomplete = false;
    let pageToken: string | undefined;
    do {
      const token = pageToken;
      const response = await this.run<{ data: drive_v3.Schema$FileList }>('drive', 'files.list', (o) =>
        this.clients.drive.files.list(
          {
            q: `mimeType = '${SPREADSHEET_MIME}' and trashed = false`,
            fields: `nextPageToken, incompleteSearch, files(${fields})`,
            pageSize: 1000,
            corpora: 'allDrives',
            supportsAllDrives: true,
            includeItemsFromAllDrives: true,
            ...(token ? { pageToken: token } : {}),
          },
          o,
        ),
      );
      files.push(...(response.data.files ?? []));
      incomplete ||= response.data.incompleteSearch === true;
      pageToken = response.data.nextPageToken ?? undefined;
    } while (pageToken);
    return { files, incomplete };
  }

  /**
   * Spreadsheets changed since `token` (Drive `changes.list`: the account's own change log, and
   * each shared drive's — a shared drive's changes are only in its own log), each with its
   * modification time, and the token to ask from next time: the logs' page tokens, opaque to the
   * caller. Without a token: only the current ones (`changes.getStartPageToken`; the shared drives
   * from a listing). An idle sector costs one call, and one more per shared drive.
   */
  async changesSince(token: string | null): Promise<{ token: string; changed: Map<string, string> }> {
    const state = parsePollToken(token);
    /** Each shared drive's log, from now. */
    const drivesFromNow = async () =>
      Object.fromEntries(
        await Promise.all(
          (await this.sharedDrives()).map(async (id) => [id, await this.startToken(id)] as const),
        ),
      );
    if (!state) {
      const drives = await drivesFromNow();
      return { token: formatPollToken({ user: await this.startToken(), drives }), changed: new Map() };
    }
    // A token of an earlier release (the account's log only): the shared drives start from now.
    state.drives ??= await drivesFromNow();
    const changed = new Map<string, string>();
    const user = await this.changesIn(state.user, undefined, changed);
    const drives: Record<string, string> = {};
    for (const [id, from] of Object.entries(state.drives))
      drives[id] = await this.changesIn(from, id, changed);
    return { token: formatPollToken({ user, drives }), changed };
  }

  /**
   * The shared drives that hold spreadsheets the account sees: from the listing (`corpora=allDrives`,
   * each file's `driveId`), which the metadata scope allows — `drives.list` needs a wider one.
   */
  private async sharedDrives(): Promise<string[]> {
    const { files } = await this.listSpreadsheets('driveId');
    return [...new Set(files.flatMap((f) => (f.driveId ? [f.driveId] : [])))].sort();
  }

  private async startToken(driveId?: string): Promise<string> {
    const start = await this.run<{ data: drive_v3.Schema$StartPageToken }>('drive', 'changes', (o) =>
      this.clients.drive.changes.getStartPageToken(
        { supportsAllDrives: true, ...(driveId ? { driveId } : {}) },
        o,
      ),
    );
    return start.data.startPageToken ?? '';
  }

  /** One log's spreadsheets changed since `token` into `changed`; the log's next token. */
  private async changesIn(token: string, driveId: string | undefined, changed: Map<string, string>) {
    let pageToken = token;
    for (;;) {
      const page = pageToken;
      const response = await this.run<{ data: drive_v3.Schema$ChangeList }>('drive', 'changes', (o) =>
        this.clients.drive.changes.list(
          {
            pageToken: page,
            pageSize: 1000,
            supportsAllDrives: true,
            includeItemsFromAllDrives: true,
            ...(driveId ? { driveId } : {}),
            fields:
              'nextPageToken, newStartPageToken, changes(fileId, removed, file(id, mimeType, modifiedTime))',
          },
          o,
        ),
      );
      for (const change of response.data.changes ?? [])
        if (
          change.fileId &&
          !change.removed &&
          change.file?.mimeType === SPREADSHEET_MIME &&
          change.file.modifiedTime
        )
          changed.set(change.fileId, change.file.modifiedTime);
      if (response.data.newStartPageToken) return response.data.newStartPageToken;
      pageToken = response.data.nextPageToken ?? '';
      if (!pageToken) return page;
    }
  }

  async modifiedTime(location: string): Promise<string | undefined> {
    return (await this.fileVersion(location, false))?.modifiedTime;
  }

  async fileVersion(location: string, withModifier: boolean) {
    try {
      const response = await this.run<{ data: drive_v3.Schema$File }>('drive', location, (o) =>
        this.clients.drive.files.get(
          {
            fileId: location,
            fields: withModifier ? 'modifiedTime, lastModifyingUser(me)' : 'modifiedTime',
            supportsAllDrives: true,
          },
          o,
        ),
      );
      const time = response.data.modifiedTime;
      return time
        ? { id: location, modifiedTime: time, mine: response.data.lastModifyingUser?.me === true }
        : undefined;
    } catch (error) {
      if (
        withModifier &&
        (error instanceof WorkbookInaccessibleError || error instanceof WorkbookNotFoundError)
      )
        return undefined;
      throw error;
    }
  }
}

/**
 * The poll token: the account's change log's page token and each shared drive's. A plain token
 * (an earlier release's: the account's log only) is read as that, with no drives yet.
 */
const pollTokenSchema = z.object({ user: z.string(), drives: z.record(z.string(), z.string()).optional() });

function parsePollToken(token: string | null): { user: string; drives?: Record<string, string> } | null {
  if (!token) return null;
  if (!token.startsWith('{')) return { user: token };
  try {
    const parsed = pollTokenSchema.safeParse(JSON.parse(token));
    return parsed.success
      ? { user: parsed.data.user, ...(parsed.data.drives ? { drives: parsed.data.drives } : {}) }
      : null;
  } catch {
    return null;
  }
}

const formatPollToken = (state: { user: string; drives: Record<string, string> }) => JSON.stringify(state);
