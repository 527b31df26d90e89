/**
 * Benchmarks, never asserted in tests:   npm run bench [-- --units 1000 --people 20000]
 *   1. domain: validating every workbook and ranking every council, sector-sized;
 *   2. sync through dynalite with in-memory workbooks: first sync, unchanged re-sync (requests made);
 *   3. the .xlsx adapter: reading and writing feedback into one unit workbook;
 *   4. Google through the stand-in: 200 workbooks paced to a 60-a-minute quota on a sped-up clock,
 *      then the calls of an idle poll and of a poll after one edit.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDynamoClient, ensureTable, startDynalite } from '../shared/adapters/dynamodb/local.ts';
import { DynamoSubmissionStore } from '../shared/adapters/dynamodb/store.ts';
import { MemoryWorkbooks, modelGrids } from '../shared/adapters/memory/workbooks.ts';
import { XlsxWorkbooks } from '../shared/adapters/xlsx/workbooks.ts';
import { loadMovement } from '../shared/config/load.ts';
import { catalogFor } from '../shared/config/movement.ts';
import { buildProposals } from '../shared/domain/proposals.ts';
import type { Registry } from '../shared/domain/registry.ts';
import { feedbackTab } from '../shared/domain/render.ts';
import { readSubmission, type Submission } from '../shared/domain/submission.ts';
import { generateExample } from '../shared/example/generate.ts';
import { newCounters } from '../shared/ports/index.ts';
import { proposeAwards } from '../shared/usecases/propose.ts';
import { syncUnits } from '../shared/usecases/sync.ts';

process.removeAllListeners('warning');
const { values } = parseArgs({
  options: { units: { type: 'string', default: '1000' }, people: { type: 'string', default: '20000' } },
});
const YEAR = 2024;
const movement = await loadMovement();
const catalog = catalogFor(movement, YEAR);
if (!catalog) throw new Error('no catalog');

const rows: [string, string][] = [];
const time = async <T>(label: string, fn: () => Promise<T> | T): Promise<T> => {
  const start = process.hrtime.bigint();
  const result = await fn();
  rows.push([label, `${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0)} ms`]);
  return result;
};

const sector = await time('generate sector (models)', () =>
  generateExample(movement, catalog, YEAR, {
    units: Number(values.units),
    people: Number(values.people),
    seed: 7,
    withMistakes: false,
  }),
);
const grids = new Map([...sector.workbooks].map(([location, model]) => [location, modelGrids(model)]));
const people = sector.units.reduce((n, u) => n + u.listed, 0);
rows.push(['sector', `${sector.units.length} units, ${people} people`]);

// 1. Domain
const submissions = await time('validate every workbook (domain)', () => {
  const out = new Map<string, Submission>();
  for (const unit of sector.units) {
    const g = grids.get(unit.workbook ?? '');
    const result = g && readSubmission(g, { movement, catalog, year: YEAR, expectedUnitCode: unit.code });
    if (result?.submission) out.set(unit.code, result.submission);
  }
  return out;
});
const units = new Map(sector.units.map((u) => [u.code, u]));
const councils = await time('rank every council (domain)', () =>
  buildProposals({ movement, year: YEAR, units, submissions }),
);
rows.push(['councils', String(councils.length)]);

// 2. Sync through dynalite
const server = await startDynalite();
const counters = newCounters();
const client = createDynamoClient({ endpoint: server.endpoint, counters, localCredentials: true });
await ensureTable(client, 'thidua-bench');
const store = new DynamoSubmissionStore({ client, tableName: 'thidua-bench' });
const sheets = new MemoryWorkbooks(counters);
for (const [location, g] of grids) sheets.set(location, g);
const registry: Registry = { units, problems: [] };
const sync = (now: string) =>
  syncUnits(
    { source: sheets, sink: sheets, store },
    { movement, catalog, year: YEAR, registry, now, concurrency: 8 },
  );
const propose = () =>
  proposeAwards(
    { sink: sheets, source: sheets, store },
    { movement, year: YEAR, registry, proposalLocation: (c) => `out/${c}` },
  );
const snapshot = () =>
  `storeReads ${counters.storeReads}, storeWrites ${counters.storeWrites}, sheetReads ${counters.sheetReads}, sheetWrites ${counters.sheetWrites}`;

await time('first sync, dynalite + memory sheets', () => sync('2025-06-10T00:00:00Z'));
rows.push(['  requests', snapshot()]);
Object.assign(counters, newCounters());
await time('first propose', propose);
rows.push(['  requests', snapshot()]);
Object.assign(counters, newCounters());
await time('unchanged re-sync', () => sync('2025-06-11T00:00:00Z'));
await time('unchanged propose', propose);
rows.push(['  requests', snapshot()]);
client.destroy();
await server.close();

// 3. The .xlsx adapter on one unit workbook
const dir = await mkdtemp(join(tmpdir(), 'thidua-bench-'));
const xlsx = new XlsxWorkbooks({ baseDir: dir });
const [location, model] = [...sector.workbooks][0] ?? [];
if (location && model) {
  await xlsx.writeOwnedWorkbook(location, model);
  const n = 20;
  const read = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await xlsx.readWorkbook(location);
  rows.push([
    'xlsx: read one unit workbook',
    `${(Number(process.hrtime.bigint() - read) / 1e6 / n).toFixed(1)} ms`,
  ]);
  const tab = feedbackTab({
    status: 'accepted',
    year: YEAR,
    checkedAt: '2025-06-10T00:00:00Z',
    problems: [],
  });
  const write = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await xlsx.writeFeedback(location, tab);
  rows.push([
    'xlsx: write its feedback tab',
    `${(Number(process.hrtime.bigint() - write) / 1e6 / n).toFixed(1)} ms`,
  ]);
}
await rm(dir, { recursive: true, force: true });

// 4. Google through the stand-in: 200 workbooks at a quota of 60 reads and 60 writes a minute,
//    on a clock 60 times faster than real time.
{
  const { GoogleStandin } = await import('../shared/standin/google-server.ts');
  const { spedUpClock } = await import('../shared/standin/clock.ts');
  const { googleClients } = await import('../shared/adapters/google/auth.ts');
  const { GoogleCaller } = await import('../shared/adapters/google/caller.ts');
  const { GoogleWorkbooks } = await import('../shared/adapters/google/workbooks.ts');
  // 10× (not more): every real millisecond of work in this process counts 10 ms of quota time, so
  // a faster clock charges the pacing with the machine's own latency.
  const SPEED = 10;
  const clock = spedUpClock(SPEED);
  const standin = new GoogleStandin({ token: 'bench', clock, quota: { read: 60, write: 60 } });
  const rootUrl = await standin.start();
  const some = sector.units.filter((u) => u.workbook && grids.has(u.workbook)).slice(0, 200);
  for (const u of some) standin.putSpreadsheet(`ss-${u.code}`, u.name, grids.get(u.workbook ?? '') ?? {});
  const googleRegistry: Registry = {
    units: new Map(some.map((u) => [u.code, { ...u, workbook: `ss-${u.code}` }])),
    problems: [],
  };
  const clients = googleClients({
    credentials: { kind: 'accessToken', token: 'bench' },
    rootUrl,
    write: true,
  });
  const caller = new GoogleCaller({ clock, readsPerMinute: 60, writesPerMinute: 60 });
  const google = new GoogleWorkbooks({ clients, caller });
  const gServer = await startDynalite();
  const gClient = createDynamoClient({ endpoint: gServer.endpoint, localCredentials: true });
  await ensureTable(gClient, 'thidua-bench');
  const gStore = new DynamoSubmissionStore({ client: gClient, tableName: 'thidua-bench' });
  const started = clock.now();
  const realStart = Date.now();
  await syncUnits(
    { source: google, sink: google, store: gStore },
    { movement, catalog, year: YEAR, registry: googleRegistry, now: '2025-06-10T00:00:00Z' },
  );
  const elapsed = clock.now() - started;
  const reads = standin.count({ kind: 'read', status: 200 });
  const writes = standin.count({ kind: 'write', status: 200 });
  const throttled = standin.calls.filter((c) => c.status === 429).length;
  const best = (Math.max(reads, writes) / 60) * 60_000;
  rows.push([
    'google: 200 workbooks, quota 60/min',
    `${(elapsed / 1000).toFixed(0)} s of quota time (best ${(best / 1000).toFixed(0)} s, ratio ${(elapsed / best).toFixed(3)}), ${((Date.now() - realStart) / 1000).toFixed(1)} s real at ${SPEED}×`,
  ]);
  rows.push([
    '  calls',
    `${reads} reads, ${writes} writes, ${standin.count({ kind: 'drive' })} Drive, ${throttled} answered 429`,
  ]);
  // Google cannot vouch that nobody edited between our read and our tab write: the next sync reads
  // each workbook whose tab was written once more; the one after reads nothing.
  standin.calls.length = 0;
  const recheck = clock.now();
  await syncUnits(
    { source: google, sink: google, store: gStore },
    { movement, catalog, year: YEAR, registry: googleRegistry, now: '2025-06-11T00:00:00Z' },
  );
  rows.push([
    'google: re-sync after our own tabs',
    `${standin.calls.length} calls (${standin.count({ api: 'values.batchGet' })} batchGet, ${standin.count({ kind: 'write' })} writes), ${((clock.now() - recheck) / 1000).toFixed(1)} s of quota time`,
  ]);
  standin.calls.length = 0;
  const again = clock.now();
  await syncUnits(
    { source: google, sink: google, store: gStore },
    { movement, catalog, year: YEAR, registry: googleRegistry, now: '2025-06-12T00:00:00Z' },
  );
  rows.push([
    'google: unchanged re-sync',
    `${standin.calls.length} calls (${standin.count({ api: 'files.list' })} files.list), ${((clock.now() - again) / 1000).toFixed(1)} s of quota time`,
  ]);
  // The 2-minute poll: Drive's changes since the last token; on an idle sector, one call.
  const { token } = await google.changesSince(null);
  standin.calls.length = 0;
  const polled = await google.changesSince(token);
  rows.push([
    'google: idle poll (changes.list)',
    `${standin.calls.length} call(s), ${polled.changed.size} workbooks changed`,
  ]);
  standin.userEdit(`ss-${some[0]?.code ?? ''}`, 'Cá nhân', 1, 8, 1);
  standin.calls.length = 0;
  const edited = await google.changesSince(polled.token);
  rows.push([
    'google: poll after one clerk edit',
    `${standin.calls.length} call(s), ${edited.changed.size} workbook changed`,
  ]);
  gClient.destroy();
  await gServer.close();
  await standin.close();
}

// Input limits: each file read in a process of its own, so its peak memory is its own.
{
  const { limitRows } = await import('./bench-limits.ts');
  rows.push(...(await limitRows()));
}

const width = Math.max(...rows.map(([l]) => l.length));
console.log(`thidua bench — node ${process.version}, ${new Date().toISOString()}`);
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
