/** An embedded dynalite per test file, with a fresh table per test. */
import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, paginateScan } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll } from 'vitest';
import type { DynamoClient } from '../../shared/adapters/dynamodb/client.ts';
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
  const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
  client.send = (async (command: unknown) => {
    if (!(command instanceof BatchWriteCommand) || left <= 0) return send(command);
    left--;
    const all = command.input.RequestItems?.[table] ?? [];
    const kept = all.slice(0, Math.ceil(all.length / 2));
    const dropped = all.slice(kept.length);
    stats.injected += dropped.length;
    const output = (await send(new BatchWriteCommand({ RequestItems: { [table]: kept } }))) as object;
    return { ...output, UnprocessedItems: dropped.length ? { [table]: dropped } : {} };
  }) as typeof client.send;
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
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateScan({ client: db.client }, { TableName: db.table }))
    items.push(...(page.Items ?? []));
  return items;
}
