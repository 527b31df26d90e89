/** An embedded dynalite per test file, with a fresh table per test. */
import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  createDynamoClient,
  type EmbeddedStore,
  ensureTable,
  startDynalite,
} from '../../shared/adapters/dynamodb/local.ts';
import { DynamoSubmissionStore } from '../../shared/adapters/dynamodb/store.ts';
import { type Counters, newCounters } from '../../shared/ports/index.ts';

export interface TestStore {
  readonly client: DynamoDBClient;
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
export function injectUnprocessed(
  client: DynamoDBClient,
  table: string,
  times: number,
): { injected: number } {
  const stats = { injected: 0 };
  let left = times;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'BatchWriteItemCommand' || left <= 0) return next(args);
      left--;
      const input = args.input as { RequestItems: Record<string, unknown[]> };
      const all = input.RequestItems[table] ?? [];
      const kept = all.slice(0, Math.ceil(all.length / 2));
      const dropped = all.slice(kept.length);
      stats.injected += dropped.length;
      const result = await next({ ...args, input: { ...input, RequestItems: { [table]: kept } } });
      const output = result.output as { UnprocessedItems?: Record<string, unknown[]> };
      output.UnprocessedItems = dropped.length ? { [table]: dropped } : {};
      return result;
    },
    { step: 'serialize', priority: 'high', name: 'injectUnprocessed' },
  );
  return stats;
}

/**
 * For a test file: one embedded dynalite for the file, a fresh table for each `fresh()`, every
 * client made by `fresh()` closed after its test.
 */
export function useStore(): { fresh(): Promise<TestStore>; server(): EmbeddedStore } {
  let server: EmbeddedStore | undefined;
  const open: TestStore[] = [];
  beforeAll(async () => {
    server = await startStore();
  });
  afterEach(() => {
    for (const db of open.splice(0)) db.client.destroy();
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
    async fresh() {
      const db = await freshStore(running());
      open.push(db);
      return db;
    },
  };
}
