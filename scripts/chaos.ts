/**
 * Fault injection for the whole job (not part of `npm test`): `npm run chaos [-- --units 300 --kills 20]`.
 *
 *  1. A clean run of a generated sector (unit workbooks as .xlsx, the embedded store) is the reference.
 *  2. The same sector, fresh: `thidua run` is killed (SIGKILL) at random moments, `--kills` times,
 *     each next run starting the moment the killed one is gone (it must take the dead run's lease
 *     and folder lock at once, never refuse with exit 4); then two runs are started at the same
 *     instant (one must be refused with exit 4), then a last run completes.
 *  3. Compared with the reference: every unit's stored state (accepted version, status, problems),
 *     `report.json` (without times and counters), every proposal workbook (cell for cell), every
 *     unit workbook (each of its parts but the feedback tab byte for byte, exactly one feedback
 *     tab, the same feedback rows but the check time) and the folders (no temporary file left).
 *
 * Prints the figures; exits 1 if any of lost, duplicated, different, refused after a kill is not 0.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { createDynamoClient, startDynalite } from '../shared/adapters/dynamodb/local.ts';
import { DynamoSubmissionStore } from '../shared/adapters/dynamodb/store.ts';
import { XlsxWorkbooks } from '../shared/adapters/xlsx/workbooks.ts';
import { ensureExample, REGISTRY_FILE } from '../shared/app/context.ts';
import type { WorkbookGrids } from '../shared/domain/grid.ts';
import { parseRegistry } from '../shared/present/registry-read.ts';
import { TABS } from '../shared/text/sheets.ts';
import { STATUS_BOOK } from '../shared/text/status-book.ts';
import { scriptArgs } from './args.ts';

const USAGE = `npm run chaos [-- --units 300] [--people 3000] [--kills 20] [--seed 7]
  Kills \`thidua run\` at random moments, then compares with a clean run: nothing lost, duplicated,
  different or refused after a kill (exit 1 otherwise).`;

// The AWS SDK's notice that its 2027 releases need Node 22 is not a finding of this script.
process.removeAllListeners('warning');

const { values } = scriptArgs(USAGE, {
  options: {
    units: { type: 'string', default: '300' },
    people: { type: 'string', default: '3000' },
    kills: { type: 'string', default: '20' },
    seed: { type: 'string', default: '7' },
  },
});
const UNITS = Number(values.units);
const KILLS = Number(values.kills);
let seed = Number(values.seed);
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'shared/cli/main.ts');
const YEAR = '2024';

interface Run {
  readonly child: ChildProcess;
  readonly done: Promise<number>;
}

/** SIGKILL to the run's whole process group, as a power cut or an OOM kill would. */
function killRun(run: Run): void {
  try {
    if (run.child.pid) process.kill(-run.child.pid, 'SIGKILL');
  } catch {}
}

/**
 * A clerk saves a third of the workbooks again with the same content (a new modification time):
 * every run has real work to be interrupted in, and the outcome must not change.
 */
async function touchSome(sector: string): Promise<number> {
  const folder = join(sector, 'bang-diem');
  const names = (await readdir(folder)).filter((n) => n.endsWith('.xlsx') && random() < 1 / 3);
  const later = new Date(Date.now() + 1000);
  for (const name of names) await utimes(join(folder, name), later, later);
  return names.length;
}

function startRun(sector: string): Run {
  const child = spawn(
    TSX,
    [
      CLI,
      'run',
      '--registry',
      join(sector, REGISTRY_FILE),
      '--store',
      join(sector, 'db'),
      '--out',
      join(sector, 'out'),
      '--json',
    ],
    // A process group of its own: tsx runs the CLI in a child process, and a kill must reach it.
    { stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, CI: 'true' }, detached: true },
  );
  const done = new Promise<number>((resolveDone) =>
    child.on('exit', (code, signal) => resolveDone(signal ? -1 : (code ?? -1))),
  );
  return { child, done };
}

interface Snapshot {
  readonly states: Map<string, string>;
  readonly report: string;
  readonly proposals: Map<string, string>;
  readonly feedback: Map<string, string>;
  readonly parts: Map<string, Map<string, Buffer>>;
  readonly feedbackTabs: Map<string, number>;
  readonly temporaries: string[];
}

async function partsOf(path: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const parts = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files))
    if (!file.dir) parts.set(name, await file.async('nodebuffer'));
  return parts;
}

/** The feedback part of a unit package (found through workbook.xml), to leave out of the byte comparison. */
async function feedbackPart(
  parts: Map<string, Buffer>,
): Promise<{ part: string | undefined; count: number }> {
  const workbook = parts.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const rels = parts.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
  const tabs = [...workbook.matchAll(/<sheet\b[^>]*name="([^"]*)"[^>]*\br:id="([^"]*)"/g)].filter(
    (m) => m[1] === TABS.feedback,
  );
  const id = tabs[0]?.[2];
  const target = id ? new RegExp(`Id="${id}"[^>]*Target="([^"]*)"`).exec(rels)?.[1] : undefined;
  return { part: target ? `xl/${target.replace(/^\/?xl\//, '')}` : undefined, count: tabs.length };
}

async function snapshot(sector: string): Promise<Snapshot> {
  const files = new XlsxWorkbooks({ baseDir: sector });
  const registry = parseRegistry(await files.readWorkbook(REGISTRY_FILE, [TABS.registry]));
  const server = await startDynalite({ path: join(sector, 'db') });
  const client = createDynamoClient({ endpoint: server.endpoint, localCredentials: true });
  const store = new DynamoSubmissionStore({ client, tableName: 'thidua' });
  const loaded = await store.loadStates(Number(YEAR), [...registry.units.keys()]);
  await server.close();
  const states = new Map(
    [...loaded].map(([code, s]) => [
      code,
      JSON.stringify({
        hash: s.acceptedHash,
        status: s.lastStatus,
        problems: s.problems,
        delivered: s.feedbackDelivered,
      }),
    ]),
  );
  const out = join(sector, 'out', YEAR);
  // The same outcome, whichever run reached it: a unit accepted by an earlier (killed) run is
  // 'unchanged' in the last one; the sector's folder differs between the two copies.
  const report = JSON.parse(
    (await readFile(join(out, 'report.json'), 'utf8')).replaceAll(sector, '<sector>'),
  ) as Record<string, unknown> & { units: { status: string }[] };
  delete report.generatedAt;
  delete report.counters;
  for (const unit of report.units) if (unit.status === 'unchanged') unit.status = 'accepted';
  const proposals = new Map<string, string>();
  for (const name of (await readdir(out)).filter((n) => n.endsWith('.xlsx')).sort()) {
    const text = JSON.stringify(await files.readWorkbook(join(out, name)));
    // The sector status says when units were last checked: the clock's, not the outcome's, so
    // those times are left out of the comparison (the clean run and the last chaos run are
    // minutes apart); everything else in it must be the same.
    proposals.set(
      name,
      name === STATUS_BOOK.fileName ? text.replace(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/g, '<time>') : text,
    );
  }
  const feedback = new Map<string, string>();
  const parts = new Map<string, Map<string, Buffer>>();
  const feedbackTabs = new Map<string, number>();
  const temporaries: string[] = [];
  for (const unit of registry.units.values()) {
    if (!unit.workbook) continue;
    const path = files.resolve(unit.workbook);
    let grids: WorkbookGrids;
    try {
      grids = await files.readWorkbook(unit.workbook);
    } catch {
      continue; // the example's missing workbook
    }
    // The check time differs between runs; everything else in the tab must be the same.
    const tab = (grids[TABS.feedback] ?? []).filter((row) => row[0] !== 'Thời điểm kiểm tra');
    feedback.set(unit.code, JSON.stringify(tab));
    const unitParts = await partsOf(path);
    const { part, count } = await feedbackPart(unitParts);
    feedbackTabs.set(unit.code, count);
    if (part) unitParts.delete(part);
    parts.set(unit.code, unitParts);
  }
  for (const folder of [sector, join(sector, 'bang-diem'), out])
    for (const name of await readdir(folder).catch(() => [] as string[]))
      if (name.endsWith('.tmp')) temporaries.push(join(folder, name));
  return { states, report: JSON.stringify(report), proposals, feedback, parts, feedbackTabs, temporaries };
}

const sameBytes = (a: Map<string, Buffer>, b: Map<string, Buffer> | undefined) =>
  b !== undefined && a.size === b.size && [...a].every(([name, bytes]) => b.get(name)?.equals(bytes));

async function main() {
  const work = await mkdtemp(join(tmpdir(), 'thidua-chaos-'));
  const pristine = join(work, 'pristine');
  const clean = join(work, 'clean');
  const chaos = join(work, 'chaos');
  console.log(`generating a sector of ${UNITS} units in ${pristine}…`);
  await ensureExample(
    pristine,
    { units: UNITS, people: Number(values.people), seed: 2024, withMistakes: true },
    true,
  );
  await cp(pristine, clean, { recursive: true });
  await cp(pristine, chaos, { recursive: true });

  const started = Date.now();
  const reference = startRun(clean);
  const referenceCode = await reference.done;
  const cleanMs = Date.now() - started;
  console.log(`clean run: exit ${referenceCode} in ${(cleanMs / 1000).toFixed(1)} s`);

  let runs = 1;
  let kills = 0;
  // A run started right after a killed one must take the dead run's lease and lock, not refuse.
  let refusedAfterKill = 0;
  let killedBefore = false;
  for (let i = 0; i < KILLS; i++) {
    const touched = i === 0 ? 0 : await touchSome(chaos);
    const run = startRun(chaos);
    runs++;
    // The first run has the whole sector to do; later ones re-read what was saved again.
    const at = Math.floor(random() * cleanMs * (i === 0 ? 1 : 0.5));
    const timer = setTimeout(() => killRun(run), at);
    const code = await run.done;
    clearTimeout(timer);
    if (code === -1) kills++;
    if (code === 4 && killedBefore) refusedAfterKill++;
    killedBefore = code === -1;
    process.stdout.write(
      `  run ${i + 1} (${touched} workbooks saved again): ${code === -1 ? `killed after ${(at / 1000).toFixed(1)} s` : `exit ${code}`}\n`,
    );
  }
  // Two runs at the same instant: one works, the other is refused (4) before touching anything.
  const [a, b] = [startRun(chaos), startRun(chaos)];
  runs += 2;
  const race = (await Promise.all([a.done, b.done])).sort();
  console.log(`two runs at once: exits ${race.join(' and ')}`);
  const last = startRun(chaos);
  runs++;
  const lastCode = await last.done;
  console.log(`last run: exit ${lastCode}`);

  const [want, got, original] = await Promise.all([
    snapshot(clean),
    snapshot(chaos),
    snapshot(pristine).catch(() => undefined),
  ]);
  void original;
  const lost = [...want.states.keys()].filter((code) => !got.states.has(code)).length;
  const differentStates = [...want.states]
    .filter(([code, s]) => got.states.get(code) !== s)
    .map(([code]) => code);
  const differentProposals = [...want.proposals]
    .filter(([name, p]) => got.proposals.get(name) !== p)
    .map(([n]) => n);
  const differentFeedback = [...want.feedback]
    .filter(([code, f]) => got.feedback.get(code) !== f)
    .map(([c]) => c);
  const duplicated = [...got.feedbackTabs].filter(([, count]) => count !== 1).map(([code]) => code);
  // The unit's own parts, compared with the untouched sector: nothing a clerk made may change.
  const pristineParts = new Map<string, Map<string, Buffer>>();
  const files = new XlsxWorkbooks({ baseDir: pristine });
  const registry = parseRegistry(await files.readWorkbook(REGISTRY_FILE, [TABS.registry]));
  for (const unit of registry.units.values()) {
    if (!unit.workbook) continue;
    try {
      const parts = await partsOf(files.resolve(unit.workbook));
      const { part } = await feedbackPart(parts);
      if (part) parts.delete(part);
      pristineParts.set(unit.code, parts);
    } catch {}
  }
  const damaged = [...pristineParts]
    .filter(([code, parts]) => !sameBytes(parts, got.parts.get(code)))
    .map(([c]) => c);
  const differentReport = want.report !== got.report;
  const different =
    differentStates.length +
    differentProposals.length +
    differentFeedback.length +
    damaged.length +
    (differentReport ? 1 : 0);

  console.log('');
  console.log(
    `runs: ${runs}, kills: ${kills}, refused while another ran: ${race.filter((c) => c === 4).length}`,
  );
  console.log(`refused after a kill: ${refusedAfterKill}`);
  console.log(`units lost: ${lost}`);
  console.log(`duplicated (a unit workbook without exactly one feedback tab): ${duplicated.length}`);
  console.log(
    `different: ${different} (states ${differentStates.length}, proposal workbooks ${differentProposals.length}, feedback tabs ${differentFeedback.length}, unit workbooks damaged ${damaged.length}, report.json ${differentReport ? 1 : 0})`,
  );
  console.log(`temporary files left: ${got.temporaries.length}`);
  for (const [label, list] of [
    ['states', differentStates],
    ['proposals', differentProposals],
    ['feedback', differentFeedback],
    ['damaged', damaged],
    ['duplicated', duplicated],
  ] as const)
    if (list.length)
      console.log(`  ${label}: ${list.slice(0, 10).join(', ')}${list.length > 10 ? ', …' : ''}`);
  for (const code of differentStates.slice(0, 3))
    console.log(`  state ${code}:\n    clean ${want.states.get(code)}\n    chaos ${got.states.get(code)}`);
  for (const name of differentProposals.slice(0, 2)) {
    const [a, b] = [want.proposals.get(name) ?? '', got.proposals.get(name) ?? ''];
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    console.log(
      `  workbook ${name} from character ${at}:\n    clean …${a.slice(at - 40, at + 80)}\n    chaos …${b.slice(at - 40, at + 80)}`,
    );
  }
  for (const code of differentFeedback.slice(0, 2))
    console.log(`  tab ${code}:\n    clean ${want.feedback.get(code)}\n    chaos ${got.feedback.get(code)}`);
  const raceOk = race[0] === 0 || race[0] === 3 ? race[1] === 4 : false;
  if (!raceOk)
    console.log(`  the race did not end with one run done and one refused (exit 4): ${race.join(', ')}`);
  const ok =
    lost === 0 &&
    duplicated.length === 0 &&
    different === 0 &&
    got.temporaries.length === 0 &&
    raceOk &&
    refusedAfterKill === 0;
  console.log(ok ? 'all 0: nothing lost, duplicated, different or refused after a kill' : 'FAILED');
  await rm(work, { recursive: true, force: true });
  // Exit explicitly: a handle of a killed run's store (LevelDB in dynalite) may keep the loop alive.
  process.exit(ok ? 0 : 1);
}

await main();
