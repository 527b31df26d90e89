/**
 * Every item of one table read (Scan, page by page), for carrying a store's data into another:
 * an office's earlier stores, one per registry, into its one store. The runs' leases and the
 * dispatcher's registry cache stay behind: they belong to the store they were in.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { type Item, writeAll } from './batches.ts';
import type { DynamoClient } from './client.ts';
import { isBookkeepingKey, yearOfKey } from './keys.ts';

/** The table's items that are data (not bookkeeping), with the emulation year their key names, if any. */
export async function scanData(
  client: DynamoClient,
  table: string,
): Promise<{ item: Item; year: number | null }[]> {
  const found: { item: Item; year: number | null }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      const key = { pk: String(item.pk), sk: String(item.sk) };
      if (!isBookkeepingKey(key)) found.push({ item, year: yearOfKey(key) });
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return found;
}

/** Puts the items (BatchWriteItem in pages of 25, every unprocessed one sent again). */
export async function putItems(client: DynamoClient, table: string, items: readonly Item[]): Promise<void> {
  await writeAll(
    client,
    table,
    items.map((Item) => ({ PutRequest: { Item } })),
  );
}
