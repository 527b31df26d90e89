/**
 * Progress of a fanned-out sync: the dispatcher records how many units it enqueued; each worker
 * adds the unit it finished to a string set (adding twice is harmless, so a redelivered message
 * counts once); the worker that completes the set — and only that one, by a condition — is told
 * to start the proposals.
 */

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand, type UpdateCommandOutput } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { DynamoClient } from './client.ts';
import { runKey } from './keys.ts';

const runSchema = z.object({
  expected: z.number().int().nonnegative(),
  done: z.instanceof(Set).optional(),
  startedAt: z.string(),
});

export class RunTracker {
  private readonly doc: DynamoClient;
  constructor(
    client: DynamoClient,
    private readonly table: string,
  ) {
    this.doc = client;
  }

  async start(runId: string, year: number, expected: number, startedAt: string): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...runKey(runId), runId, year, expected, startedAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  /**
   * Records a finished unit. Exactly once per run — when the last expected unit is done — it
   * answers when the run started; otherwise false.
   */
  async finish(runId: string, unitCode: string): Promise<false | { startedAt: string }> {
    let out: UpdateCommandOutput;
    try {
      out = await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: runKey(runId),
          UpdateExpression: 'ADD done :unit',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':unit': new Set([unitCode]) },
          ReturnValues: 'ALL_NEW',
        }),
      );
    } catch (error) {
      // A message of a run nobody recorded (sent by hand): the unit is synced, nothing to complete.
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
    const run = runSchema.parse(out.Attributes ?? {});
    if ((run.done?.size ?? 0) < run.expected) return false;
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: runKey(runId),
          UpdateExpression: 'SET proposeTriggered = :yes',
          ConditionExpression: 'attribute_not_exists(proposeTriggered)',
          ExpressionAttributeValues: { ':yes': true },
        }),
      );
      return { startedAt: run.startedAt };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
