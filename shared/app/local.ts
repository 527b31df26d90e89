/**
 * Composition for a run on one machine: `.xlsx` workbooks, and DynamoDB at a configured endpoint
 * or the embedded dynalite persisted under `.thidua/`. The same use cases as in the cloud.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createDynamoClient, ensureTable, startDynalite } from '../adapters/dynamodb/local.ts';
import { DynamoSubmissionStore } from '../adapters/dynamodb/store.ts';
import { XlsxWorkbooks } from '../adapters/xlsx/workbooks.ts';
import { loadMovement } from '../config/load.ts';
import { type Catalog, catalogFor, type Movement, yearsOf } from '../config/movement.ts';
import { parseRegistry, type Registry } from '../domain/registry.ts';
import { registryWorkbookModel } from '../domain/render.ts';
import { CLI_TEXT } from '../domain/vi.ts';
import { EXAMPLE_DEFAULTS, type ExampleOptions, generateExample } from '../example/generate.ts';
import { type Counters, newCounters } from '../ports/index.ts';

export const DATA_DIR = '.thidua';
export const EXAMPLE_DIR = join(DATA_DIR, 'example');
export const REGISTRY_FILE = 'danh-muc-don-vi.xlsx';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface LocalOptions {
  readonly registryPath: string;
  readonly movementPath?: string;
  readonly year?: number;
  readonly storeDir: string;
  readonly endpoint?: string;
  /** DynamoDB in AWS: region and credentials from the environment, the table made by the CDK stack. */
  readonly aws?: boolean;
  readonly table: string;
}

export interface LocalContext {
  readonly movement: Movement;
  readonly catalog: Catalog;
  readonly year: number;
  readonly registry: Registry;
  readonly workbooks: XlsxWorkbooks;
  readonly store: DynamoSubmissionStore;
  readonly counters: Counters;
  close(): Promise<void>;
}

export async function resolveMovement(movementPath: string | undefined, year: number | undefined) {
  const movement = await loadMovement(movementPath);
  const chosen = year ?? yearsOf(movement).at(-1) ?? 0;
  const catalog = catalogFor(movement, chosen);
  if (!catalog) throw new UsageError(CLI_TEXT.noCatalog(chosen));
  return { movement, catalog, year: chosen };
}

export async function openLocal(options: LocalOptions): Promise<LocalContext> {
  const registryPath = resolve(options.registryPath);
  if (!existsSync(registryPath)) throw new UsageError(CLI_TEXT.noRegistry(registryPath));
  const { movement, catalog, year } = await resolveMovement(options.movementPath, options.year);
  const counters = newCounters();
  const workbooks = new XlsxWorkbooks({ baseDir: dirname(registryPath), counters });
  const registry = parseRegistry(await workbooks.readWorkbook(registryPath));

  const embedded =
    options.endpoint || options.aws ? undefined : await startDynalite({ path: resolve(options.storeDir) });
  const endpoint = options.endpoint ?? embedded?.endpoint;
  const client = createDynamoClient({
    ...(endpoint ? { endpoint } : {}),
    counters,
    localCredentials: Boolean(embedded),
  });
  if (embedded) await ensureTable(client, options.table);
  const store = new DynamoSubmissionStore({ client, tableName: options.table });
  return {
    movement,
    catalog,
    year,
    registry,
    workbooks,
    store,
    counters,
    async close() {
      client.destroy();
      await embedded?.close();
    },
  };
}

/** Writes the example sector (registry and workbooks) into `dir` unless a registry is already there. */
export async function ensureExample(
  dir: string,
  options: Partial<ExampleOptions> = {},
  force = false,
): Promise<boolean> {
  const registryPath = join(dir, REGISTRY_FILE);
  if (!force && existsSync(registryPath)) return false;
  const { movement, catalog, year } = await resolveMovement(undefined, undefined);
  const sector = generateExample(movement, catalog, year, { ...EXAMPLE_DEFAULTS, ...options });
  const workbooks = new XlsxWorkbooks({ baseDir: dir });
  for (const [location, model] of sector.workbooks) await workbooks.writeOwnedWorkbook(location, model);
  await workbooks.writeOwnedWorkbook(REGISTRY_FILE, registryWorkbookModel(sector.units));
  return true;
}
