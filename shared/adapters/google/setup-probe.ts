/**
 * What the service account may do with the sector's spreadsheets and folders, from Drive's own
 * `capabilities` (`thidua doctor`): the sync's listing (one `files.list` per 1,000 spreadsheets,
 * every drive the account sees) with `capabilities(canEdit)`, one `files.get` per folder. Read-only scopes suffice: nothing is written.
 */
import type { drive_v3 } from '@googleapis/drive';
import type { GoogleAnswer } from '../../domain/setup.ts';
import type { FolderAccess, SetupProbe } from '../../ports/index.ts';
import type { GoogleClients } from './auth.ts';
import { type GoogleCaller, GoogleRequestError } from './caller.ts';
import { DriveFiles } from './drive-files.ts';
import { serviceDisabled } from './google-calls.ts';
import { FEW } from './sheet-requests.ts';

const FOLDER_MIME = 'application/vnd.google-apps.folder';

export class GoogleSetupProbe implements SetupProbe {
  readonly account: string | undefined;
  /** The listing the sync uses, over every drive the account sees. */
  private readonly files: DriveFiles;

  constructor(
    private readonly clients: GoogleClients,
    private readonly caller: GoogleCaller,
  ) {
    this.account = clients.serviceAccountEmail;
    this.files = new DriveFiles(clients, caller);
  }

  /** One call; an API that is off becomes the port's error, any other refusal is returned. */
  private async get<T>(fn: Parameters<GoogleCaller['call']>[1]): Promise<T | GoogleAnswer> {
    try {
      return (await this.caller.call('drive', fn)) as T;
    } catch (error) {
      if (!(error instanceof GoogleRequestError)) throw error;
      const disabled = serviceDisabled(error, 'drive');
      if (disabled) throw disabled;
      return { status: error.status, reason: error.reason, message: error.message };
    }
  }

  async spreadsheets(locations: readonly string[]): Promise<Map<string, { readonly canEdit: boolean }>> {
    const wanted = new Set(locations);
    const found = new Map<string, { canEdit: boolean }>();
    let incomplete = false;
    if (wanted.size > FEW) {
      const listed = await this.files.listSpreadsheets('id, capabilities(canEdit)');
      incomplete = listed.incomplete;
      for (const file of listed.files)
        if (file.id && wanted.has(file.id))
          found.set(file.id, { canEdit: file.capabilities?.canEdit === true });
    }
    // A few, or those an incomplete search (too many drives at once) may have left out: one by one.
    const ask =
      wanted.size <= FEW ? [...wanted] : incomplete ? [...wanted].filter((id) => !found.has(id)) : [];
    for (const id of ask) {
      const file = await this.get<{ data: drive_v3.Schema$File }>((o) =>
        this.clients.drive.files.get(
          { fileId: id, fields: 'id, capabilities(canEdit)', supportsAllDrives: true },
          o,
        ),
      );
      if ('data' in file) found.set(id, { canEdit: file.data.capabilities?.canEdit === true });
    }
    return found;
  }

  async folder(location: string): Promise<FolderAccess> {
    const file = await this.get<{ data: drive_v3.Schema$File }>((o) =>
      this.clients.drive.files.get(
        {
          fileId: location,
          fields: 'id, mimeType, driveId, capabilities(canAddChildren)',
          supportsAllDrives: true,
        },
        o,
      ),
    );
    if (!('data' in file)) return { kind: 'missing', google: file };
    return {
      kind: 'found',
      isFolder: file.data.mimeType === FOLDER_MIME,
      inSharedDrive: Boolean(file.data.driveId),
      canAddFiles: file.data.capabilities?.canAddChildren === true,
    };
  }
}
