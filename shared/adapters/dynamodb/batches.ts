/**
 * BatchGetItem and BatchWriteItem over every key or request, not just one page: the SDK sends one
 * request as it is given and leaves the paging and the unprocessed remainder to its caller. Pages
 * of 100 keys and 25 writes (DynamoDB's limits); whatever DynamoDB leaves unprocessed is sent
 * again with exponential backoff and full jitter, at most `BATCH_ATTEMPTS` times per page.
 */
import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoClient } from './client.ts';

export type Item = Record<string, unknown>;
export type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } };

export const BATCH_WRITE_LIMIT = 25;
const BATCH_GET_LIMIT = 100;
const BATCH_ATTEMPTS = 8;

/** DynamoDB kept leaving part of a batch unprocessed, attempt after attempt. */
export class UnprocessedError extends Error {
  override readonly name = 'UnprocessedError';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Exponential backoff with full jitter, capped at 5 s. */
const backoff = (attempt: number) => sleep(Math.random() * Math.min(5000, 50 * 2 ** attempt));

/** Every item of `keys` that exists: BatchGetItem in pages of 100. */
export async function getAll(doc: DynamoClient, table: string, keys: readonly Item[]): Promise<Item[]> {
  const found: Item[] = [];
  await inPages('BatchGetItem', keys, BATCH_GET_LIMIT, async (pending) => {
    const out = await doc.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending } } }));
    found.push(...(out.Responses?.[table] ?? []));
    return out.UnprocessedKeys?.[table]?.Keys ?? [];
  });
  return found;
}

/** Every request written: BatchWriteItem in pages of 25. */
export async function writeAll(
  doc: DynamoClient,
  table: string,
  requests: readonly WriteRequest[],
): Promise<void> {
  await inPages('BatchWriteItem', requests, BATCH_WRITE_LIMIT, async (pending) => {
    const out = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
    return (out.UnprocessedItems?.[table] ?? []) as WriteRequest[];
  });
}

async function inPages<T>(
  operation: string,
  all: readonly T[],
  size: number,
  send: (page: T[]) => Promise<T[]>,
): Promise<void> {
  for (let start = 0; start < all.length; start += size) {
    let pending = all.slice(start, start + size);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= BATCH_ATTEMPTS)
        throw new UnprocessedError(`${operation} left ${pending.length} requests unprocessed`);
      if (attempt > 0) await backoff(attempt);
      pending = await send(pending);
    }
  }
}
