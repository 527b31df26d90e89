/**
 * Google credentials, validated with zod, and the API clients built from them. Three kinds:
 * a service-account key (from AWS Secrets Manager in the cloud, or a file locally), workload
 * identity federation from AWS (keyless: the function's role signs a GetCallerIdentity request
 * that Google's STS exchanges for a token), and a fixed access token (the local stand-in). Each
 * client gets only the scopes it needs: read-only for reading workbooks, the write scope only
 * where feedback and proposals are written. Tokens are fetched here with node:crypto and `fetch`
 * (google-auth-library was 220 KB and 50–75 ms of every cold start: issue 12).
 */
import { createSign } from 'node:crypto';
import { z } from 'zod';
import { credentialsFromEnv } from '../aws/client.ts';
import { signRequest } from '../aws/sigv4.ts';
import {
  type DriveApi,
  driveApi,
  GoogleHttpError,
  type SheetsApi,
  sheetsApi,
  type TokenSource,
} from './rest.ts';

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
  token_uri: z.string().url().optional(),
});

const externalAccountSchema = z
  .object({
    type: z.literal('external_account'),
    audience: z.string(),
    subject_token_type: z.string(),
    token_url: z.string().url().default('https://sts.googleapis.com/v1/token'),
    service_account_impersonation_url: z.string().url().optional(),
    credential_source: z
      .object({
        environment_id: z
          .string()
          .regex(/^aws\d+$/, 'only AWS-sourced federation (environment_id aws1) is supported'),
        regional_cred_verification_url: z
          .string()
          .default('https://sts.{region}.amazonaws.com?Action=GetCallerIdentity&Version=2011-06-15'),
      })
      .passthrough(),
  })
  .passthrough();

export const googleCredentialsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('serviceAccountKey'), key: serviceAccountKeySchema }),
  z.object({
    kind: z.literal('externalAccount'),
    /** The JSON `gcloud iam workload-identity-pools create-cred-config --aws` writes. */
    config: externalAccountSchema,
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

const TOKEN_TIMEOUT_MS = 10_000;
/** A token is renewed this long before Google says it expires. */
const EARLY_MS = 5 * 60_000;

/** A token, fetched when first needed and again when it is about to expire; one fetch at a time. */
class CachedToken implements TokenSource {
  private current: { value: string; until: number } | undefined;
  private pending: Promise<string> | undefined;
  constructor(private readonly fetchToken: () => Promise<{ value: string; expiresInS: number }>) {}
  token(): Promise<string> {
    if (this.current && Date.now() < this.current.until) return Promise.resolve(this.current.value);
    this.pending ??= this.fetchToken()
      .then(({ value, expiresInS }) => {
        this.current = { value, until: Date.now() + expiresInS * 1000 - EARLY_MS };
        return value;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }
}

async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body,
    signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
  });
  const text = await response.text();
  let data: unknown = text;
  try {
    data = JSON.parse(text) as unknown;
  } catch {
    // not JSON: kept as text for the message
  }
  if (!response.ok) {
    const error = (data as { error?: unknown; error_description?: string })?.error;
    const message =
      typeof error === 'object' && error
        ? String((error as { message?: string }).message)
        : `${String(error ?? response.status)} ${(data as { error_description?: string })?.error_description ?? ''}`;
    throw new GoogleHttpError(
      response.status,
      data,
      `token request to ${new URL(url).host}: ${message.trim()}`,
    );
  }
  return data as Record<string, unknown>;
}

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');
const form = (fields: Record<string, string | undefined>) =>
  new URLSearchParams(
    Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined),
  ).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** A service account's key: a signed JWT (RS256) exchanged for an access token. */
function serviceAccountToken(
  key: z.infer<typeof serviceAccountKeySchema>,
  scopes: readonly string[],
): TokenSource {
  const tokenUri = key.token_uri ?? 'https://oauth2.googleapis.com/token';
  return new CachedToken(async () => {
    const iat = Math.floor(Date.now() / 1000);
    const header = base64url(
      JSON.stringify({
        alg: 'RS256',
        typ: 'JWT',
        ...(key.private_key_id ? { kid: key.private_key_id } : {}),
      }),
    );
    const claims = base64url(
      JSON.stringify({ iss: key.client_email, scope: scopes.join(' '), aud: tokenUri, iat, exp: iat + 3600 }),
    );
    const signature = createSign('RSA-SHA256')
      .update(`${header}.${claims}`)
      .sign(key.private_key, 'base64url');
    const out = await post(
      tokenUri,
      form({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion: `${header}.${claims}.${signature}`,
      }),
      FORM,
    );
    return { value: String(out.access_token), expiresInS: Number(out.expires_in ?? 3600) };
  });
}

/**
 * Workload identity federation from AWS: a GetCallerIdentity request signed with the function
 * role's credentials (never sent to AWS by us: Google's STS sends it), exchanged for a federated
 * token, then — when the configuration names a service account — for that account's token.
 */
function federatedToken(
  config: z.infer<typeof externalAccountSchema>,
  scopes: readonly string[],
): TokenSource {
  return new CachedToken(async () => {
    const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
    if (!region) throw new GoogleCredentialsError('workload identity federation needs AWS_REGION');
    const address = config.credential_source.regional_cred_verification_url.replace('{region}', region);
    const url = new URL(address);
    // As google-auth-library does: the target-resource header travels with the request, unsigned.
    const headers = signRequest({
      method: 'POST',
      url,
      headers: {},
      body: '',
      credentials: credentialsFromEnv(),
      region,
      service: 'sts',
      now: new Date(),
    });
    const signed = { 'x-goog-cloud-target-resource': config.audience, ...headers, host: url.host };
    const subjectToken = encodeURIComponent(
      JSON.stringify({
        url: address,
        method: 'POST',
        headers: Object.entries(signed).map(([key, value]) => ({ key, value })),
      }),
    );
    const impersonate = config.service_account_impersonation_url;
    const sts = await post(
      config.token_url,
      form({
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
        audience: config.audience,
        scope: impersonate ? 'https://www.googleapis.com/auth/cloud-platform' : scopes.join(' '),
        requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
        subject_token: subjectToken,
        subject_token_type: config.subject_token_type,
      }),
      FORM,
    );
    if (!impersonate) return { value: String(sts.access_token), expiresInS: Number(sts.expires_in ?? 3600) };
    const out = await post(impersonate, JSON.stringify({ scope: scopes, lifetime: '3600s' }), {
      'content-type': 'application/json',
      authorization: `Bearer ${String(sts.access_token)}`,
    });
    const expiresInS = Math.max(60, (Date.parse(String(out.expireTime)) - Date.now()) / 1000 || 3600);
    return { value: String(out.accessToken), expiresInS };
  });
}

export function tokenSource(credentials: GoogleCredentials, access: Access): TokenSource {
  const scopes = SCOPES[access];
  switch (credentials.kind) {
    case 'serviceAccountKey':
      return serviceAccountToken(credentials.key, scopes);
    case 'externalAccount':
      return federatedToken(credentials.config, scopes);
    case 'accessToken':
      return { token: () => Promise.resolve(credentials.token) };
  }
}

export interface GoogleClients {
  readonly sheetsRead: SheetsApi;
  /** Absent where only reading is allowed. */
  readonly sheetsWrite: SheetsApi | undefined;
  readonly drive: DriveApi;
  /** Drive with the writer's scopes, to create proposal spreadsheets in a shared drive. */
  readonly driveWrite: DriveApi | undefined;
  /** The service account's address, to name it as the only editor of protected ranges. */
  readonly serviceAccountEmail: string | undefined;
}

/** Clients are created once per process (module scope in Lambda), never per call. */
export function googleClients(options: {
  credentials: GoogleCredentials;
  rootUrl?: string;
  write: boolean;
}): GoogleClients {
  const reader = tokenSource(options.credentials, 'read');
  const writer = options.write ? tokenSource(options.credentials, 'write') : undefined;
  const root = options.rootUrl;
  return {
    sheetsRead: sheetsApi(reader, root),
    sheetsWrite: writer ? sheetsApi(writer, root) : undefined,
    drive: driveApi(reader, root),
    driveWrite: writer ? driveApi(writer, root) : undefined,
    serviceAccountEmail:
      options.credentials.kind === 'serviceAccountKey' ? options.credentials.key.client_email : undefined,
  };
}
