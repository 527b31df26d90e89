/**
 * thidua's own Google REST calls and tokens, held against Google's generated clients and
 * google-auth-library (dev dependencies, the oracles here): the same requests on the wire, a JWT
 * the token endpoint can verify with the key's public half, and the same federation exchange.
 */
import { generateKeyPairSync, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { drive } from '@googleapis/drive';
import { sheets } from '@googleapis/sheets';
import { ExternalAccountClient, OAuth2Client } from 'google-auth-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCredentialsJson, SCOPES, tokenSource } from '../../shared/adapters/google/auth.ts';
import { driveApi, sheetsApi } from '../../shared/adapters/google/rest.ts';

interface Seen {
  method: string;
  path: string;
  query: [string, string][];
  type: string;
  body: string;
  authorization: string;
}

/** A local endpoint that records every request and answers `{}` (or what `answer` says). */
async function recorder(answer: (seen: Seen) => unknown = () => ({})) {
  const seen: Seen[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const entry = {
        method: req.method ?? '',
        path: url.pathname,
        query: [...url.searchParams].sort(([a, x], [b, y]) => a.localeCompare(b) || x.localeCompare(y)),
        type: String(req.headers['content-type'] ?? '').split(';')[0] ?? '',
        body: Buffer.concat(chunks).toString('utf8'),
        authorization: String(req.headers.authorization ?? ''),
      };
      seen.push(entry);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer(entry)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { seen, root, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A multipart/related body as its parts' content types and contents (boundaries differ). */
function parts(seen: Seen): [string, string][] {
  const boundary = seen.body.match(/^--([^\r\n]+)/)?.[1] ?? '';
  return seen.body
    .split(`--${boundary}`)
    .map((p) => p.trim())
    .filter((p) => p && p !== '--')
    .map((p) => {
      const [head = '', ...rest] = p.split('\r\n\r\n');
      const type = head.match(/content-type:\s*([^;\r\n]+)/i)?.[1] ?? '';
      const body = rest.join('\r\n\r\n');
      return [type.trim(), type.includes('json') ? JSON.stringify(JSON.parse(body)) : body];
    });
}

const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe('Sheets and Drive requests', () => {
  it('are on the wire what Google’s generated clients send, for every method thidua calls', async () => {
    const server = await recorder();
    closing.push(server.close);
    const token = { token: async () => 'tok' };
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: 'tok', expiry_date: Date.now() + 3_600_000 });
    const theirs = {
      sheets: sheets({ version: 'v4', auth, rootUrl: server.root }),
      drive: drive({ version: 'v3', auth, rootUrl: server.root }),
    };
    const ours = { sheets: sheetsApi(token, server.root), drive: driveApi(token, server.root) };
    const bytes = Buffer.from('PK\u0003\u0004 a docx body ✓');
    // One call written once for both: the generated clients take the same parameters.
    const calls: [string, (api: typeof ours) => Promise<unknown>][] = [
      [
        'spreadsheets.get',
        (a) =>
          a.sheets.spreadsheets.get({
            spreadsheetId: 'ss 1',
            ranges: ["'Tổng hợp'!A1:B2", 'Cá nhân'],
            includeGridData: true,
            fields: 'sheets(properties(title,sheetId))',
          }),
      ],
      [
        'values.batchGet',
        (a) =>
          a.sheets.spreadsheets.values.batchGet({
            spreadsheetId: 'ss1',
            ranges: ['Tổng hợp', "'Phản hồi'!A:Z"],
            valueRenderOption: 'UNFORMATTED_VALUE',
            dateTimeRenderOption: 'FORMATTED_STRING',
          }),
      ],
      [
        'batchUpdate',
        (a) =>
          a.sheets.spreadsheets.batchUpdate({
            spreadsheetId: 'ss1',
            requestBody: { requests: [{ addSheet: { properties: { title: 'Phản hồi', sheetId: 7000 } } }] },
          }),
      ],
      [
        'values.batchUpdate',
        (a) =>
          a.sheets.spreadsheets.values.batchUpdate({
            spreadsheetId: 'ss1',
            requestBody: {
              valueInputOption: 'RAW',
              data: [{ range: "'Phản hồi'!A1", values: [['Đạt', 1]] }],
            },
          }),
      ],
      [
        'files.list',
        (a) =>
          a.drive.files.list({
            q: "'f' in parents and trashed = false",
            fields: 'nextPageToken,files(id,modifiedTime)',
            pageSize: 1000,
            pageToken: 'p2',
            supportsAllDrives: true,
            includeItemsFromAllDrives: true,
            corpora: 'allDrives',
          }),
      ],
      [
        'files.get',
        (a) =>
          a.drive.files.get({
            fileId: 'abc',
            fields: 'id,modifiedTime,lastModifyingUser(me)',
            supportsAllDrives: true,
          }),
      ],
      [
        'files.create',
        (a) =>
          a.drive.files.create({
            requestBody: {
              name: 'Đề nghị',
              mimeType: 'application/vnd.google-apps.spreadsheet',
              parents: ['f'],
            },
            fields: 'id',
            supportsAllDrives: true,
          }),
      ],
      ['changes.getStartPageToken', (a) => a.drive.changes.getStartPageToken({ supportsAllDrives: true })],
      [
        'changes.list',
        (a) =>
          a.drive.changes.list({
            pageToken: '12',
            fields: 'newStartPageToken,nextPageToken,changes(fileId,file(modifiedTime))',
            pageSize: 1000,
            supportsAllDrives: true,
            includeItemsFromAllDrives: true,
            spaces: 'drive',
          }),
      ],
      ['files.export', (a) => a.drive.files.export({ fileId: 'doc', mimeType: 'text/plain' })],
    ];
    for (const [name, call] of calls) {
      await call(theirs as unknown as typeof ours);
      await call(ours);
      const [expected, actual] = server.seen.splice(0);
      expect({ name, ...actual }, name).toEqual({ name, ...expected });
    }
    // Uploads: the same address, query and parts (metadata, then the bytes).
    const media = { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
    const uploads: [string, (api: 'ours' | 'theirs') => Promise<unknown>][] = [
      [
        'files.create (upload)',
        (w) => {
          const params = {
            requestBody: {
              name: 'Tờ trình',
              mimeType: 'application/vnd.google-apps.document',
              parents: ['f'],
            },
            fields: 'id',
            supportsAllDrives: true,
          };
          return w === 'ours'
            ? ours.drive.files.create({ ...params, media: { ...media, body: bytes } })
            : theirs.drive.files.create(
                { ...params, media: { ...media, body: Readable.from(bytes) } },
                { rootUrl: server.root },
              );
        },
      ],
      [
        'files.update (upload)',
        (w) => {
          const params = { fileId: 'doc1', fields: 'id', supportsAllDrives: true };
          return w === 'ours'
            ? ours.drive.files.update({ ...params, media: { ...media, body: bytes } })
            : theirs.drive.files.update(
                { ...params, media: { ...media, body: Readable.from(bytes) } },
                { rootUrl: server.root },
              );
        },
      ],
    ];
    for (const [name, call] of uploads) {
      await call('theirs');
      await call('ours');
      const [expected, actual] = server.seen.splice(0);
      if (!expected || !actual) throw new Error(`${name}: no request seen`);
      expect([actual.method, actual.path, actual.query, actual.type], name).toEqual([
        expected.method,
        expected.path,
        expected.query,
        expected.type,
      ]);
      if (expected.type === 'multipart/related') expect(parts(actual), name).toEqual(parts(expected));
      else expect(actual.body, name).toBe(expected.body);
    }
  });

  it('carry Google’s status and message on an error, as the caller’s retry rules expect', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(429, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'Quota exceeded for quota metric' },
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closing.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const api = sheetsApi(
      { token: async () => 't' },
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    );
    const error = await api.spreadsheets.get({ spreadsheetId: 'x' }).catch((e: unknown) => e);
    const { classify } = await import('../../shared/adapters/google/caller.ts');
    expect(classify(error)).toEqual({
      retryable: true,
      status: 429,
      reason: 'RESOURCE_EXHAUSTED',
      message: 'Quota exceeded for quota metric',
    });
    const refused = await sheetsApi({ token: async () => 't' }, 'http://127.0.0.1:9/')
      .spreadsheets.get({ spreadsheetId: 'x' })
      .catch((e: unknown) => e);
    expect(classify(refused)).toMatchObject({ retryable: true, status: 0 });
    const cut = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
      res.end('{"valueRanges":[{"range":"A1');
    });
    await new Promise<void>((resolve) => cut.listen(0, '127.0.0.1', resolve));
    closing.push(() => new Promise<void>((resolve) => cut.close(() => resolve())));
    const half = await sheetsApi(
      { token: async () => 't' },
      `http://127.0.0.1:${(cut.address() as AddressInfo).port}/`,
    )
      .spreadsheets.values.batchGet({ spreadsheetId: 'x' })
      .catch((e: unknown) => e);
    expect(classify(half)).toMatchObject({ retryable: true, status: 0 });
  });
});

describe('tokens', () => {
  it('signs a service account’s JWT that verifies with the key’s public half, and reuses the token until it is due', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    let asked = 0;
    const server = await recorder((seen) => {
      asked++;
      const form = new URLSearchParams(seen.body);
      expect(form.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
      const [header = '', claims = '', signature = ''] = (form.get('assertion') ?? '').split('.');
      expect(
        verify(
          'RSA-SHA256',
          Buffer.from(`${header}.${claims}`),
          publicKey,
          Buffer.from(signature, 'base64url'),
        ),
      ).toBe(true);
      expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
        alg: 'RS256',
        typ: 'JWT',
        kid: 'k1',
      });
      const body = JSON.parse(Buffer.from(claims, 'base64url').toString()) as Record<string, unknown>;
      expect(body).toMatchObject({
        iss: 'thidua@p.iam.gserviceaccount.com',
        scope: SCOPES.read.join(' '),
        aud: `${server.root}token`,
      });
      expect(Number(body.exp) - Number(body.iat)).toBe(3600);
      return { access_token: `token-${asked}`, expires_in: 3599, token_type: 'Bearer' };
    });
    closing.push(server.close);
    const credentials = parseCredentialsJson(
      JSON.stringify({
        type: 'service_account',
        client_email: 'thidua@p.iam.gserviceaccount.com',
        private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        private_key_id: 'k1',
        token_uri: `${server.root}token`,
      }),
    );
    const source = tokenSource(credentials, 'read');
    expect(await Promise.all([source.token(), source.token()])).toEqual(['token-1', 'token-1']);
    expect(await source.token()).toBe('token-1');
    expect(asked).toBe(1);
  });

  it('exchanges a signed AWS identity for Google’s token exactly as google-auth-library does', async () => {
    const server = await recorder((seen) =>
      seen.path === '/sts'
        ? {
            access_token: 'federated',
            issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
            token_type: 'Bearer',
            expires_in: 3600,
          }
        : { accessToken: 'impersonated', expireTime: new Date(Date.now() + 3_600_000).toISOString() },
    );
    closing.push(server.close);
    vi.stubEnv('AWS_REGION', 'ap-southeast-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY');
    vi.stubEnv('AWS_SESSION_TOKEN', 'session-token');
    const config = {
      type: 'external_account',
      audience: '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/aws/providers/aws',
      subject_token_type: 'urn:ietf:params:aws:token-type:aws4_request',
      token_url: `${server.root}sts`,
      service_account_impersonation_url: `${server.root}v1/projects/-/serviceAccounts/thidua@p.iam.gserviceaccount.com:generateAccessToken`,
      credential_source: {
        environment_id: 'aws1',
        regional_cred_verification_url:
          'https://sts.{region}.amazonaws.com?Action=GetCallerIdentity&Version=2011-06-15',
      },
    };
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-28T08:00:00Z') });
    const theirs = ExternalAccountClient.fromJSON({ ...config, scopes: [...SCOPES.write] } as never);
    if (!theirs) throw new Error('google-auth-library took no client');
    await theirs.getAccessToken();
    const expected = server.seen.splice(0);
    const ours = tokenSource(parseCredentialsJson(JSON.stringify(config)), 'write');
    expect(await ours.token()).toBe('impersonated');
    const actual = server.seen.splice(0);
    expect(actual.map((s) => s.path)).toEqual(expected.map((s) => s.path));
    const exchange = (s: Seen | undefined) => {
      const form = Object.fromEntries(new URLSearchParams(s?.body));
      const subject = JSON.parse(decodeURIComponent(form.subject_token ?? '')) as {
        headers: { key: string; value: string }[];
      };
      return {
        ...form,
        subject_token: {
          ...subject,
          headers: Object.fromEntries(subject.headers.map((h) => [h.key.toLowerCase(), h.value])),
        },
      };
    };
    expect(exchange(actual[0])).toEqual(exchange(expected[0]));
    expect(JSON.parse(actual[1]?.body ?? '')).toEqual(JSON.parse(expected[1]?.body ?? ''));
    expect(actual[1]?.authorization).toBe('Bearer federated');
  });
});
