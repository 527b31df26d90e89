/**
 * The submission store on DynamoDB (or any endpoint that speaks its API, such as dynalite).
 * No transactions and no TTL (dynalite has neither): immutable versions keyed by content hash,
 * then the units' state pointers, both in batches of 25 (one writer at a time: the run lease). A
 * crash between the two leaves an unreferenced version, which the next sync simply writes again.
 */

import { gunzipSync, gzipSync } from 'node:zlib';
import { DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { problemSchema } from '../../domain/problems.ts';
import { type Registry, registryUnitSchema } from '../../domain/registry.ts';
import { councilReviewSchema, reviewDraftSchema } from '../../domain/reviews.ts';
import {
  type Gender,
  genderSchema,
  personSchema,
  type Submission,
  submissionSchema,
} from '../../domain/submission-schema.ts';
import type { AcceptedVersion, ProposalRecord, SubmissionStore, UnitState } from '../../ports/index.ts';
import { GENDER_LABELS } from '../../text/sheets.ts';
import { BATCH_WRITE_LIMIT, getAll, writeAll } from './batches.ts';
import type { DynamoClient } from './client.ts';
import { proposalKey, registryCacheKey, unitStateKey, versionKey } from './keys.ts';

const stateItemSchema = z.object({
  pk: z.string(),
  sk: z.string(),
  unitCode: z.string(),
  year: z.number().int(),
  acceptedHash: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  lastStatus: z.enum(['accepted', 'rejected', 'missing', 'inaccessible']),
  problems: z.array(problemSchema),
  readKey: z.string().nullable(),
  checkedAt: z.string(),
  feedbackDelivered: z.boolean().default(true),
  crossWarnings: z.array(problemSchema).default([]),
});

const proposalItemSchema = z.object({
  councilCode: z.string(),
  year: z.number().int(),
  digest: z.string(),
  location: z.string(),
  version: z.string().optional(),
  layout: z.string().optional(),
  choices: z
    .object({
      collective: z.array(z.string()),
      individual: z.array(z.string()),
      rejected: z.object({ collective: z.array(z.string()), individual: z.array(z.string()) }).optional(),
    })
    .optional(),
  documents: z.object({ digest: z.string(), locations: z.array(z.string()) }).optional(),
  reviews: z
    .object({ reviews: z.array(councilReviewSchema), drafts: z.array(reviewDraftSchema).default([]) })
    .optional(),
});

const versionItemSchema = z.object({
  pk: z.string(),
  sk: z.string(),
  unitCode: z.string(),
  year: z.number().int(),
  hash: z.string(),
  body: z.instanceof(Uint8Array),
});

const chunk = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** DynamoDB refused the request itself (an item over 400 KB): no retry can help. */
const isRefused = (error: unknown) =>
  error instanceof DynamoDBServiceException && error.name === 'ValidationException';

export interface DynamoStoreOptions {
  readonly client: DynamoClient;
  readonly tableName: string;
}

const registryCacheItemSchema = z.object({ version: z.string(), body: z.instanceof(Uint8Array) });
const registryBodySchema = z.object({
  units: z.array(registryUnitSchema),
  problems: z.array(problemSchema),
  faults: z.object({ unplaced: z.array(z.string()), duplicates: z.array(z.string()) }).optional(),
});

/**
 * A stored version as written by any release: versions written before genders were kept as codes
 * carry the sheets' words (“Nam”, “Nữ”), read here as the codes they mean.
 */
const LEGACY_GENDERS = new Map<unknown, Gender>(
  Object.entries(GENDER_LABELS).map(([code, label]) => [label, code as Gender]),
);
const storedSubmissionSchema = submissionSchema.extend({
  people: z.array(
    personSchema.extend({
      gender: z.preprocess((value) => LEGACY_GENDERS.get(value) ?? value, genderSchema.nullable()),
    }),
  ),
});

export class DynamoSubmissionStore implements SubmissionStore {
  private readonly doc: DynamoClient;
  private readonly table: string;

  constructor(options: DynamoStoreOptions) {
    this.doc = options.client;
    this.table = options.tableName;
  }

  private batchGet(keys: readonly Record<string, string>[]): Promise<Record<string, unknown>[]> {
    return getAll(this.doc, this.table, keys);
  }

  private batchPut(items: readonly Record<string, unknown>[]): Promise<void> {
    return writeAll(
      this.doc,
      this.table,
      items.map((Item) => ({ PutRequest: { Item } })),
    );
  }

  async loadStates(year: number, unitCodes: readonly string[]): Promise<Map<string, UnitState>> {
    const items = await this.batchGet(unitCodes.map((code) => ({ ...unitStateKey(code, year) })));
    const states = new Map<string, UnitState>();
    for (const raw of items) {
      const { pk: _pk, sk: _sk, ...state } = stateItemSchema.parse(raw);
      states.set(state.unitCode, state);
    }
    return states;
  }

  async putVersions(versions: readonly AcceptedVersion[]): Promise<void> {
    await this.batchPut(
      versions.map((v) => ({
        ...versionKey(v.unitCode, v.year, v.hash),
        unitCode: v.unitCode,
        year: v.year,
        hash: v.hash,
        // Compressed: a large unit's list stays far below the 400 KB item limit.
        body: gzipSync(JSON.stringify(v.submission)),
      })),
    );
  }

  /**
   * State pointers in batches of 25 (BatchWriteItem, every UnprocessedItem retried): the run lease
   * makes this run the only writer, so no write needs a condition. Versions were stored before
   * (`putVersions` returns only when every one is in), so a pointer never names a missing version,
   * and a sync cut short resumes from the pointers that landed. A batch DynamoDB refuses as a
   * whole (an item over 400 KB, which the caps should make impossible) is written item by item,
   * and the item refused is reported, the others stored.
   */
  async saveStates(
    updates: readonly { state: UnitState; expectedAcceptedHash: string | null; isNew: boolean }[],
  ): Promise<string[]> {
    const lost: string[] = [];
    const item = (state: UnitState) => ({ ...unitStateKey(state.unitCode, state.year), ...state });
    for (const page of chunk(updates, BATCH_WRITE_LIMIT)) {
      try {
        await this.batchPut(page.map((u) => item(u.state)));
      } catch (error) {
        if (!isRefused(error)) throw error;
        for (const { state } of page)
          try {
            await this.doc.send(new PutCommand({ TableName: this.table, Item: item(state) }));
          } catch (single) {
            if (isRefused(single)) lost.push(state.unitCode);
            else throw single;
          }
      }
    }
    return lost;
  }

  async loadVersions(
    year: number,
    refs: readonly { unitCode: string; hash: string }[],
  ): Promise<Map<string, Submission>> {
    const items = await this.batchGet(refs.map((r) => ({ ...versionKey(r.unitCode, year, r.hash) })));
    const result = new Map<string, Submission>();
    for (const raw of items) {
      const item = versionItemSchema.parse(raw);
      const submission = storedSubmissionSchema.parse(
        JSON.parse(gunzipSync(item.body).toString('utf8')) as unknown,
      );
      result.set(item.unitCode, submission);
    }
    return result;
  }

  async loadProposalRecords(
    year: number,
    councilCodes: readonly string[],
  ): Promise<Map<string, ProposalRecord>> {
    const items = await this.batchGet(councilCodes.map((code) => ({ ...proposalKey(code, year) })));
    return new Map(
      items
        .map((raw) => proposalItemSchema.parse(raw))
        .map((item) => [
          item.councilCode,
          {
            digest: item.digest,
            location: item.location,
            ...(item.version !== undefined ? { version: item.version } : {}),
            ...(item.layout ? { layout: item.layout } : {}),
            ...(item.choices ? { choices: item.choices } : {}),
            ...(item.documents ? { documents: item.documents } : {}),
            ...(item.reviews ? { reviews: item.reviews } : {}),
          },
        ]),
    );
  }

  async saveProposalRecords(year: number, records: ReadonlyMap<string, ProposalRecord>): Promise<void> {
    await this.batchPut(
      [...records].map(([councilCode, record]) => ({
        ...proposalKey(councilCode, year),
        councilCode,
        year,
        ...record,
      })),
    );
  }

  /**
   * The registry as last read from its spreadsheet, if it was read at `version`: an unchanged
   * registry need not be read again (one Sheets call saved per run). Compressed: a sector's
   * registry is far below the item limit.
   */
  async loadRegistryCache(version: string): Promise<Registry | null> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: registryCacheKey() }));
    const item = registryCacheItemSchema.safeParse(out.Item);
    if (!item.success || item.data.version !== version) return null;
    // A cache written by an older release that no longer parses is simply not used.
    const parsed = registryBodySchema.safeParse(
      JSON.parse(gunzipSync(item.data.body).toString('utf8')) as unknown,
    );
    if (!parsed.success) return null;
    const body = parsed.data;
    return {
      units: new Map(body.units.map((u) => [u.code, u])),
      problems: body.problems,
      ...(body.faults ? { faults: body.faults } : {}),
    };
  }

  async saveRegistryCache(version: string, registry: Registry): Promise<void> {
    const body = {
      units: [...registry.units.values()],
      problems: registry.problems,
      faults: registry.faults,
    };
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...registryCacheKey(), version, body: gzipSync(JSON.stringify(body)) },
      }),
    );
  }
}
