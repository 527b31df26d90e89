/**
 * The DynamoDB clients of thidua: the AWS SDK's `DynamoDBClient` (region and credentials from the
 * SDK's default chain; an explicit endpoint and placeholder credentials for a store on this
 * machine) wrapped in its `DynamoDBDocumentClient`, with request counting and explicit timeouts,
 * and table creation for local stores. Kept apart from the embedded dynalite so that Lambda
 * bundles never pull it in.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Counters } from '../../ports/index.ts';
import { TABLE_KEY } from './keys.ts';

/** What every DynamoDB adapter of thidua is given: the SDK's document client. */
export type DynamoClient = DynamoDBDocumentClient;

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
  /** Local endpoints take any credentials; the real service uses the SDK's default chain. */
  readonly localCredentials?: boolean;
}

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
/** A store on this machine still needs a region to sign with; any will do. */
const LOCAL_REGION = 'ap-southeast-1';

/**
 * A document client whose every request (retries included) is counted in `counters`. Items are
 * plain values both ways, as thidua writes them: numbers stay numbers (a number past the safe
 * integers is refused, never rounded), binary comes back as `Uint8Array`, string sets as `Set`;
 * an `undefined` attribute is left out, and a class instance is refused rather than flattened.
 */
export function createDynamoClient(options: ClientOptions): DynamoClient {
  const client = new DynamoDBClient({
    ...(options.region ? { region: options.region } : {}),
    ...(options.localCredentials && !options.region && !process.env.AWS_REGION
      ? { region: LOCAL_REGION }
      : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.localCredentials ? { credentials: LOCAL_CREDENTIALS } : {}),
    maxAttempts: 6,
    requestHandler: { requestTimeout: 10_000, connectionTimeout: 3_000 },
  });
  const counters = options.counters;
  if (counters)
    // The deserialize step runs once per attempt (after the retry step), so retries are counted too.
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const name = context.commandName ?? '';
        if (READS.has(name)) counters.storeReads++;
        else if (WRITES.has(name)) counters.storeWrites++;
        return next(args);
      },
      { step: 'deserialize', name: 'thiduaRequestCounter' },
    );
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: {
      removeUndefinedValues: true,
      convertEmptyValues: false,
      convertClassInstanceToMap: false,
    },
    unmarshallOptions: { wrapNumbers: false },
  });
}

/** Creates the single table if it does not exist (local stores; in AWS the CDK stack owns it). */
export async function ensureTable(client: DynamoClient, tableName: string): Promise<void> {
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
