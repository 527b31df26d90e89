/**
 * The small AWS client that replaced the SDK in the functions: its signatures are the SDK's own
 * (the SDK's signer is the oracle), its DynamoDB values are the SDK's (util-dynamodb is the
 * oracle), and it retries, gives up and names errors as AWS answers them over real HTTP.
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { marshall as sdkMarshall, unmarshall as sdkUnmarshall } from '@aws-sdk/util-dynamodb';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSqsClient, SqsWorkQueue } from '../../functions/lib/queue.ts';
import {
  AwsError,
  AwsJsonClient,
  type AwsJsonClientOptions,
  credentialsFromEnv,
  isAwsError,
} from '../../shared/adapters/aws/client.ts';
import { signRequest } from '../../shared/adapters/aws/sigv4.ts';
import { DocumentClient, marshallItem, unmarshallItem } from '../../shared/adapters/dynamodb/document.ts';
import type { EmbeddedStore } from '../../shared/adapters/dynamodb/local.ts';
import { freshStore, startStore } from '../helpers/store.ts';

/** node:crypto behind the SDK's hash interface, for its signer. */
class Sha256 {
  private readonly hash;
  constructor(secret?: unknown) {
    this.hash = secret ? createHmac('sha256', secret as Uint8Array) : createHash('sha256');
  }
  update(data: unknown) {
    this.hash.update(data as Uint8Array);
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
}

describe('SigV4', () => {
  const credentials = {
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  };

  it('signs as the AWS SDK does, for any target, body, path, query, region and session token', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          service: fc.constantFrom('dynamodb', 'sqs', 'secretsmanager'),
          region: fc.constantFrom('ap-southeast-1', 'us-east-1', 'eu-west-3'),
          target: fc.stringMatching(/^[A-Za-z_.0-9]{1,40}$/),
          body: fc.string({ maxLength: 200 }),
          path: fc.array(fc.stringMatching(/^[A-Za-z0-9._~ -]{0,8}$/), { maxLength: 3 }),
          query: fc.array(fc.tuple(fc.stringMatching(/^[a-z]{1,5}$/), fc.string({ maxLength: 8 })), {
            maxLength: 3,
          }),
          token: fc.option(fc.stringMatching(/^[A-Za-z0-9+/=]{10,60}$/), { nil: undefined }),
          time: fc.integer({ min: 1_500_000_000_000, max: 2_000_000_000_000 }),
        }),
        async (c) => {
          const url = new URL(`https://${c.service}.${c.region}.amazonaws.com/`);
          url.pathname = `/${c.path.map(encodeURIComponent).join('/')}`;
          for (const [k, v] of c.query) url.searchParams.append(k, v);
          const now = new Date(c.time);
          const creds = { ...credentials, sessionToken: c.token };
          const headers = { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': c.target };
          const ours = signRequest({
            method: 'POST',
            url,
            headers,
            body: c.body,
            credentials: creds,
            region: c.region,
            service: c.service,
            now,
          });
          const query: Record<string, string | string[]> = {};
          for (const [k, v] of url.searchParams) {
            const had = query[k];
            query[k] = had === undefined ? v : [...(Array.isArray(had) ? had : [had]), v];
          }
          // The SDK's clients sign JSON calls without the payload-hash header (that is S3's).
          const signer = new SignatureV4({
            credentials: creds,
            region: c.region,
            service: c.service,
            sha256: Sha256,
            applyChecksum: false,
          });
          const sdk = await signer.sign(
            {
              method: 'POST',
              protocol: 'https:',
              hostname: url.hostname,
              path: decodeURIComponent(url.pathname),
              query,
              headers: { ...headers, host: url.host },
              body: c.body,
            },
            { signingDate: now },
          );
          expect(ours.authorization).toBe(sdk.headers.authorization);
          expect(ours['x-amz-date']).toBe(sdk.headers['x-amz-date']);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('matches the published example of the AWS signature test suite (get-vanilla)', () => {
    const headers = signRequest({
      method: 'GET',
      url: new URL('https://example.amazonaws.com/'),
      headers: {},
      body: '',
      credentials,
      region: 'us-east-1',
      service: 'service',
      now: new Date('2015-08-30T12:36:00Z'),
    });
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
  });

  it('takes a function’s credentials from the environment Lambda sets, and says so when there are none', () => {
    expect(
      credentialsFromEnv({ AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b', AWS_SESSION_TOKEN: 'c' }),
    ).toEqual({
      accessKeyId: 'a',
      secretAccessKey: 'b',
      sessionToken: 'c',
    });
    expect(() => credentialsFromEnv({})).toThrow(/AWS_ACCESS_KEY_ID/);
  });
});

describe('DynamoDB values', () => {
  const scalar = fc.oneof(
    fc.string(),
    fc
      .double({
        noNaN: true,
        noDefaultInfinity: true,
        min: -Number.MAX_SAFE_INTEGER,
        max: Number.MAX_SAFE_INTEGER,
      })
      .filter((n) => !Object.is(n, -0)),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.uint8Array({ minLength: 1, maxLength: 20 }).map((b) => Buffer.from(b)),
  );
  const value = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      scalar,
      fc.constant(undefined),
      fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 4 }).map((a) => new Set(a)),
      fc.uniqueArray(fc.integer(), { minLength: 1, maxLength: 4 }).map((a) => new Set(a)),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), tie('value'), { maxKeys: 4 }),
    ),
  })).value;
  const item = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), value, { maxKeys: 6 });

  it('are written as the AWS SDK writes them and read back as it reads them', () => {
    fc.assert(
      fc.property(item, (it) => {
        const ours = marshallItem(it);
        const sdk = sdkMarshall(it, { removeUndefinedValues: true, convertClassInstanceToMap: false });
        const b64 = (v: unknown): unknown =>
          v instanceof Uint8Array
            ? Buffer.from(v).toString('base64')
            : Array.isArray(v)
              ? v.map(b64)
              : v && typeof v === 'object'
                ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, b64(x)]))
                : v;
        // The SDK keeps binary as bytes until its JSON serializer writes base64: compare that JSON.
        expect(ours).toEqual(b64(sdk));
        expect(unmarshallItem(ours)).toEqual(sdkUnmarshall(sdk as never));
      }),
      { numRuns: 300 },
    );
  });

  it('refuse what DynamoDB cannot hold, with a reason', () => {
    expect(() => marshallItem({ a: new Set() })).toThrow(/empty set/);
    expect(() => marshallItem({ a: new Date(0) })).toThrow(/Date/);
    expect(() => marshallItem({ a: Number.NaN })).toThrow(/NaN/);
    expect(() => marshallItem({ a: 2 ** 60 })).toThrow(/precision/);
  });
});

describe('against dynalite', () => {
  let server: EmbeddedStore;
  beforeAll(async () => {
    server = await startStore();
  });
  afterAll(async () => {
    await server.close();
  });

  it('names a failed condition as AWS does and stores exactly what it was given', async () => {
    const db = await freshStore(server);
    const doc = new DocumentClient(db.client);
    const item = {
      pk: 'A',
      sk: 'B',
      n: 1.5,
      s: 'Nguyễn',
      set: new Set(['x', 'y']),
      bin: Buffer.from([1, 2]),
      list: [1, 'a', null],
      map: { k: true },
    };
    await doc.put({ TableName: db.table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' });
    const again = doc.put({
      TableName: db.table,
      Item: item,
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    await expect(again).rejects.toSatisfy((e) => isAwsError(e, 'ConditionalCheckFailedException'));
    expect((await doc.get({ TableName: db.table, Key: { pk: 'A', sk: 'B' } })).Item).toEqual(item);
    const missing = db.client.call('DescribeTable', { TableName: 'nope' });
    await expect(missing).rejects.toSatisfy((e) => isAwsError(e, 'ResourceNotFoundException'));
  });
});

/** A local HTTP endpoint answering as AWS does, to see retries and errors over a real socket. */
function endpoint(
  answer: (target: string, body: unknown, req: IncomingMessage, res: ServerResponse) => void,
) {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () =>
      answer(
        String(req.headers['x-amz-target']),
        JSON.parse(Buffer.concat(chunks).toString() || '{}'),
        req,
        res,
      ),
    );
  });
  return new Promise<{ url: string; server: Server }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server }),
    ),
  );
}
const reply = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
  res.end(JSON.stringify(body));
};

describe('retries and errors over HTTP', () => {
  let open: Server | undefined;
  afterEach(() => {
    open?.close();
    open?.closeAllConnections();
    open = undefined;
  });
  const local = { accessKeyId: 'local', secretAccessKey: 'local' };
  const dynamoAt = (endpoint: string, more: Partial<AwsJsonClientOptions>) =>
    new AwsJsonClient({
      service: 'dynamodb',
      targetPrefix: 'DynamoDB_20120810',
      jsonVersion: '1.0',
      endpoint,
      credentials: local,
      ...more,
    });

  it('retries throttling and server errors, then answers; each attempt counted and signed', async () => {
    const seen: string[] = [];
    const { url, server } = await endpoint((target, _body, req, res) => {
      seen.push(String(req.headers.authorization).slice(0, 16));
      if (seen.length === 1)
        return reply(res, 400, {
          __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
          message: 'slow down',
        });
      if (seen.length === 2) return reply(res, 500, { __type: 'InternalServerError', message: 'oops' });
      reply(res, 200, { ok: target });
    });
    open = server;
    let attempts = 0;
    const client = dynamoAt(url, { maxAttempts: 3, onAttempt: () => attempts++ });
    expect(await client.call('GetItem', {})).toEqual({ ok: 'DynamoDB_20120810.GetItem' });
    expect(attempts).toBe(3);
    expect(seen.every((a) => a === 'AWS4-HMAC-SHA256')).toBe(true);
  });

  it('takes an answer cut short for no answer: tried again, never read as an empty result', async () => {
    let calls = 0;
    const { url, server } = await endpoint((_t, _b, _r, res) => {
      calls++;
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(calls === 1 ? '{"Items":[{"pk":{"S":"A"' : JSON.stringify({ Items: [] }));
    });
    open = server;
    expect(await dynamoAt(url, { maxAttempts: 2 }).call('Query', {})).toEqual({ Items: [] });
    expect(calls).toBe(2);
  });

  it('does not retry a refusal, and gives up after the last attempt with the error AWS named', async () => {
    let calls = 0;
    const { url, server } = await endpoint((_t, _b, _r, res) => {
      calls++;
      reply(res, 400, {
        __type: 'com.amazon.coral.validate#ValidationException',
        message: 'Item size has exceeded the maximum allowed size',
      });
    });
    open = server;
    const client = dynamoAt(url, { maxAttempts: 5 });
    const error = await client.call('PutItem', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsError);
    expect(error).toMatchObject({ name: 'ValidationException', status: 400 });
    expect(String((error as Error).message)).toContain('maximum allowed size');
    expect(calls).toBe(1);
  });

  it('says missing credentials as their provider says them, before any request', async () => {
    let attempts = 0;
    const refused = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });
    const client = new AwsJsonClient({
      service: 'dynamodb',
      targetPrefix: 'DynamoDB_20120810',
      jsonVersion: '1.0',
      endpoint: 'http://127.0.0.1:9/',
      credentials: () => Promise.reject(refused),
      onAttempt: () => attempts++,
    });
    await expect(client.call('GetItem', {})).rejects.toBe(refused);
    expect(attempts).toBe(0);
  });

  it('gives up on an endpoint that never answers, after its timeout and attempts', async () => {
    let calls = 0;
    const { url, server } = await endpoint(() => {
      calls++; // never answers
    });
    open = server;
    const client = new AwsJsonClient({
      service: 'sqs',
      targetPrefix: 'AmazonSQS',
      jsonVersion: '1.0',
      endpoint: url,
      credentials: local,
      maxAttempts: 2,
      timeoutMs: 200,
    });
    await expect(client.call('GetQueueAttributes', {})).rejects.toMatchObject({
      name: 'NetworkingError',
      status: 0,
    });
    expect(calls).toBe(2);
  });

  it('sends SQS batches of ten in the JSON protocol and sends again only the entries SQS failed', async () => {
    const received: string[] = [];
    let failedOnce = false;
    const { url, server } = await endpoint((target, body, _req, res) => {
      const input = body as { QueueUrl: string; Entries: { Id: string; MessageBody: string }[] };
      expect(target).toBe('AmazonSQS.SendMessageBatch');
      expect(input.QueueUrl).toBe('https://sqs.ap-southeast-1.amazonaws.com/1/sync');
      expect(input.Entries.length).toBeLessThanOrEqual(10);
      const failed = !failedOnce && input.Entries.length > 1 ? [input.Entries[1]] : [];
      failedOnce ||= failed.length > 0;
      for (const e of input.Entries) if (!failed.includes(e)) received.push(e.MessageBody);
      reply(res, 200, {
        Successful: input.Entries.filter((e) => !failed.includes(e)).map((e) => ({ Id: e.Id })),
        Failed: failed.map((e) => ({ Id: e?.Id, SenderFault: false, Code: 'InternalError' })),
      });
    });
    open = server;
    const queue = new SqsWorkQueue(
      new AwsJsonClient({
        service: 'sqs',
        targetPrefix: 'AmazonSQS',
        jsonVersion: '1.0',
        endpoint: url,
        credentials: local,
      }),
    );
    const bodies = Array.from({ length: 23 }, (_, i) => ({ unit: `U${i}` }));
    await queue.send('https://sqs.ap-southeast-1.amazonaws.com/1/sync', bodies);
    expect(received.map((b) => JSON.parse(b)).sort((a, b) => a.unit.localeCompare(b.unit))).toEqual(
      [...bodies].sort((a, b) => a.unit.localeCompare(b.unit)),
    );
    expect(createSqsClient().region).toBeTruthy();
  });
});
