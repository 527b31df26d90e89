/**
 * Benchmarks, never asserted in tests:   npm run bench [-- --units 1000 --people 20000 --repeats 3]
 * Ends with one table of the figures that have goals, each marked met or not.
 *   1. domain: validating every workbook and ranking every council, sector-sized;
 *   2. sync through dynalite with in-memory workbooks: first sync, unchanged re-sync (requests made);
 *   3. the first local run as a user runs it (`thidua run`, the whole process) against a process
 *      that only reads every workbook with exceljs (alternated pairs), and where its time goes
 *      (a CPU profile of every thread, by step: scripts/profile-breakdown.ts);
 *   4. the Lambda functions on Google through the stand-in (scripts/bench-lambda.ts): the first run
 *      against the quota floor, the nights after it, an idle poll, a poll after one edit.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDynamoClient, ensureTable, startDynalite } from '../shared/adapters/dynamodb/local.ts';
import { DynamoSubmissionStore } from '../shared/adapters/dynamodb/store.ts';
import { MemoryWorkbooks, modelGrids } from '../shared/adapters/memory/workbooks.ts';
import { XlsxWorkbooks } from '../shared/adapters/xlsx/workbooks.ts';
import { REGISTRY_FILE } from '../shared/app/context.ts';
import { loadMovement } from '../shared/app/movement.ts';
import { buildProposals } from '../shared/domain/proposals.ts';
import type { Registry } from '../shared/domain/registry.ts';
import type { Submission } from '../shared/domain/submission.ts';
import { generateExample } from '../shared/example/generate.ts';
import { catalogFor } from '../shared/movement/movement.ts';
import { newCounters } from '../shared/ports/index.ts';
import { registryWorkbookModel } from '../shared/present/registry-book.ts';
import { readSubmission } from '../shared/present/unit-book-read.ts';
import { proposeAwards } from '../shared/usecases/propose.ts';
import { syncUnits } from '../shared/usecases/sync.ts';
import { scriptArgs } from './args.ts';
import { breakdown } from './profile-breakdown.ts';

const USAGE = `npm run bench [-- --units 1000] [--people 20000] [--repeats 3]
  The benchmarks and the table of figures with goals (never asserted in tests); about 15 minutes.`;

process.removeAllListeners('warning');
const { values } = scriptArgs(USAGE, {
  options: {
    units: { type: 'string', default: '1000' },
    people: { type: 'string', default: '20000' },
    repeats: { type: 'string', default: '3' },
  },
});
const ROOT = new URL('..', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'shared/cli/main.ts');

/** Milliseconds from spawning a process to its exit (it must exit 0: a failed run is no figure). */
function timedProcess(command: string, args: readonly string[]): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', env: { ...process.env, CI: 'true' } });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(performance.now() - start) : reject(new Error(`${args.join(' ')}: exit ${code}`)),
    );
  });
}

const YEAR = 2024;
const movement = await loadMovement();
const catalog = catalogFor(movement, YEAR);
if (!catalog) throw new Error('no catalog');

const rows: [string, string][] = [];
/** The figures the issues set goals for, printed as one table at the end. */
const goals: { figure: string; measured: string; goal: string; met: boolean }[] = [];
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
const councils = buildProposals({ movement, year: YEAR, units, submissions });
rows.push(['councils', String(councils.length)]);
/** Min and median of a few measurements. */
const spread = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0] ?? Number.NaN, median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN };
};
const rankTimes: number[] = [];
for (let i = 0; i < 15; i++) {
  const start = performance.now();
  buildProposals({ movement, year: YEAR, units, submissions });
  if (i >= 3) rankTimes.push(performance.now() - start); // the first runs warm the JIT up
}
const rank = spread(rankTimes);
goals.push({
  figure: `rank + quotas, ${people} people (warm, in process)`,
  measured: `min ${rank.min.toFixed(0)} ms, median ${rank.median.toFixed(0)} ms`,
  goal: 'median ≤ 100 ms',
  met: rank.median <= 100,
});

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
{
  // Items a first sync must store: a version and a state pointer per unit with an accepted workbook.
  const items = 2 * submissions.size;
  const floor = Math.ceil(items / 25);
  goals.push({
    figure: 'store write requests, first sync',
    measured: `${counters.storeWrites} (⌈${items} items / 25⌉ = ${floor})`,
    goal: `≤ ${floor + 10}`,
    met: counters.storeWrites <= floor + 10,
  });
}
Object.assign(counters, newCounters());
await time('first propose', propose);
rows.push(['  requests', snapshot()]);
Object.assign(counters, newCounters());
await time('unchanged re-sync', () => sync('2025-06-11T00:00:00Z'));
await time('unchanged propose', propose);
rows.push(['  requests', snapshot()]);
{
  // One clerk changes one score: the sync of that one workbook.
  const first = sector.units.find((u) => u.workbook && grids.has(u.workbook));
  const changed = structuredClone(grids.get(first?.workbook ?? '') ?? {});
  const tab = changed['Cá nhân'] ?? [];
  const row = tab.findIndex((r, i) => i > 0 && typeof r[8] === 'number');
  if (first?.workbook && row > 0 && tab[row]) tab[row][8] = 0;
  sheets.set(first?.workbook ?? '', changed);
  Object.assign(counters, newCounters());
  await sync('2025-06-12T00:00:00Z');
  goals.push({
    figure: 'store write requests, one workbook changed',
    measured: `${counters.storeWrites} (${counters.sheetReads} workbook read)`,
    goal: '≤ 2',
    met: counters.storeWrites <= 2,
  });
}
await server.close();

// 3. The first local run as a user runs it: `thidua run` on .xlsx files, the whole process from
//    start-up to exit (reading, checking, the store, the feedback tabs, the proposal workbooks,
//    the documents, the status workbook), beside its floor — a process that only reads every unit
//    workbook with exceljs — in alternated pairs (floor then run, run then floor, …) so that the
//    machine's load weighs on both alike. Then one more run under the CPU profiler: where the time goes.
{
  const pristine = await mkdtemp(join(tmpdir(), 'thidua-bench-xlsx-'));
  const files = new XlsxWorkbooks({ baseDir: pristine });
  for (const [location, model] of sector.workbooks) await files.writeOwnedWorkbook(location, model);
  await files.writeOwnedWorkbook(REGISTRY_FILE, registryWorkbookModel([...units.values()]));
  const fresh = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'thidua-bench-run-'));
    await cp(pristine, dir, { recursive: true });
    return dir;
  };
  const runArgs = (dir: string) => [
    'run',
    '--registry',
    join(dir, REGISTRY_FILE),
    '--store',
    join(dir, 'db'),
    '--out',
    join(dir, 'out'),
  ];
  const ratios: number[] = [];
  const lines: string[] = [];
  for (let repeat = 0; repeat < Number(values.repeats); repeat++) {
    const [floorDir, runDir] = [await fresh(), await fresh()];
    const timeFloor = () => timedProcess(TSX, [join(ROOT, 'scripts/read-floor.ts'), floorDir]);
    const timeRun = () => timedProcess(TSX, [CLI, ...runArgs(runDir)]);
    let floor: number;
    let run: number;
    if (repeat % 2 === 0) {
      floor = await timeFloor();
      run = await timeRun();
    } else {
      run = await timeRun();
      floor = await timeFloor();
    }
    ratios.push(run / floor);
    lines.push(
      `floor ${(floor / 1000).toFixed(1)} s, thidua run ${(run / 1000).toFixed(1)} s = ${(run / floor).toFixed(2)}×`,
    );
    await Promise.all([floorDir, runDir].map((d) => rm(d, { recursive: true, force: true })));
  }
  for (const [i, line] of lines.entries()) rows.push([`first local run, whole process, pair ${i + 1}`, line]);
  // Where the time goes: every thread's profile (the main one and the package workers), summed.
  const profiled = await fresh();
  const profiles = join(profiled, 'profiles');
  await timedProcess(process.execPath, [
    '--cpu-prof',
    '--cpu-prof-dir',
    profiles,
    '--import',
    import.meta.resolve('tsx/esm'),
    CLI,
    ...runArgs(profiled),
  ]);
  const steps = new Map<string, number>();
  for (const name of await readdir(profiles))
    for (const { step, seconds } of breakdown(join(profiles, name)))
      steps.set(step, (steps.get(step) ?? 0) + seconds);
  const busy = [...steps].filter(([step]) => !step.startsWith('idle'));
  const total = busy.reduce((sum, [, s]) => sum + s, 0);
  for (const [step, seconds] of busy.sort((x, y) => y[1] - x[1]))
    rows.push([
      `  where the time goes (all threads): ${step}`,
      `${seconds.toFixed(1)} s (${((100 * seconds) / total).toFixed(0)} %)`,
    ]);
  await rm(profiled, { recursive: true, force: true });
  await rm(pristine, { recursive: true, force: true });
  const r = spread(ratios);
  goals.push({
    figure: 'first local run (`thidua run`, whole process) vs exceljs read floor (process)',
    measured: `min ${r.min.toFixed(2)}×, median ${r.median.toFixed(2)}×`,
    goal: '≤ 1.3×',
    met: r.median <= 1.3,
  });
}

// 4. The Lambda path on Google: dispatcher, workers and propose against the stand-in, sector-sized.
{
  const { lambdaRows } = await import('./bench-lambda.ts');
  rows.push(...(await lambdaRows({ units: Number(values.units), people: Number(values.people), speed: 3 })));
}

// Input limits: each file read in a process of its own, so its peak memory is its own.
{
  const { limitRows } = await import('./bench-limits.ts');
  rows.push(...(await limitRows()));
}

// Function bundles: size and cold import against the official clients', as `npm run bundles`.
{
  const { measureBundles } = await import('./bundle-measure.ts');
  const { BUDGET } = await import('../infra/bundling.ts');
  for (const f of await measureBundles())
    goals.push({
      figure: `Lambda ${f.name}: bundle size, cold import vs its official clients' (medians of 15)`,
      measured: `${(f.bytes / 1024).toFixed(0)} KB, ${f.importMs.toFixed(0)} vs ${f.referenceMs.toFixed(0)} ms = ${f.ratio.toFixed(2)}×`,
      goal: `≤ ${BUDGET.bytes / 1024 / 1024} MB, ≤ ${BUDGET.importRatio}×`,
      met: f.within,
    });
}

const width = Math.max(...rows.map(([l]) => l.length));
console.log(`thidua bench — node ${process.version}, ${new Date().toISOString()}`);
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
console.log('\nGoals (issue 12; the Lambda figures of issue 11 are marked ✓/✗ above)');
const w = Math.max(...goals.map((g) => g.figure.length));
const m = Math.max(...goals.map((g) => g.measured.length));
for (const g of goals)
  console.log(
    `${g.figure.padEnd(w)}  ${g.measured.padEnd(m)}  goal ${g.goal}  ${g.met ? '✓ met' : '✗ not met'}`,
  );
