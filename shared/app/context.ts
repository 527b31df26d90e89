/**
 * Composition of a job run from the command line: the movement, the registry, the sheet medium
 * (local `.xlsx` files or Google Sheets) and the store (embedded dynalite, any DynamoDB endpoint,
 * or DynamoDB in AWS). The same use cases run whatever is plugged in.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DocxFiles } from '../adapters/docx/files.ts';
import { DynamoLeases } from '../adapters/dynamodb/leases.ts';
import { createDynamoClient, ensureTable, startDynalite } from '../adapters/dynamodb/local.ts';
import { DynamoPublications } from '../adapters/dynamodb/publications.ts';
import { DynamoSubmissionStore } from '../adapters/dynamodb/store.ts';
import { type GoogleCredentials, googleClients } from '../adapters/google/auth.ts';
import { GoogleCaller } from '../adapters/google/caller.ts';
import { GoogleDocuments } from '../adapters/google/documents.ts';
import { GoogleSetupProbe } from '../adapters/google/setup-probe.ts';
import { GoogleWorkbooks } from '../adapters/google/workbooks.ts';
import { WorkPool } from '../adapters/threads/pool.ts';
import { XlsxWorkbooks } from '../adapters/xlsx/workbooks.ts';
import type { Registry } from '../domain/registry.ts';
import {
  EXAMPLE_DEFAULTS,
  type ExampleOptions,
  type ExampleSector,
  generateExample,
  generateHistory,
} from '../example/generate.ts';
import { type Catalog, catalogFor, type Movement, yearsOf } from '../movement/movement.ts';
import type { Clock } from '../ports/clock.ts';
import {
  type Counters,
  type DocumentSink,
  newCounters,
  type SetupProbe,
  type SheetSink,
  type SheetSource,
} from '../ports/index.ts';
import { historyWorkbookModel } from '../present/history-book.ts';
import { registryWorkbookModel } from '../present/registry-book.ts';
import { parseRegistry } from '../present/registry-read.ts';
import { CLI_TEXT } from '../text/console.ts';
import { TABS } from '../text/sheets.ts';
import { loadMovement } from './movement.ts';
import { DATA_DIR, type Office, REGISTRY_FILE, yearFolder } from './office.ts';

export { DATA_DIR, REGISTRY_FILE } from './office.ts';
export const EXAMPLE_DIR = join(DATA_DIR, 'example');

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type SheetsOption =
  | { readonly kind: 'xlsx'; readonly registryPath: string }
  | {
      readonly kind: 'google';
      readonly registryId: string;
      readonly credentials: GoogleCredentials;
      readonly rootUrl?: string;
      readonly readsPerMinute?: number;
      readonly writesPerMinute?: number;
      readonly clock?: Clock;
      readonly timeoutMs?: number;
      /** Where proposal spreadsheets the registry does not list may be created. */
      readonly sharedDriveFolderId?: string;
    };

export interface JobOptions {
  readonly sheets: SheetsOption;
  readonly movementPath?: string;
  readonly year?: number;
  /** Folder of the embedded store; ignored with an endpoint or `aws`. */
  readonly storeDir: string;
  readonly endpoint?: string;
  /** DynamoDB in AWS: region and credentials from the environment, the table made by the CDK stack. */
  readonly aws?: boolean;
  readonly table: string;
  /** Where local proposal workbooks and the report go, in a folder per year. */
  readonly outRoot: string;
  /** The office folder of a local registry (its years, its history). */
  readonly office?: Office;
}

export interface JobContext {
  readonly movement: Movement;
  readonly catalog: Catalog;
  readonly year: number;
  readonly registry: Registry;
  readonly source: SheetSource;
  readonly sink: SheetSink;
  readonly store: DynamoSubmissionStore;
  readonly publications: DynamoPublications;
  /** One run at a time on this store. */
  readonly leases: DynamoLeases;
  readonly counters: Counters;
  /** This year's output folder (proposal workbooks, report.json). */
  readonly outDir: string;
  /** The office folder of a local registry (its years, its history); undefined on Google. */
  readonly office: Office | undefined;
  /** Where the councils' documents go (beside the workbooks locally; the council's Drive folder on Google). */
  readonly documents: DocumentSink | undefined;
  /** Where a council's proposal workbook goes; null when there is nowhere to write it. */
  proposalLocation(councilCode: string): string | null;
  close(): Promise<void>;
}

/**
 * The movement (a JSON file, a movement workbook, or — with `sheets` on Google — a movement
 * spreadsheet id), the year (the movement's last unless given) and that year's catalog.
 */
export async function resolveMovement(
  movementPath: string | undefined,
  year: number | undefined,
  sheets?: SheetSource,
) {
  const movement = await loadMovement(movementPath, sheets);
  const chosen = year ?? yearsOf(movement).at(-1) ?? 0;
  const catalog = catalogFor(movement, chosen);
  if (!catalog) throw new UsageError(CLI_TEXT.noCatalog(chosen));
  return { movement, catalog, year: chosen };
}

/** The sheet medium alone (templates, checks), with its registry location. */
export function openSheets(
  sheets: SheetsOption,
  counters?: Counters,
  write = true,
  work?: WorkPool,
): { source: SheetSource; sink: SheetSink; registryLocation: string; documents?: DocumentSink } {
  if (sheets.kind === 'xlsx') {
    const registryPath = resolve(sheets.registryPath);
    const workbooks = new XlsxWorkbooks({
      baseDir: dirname(registryPath),
      ...(counters ? { counters } : {}),
      ...(work ? { work } : {}),
    });
    return { source: workbooks, sink: workbooks, registryLocation: registryPath };
  }
  const clients = googleClients({
    credentials: sheets.credentials,
    ...(sheets.rootUrl ? { rootUrl: sheets.rootUrl } : {}),
    write,
  });
  const caller = new GoogleCaller({
    ...(sheets.readsPerMinute ? { readsPerMinute: sheets.readsPerMinute } : {}),
    ...(sheets.writesPerMinute ? { writesPerMinute: sheets.writesPerMinute } : {}),
    ...(sheets.clock ? { clock: sheets.clock } : {}),
    ...(sheets.timeoutMs ? { timeoutMs: sheets.timeoutMs } : {}),
    ...(counters ? { counters } : {}),
  });
  const workbooks = new GoogleWorkbooks({
    clients,
    caller,
    ...(sheets.sharedDriveFolderId ? { sharedDriveFolderId: sheets.sharedDriveFolderId } : {}),
  });
  const documents = clients.driveWrite
    ? new GoogleDocuments({
        drive: clients.driveWrite,
        caller,
        rootUrl: clients.rootUrl,
        ...(sheets.sharedDriveFolderId ? { fallbackFolder: sheets.sharedDriveFolderId } : {}),
      })
    : undefined;
  return {
    source: workbooks,
    sink: workbooks,
    registryLocation: sheets.registryId,
    ...(documents ? { documents } : {}),
  };
}

/**
 * For `thidua doctor`: the Google medium with read-only scopes, and the probe of what the account
 * may do there, sharing one paced caller.
 */
export function openSetupCheck(sheets: Extract<SheetsOption, { kind: 'google' }>): {
  source: SheetSource;
  probe: SetupProbe;
} {
  const clients = googleClients({
    credentials: sheets.credentials,
    ...(sheets.rootUrl ? { rootUrl: sheets.rootUrl } : {}),
    write: false,
  });
  const caller = new GoogleCaller({
    ...(sheets.readsPerMinute ? { readsPerMinute: sheets.readsPerMinute } : {}),
    ...(sheets.clock ? { clock: sheets.clock } : {}),
    ...(sheets.timeoutMs ? { timeoutMs: sheets.timeoutMs } : {}),
  });
  return {
    source: new GoogleWorkbooks({ clients, caller }),
    probe: new GoogleSetupProbe(clients, caller),
  };
}

export async function openJob(options: JobOptions): Promise<JobContext> {
  if (options.sheets.kind === 'xlsx' && !existsSync(resolve(options.sheets.registryPath)))
    throw new UsageError(CLI_TEXT.noRegistry(resolve(options.sheets.registryPath)));
  const counters = newCounters();
  // A job reads and writes many packages: that CPU work is spread over the cores (threads start on first use).
  const parsing = options.sheets.kind === 'xlsx' ? new WorkPool() : undefined;
  try {
    return await openJobWith(options, counters, parsing, openSheets(options.sheets, counters, true, parsing));
  } catch (error) {
    await parsing?.close(); // its threads would keep the process alive
    throw error;
  }
}

async function openJobWith(
  options: JobOptions,
  counters: Counters,
  parsing: WorkPool | undefined,
  { source, sink, registryLocation, documents }: ReturnType<typeof openSheets>,
): Promise<JobContext> {
  const { movement, catalog, year } = await resolveMovement(options.movementPath, options.year, source);
  const registry = parseRegistry(await source.readWorkbook(registryLocation, [TABS.registry]));

  const embedded =
    options.endpoint || options.aws ? undefined : await startDynalite({ path: resolve(options.storeDir) });
  const endpoint = options.endpoint ?? embedded?.endpoint;
  // A store on this machine (dynalite, DynamoDB Local) needs no AWS account: placeholder credentials
  // unless the environment names real ones.
  const localCredentials =
    Boolean(embedded) ||
    (endpoint !== undefined &&
      /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/.test(endpoint) &&
      !process.env.AWS_ACCESS_KEY_ID &&
      !process.env.AWS_PROFILE);
  // Real AWS from the command line: the SDK's default chain (environment, profiles, SSO, ...).
  const client = createDynamoClient({
    ...(endpoint ? { endpoint } : {}),
    counters,
    localCredentials,
  });
  if (embedded) await ensureTable(client, options.table);
  const store = new DynamoSubmissionStore({ client, tableName: options.table });
  // The run lease is bookkeeping, not data: its requests are kept out of the run's counters.
  const leaseClient = createDynamoClient({
    ...(endpoint ? { endpoint } : {}),
    localCredentials,
  });
  const local = options.sheets.kind === 'xlsx';
  return {
    movement,
    catalog,
    year,
    registry,
    source,
    sink,
    store,
    publications: new DynamoPublications(client, options.table),
    leases: new DynamoLeases(leaseClient, options.table),
    counters,
    outDir: resolve(options.outRoot, String(year)),
    office: options.office,
    documents: local ? new DocxFiles(resolve(options.outRoot, String(year)), parsing?.docx) : documents,
    proposalLocation: (council) =>
      registry.units.get(council)?.proposalWorkbook ??
      (local ? join(resolve(options.outRoot), String(year), `de-nghi-${council}.xlsx`) : null),
    async close() {
      await parsing?.close();
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

export const HISTORY_FILE = 'lich-su-khen-thuong.xlsx';

/**
 * For rounds over several years: the example sector's earlier years, each in its own folder with
 * its own registry (clean workbooks, same people), and the award history beside the registry.
 */
export async function ensureExampleYears(
  dir: string,
  years: readonly number[],
  currentYear: number,
): Promise<void> {
  const { movement } = await resolveMovement(undefined, undefined);
  const sectors = new Map<number, ExampleSector>();
  for (const year of years) {
    const catalog = catalogFor(movement, year);
    if (!catalog) continue;
    const current = year === currentYear;
    sectors.set(
      year,
      generateExample(movement, catalog, year, { ...EXAMPLE_DEFAULTS, withMistakes: current }),
    );
    if (current) continue;
    const folder = yearFolder(dir, year);
    if (existsSync(join(folder, REGISTRY_FILE))) continue;
    const sector = sectors.get(year);
    if (!sector) continue;
    const workbooks = new XlsxWorkbooks({ baseDir: folder });
    for (const [location, model] of sector.workbooks) await workbooks.writeOwnedWorkbook(location, model);
    await workbooks.writeOwnedWorkbook(REGISTRY_FILE, registryWorkbookModel(sector.units));
  }
  if (!existsSync(join(dir, HISTORY_FILE))) {
    const history = generateHistory(sectors, movement, EXAMPLE_DEFAULTS.seed);
    await new XlsxWorkbooks({ baseDir: dir }).writeOwnedWorkbook(
      HISTORY_FILE,
      historyWorkbookModel(history.awards, history.initiatives),
    );
  }
}
