/**
 * The DynamoDB client (with request counting and explicit timeouts) and table creation for local
 * stores. Kept apart from the embedded dynalite so that Lambda bundles never pull it in.
 */
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
