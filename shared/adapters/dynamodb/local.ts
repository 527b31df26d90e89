/**
 * Wiring for any DynamoDB endpoint: the client (with request counting and explicit timeouts),
 * table creation for local stores, and the embedded dynalite server used when no endpoint is set.
 */
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import type { Counters } from '../../ports/index.ts';
import { TABLE_KEY } from './keys.ts';

const READS = new Set(['GetItemCommand', 'BatchGetItemCommand', 'QueryCommand', 'ScanCommand']);
const WRITES = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
]);

export interface ClientOptions {
  readonly endpoint?: string;
  readonly region?: string;
  readonly counters?: Counters;
  /** Local endpoints take any credentials; the real service uses the default provider chain. */
  readonly localCredentials?: boolean;
}

/** A DynamoDB client whose every request (retries included) is counted in `counters`. */
export function createDynamoClient(options: ClientOptions): DynamoDBClient {
  const client = new DynamoDBClient({
    region: options.region ?? process.env.AWS_REGION ?? 'ap-southeast-1',
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.localCredentials ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    maxAttempts: 6,
    requestHandler: { requestTimeout: 10_000, connectionTimeout: 3_000 },
  });
  const counters = options.counters;
  if (counters) {
    // The deserialize step runs once per attempt, so retried requests are counted too.
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const name = context.commandName ?? '';
        if (READS.has(name)) counters.storeReads++;
        else if (WRITES.has(name)) counters.storeWrites++;
        return next(args);
      },
      { step: 'deserialize', name: 'thiduaRequestCounter' },
    );
  }
  return client;
}

/** Creates the single table if it does not exist (local stores; in AWS the CDK stack owns it). */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: TABLE_KEY.partition, AttributeType: 'S' },
        { AttributeName: TABLE_KEY.sort, AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: TABLE_KEY.partition, KeyType: 'HASH' },
        { AttributeName: TABLE_KEY.sort, KeyType: 'RANGE' },
      ],
    }),
  );
  for (let i = 0; i < 50; i++) {
    const out = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (out.Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface EmbeddedStore {
  readonly endpoint: string;
  close(): Promise<void>;
}

/**
 * Starts dynalite in this process on 127.0.0.1. With `path`, data persists in that folder between
 * runs (LevelDB); without, it lives in memory (tests).
 */
export async function startDynalite(options: { path?: string } = {}): Promise<EmbeddedStore> {
  const { default: dynalite } = await import('dynalite');
  if (options.path) await mkdir(options.path, { recursive: true });
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path ? { path: options.path } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error?: Error) => (error ? reject(error) : resolve()));
      }),
  };
}
