/**
 * The official clients as thidua sets them up, on the wire: the DynamoDB document client against
 * dynalite (through a recording proxy), SQS and Secrets Manager against local recorders speaking
 * their JSON protocols, the Google clients against the Sheets/Drive stand-in and a local token
 * service. What is asserted is what an office relies on: values stored as written, pages and
 * retries where thidua owns them, one request per attempt (the libraries' retries are off), and
 * keyless federation from the role's credentials.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../functions/lib/config.ts';
import { createSqsClient, SqsWorkQueue } from '../../functions/lib/queue.ts';
import { createRuntime } from '../../functions/lib/runtime.ts';
import { getAll, writeAll } from '../../shared/adapters/dynamodb/batches.ts';
import { createDynamoClient, ensureTable } from '../../shared/adapters/dynamodb/client.ts';
import { googleClients, parseCredentialsJson, SCOPES } from '../../shared/adapters/google/auth.ts';
import { GoogleCaller } from '../../shared/adapters/google/caller.ts';
import { DEFAULT_MOVEMENT_FILE } from '../../shared/movement/files.ts';
import { newCounters, SourceUnavailableError } from '../../shared/ports/index.ts';
import { feedbackTab } from '../../shared/present/feedback.ts';
import { seedSector, startGoogle } from '../helpers/google.ts';
import { useStore } from '../helpers/store.ts';

interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local HTTP endpoint that records each request and answers what `answer` says (JSON). */
async function recorder(
  answer: (seen: Seen) => { status?: number; json: unknown },
  contentType = 'application/x-amz-json-1.0',
) {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry = {
        method: req.method ?? '',
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(entry);
      const out = answer(entry);
      res.writeHead(out.status ?? 200, { 'content-type': contentType });
      res.end(JSON.stringify(out.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closing.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { seen, root };
}

/** A proxy in front of `target` that records the operation and body of every request. */
async function recordingProxy(target: string) {
  const seen: { target: string; body: Record<string, unknown> }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({
        target: String(req.headers['x-amz-target'] ?? ''),
        body: JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>,
      });
      const forward = httpRequest(
        `${target}${req.url ?? '/'}`,
        { method: req.method, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 500, up.headers);
          up.pipe(res);
        },
      );
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closing.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { seen, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
  vi.unstubAllEnvs();
});

describe('DynamoDB through the document client', () => {
  const store = useStore();

  it('stores plain values as thidua writes them, pages batches itself, names a failed condition', async () => {
    const proxy = await recordingProxy(store.server().endpoint);
    const counters = newCounters();
    const doc = createDynamoClient({ endpoint: proxy.endpoint, localCredentials: true, counters });
    const table = 'official-clients';
    await ensureTable(doc, table);
    const item = {
      pk: 'UNIT#A',
      sk: 'YEAR#2024#STATE',
      year: 2024,
      body: new Uint8Array([1, 2, 250]),
      done: new Set(['A', 'B']),
      problems: [{ code: 'OUT_OF_RANGE', cell: 'H7' }],
      lost: undefined,
    };
    await doc.send(
      new PutCommand({ TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
    const put = proxy.seen.find((s) => s.target === 'DynamoDB_20120810.PutItem')?.body.Item;
    // On the wire: DynamoDB's own types; the undefined attribute left out.
    expect(put).toEqual({
      pk: { S: 'UNIT#A' },
      sk: { S: 'YEAR#2024#STATE' },
      year: { N: '2024' },
      body: { B: 'AQL6' },
      done: { SS: ['A', 'B'] },
      problems: { L: [{ M: { code: { S: 'OUT_OF_RANGE' }, cell: { S: 'H7' } } }] },
    });
    const { lost: _lost, ...stored } = item;
    expect(
      (await doc.send(new GetCommand({ TableName: table, Key: { pk: 'UNIT#A', sk: item.sk } }))).Item,
    ).toEqual(stored);
    await expect(
      doc.send(
        new PutCommand({ TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
      ),
    ).rejects.toBeInstanceOf(ConditionalCheckFailedException);
    // A number DynamoDB could not give back as written is refused, not rounded.
    await expect(
      doc.send(new PutCommand({ TableName: table, Item: { pk: 'X', sk: 'Y', n: 2 ** 60 } })),
    ).rejects.toThrow();

    const many = Array.from({ length: 130 }, (_, i) => ({ pk: `P#${i}`, sk: 'S', i }));
    proxy.seen.length = 0;
    await writeAll(
      doc,
      table,
      many.map((Item) => ({ PutRequest: { Item } })),
    );
    const found = await getAll(
      doc,
      table,
      many.map(({ pk, sk }) => ({ pk, sk })),
    );
    expect(found.sort((a, b) => Number(a.i) - Number(b.i))).toEqual(many);
    const sizes = (target: string, key: 'write' | 'get') =>
      proxy.seen
        .filter((s) => s.target === `DynamoDB_20120810.${target}`)
        .map((s) => {
          const request = (s.body.RequestItems as Record<string, unknown[] | { Keys: unknown[] }>)[table];
          return key === 'write'
            ? (request as unknown[]).length
            : (request as { Keys: unknown[] }).Keys.length;
        });
    expect(sizes('BatchWriteItem', 'write')).toEqual([25, 25, 25, 25, 25, 5]);
    expect(sizes('BatchGetItem', 'get')).toEqual([100, 30]);
    expect(counters.storeWrites).toBeGreaterThanOrEqual(8);
  });
});

describe('SQS and Secrets Manager', () => {
  it('sends batches of ten in SQS’s JSON protocol and sends again only the entries SQS failed', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    let refused = false;
    const sqs = await recorder((seen) => {
      const body = JSON.parse(seen.body) as { Entries?: { Id: string; MessageBody: string }[] };
      if (seen.headers['x-amz-target'] === 'AmazonSQS.GetQueueAttributes')
        return {
          json: {
            Attributes: {
              ApproximateNumberOfMessages: '2',
              ApproximateNumberOfMessagesNotVisible: '1',
              ApproximateNumberOfMessagesDelayed: '0',
            },
          },
        };
      const failed = !refused ? (body.Entries ?? []).slice(0, 2) : [];
      refused = true;
      return {
        json: {
          Successful: (body.Entries ?? []).slice(failed.length).map((e) => ({
            Id: e.Id,
            MessageId: e.Id,
            MD5OfMessageBody: createHash('md5').update(e.MessageBody).digest('hex'),
          })),
          Failed: failed.map((e) => ({ Id: e.Id, Code: 'InternalError', SenderFault: false })),
        },
      };
    });
    const queue = new SqsWorkQueue(createSqsClient({ region: 'ap-southeast-1', endpoint: sqs.root }));
    const url = `${sqs.root}/123456789012/thidua-sync`;
    await queue.send(
      url,
      Array.from({ length: 23 }, (_, i) => ({ unit: i })),
    );
    const batches = sqs.seen.map((s) => ({
      method: s.method,
      target: s.headers['x-amz-target'],
      signed: String(s.headers.authorization).startsWith('AWS4-HMAC-SHA256'),
      ids: (JSON.parse(s.body) as { Entries: { Id: string }[] }).Entries.map((e) => e.Id),
    }));
    expect(batches.map((b) => [b.method, b.target, b.signed])).toEqual(
      Array(4).fill(['POST', 'AmazonSQS.SendMessageBatch', true]),
    );
    expect(batches.map((b) => b.ids)).toEqual([
      ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      ['0', '1'],
      ['10', '11', '12', '13', '14', '15', '16', '17', '18', '19'],
      ['20', '21', '22'],
    ]);
    expect(await queue.outstanding(url)).toBe(3);
  });

  it('reads the Google key from Secrets Manager through Powertools Parameters when the runtime is built', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    vi.stubEnv('AWS_REGION', 'ap-southeast-1');
    const key = {
      type: 'service_account',
      client_email: 'thidua@project.iam.gserviceaccount.com',
      // A key made for this test alone: only its way through Secrets Manager is looked at.
      private_key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
        type: 'pkcs8',
        format: 'pem',
      }),
    };
    const secrets = await recorder(() => ({ json: { Name: 'google', SecretString: JSON.stringify(key) } }));
    vi.stubEnv('AWS_ENDPOINT_URL_SECRETS_MANAGER', secrets.root);
    const config = loadConfig({
      TABLE_NAME: 'thidua',
      REGISTRY_ID: 'registry',
      GOOGLE_ACCESS: 'read',
      GOOGLE_SECRET_ID: 'arn:aws:secretsmanager:ap-southeast-1:1:secret:google',
      MOVEMENT_FILE: DEFAULT_MOVEMENT_FILE,
    });
    const rt = await createRuntime(config);
    expect(rt.clients.serviceAccountEmail).toBe(key.client_email);
    expect(rt.clients.sheetsWrite).toBeUndefined(); // a read-only function gets no writer
    expect(secrets.seen.map((s) => [s.method, s.headers['x-amz-target']])).toEqual([
      ['POST', 'secretsmanager.GetSecretValue'],
    ]);
    expect(JSON.parse(secrets.seen[0]?.body ?? '{}')).toMatchObject({ SecretId: config.GOOGLE_SECRET_ID });
  });
});

describe('Google through @googleapis/sheets and @googleapis/drive', () => {
  it('sends each call once per attempt (the library retries nothing) in the shape the API defines', async () => {
    const google = await startGoogle({ speed: 400 });
    closing.push(() => google.close());
    const registry = seedSector(google.standin, 1);
    const workbook = registry.units.get('U000')?.workbook ?? '';
    const { workbooks } = google.workbooks({ maxAttempts: 1 });
    // A 503 with one attempt allowed: one request reached Google, none repeated by the library.
    google.standin.inject({ kind: '503', api: 'spreadsheets.get', count: 1 });
    await expect(workbooks.readWorkbook(workbook)).rejects.toBeInstanceOf(SourceUnavailableError);
    expect(google.standin.calls.filter((c) => c.api === 'spreadsheets.get')).toHaveLength(1);

    google.standin.calls.length = 0;
    await workbooks.readWorkbook(workbook);
    await workbooks.writeFeedback(
      workbook,
      feedbackTab({ status: 'accepted', year: 2024, checkedAt: '05/12/2026 08:00', problems: [] }),
      'the version read',
    );
    const calls = google.standin.calls.map((c) => ({
      method: c.method,
      api: c.api,
      type: c.contentType,
      body: [...c.bodyKeys].sort(),
      query: [...new Set(c.query.map(([k]) => k))].sort(),
    }));
    // One read: the tabs' ranges with their grid data and ids, by a field mask.
    expect(calls[0]).toEqual({
      method: 'GET',
      api: 'spreadsheets.get',
      type: '',
      body: [],
      query: ['fields', 'ranges'],
    });
    // One write: the feedback block, asking for the spreadsheet after it (the tabs read, their grid data).
    expect(calls[1]).toEqual({
      method: 'POST',
      api: 'spreadsheets.batchUpdate',
      type: 'application/json',
      body: ['includeSpreadsheetInResponse', 'requests', 'responseIncludeGridData', 'responseRanges'],
      query: ['fields'],
    });
    // Then Drive, once: is the last change this account's?
    expect(calls.slice(2).map((c) => c.api)).toEqual(['files.get']);
  });

  it('exchanges the role’s AWS credentials for a Google token (keyless federation) before calling Sheets', async () => {
    vi.stubEnv('AWS_REGION', 'ap-southeast-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY');
    vi.stubEnv('AWS_SESSION_TOKEN', 'session-token');
    const google = await recorder(
      (seen) =>
        seen.path.startsWith('/sts')
          ? { json: { access_token: 'federated', token_type: 'Bearer', expires_in: 3600 } }
          : seen.path.includes(':generateAccessToken')
            ? {
                json: {
                  accessToken: 'impersonated',
                  expireTime: new Date(Date.now() + 3_600_000).toISOString(),
                },
              }
            : { json: { spreadsheetId: 'ss1', sheets: [] } },
      'application/json',
    );
    const clients = googleClients({
      credentials: {
        kind: 'externalAccount',
        config: {
          type: 'external_account',
          audience:
            '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/aws/providers/aws',
          subject_token_type: 'urn:ietf:params:aws:token-type:aws4_request',
          token_url: `${google.root}/sts`,
          service_account_impersonation_url: `${google.root}/v1/projects/-/serviceAccounts/thidua@p.iam.gserviceaccount.com:generateAccessToken`,
          credential_source: {
            environment_id: 'aws1',
            regional_cred_verification_url:
              'https://sts.{region}.amazonaws.com?Action=GetCallerIdentity&Version=2011-06-15',
          },
        },
      },
      rootUrl: `${google.root}/`,
      write: false,
    });
    const caller = new GoogleCaller({ timeoutMs: 5_000 });
    await caller.call('read', (o) => clients.sheetsRead.spreadsheets.get({ spreadsheetId: 'ss1' }, o));
    const [exchange, impersonation, sheets] = google.seen;
    const form = Object.fromEntries(new URLSearchParams(exchange?.body));
    expect(form.grant_type).toBe('urn:ietf:params:oauth:grant-type:token-exchange');
    // The subject token: a GetCallerIdentity request signed with the role's credentials (not sent to AWS by us).
    const subject = JSON.parse(decodeURIComponent(form.subject_token ?? '')) as {
      url: string;
      headers: { key: string; value: string }[];
    };
    expect(subject.url).toContain('sts.ap-southeast-1.amazonaws.com');
    const headers = Object.fromEntries(subject.headers.map((h) => [h.key.toLowerCase(), h.value]));
    expect(headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//);
    expect(headers['x-amz-security-token']).toBe('session-token');
    expect(JSON.parse(impersonation?.body ?? '{}')).toMatchObject({ scope: [...SCOPES.read] });
    expect(sheets?.path).toBe('/v4/spreadsheets/ss1');
    expect(sheets?.headers.authorization).toBe('Bearer impersonated');
  });

  it('with federated credentials, knows the impersonated account, so protections name it their only editor', async () => {
    const federated = googleClients({
      credentials: parseCredentialsJson(
        JSON.stringify({
          type: 'external_account',
          audience:
            '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/aws/providers/aws',
          subject_token_type: 'urn:ietf:params:aws:token-type:aws4_request',
          service_account_impersonation_url:
            'https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/thidua@p.iam.gserviceaccount.com:generateAccessToken',
          credential_source: {
            environment_id: 'aws1',
            regional_cred_verification_url:
              'https://sts.{region}.amazonaws.com?Action=GetCallerIdentity&Version=2011-06-15',
          },
        }),
      ),
      write: true,
    });
    expect(federated.serviceAccountEmail).toBe('thidua@p.iam.gserviceaccount.com');
    // What the adapter then asks Sheets for: ranges only that account may edit, not warnings.
    const { startGoogle } = await import('../helpers/google.ts');
    const g = await startGoogle();
    try {
      const { workbooks } = g.workbooks({}, federated.serviceAccountEmail);
      g.standin.putSpreadsheet('ss-U1', 'U1', { 'Trang tính1': [] });
      const { unitWorkbookModel } = await import('../../shared/present/unit-template.ts');
      const { catalog, movement, YEAR } = await import('../helpers/fixtures.ts');
      await workbooks.createWorkbook(
        'ss-U1',
        unitWorkbookModel({ movement, catalog, year: YEAR, unit: { code: 'U1', name: 'U1' } }),
      );
      const ranges = g.standin.protectedRanges('ss-U1', 'Tập thể') as {
        warningOnly?: boolean;
        editors?: { users?: string[] };
      }[];
      expect(ranges.length).toBeGreaterThan(0);
      for (const r of ranges)
        expect([r.warningOnly, r.editors?.users]).toEqual([false, ['thidua@p.iam.gserviceaccount.com']]);
    } finally {
      await g.close();
    }
  });
});
