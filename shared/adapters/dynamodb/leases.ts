/**
 * Run leases on the table: one item per lease, taken with a conditional put (free, expired, or
 * already ours), renewed and released on the same condition. No TTL needed: an expired lease is
 * simply taken over by the next run.
 */

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { RunLeases } from '../../ports/index.ts';
import type { DynamoClient } from './client.ts';
import { leaseKey } from './keys.ts';

const leaseItemSchema = z.object({
  holder: z.string(),
  acquiredAt: z.string().nullable().default(null),
  expiresAt: z.number(),
});

export class DynamoLeases implements RunLeases {
  private readonly doc: DynamoClient;
  constructor(
    client: DynamoClient,
    private readonly table: string,
  ) {
    this.doc = client;
  }

  /** Writes the lease item for `holder` if `condition` holds; false when it does not. */
  private async claim(
    input: { name: string; holder: string; nowMs: number; ttlMs: number },
    condition: string,
    values: Record<string, unknown>,
  ): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...leaseKey(input.name),
            holder: input.holder,
            acquiredAt: new Date(input.nowMs).toISOString(),
            expiresAt: input.nowMs + input.ttlMs,
          },
          ConditionExpression: condition,
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async acquire(input: { name: string; holder: string; nowMs: number; ttlMs: number }) {
    // Free, expired, or already ours.
    if (
      await this.claim(input, 'attribute_not_exists(pk) OR expiresAt < :now OR holder = :me', {
        ':now': input.nowMs,
        ':me': input.holder,
      })
    )
      return { acquired: true as const };
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.table,
        Key: leaseKey(input.name),
        ConsistentRead: true,
      }),
    );
    const held = leaseItemSchema.safeParse(out.Item ?? {});
    return {
      acquired: false as const,
      holder: held.success ? held.data.holder : 'unknown',
      since: held.success ? held.data.acquiredAt : null,
    };
  }

  async renew(input: { name: string; holder: string; nowMs: number; ttlMs: number }): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: leaseKey(input.name),
          UpdateExpression: 'SET expiresAt = :until',
          ConditionExpression: 'holder = :me',
          ExpressionAttributeValues: { ':until': input.nowMs + input.ttlMs, ':me': input.holder },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async takeOver(input: { name: string; from: string; holder: string; nowMs: number; ttlMs: number }) {
    return this.claim(input, 'holder = :dead', { ':dead': input.from });
  }

  async holderAt(name: string, nowMs: number): Promise<string | null> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: leaseKey(name), ConsistentRead: true }),
    );
    const held = leaseItemSchema.safeParse(out.Item ?? {});
    return held.success && held.data.expiresAt >= nowMs ? held.data.holder : null;
  }

  async release(input: { name: string; holder: string }): Promise<void> {
    try {
      await this.doc.send(
        new DeleteCommand({
          TableName: this.table,
          Key: leaseKey(input.name),
          ConditionExpression: 'holder = :me',
          ExpressionAttributeValues: { ':me': input.holder },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
