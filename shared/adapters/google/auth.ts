/**
 * Google credentials, validated with zod, and the official API clients built from them
 * (`@googleapis/sheets`, `@googleapis/drive`, auth by `google-auth-library`). Three kinds:
 * - a service-account key (from AWS Secrets Manager in the cloud, or a file locally): the
 *   library's `JWT` client;
 * - workload identity federation from AWS (keyless): the library's external-account client,
 *   which takes the role's credentials and region from its own AWS source (the environment
 *   Lambda sets, or the instance metadata service) and exchanges them at Google's STS;
 * - a fixed access token (the local stand-in): an `OAuth2Client` holding it.
 * Each client gets only the scopes it needs: read-only for reading workbooks, the write scope only
 * where feedback and proposals are written. The libraries' own retries are off: `GoogleCaller`
 * is the one place that paces and retries, so no call is ever retried twice.
 */
import { drive, type drive_v3 } from '@googleapis/drive';
import { sheets, type sheets_v4 } from '@googleapis/sheets';
import {
  type BaseExternalAccountClient,
  ExternalAccountClient,
  JWT,
  OAuth2Client,
} from 'google-auth-library';
import { z } from 'zod';

export const SCOPES = {
  read: [
    'https://www.googleapis.com/auth/spreadsheets.readonly',
    'https://www.googleapis.com/auth/drive.metadata.readonly',
  ],
  write: [
    'https://www.googleapis.com/auth/spreadsheets',
    'https://www.googleapis.com/auth/drive.metadata.readonly',
    // Only files thidua creates itself (proposal spreadsheets in a configured shared drive).
    'https://www.googleapis.com/auth/drive.file',
  ],
} as const;
export type Access = keyof typeof SCOPES;

export const serviceAccountKeySchema = z.object({
  type: z.literal('service_account'),
  client_email: z.string().email(),
  private_key: z.string().includes('PRIVATE KEY'),
  private_key_id: z.string().optional(),
  project_id: z.string().optional(),
});

/** What `gcloud iam workload-identity-pools create-cred-config --aws` writes. */
const externalAccountSchema = z
  .object({
    type: z.literal('external_account'),
    audience: z.string(),
    subject_token_type: z.string(),
    token_url: z.string().url().optional(),
    service_account_impersonation_url: z.string().url().optional(),
    credential_source: z
      .object({
        environment_id: z
          .string()
          .regex(/^aws\d+$/, 'only AWS-sourced federation (environment_id aws1) is supported'),
      })
      .passthrough(),
  })
  .passthrough();

export const googleCredentialsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('serviceAccountKey'), key: serviceAccountKeySchema }),
  z.object({ kind: z.literal('externalAccount'), config: externalAccountSchema }),
  z.object({ kind: z.literal('accessToken'), token: z.string().min(1) }),
]);
export type GoogleCredentials = z.infer<typeof googleCredentialsSchema>;

export class GoogleCredentialsError extends Error {
  override readonly name = 'GoogleCredentialsError';
  constructor(
    /** What is wrong, for the office's message (the message itself is for logs). */
    readonly reason: 'notJson' | 'invalid' | 'externalAccount',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A secret string (Secrets Manager) or key file content: a service-account key or a federation config. */
export function parseCredentialsJson(text: string): GoogleCredentials {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new GoogleCredentialsError('notJson', 'Google credentials are not valid JSON', { cause: error });
  }
  const type = (json as { type?: unknown })?.type;
  const candidate =
    type === 'external_account'
      ? { kind: 'externalAccount', config: json }
      : { kind: 'serviceAccountKey', key: json };
  const parsed = googleCredentialsSchema.safeParse(candidate);
  if (!parsed.success)
    throw new GoogleCredentialsError(
      'invalid',
      `Google credentials rejected: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

export type GoogleAuthClient = OAuth2Client | BaseExternalAccountClient;

/** A token is taken for a fixed one this long (the stand-in's never expires). */
const FIXED_TOKEN_LIFE_MS = 365 * 86_400_000;

/** The auth client for `access`: the library fetches, caches and refreshes its tokens. */
export function authClient(credentials: GoogleCredentials, access: Access): GoogleAuthClient {
  const scopes = [...SCOPES[access]];
  switch (credentials.kind) {
    case 'serviceAccountKey':
      return new JWT({
        email: credentials.key.client_email,
        key: credentials.key.private_key,
        ...(credentials.key.private_key_id ? { keyId: credentials.key.private_key_id } : {}),
        scopes,
      });
    case 'externalAccount': {
      const client = ExternalAccountClient.fromJSON({ ...credentials.config, scopes } as Parameters<
        typeof ExternalAccountClient.fromJSON
      >[0]);
      if (!client)
        throw new GoogleCredentialsError(
          'externalAccount',
          'the external-account configuration was not recognised',
        );
      return client;
    }
    case 'accessToken': {
      const client = new OAuth2Client();
      client.setCredentials({
        access_token: credentials.token,
        expiry_date: Date.now() + FIXED_TOKEN_LIFE_MS,
      });
      return client;
    }
  }
}

export interface GoogleClients {
  readonly sheetsRead: sheets_v4.Sheets;
  /** Absent where only reading is allowed. */
  readonly sheetsWrite: sheets_v4.Sheets | undefined;
  readonly drive: drive_v3.Drive;
  /** Drive with the writer's scopes, to create proposal spreadsheets in a shared drive. */
  readonly driveWrite: drive_v3.Drive | undefined;
  /** The service account's address, to name it as the only editor of protected ranges. */
  readonly serviceAccountEmail: string | undefined;
  /**
   * Another API address (the stand-in). The clients carry it, but build upload addresses from
   * each call's own options: `GoogleDocuments` passes it with every upload.
   */
  readonly rootUrl: string | undefined;
}

/** Clients are created once per process (module scope in Lambda), never per call. */
export function googleClients(options: {
  credentials: GoogleCredentials;
  rootUrl?: string;
  write: boolean;
}): GoogleClients {
  // No retry in the library: GoogleCaller retries and paces every call (and passes retry: false too).
  const common = { retry: false, ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}) };
  const reader = authClient(options.credentials, 'read');
  const writer = options.write ? authClient(options.credentials, 'write') : undefined;
  return {
    sheetsRead: sheets({ version: 'v4', auth: reader, ...common }),
    sheetsWrite: writer ? sheets({ version: 'v4', auth: writer, ...common }) : undefined,
    drive: drive({ version: 'v3', auth: reader, ...common }),
    driveWrite: writer ? drive({ version: 'v3', auth: writer, ...common }) : undefined,
    serviceAccountEmail: serviceAccountEmailOf(options.credentials, reader),
    rootUrl: options.rootUrl,
  };
}

/**
 * The account thidua acts as, to name it the only editor of what it protects: the key's
 * `client_email`; with federation, the account impersonated — the library reads it from
 * `service_account_impersonation_url`. Without one (a fixed token, or federation without
 * impersonation), none: protections then only warn (docs/google.md).
 */
export function serviceAccountEmailOf(
  credentials: GoogleCredentials,
  client: GoogleAuthClient,
): string | undefined {
  if (credentials.kind === 'serviceAccountKey') return credentials.key.client_email;
  if (credentials.kind === 'externalAccount' && 'getServiceAccountEmail' in client)
    return client.getServiceAccountEmail() ?? undefined;
  return undefined;
}
