/**
 * The port `thidua doctor` checks a deployment through: what the account may do with the
 * spreadsheets and folders the registry names, asked in as few calls as the medium allows, and
 * the refusal of an API not enabled in the project.
 */
import type { GoogleAnswer } from '../domain/setup.ts';

/**
 * An API the medium needs is not enabled for the project the credentials belong to: every call to
 * it is refused until someone enables it (at `activationUrl`, when Google gave it).
 */
export class ServiceDisabledError extends Error {
  override readonly name = 'ServiceDisabledError';
  constructor(
    readonly api: 'sheets' | 'drive',
    readonly activationUrl: string | undefined,
    readonly answer: GoogleAnswer,
    options?: ErrorOptions,
  ) {
    super(`the ${api} API is not enabled: ${answer.message}`, options);
  }
}

/** What the account may do with a folder. */
export type FolderAccess =
  | {
      readonly kind: 'found';
      readonly isFolder: boolean;
      /** In a shared drive (where a service account can own files), not in someone's My Drive. */
      readonly inSharedDrive: boolean;
      readonly canAddFiles: boolean;
    }
  /** Not found, or not shared with the account. */
  | { readonly kind: 'missing'; readonly google?: GoogleAnswer };

export interface SetupProbe {
  /** The account thidua acts as, when the credentials name it (a key, or federation with impersonation). */
  readonly account: string | undefined;
  /**
   * Whether the account may edit each spreadsheet; a location absent from the map is not found or
   * not shared with the account. Throws `ServiceDisabledError` when the medium's API is off.
   */
  spreadsheets(locations: readonly string[]): Promise<Map<string, { readonly canEdit: boolean }>>;
  /** What the account may do with a folder. Throws `ServiceDisabledError` when the API is off. */
  folder(location: string): Promise<FolderAccess>;
}
