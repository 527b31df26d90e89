/**
 * DynamoDB with plain values: items in, items out, as the AWS SDK's document client gives them
 * (numbers as numbers, string sets as `Set`, binary as `Uint8Array`, undefined attributes left
 * out, class instances refused), over the small JSON client. Only the operations thidua uses.
 */
import type { AwsJsonClient } from '../aws/client.ts';

/** A JSON client for DynamoDB (see `createDynamoClient`). */
export type DynamoClient = AwsJsonClient;
export type Item = Record<string, unknown>;
type AttributeValue =
  | { S: string }
  | { N: string }
  | { B: string }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] }
  | { BOOL: boolean }
  | { NULL: true }
  | { L: AttributeValue[] }
  | { M: Record<string, AttributeValue> };

export class MarshallError extends Error {
  override readonly name = 'MarshallError';
}

const base64 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** As the SDK: a number read back must be the number written, so none past the safe integers. */
function number(value: number | bigint): string {
  if (typeof value === 'number' && (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER))
    throw new MarshallError(`${value} cannot be stored as a DynamoDB number without losing precision`);
  return String(value);
}

/** One value as a DynamoDB attribute value; undefined for `undefined` (the attribute is left out). */
export function marshall(value: unknown): AttributeValue | undefined {
  if (value === undefined) return undefined;
  if (value === null) return { NULL: true };
  switch (typeof value) {
    case 'string':
      return { S: value };
    case 'number':
    case 'bigint':
      return { N: number(value) };
    case 'boolean':
      return { BOOL: value };
    case 'object':
      break;
    default:
      throw new MarshallError(`a ${typeof value} cannot be stored in DynamoDB`);
  }
  if (Array.isArray(value)) {
    const list: AttributeValue[] = [];
    for (const v of value) {
      const av = marshall(v);
      if (av) list.push(av);
    }
    return { L: list };
  }
  if (value instanceof Uint8Array) return { B: base64(value) };
  if (value instanceof Set) {
    const members = [...(value as Set<unknown>)];
    const first = members[0];
    if (first === undefined) throw new MarshallError('an empty set cannot be stored in DynamoDB');
    if (members.every((m) => typeof m === 'string')) return { SS: members as string[] };
    if (members.every((m) => typeof m === 'number' || typeof m === 'bigint'))
      return { NS: (members as (number | bigint)[]).map(number) };
    if (members.every((m) => m instanceof Uint8Array)) return { BS: (members as Uint8Array[]).map(base64) };
    throw new MarshallError('a set must hold only strings, only numbers or only binary values');
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null)
    throw new MarshallError(
      `a ${(value as object).constructor?.name ?? 'class'} instance cannot be stored in DynamoDB`,
    );
  return { M: marshallItem(value as Item) };
}

export function marshallItem(item: Item): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const key in item) {
    const av = marshall(item[key]);
    if (av) out[key] = av;
  }
  return out;
}

export function unmarshall(av: AttributeValue): unknown {
  if ('S' in av) return av.S;
  if ('N' in av) return Number(av.N);
  if ('BOOL' in av) return av.BOOL;
  if ('NULL' in av) return null;
  if ('M' in av) return unmarshallItem(av.M);
  if ('L' in av) return av.L.map(unmarshall);
  if ('B' in av) return Buffer.from(av.B, 'base64');
  if ('SS' in av) return new Set(av.SS);
  if ('NS' in av) return new Set(av.NS.map(Number));
  if ('BS' in av) return new Set(av.BS.map((b) => Buffer.from(b, 'base64')));
  throw new MarshallError(`unknown DynamoDB attribute value ${JSON.stringify(av).slice(0, 80)}`);
}

export function unmarshallItem(item: Record<string, AttributeValue>): Item {
  const out: Item = {};
  for (const key in item) out[key] = unmarshall(item[key] as AttributeValue);
  return out;
}

type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } };

interface Expressions {
  readonly ConditionExpression?: string;
  readonly ExpressionAttributeNames?: Record<string, string>;
  readonly ExpressionAttributeValues?: Item;
}
export interface GetInput {
  readonly TableName: string;
  readonly Key: Item;
  readonly ConsistentRead?: boolean;
  readonly ProjectionExpression?: string;
  readonly ExpressionAttributeNames?: Record<string, string>;
}
export interface PutInput extends Expressions {
  readonly TableName: string;
  readonly Item: Item;
}
export interface UpdateInput extends Expressions {
  readonly TableName: string;
  readonly Key: Item;
  readonly UpdateExpression: string;
  readonly ReturnValues?: 'NONE' | 'ALL_OLD' | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW';
}
export interface DeleteInput extends Expressions {
  readonly TableName: string;
  readonly Key: Item;
}
export interface QueryInput {
  readonly TableName: string;
  readonly KeyConditionExpression: string;
  readonly ExpressionAttributeNames?: Record<string, string>;
  readonly ExpressionAttributeValues?: Item;
  readonly FilterExpression?: string;
  readonly ProjectionExpression?: string;
  readonly ExclusiveStartKey?: Item | undefined;
  readonly ScanIndexForward?: boolean;
  readonly Limit?: number;
  readonly ConsistentRead?: boolean;
}
export interface ScanInput {
  readonly TableName: string;
  readonly ExclusiveStartKey?: Item | undefined;
  readonly Limit?: number;
}

const marshallValues = (values: Item | undefined) =>
  values ? { ExpressionAttributeValues: marshallItem(values) } : {};
const items = (list: unknown) =>
  ((list as Record<string, AttributeValue>[] | undefined) ?? []).map(unmarshallItem);
const maybeItem = (item: unknown) =>
  item ? unmarshallItem(item as Record<string, AttributeValue>) : undefined;

function marshallWrites(requests: readonly WriteRequest[]) {
  return requests.map((r) =>
    'PutRequest' in r
      ? { PutRequest: { Item: marshallItem(r.PutRequest.Item) } }
      : { DeleteRequest: { Key: marshallItem(r.DeleteRequest.Key) } },
  );
}
function unmarshallWrites(requests: unknown): WriteRequest[] {
  return (
    (requests as { PutRequest?: { Item: never }; DeleteRequest?: { Key: never } }[] | undefined) ?? []
  ).map((r) =>
    r.PutRequest
      ? { PutRequest: { Item: unmarshallItem(r.PutRequest.Item) } }
      : { DeleteRequest: { Key: unmarshallItem(r.DeleteRequest?.Key ?? {}) } },
  );
}
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

type Page = { Items: Item[]; LastEvaluatedKey: Item | undefined };

/** The document operations over a DynamoDB JSON client. */
export class DocumentClient {
  constructor(readonly client: AwsJsonClient) {}

  async get(input: GetInput): Promise<{ Item: Item | undefined }> {
    const out = await this.client.call('GetItem', { ...input, Key: marshallItem(input.Key) });
    return { Item: maybeItem(out.Item) };
  }

  async put(input: PutInput): Promise<void> {
    await this.client.call('PutItem', {
      ...input,
      Item: marshallItem(input.Item),
      ...marshallValues(input.ExpressionAttributeValues),
    });
  }

  async update(input: UpdateInput): Promise<{ Attributes: Item | undefined }> {
    const out = await this.client.call('UpdateItem', {
      ...input,
      Key: marshallItem(input.Key),
      ...marshallValues(input.ExpressionAttributeValues),
    });
    return { Attributes: maybeItem(out.Attributes) };
  }

  async delete(input: DeleteInput): Promise<void> {
    await this.client.call('DeleteItem', {
      ...input,
      Key: marshallItem(input.Key),
      ...marshallValues(input.ExpressionAttributeValues),
    });
  }

  query(input: QueryInput): Promise<Page> {
    return this.page('Query', input);
  }

  scan(input: ScanInput): Promise<Page> {
    return this.page('Scan', input);
  }

  private async page(operation: 'Query' | 'Scan', input: QueryInput | ScanInput): Promise<Page> {
    const out = await this.client.call(operation, {
      ...input,
      ...('ExpressionAttributeValues' in input ? marshallValues(input.ExpressionAttributeValues) : {}),
      ...(input.ExclusiveStartKey ? { ExclusiveStartKey: marshallItem(input.ExclusiveStartKey) } : {}),
    });
    return { Items: items(out.Items), LastEvaluatedKey: maybeItem(out.LastEvaluatedKey) };
  }

  /** Every item of `keys` that exists: BatchGetItem in pages of 100. */
  async getAll(table: string, keys: readonly Item[]): Promise<Item[]> {
    const found: Item[] = [];
    await inPages('BatchGetItem', keys, BATCH_GET_LIMIT, async (pending) => {
      const out = await this.client.call<{
        Responses?: Record<string, unknown>;
        UnprocessedKeys?: Record<string, { Keys?: unknown }>;
      }>('BatchGetItem', { RequestItems: { [table]: { Keys: pending.map(marshallItem) } } });
      found.push(...items(out.Responses?.[table]));
      return items(out.UnprocessedKeys?.[table]?.Keys);
    });
    return found;
  }

  /** Every request written: BatchWriteItem in pages of 25. */
  async writeAll(table: string, requests: readonly WriteRequest[]): Promise<void> {
    await inPages('BatchWriteItem', requests, BATCH_WRITE_LIMIT, async (pending) => {
      const out = await this.client.call<{ UnprocessedItems?: Record<string, unknown> }>('BatchWriteItem', {
        RequestItems: { [table]: marshallWrites(pending) },
      });
      return unmarshallWrites(out.UnprocessedItems?.[table]);
    });
  }
}

/**
 * Sends `all` in pages of `size`; what DynamoDB leaves unprocessed in a page is sent again with
 * backoff, at most `BATCH_ATTEMPTS` times per page.
 */
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

export type { WriteRequest };
