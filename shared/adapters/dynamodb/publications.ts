/**
 * Publication (khóa sổ) on DynamoDB without transactions: the snapshot is written first as an
 * immutable item (conditional on not existing), then the council's state flips to published
 * (conditional on it being open), then the audit entry. Reopening flips the state back
 * (conditional on it being published) and is audited with who and why.
 */

import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { AuditEntry, Publication, PublicationStore } from '../../ports/index.ts';
import { getAll } from './batches.ts';
import type { DynamoClient } from './client.ts';
import { AUDIT_PREFIX, auditKey, publicationStateKey, snapshotKey } from './keys.ts';

const stateSchema = z.object({
  councilCode: z.string(),
  status: z.enum(['open', 'published']),
  version: z.number().int(),
  publishedAt: z.string().nullable(),
  by: z.string().nullable(),
});

const auditSchema = z.object({
  councilCode: z.string(),
  at: z.string(),
  action: z.enum(['publish', 'reopen']),
  year: z.number().int(),
  round: z.string(),
  by: z.string(),
  why: z.string(),
  version: z.number().int(),
});

export class DynamoPublications implements PublicationStore {
  private readonly doc: DynamoClient;
  constructor(
    client: DynamoClient,
    private readonly table: string,
  ) {
    this.doc = client;
  }

  async loadPublished(
    year: number,
    round: string,
    councilCodes: readonly string[],
  ): Promise<Map<string, Publication>> {
    const result = new Map<string, Publication>();
    const keys = councilCodes.map((code) => publicationStateKey(code, year, round));
    for (const raw of await getAll(this.doc, this.table, keys)) {
      const state = stateSchema.parse(raw);
      if (state.status === 'published')
        result.set(state.councilCode, {
          councilCode: state.councilCode,
          version: state.version,
          publishedAt: state.publishedAt ?? '',
          by: state.by ?? '',
        });
    }
    return result;
  }

  private async state(councilCode: string, year: number, round: string) {
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.table,
        Key: publicationStateKey(councilCode, year, round),
      }),
    );
    return out.Item ? stateSchema.parse(out.Item) : undefined;
  }

  private async record(entry: AuditEntry): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...auditKey(entry.councilCode, entry.at, randomUUID()), ...entry },
      }),
    );
  }

  async publish(
    input: Parameters<PublicationStore['publish']>[0],
  ): Promise<{ outcome: 'published' | 'already'; version: number }> {
    const current = await this.state(input.councilCode, input.year, input.round);
    if (current?.status === 'published') return { outcome: 'already', version: current.version };
    const version = (current?.version ?? 0) + 1;
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          ...snapshotKey(input.councilCode, input.year, input.round, version),
          councilCode: input.councilCode,
          version,
          publishedAt: input.at,
          by: input.by,
          inputs: input.inputs,
          body: gzipSync(JSON.stringify(input.snapshot)),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...publicationStateKey(input.councilCode, input.year, input.round),
            councilCode: input.councilCode,
            status: 'published',
            version,
            publishedAt: input.at,
            by: input.by,
          },
          ConditionExpression: 'attribute_not_exists(pk) OR #status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':open': 'open' },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return { outcome: 'already', version };
      throw error;
    }
    await this.record({
      councilCode: input.councilCode,
      at: input.at,
      action: 'publish',
      year: input.year,
      round: input.round,
      by: input.by,
      why: input.why,
      version,
    });
    return { outcome: 'published', version };
  }

  async reopen(input: Parameters<PublicationStore['reopen']>[0]): Promise<'reopened' | 'notPublished'> {
    let version = 0;
    try {
      const out = await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: publicationStateKey(input.councilCode, input.year, input.round),
          UpdateExpression: 'SET #status = :open',
          ConditionExpression: '#status = :published',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':open': 'open', ':published': 'published' },
          ReturnValues: 'ALL_NEW',
        }),
      );
      version = stateSchema.parse(out.Attributes).version;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'notPublished';
      throw error;
    }
    await this.record({
      councilCode: input.councilCode,
      at: input.at,
      action: 'reopen',
      year: input.year,
      round: input.round,
      by: input.by,
      why: input.why,
      version,
    });
    return 'reopened';
  }

  async loadSnapshots(year: number, round: string, councilCodes: readonly string[]) {
    const published = await this.loadPublished(year, round, councilCodes);
    const result = new Map<string, { snapshot: unknown; publishedAt: string; version: number; by: string }>();
    for (const publication of published.values()) {
      const out = await this.doc.send(
        new GetCommand({
          TableName: this.table,
          Key: snapshotKey(publication.councilCode, year, round, publication.version),
        }),
      );
      const body = z.object({ body: z.instanceof(Uint8Array) }).parse(out.Item).body;
      result.set(publication.councilCode, {
        snapshot: JSON.parse(gunzipSync(body).toString('utf8')) as unknown,
        publishedAt: publication.publishedAt,
        version: publication.version,
        by: publication.by,
      });
    }
    return result;
  }

  async audit(councilCode: string): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': auditKey(councilCode, '', '').pk, ':prefix': AUDIT_PREFIX },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) entries.push(auditSchema.parse(item));
      start = out.LastEvaluatedKey;
    } while (start);
    return entries;
  }
}
