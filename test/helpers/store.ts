/** An embedded dynalite per test file, with a fresh table per test. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { DocumentClient, type DynamoClient } from '../../shared/adapters/dynamodb/document.ts';
import {
  createDynamoClient,
  type EmbeddedStore,
  ensureTable,
  startDynalite,
} from '../../shared/adapters/dynamodb/local.ts';
import { DynamoSubmissionStore } from '../../shared/adapters/dynamodb/store.ts';
import { type Counters, newCounters } from '../../shared/ports/index.ts';

export interface TestStore {
  readonly client: DynamoClient;
  readonly store: DynamoSubmissionStore;
  readonly counters: Counters;
  readonly table: string;
}

export async function startStore(): Promise<EmbeddedStore> {
  return startDynalite();
}

export async function freshStore(server: EmbeddedStore): Promise<TestStore> {
  const counters = newCounters();
  const client = createDynamoClient({ endpoint: server.endpoint, counters, localCredentials: true });
  const table = `thidua-${randomUUID().slice(0, 8)}`;
  await ensureTable(client, table);
  return { client, store: new DynamoSubmissionStore({ client, tableName: table }), counters, table };
}

/**
 * Makes the first `times` BatchWriteItem requests process only half of their items and return
 * the rest as UnprocessedItems, as DynamoDB does under throttling.
 */
export function injectUnprocessed(client: DynamoClient, table: string, times: number): { injected: number } {
  const stats = { injected: 0 };
  let left = times;
  const call = client.call.bind(client);
  client.call = (async (operation: string, input: unknown) => {
    if (operation !== 'BatchWriteItem' || left <= 0) return call(operation, input);
    left--;
    const request = input as { RequestItems: Record<string, unknown[]> };
    const all = request.RequestItems[table] ?? [];
    const kept = all.slice(0, Math.ceil(all.length / 2));
    const dropped = all.slice(kept.length);
    stats.injected += dropped.length;
    const output = await call(operation, { ...request, RequestItems: { [table]: kept } });
    return { ...output, UnprocessedItems: dropped.length ? { [table]: dropped } : {} };
  }) as typeof client.call;
  return stats;
}

/**
 * For a test file: one embedded dynalite for the file, a fresh table for each `fresh()` (clients
 * hold no connection of their own: nothing to close).
 */
export function useStore(): { fresh(): Promise<TestStore>; server(): EmbeddedStore } {
  let server: EmbeddedStore | undefined;
  beforeAll(async () => {
    server = await startStore();
  });
  afterAll(async () => {
    await server?.close();
  });
  const running = () => {
    if (!server) throw new Error('useStore(): the store starts in beforeAll');
    return server;
  };
  return {
    server: running,
    fresh: () => freshStore(running()),
  };
}

/** Every item of the test's table, as plain values. */
export async function scanAll(db: TestStore): Promise<Record<string, unknown>[]> {
  const doc = new DocumentClient(db.client);
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await doc.scan({ TableName: db.table, ExclusiveStartKey: start });
    items.push(...out.Items);
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}
