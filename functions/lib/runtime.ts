/**
 * What every function needs, built once per container at cold start: configuration, movement,
 * the DynamoDB store, the Google adapter (credentials from Secrets Manager), the queues.
 * Tests build the same runtime with the embedded store, the Sheets stand-in and a memory queue.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createDynamoClient } from '../../shared/adapters/dynamodb/client.ts';
import { DynamoLeases } from '../../shared/adapters/dynamodb/leases.ts';
import { DynamoPublications } from '../../shared/adapters/dynamodb/publications.ts';
import { RunTracker } from '../../shared/adapters/dynamodb/runs.ts';
import { DynamoSubmissionStore } from '../../shared/adapters/dynamodb/store.ts';
import {
  type GoogleClients,
  type GoogleCredentials,
  googleClients,
  parseCredentialsJson,
} from '../../shared/adapters/google/auth.ts';
import { GoogleCaller } from '../../shared/adapters/google/caller.ts';
import { GoogleWorkbooks } from '../../shared/adapters/google/workbooks.ts';
import type { Registry } from '../../shared/domain/registry.ts';
import {
  type Catalog,
  catalogFor,
  type Movement,
  parseMovement,
  yearsOf,
} from '../../shared/movement/movement.ts';
import type { Counters } from '../../shared/ports/index.ts';
import { parseRegistry } from '../../shared/present/registry-read.ts';
import { TABS } from '../../shared/text/sheets.ts';
import type { Config } from './config.ts';
import { noMetrics, type RunMetrics } from './metrics.ts';
import { SqsWorkQueue, type WorkQueue } from './queue.ts';

export interface Runtime {
  readonly config: Config;
  readonly movement: Movement;
  readonly catalog: Catalog;
  readonly year: number;
  readonly store: DynamoSubmissionStore;
  readonly runs: RunTracker;
  /** One sync run at a time: taken by the dispatcher, released by the run's proposals. */
  readonly leases: DynamoLeases;
  readonly publications: DynamoPublications;
  readonly workbooks: GoogleWorkbooks;
  /** The Google clients (propose builds the documents' Drive writer from them, so only it bundles `docx`). */
  readonly clients: GoogleClients;
  /** Every Google call goes through it; the worker bounds it by the invocation's deadline. */
  readonly caller: GoogleCaller;
  readonly queue: WorkQueue;
  /** Units synced and rejected, Google calls, run seconds (CloudWatch in Lambda; nowhere in tests). */
  readonly metrics: RunMetrics;
  loadRegistry(): Promise<Registry>;
}

export class RuntimeError extends Error {
  override readonly name: string = 'RuntimeError';
}

/**
 * The credentials secret has no value yet: the stacks were deployed and the key (or the keyless
 * configuration) not put yet (docs/aws.md). Not a failure of the function: it says so and waits.
 */
export class CredentialsMissingError extends RuntimeError {
  override readonly name = 'CredentialsMissingError';
}

/**
 * Whether Secrets Manager answered that the secret has no value (a secret created empty has no
 * version: “can't find the specified secret value for staging label: AWSCURRENT”), however
 * Powertools wraps that answer.
 */
export function noSecretValueYet(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++)
    if (e.name === 'ResourceNotFoundException' || /secret value for staging label/i.test(e.message))
      return true;
  return false;
}

/** The movement file sits beside the bundle (copied there at synth time) unless configured. */
async function readMovement(config: Config): Promise<Movement> {
  const here = dirname(fileURLToPath(import.meta.url));
  const path = config.MOVEMENT_FILE ? resolve(config.MOVEMENT_FILE) : resolve(here, 'movement.json');
  return parseMovement(JSON.parse(await readFile(path, 'utf8')) as unknown);
}

/**
 * The Google credentials from Secrets Manager, through Powertools Parameters over the SDK's
 * client with explicit timeouts. Read once per container, as the runtime is built once: a
 * rotated key is taken by the containers that start after the rotation.
 */
async function readCredentials(config: Config): Promise<GoogleCredentials> {
  if (config.GOOGLE_ACCESS_TOKEN) return { kind: 'accessToken', token: config.GOOGLE_ACCESS_TOKEN };
  const secrets = new SecretsProvider({
    awsSdkV3Client: new SecretsManagerClient({
      maxAttempts: 3,
      requestHandler: { requestTimeout: 5_000, connectionTimeout: 3_000 },
    }),
  });
  let value: unknown;
  try {
    value = await secrets.get(config.GOOGLE_SECRET_ID ?? '');
  } catch (error) {
    if (noSecretValueYet(error))
      throw new CredentialsMissingError('the Google credentials secret has no value yet', { cause: error });
    throw error;
  }
  if (typeof value !== 'string' || !value.trim())
    throw new CredentialsMissingError('the Google credentials secret has no value yet');
  return parseCredentialsJson(value);
}

export interface RuntimeOverrides {
  readonly queue?: WorkQueue;
  readonly caller?: GoogleCaller;
  /** Request counters for the store client (benchmarks, tests). */
  readonly counters?: Counters;
  readonly metrics?: RunMetrics;
}

export async function createRuntime(config: Config, overrides: RuntimeOverrides = {}): Promise<Runtime> {
  const [movement, credentials] = await Promise.all([readMovement(config), readCredentials(config)]);
  const year = config.YEAR ?? yearsOf(movement).at(-1) ?? 0;
  const catalog = catalogFor(movement, year);
  if (!catalog) throw new RuntimeError(`the movement has no criteria catalog for ${year}`);
  const client = createDynamoClient({
    ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT, localCredentials: true } : {}),
    ...(overrides.counters ? { counters: overrides.counters } : {}),
  });
  const clients = googleClients({
    credentials,
    write: config.GOOGLE_ACCESS === 'write',
    ...(config.GOOGLE_ROOT_URL ? { rootUrl: config.GOOGLE_ROOT_URL } : {}),
  });
  const caller =
    overrides.caller ??
    new GoogleCaller({
      readsPerMinute: config.READS_PER_MINUTE,
      writesPerMinute: config.WRITES_PER_MINUTE,
      timeoutMs: config.GOOGLE_TIMEOUT_MS,
      handOver: true,
    });
  const workbooks = new GoogleWorkbooks({
    clients,
    caller,
    ...(config.SHARED_DRIVE_FOLDER ? { sharedDriveFolderId: config.SHARED_DRIVE_FOLDER } : {}),
  });
  return {
    config,
    movement,
    catalog,
    year,
    store: new DynamoSubmissionStore({ client, tableName: config.TABLE_NAME }),
    runs: new RunTracker(client, config.TABLE_NAME),
    leases: new DynamoLeases(client, config.TABLE_NAME),
    publications: new DynamoPublications(client, config.TABLE_NAME),
    workbooks,
    clients,
    caller,
    queue: overrides.queue ?? new SqsWorkQueue(),
    metrics: overrides.metrics ?? noMetrics,
    loadRegistry: async () =>
      parseRegistry(await workbooks.readWorkbook(config.REGISTRY_ID, [TABS.registry])),
  };
}

/** Module-scope memo: the runtime is built once per container, on the first event. */
export function lazyRuntime(build: () => Promise<Runtime>): () => Promise<Runtime> {
  let pending: Promise<Runtime> | undefined;
  return () => {
    pending ??= build().catch((error: unknown) => {
      pending = undefined; // a failed cold start is retried on the next event
      throw error;
    });
    return pending;
  };
}

/** Runs `work` and records the Google calls (retries included) and 429s it cost. */
export async function countingGoogle<T>(rt: Runtime, work: () => Promise<T>): Promise<T> {
  const before = { ...rt.caller.stats };
  try {
    return await work();
  } finally {
    rt.metrics.add('GoogleCalls', rt.caller.stats.attempts - before.attempts);
    rt.metrics.add('GoogleThrottled', rt.caller.stats.throttled - before.throttled);
  }
}
