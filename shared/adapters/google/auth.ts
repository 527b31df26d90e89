/**
 * Google credentials, validated with zod, and the API clients built from them. Three kinds:
 * a service-account key (from AWS Secrets Manager in the cloud, or a file locally), workload
 * identity federation from AWS (keyless: google-auth-library's external-account client), and a
 * fixed access token (the local stand-in). Each client gets only the scopes it needs: read-only
 * for reading workbooks, the write scope only where feedback and proposals are written.
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
  project_id: z.string().optional(),
});

export const googleCredentialsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('serviceAccountKey'), key: serviceAccountKeySchema }),
  z.object({
    kind: z.literal('externalAccount'),
    /** The JSON `gcloud iam workload-identity-pools create-cred-config --aws` writes. */
    config: z
      .object({ type: z.literal('external_account'), audience: z.string(), subject_token_type: z.string() })
      .passthrough(),
  }),
  z.object({ kind: z.literal('accessToken'), token: z.string().min(1) }),
]);
export type GoogleCredentials = z.infer<typeof googleCredentialsSchema>;

export class GoogleCredentialsError extends Error {
  override readonly name = 'GoogleCredentialsError';
}

/** A secret string (Secrets Manager) or key file content: a service-account key or a federation config. */
export function parseCredentialsJson(text: string): GoogleCredentials {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new GoogleCredentialsError('Google credentials are not valid JSON', { cause: error });
  }
  const type = (json as { type?: unknown })?.type;
  const candidate =
    type === 'external_account'
      ? { kind: 'externalAccount', config: json }
      : { kind: 'serviceAccountKey', key: json };
  const parsed = googleCredentialsSchema.safeParse(candidate);
  if (!parsed.success)
    throw new GoogleCredentialsError(
      `Google credentials rejected: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

export type GoogleAuthClient = OAuth2Client | BaseExternalAccountClient;

export function authClient(credentials: GoogleCredentials, access: Access): GoogleAuthClient {
  const scopes = [...SCOPES[access]];
  switch (credentials.kind) {
    case 'serviceAccountKey':
      return new JWT({ email: credentials.key.client_email, key: credentials.key.private_key, scopes });
    case 'externalAccount': {
      const client = ExternalAccountClient.fromJSON({ ...(credentials.config as object), scopes } as never);
      if (!client) throw new GoogleCredentialsError('the external-account configuration was not recognised');
      return client;
    }
    case 'accessToken': {
      const client = new OAuth2Client();
      client.setCredentials({ access_token: credentials.token, expiry_date: Date.now() + 365 * 86_400_000 });
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
  /** Another API address (the stand-in): uploads take it per call, the client library does not carry it. */
  readonly rootUrl: string | undefined;
}

/** Clients are created once per process (module scope in Lambda), never per call. */
export function googleClients(options: {
  credentials: GoogleCredentials;
  rootUrl?: string;
  write: boolean;
}): GoogleClients {
  const root = options.rootUrl ? { rootUrl: options.rootUrl } : {};
  const v4 = 'v4' as const;
  const v3 = 'v3' as const;
  const reader = authClient(options.credentials, 'read');
  const writer = options.write ? authClient(options.credentials, 'write') : undefined;
  return {
    sheetsRead: sheets({ version: v4, auth: reader, ...root }),
    sheetsWrite: writer ? sheets({ version: v4, auth: writer, ...root }) : undefined,
    drive: drive({ version: v3, auth: reader, ...root }),
    driveWrite: writer ? drive({ version: v3, auth: writer, ...root }) : undefined,
    serviceAccountEmail:
      options.credentials.kind === 'serviceAccountKey' ? options.credentials.key.client_email : undefined,
    rootUrl: options.rootUrl,
  };
}
