/**
 * The DynamoDB client (with request counting and explicit timeouts) and table creation for local
 * stores. Kept apart from the embedded dynalite so that Lambda bundles never pull it in.
 */

import type { Counters } from '../../ports/index.ts';
import { AwsJsonClient, type CredentialSource, isAwsError } from '../aws/client.ts';
import type { DynamoClient } from './document.ts';
import { TABLE_KEY } from './keys.ts';

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan']);
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

export interface ClientOptions {
  readonly endpoint?: string;
  readonly region?: string;
  readonly counters?: Counters;
  /** Local endpoints take any credentials; the real service takes the environment's (or `credentials`). */
  readonly localCredentials?: boolean;
  readonly credentials?: CredentialSource;
}

const LOCAL = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/** A DynamoDB client whose every request (retries included) is counted in `counters`. */
export function createDynamoClient(options: ClientOptions): DynamoClient {
  const counters = options.counters;
  const credentials = options.localCredentials ? LOCAL : options.credentials;
  return new AwsJsonClient({
    service: 'dynamodb',
    targetPrefix: 'DynamoDB_20120810',
    jsonVersion: '1.0',
    ...(options.region ? { region: options.region } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(credentials ? { credentials } : {}),
    maxAttempts: 6,
    timeoutMs: 10_000,
    ...(counters
      ? {
          onAttempt: (operation: string) => {
            if (READS.has(operation)) counters.storeReads++;
            else if (WRITES.has(operation)) counters.storeWrites++;
          },
        }
      : {}),
  });
}

/** Creates the single table if it does not exist (local stores; in AWS the CDK stack owns it). */
export async function ensureTable(client: DynamoClient, tableName: string): Promise<void> {
  try {
    await client.call('DescribeTable', { TableName: tableName });
    return;
  } catch (error) {
    if (!isAwsError(error, 'ResourceNotFoundException')) throw error;
  }
  await client.call('CreateTable', {
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
  });
  for (let i = 0; i < 50; i++) {
    const out = await client.call<{ Table?: { TableStatus?: string } }>('DescribeTable', {
      TableName: tableName,
    });
    if (out.Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
