/**
 * Benchmarks, never asserted in tests:   npm run bench [-- --units 1000 --people 20000]
 *   1. domain: validating every workbook and ranking every council, sector-sized;
 *   2. sync through dynalite with in-memory workbooks: first sync, unchanged re-sync (requests made);
 *   3. the .xlsx adapter: reading and writing feedback into one unit workbook;
 *   4. the Lambda functions on Google through the stand-in (scripts/bench-lambda.ts): the first run
 *      against the quota floor, the nights after it, an idle poll, a poll after one edit.
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

// 4. The Lambda path on Google: dispatcher, workers and propose against the stand-in, sector-sized.
{
  const { lambdaRows } = await import('./bench-lambda.ts');
  rows.push(...(await lambdaRows({ units: Number(values.units), people: Number(values.people), speed: 5 })));
}

// Input limits: each file read in a process of its own, so its peak memory is its own.
{
  const { limitRows } = await import('./bench-limits.ts');
  rows.push(...(await limitRows()));
}

const width = Math.max(...rows.map(([l]) => l.length));
console.log(`thidua bench — node ${process.version}, ${new Date().toISOString()}`);
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
