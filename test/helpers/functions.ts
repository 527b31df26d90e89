/** The Lambda functions' runtime on the embedded store and the Sheets stand-in, queues in memory. */
import { loadConfig } from '../../functions/lib/config.ts';
import { MemoryWorkQueue } from '../../functions/lib/queue.ts';
import { createRuntime, type Runtime } from '../../functions/lib/runtime.ts';
import type { EmbeddedStore } from '../../shared/adapters/dynamodb/local.ts';
import { type CallerOptions, GoogleCaller } from '../../shared/adapters/google/caller.ts';
import { modelGrids } from '../../shared/adapters/memory/workbooks.ts';
import { DEFAULT_MOVEMENT_FILE } from '../../shared/movement/files.ts';
import { type Counters, newCounters } from '../../shared/ports/index.ts';
import { registryWorkbookModel } from '../../shared/present/registry-book.ts';
import { type Google, seedSector, startGoogle, TOKEN } from './google.ts';
import { freshStore, type TestStore } from './store.ts';

export const SYNC = 'https://sqs.ap-southeast-1.amazonaws.com/123456789012/thidua-sync';
export const PROPOSE = 'https://sqs.ap-southeast-1.amazonaws.com/123456789012/thidua-propose';

export interface Functions {
  readonly google: Google;
  readonly db: TestStore;
  readonly queue: MemoryWorkQueue;
  readonly rt: Runtime;
  readonly counters: Counters;
  close(): Promise<void>;
}

/** A council HD over `units` unit spreadsheets in the stand-in, with the registry spreadsheet. */
export async function startFunctions(
  server: EmbeddedStore,
  options: { units?: number; caller?: Partial<CallerOptions>; sharedDrive?: string } = {},
): Promise<Functions> {
  const google = await startGoogle({ speed: 400 });
  const db = await freshStore(server);
  const registry = seedSector(google.standin, options.units ?? 6);
  // The council's documents go into its Drive folder; the sector status into the office's spreadsheet.
  const units = [...registry.units.values()].map((u) =>
    u.runsCouncil ? { ...u, documentsFolder: `folder-${u.code}`, statusWorkbook: 'ss-status' } : u,
  );
  google.standin.putSpreadsheet('ss-status', 'Tình hình nộp bảng điểm', { 'Trang tính1': [] });
  google.standin.putSpreadsheet('ss-registry', 'Danh mục đơn vị', modelGrids(registryWorkbookModel(units)));
  const queue = new MemoryWorkQueue();
  const config = loadConfig({
    TABLE_NAME: db.table,
    DYNAMODB_ENDPOINT: server.endpoint,
    SYNC_QUEUE_URL: SYNC,
    PROPOSE_QUEUE_URL: PROPOSE,
    REGISTRY_ID: 'ss-registry',
    GOOGLE_ACCESS_TOKEN: TOKEN,
    GOOGLE_ROOT_URL: google.rootUrl,
    GOOGLE_ACCESS: 'write',
    MOVEMENT_FILE: DEFAULT_MOVEMENT_FILE,
    YEAR: '2024',
    ...(options.sharedDrive ? { SHARED_DRIVE_FOLDER: options.sharedDrive } : {}),
  });
  const counters = newCounters();
  const rt = await createRuntime(config, {
    queue,
    counters,
    caller: new GoogleCaller({ clock: google.clock, timeoutMs: 2000, ...options.caller }),
  });
  return {
    google,
    db,
    queue,
    rt,
    counters,
    async close() {
      await google.close();
    },
  };
}

export { sqsEvent } from '../../functions/lib/sqs-event.ts';
