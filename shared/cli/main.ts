/**
 * `thidua`: the command-line tool of the emulation office. Thin wiring over the use cases.
 *
 *   thidua template | check <workbook> | sync | propose | run   (each with --help)
 */

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, watch as watchFolder } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { replaceFile } from '../adapters/fs/atomic.ts';
import {
  type GoogleCredentials,
  GoogleCredentialsError,
  parseCredentialsJson,
} from '../adapters/google/auth.ts';
import { XlsxWorkbooks } from '../adapters/xlsx/workbooks.ts';
import {
  DATA_DIR,
  EXAMPLE_DIR,
  ensureExample,
  ensureExampleYears,
  HISTORY_FILE,
  type JobContext,
  openJob,
  openSheets,
  REGISTRY_FILE,
  resolveMovement,
  type SheetsOption,
  UsageError,
} from '../app/context.ts';
import { withRunLease } from '../app/lease.ts';
import { loadMovement } from '../app/movement.ts';
import { type HistoryRecord, parseHistory, pendingBlocks } from '../domain/history.ts';
import { cellRef, hasErrors, type Problem } from '../domain/problems.ts';
import { collectiveCouncilOf, individualCouncilOf, parseRegistry } from '../domain/registry.ts';
import { readSubmission } from '../domain/submission.ts';
import { matchKey } from '../domain/text.ts';
import { movementKind } from '../movement/files.ts';
import {
  type Campaign,
  campaignKindSchema,
  campaignOf,
  catalogFor,
  type Movement,
  MovementConfigError,
  yearsOf,
} from '../movement/movement.ts';
import {
  SourceUnavailableError,
  StoreBusyError,
  WorkbookInaccessibleError,
  WorkbookNotFoundError,
  WorkbookReadError,
} from '../ports/index.ts';
import { MOVEMENT_BOOK_TABS, movementBookModel } from '../present/movement-book.ts';
import { readMovementBook } from '../present/movement-book-read.ts';
import { registryWorkbookModel } from '../present/registry-book.ts';
import { formatVietnamTime, vietnamDate } from '../present/time.ts';
import { unitWorkbookModel } from '../present/unit-template.ts';
import { CLI_HELP, CLI_TEXT } from '../text/console.ts';
import { MOVEMENT_BOOK } from '../text/movement-book.ts';
import { STATUS_LABELS } from '../text/proposals.ts';
import { INFO_LABELS, TABS } from '../text/sheets.ts';
import { STATUS_BOOK } from '../text/status-book.ts';
import { crossCheckStaff } from '../usecases/cross-check.ts';
import { type ProposeResult, proposeAwards, writeDocuments } from '../usecases/propose.ts';
import { publishCouncil, publishRound, reopenCouncil, UnknownCouncilError } from '../usecases/publish.ts';
import { buildReport, type Report, roundCouncilSchema, roundSummary } from '../usecases/report.ts';
import { proposeRound, roundKey, roundWorkbookOnMedium } from '../usecases/round.ts';
import { spreadsheetLink, statusSpreadsheetOf, writeSectorStatus } from '../usecases/status.ts';
import { syncUnits, UNIT_TABS, type UnitOutcome } from '../usecases/sync.ts';
import { terminalProgress } from './progress.ts';

/**
 * The instant a command takes as now: the clock, or THIDUA_NOW (an ISO instant) to run as of a
 * given moment — reproducible reports, and tests that do not depend on the day they run.
 */
function runNow(): string {
  const fixed = process.env.THIDUA_NOW;
  if (!fixed) return new Date().toISOString();
  const ms = Date.parse(fixed);
  if (Number.isNaN(ms)) throw new UsageError(CLI_TEXT.badNow(fixed));
  return new Date(ms).toISOString();
}

const COMMON = {
  registry: { type: 'string' },
  example: { type: 'boolean' },
  google: { type: 'boolean' },
  'registry-id': { type: 'string' },
  credentials: { type: 'string' },
  'google-root-url': { type: 'string' },
  'access-token-file': { type: 'string' },
  'reads-per-minute': { type: 'string' },
  'writes-per-minute': { type: 'string' },
  'shared-drive': { type: 'string' },
  year: { type: 'string' },
  movement: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const JOB = {
  ...COMMON,
  out: { type: 'string' },
  store: { type: 'string' },
  endpoint: { type: 'string' },
  aws: { type: 'boolean' },
  table: { type: 'string' },
  force: { type: 'boolean' },
  unit: { type: 'string', multiple: true },
  round: { type: 'string' },
  history: { type: 'string' },
} as const;

const PUBLISH = {
  ...JOB,
  council: { type: 'string' },
  by: { type: 'string' },
  why: { type: 'string' },
} as const;

const HELP: Record<string, string> = CLI_HELP(EXAMPLE_DIR, DATA_DIR);

type JobValues = ReturnType<typeof parseJob>['values'];

function parseJob(args: string[]) {
  return parseArgs({ args, options: JOB, allowPositionals: true, strict: true });
}

function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{4})(?:\s*[-–]\s*\d{4})?$/.exec(value.trim());
  if (!match) throw new UsageError(CLI_TEXT.badYear(value));
  return Number(match[1]);
}

type CommonValues = {
  registry?: string | undefined;
  example?: boolean | undefined;
  google?: boolean | undefined;
  'registry-id'?: string | undefined;
  credentials?: string | undefined;
  'google-root-url'?: string | undefined;
  'access-token-file'?: string | undefined;
  'reads-per-minute'?: string | undefined;
  'writes-per-minute'?: string | undefined;
  'shared-drive'?: string | undefined;
};

function googleCredentials(values: CommonValues): GoogleCredentials {
  // A token on the command line is visible to every user of the machine (ps): file or environment only.
  const tokenFile = values['access-token-file'];
  if (tokenFile) {
    try {
      return { kind: 'accessToken', token: readFileSync(resolve(tokenFile), 'utf8').trim() };
    } catch {
      throw new UsageError(CLI_TEXT.tokenFile(tokenFile));
    }
  }
  const token = process.env.THIDUA_GOOGLE_ACCESS_TOKEN;
  if (token) return { kind: 'accessToken', token };
  const file = values.credentials ?? process.env.GOOGLE_APPLICATION_CREDENTIALS;
  if (!file) throw new UsageError(CLI_TEXT.needCredentials());
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch {
    throw new UsageError(CLI_TEXT.fileMissing(file));
  }
  return parseCredentialsJson(text);
}

const perMinute = (value: string | undefined) => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(CLI_TEXT.badNumber(value));
  return n;
};

/** Which sheet medium the options name: Google, a registry file, or the bundled example. */
async function sheetsOf(values: CommonValues): Promise<SheetsOption> {
  if (values.google) {
    const registryId = values['registry-id'] ?? process.env.THIDUA_REGISTRY_ID;
    if (!registryId) throw new UsageError(CLI_TEXT.needRegistryId());
    const rootUrl = values['google-root-url'] ?? process.env.THIDUA_GOOGLE_ROOT_URL;
    const reads = perMinute(values['reads-per-minute']);
    const writes = perMinute(values['writes-per-minute']);
    const sharedDrive = values['shared-drive'] ?? process.env.THIDUA_SHARED_DRIVE_FOLDER;
    return {
      kind: 'google',
      registryId,
      credentials: googleCredentials(values),
      ...(rootUrl ? { rootUrl } : {}),
      ...(reads ? { readsPerMinute: reads } : {}),
      ...(writes ? { writesPerMinute: writes } : {}),
      ...(sharedDrive ? { sharedDriveFolderId: sharedDrive } : {}),
    };
  }
  if (values.registry) return { kind: 'xlsx', registryPath: resolve(values.registry) };
  if (values.example) {
    if (await ensureExample(EXAMPLE_DIR)) process.stderr.write(`${CLI_TEXT.exampleCreated(EXAMPLE_DIR)}\n`);
    return { kind: 'xlsx', registryPath: resolve(EXAMPLE_DIR, REGISTRY_FILE) };
  }
  throw new UsageError(CLI_TEXT.needRegistry());
}

function printSummary(report: Report, outDir: string | null, out: (line: string) => void) {
  const counts: Record<string, number> = {};
  for (const unit of report.units) counts[unit.status] = (counts[unit.status] ?? 0) + 1;
  if (report.registryProblems.length) {
    out(CLI_TEXT.registryProblems(report.registryProblems.length));
    for (const p of report.registryProblems) out(`  ${cellRef(p.tab, p.cell)}: ${p.message}`);
  }
  if (report.units.length) {
    out(CLI_TEXT.units(report.units.length, counts));
    for (const unit of report.units.filter((u) =>
      ['rejected', 'missing', 'inaccessible', 'failed'].includes(u.status),
    ))
      out(
        CLI_TEXT.unitProblem(
          unit.code,
          STATUS_LABELS[unit.status],
          unit.problems.filter((p) => p.severity === 'error').length,
        ),
      );
  }
  if (report.councils.length && outDir) {
    out(CLI_TEXT.councils(report.councils.length, outDir));
    for (const c of report.councils.filter((c) => c.withheld.length === 0)) {
      const line = (s: Report['councils'][number]['collectives']) =>
        CLI_TEXT.subjectLine(s.proposed.length, s.quota, s.tiedAtLine.length, s.arithmetic);
      out(CLI_TEXT.councilLine(c.code, c.name, line(c.collectives), line(c.individuals)));
    }
    for (const c of report.councils.filter((c) => c.withheld.length > 0))
      out(CLI_TEXT.withheld(c.code, c.withheld));
  }
  const unread = report.units.filter((u) => u.status === 'failed' || u.status === 'inaccessible').length;
  if (unread) out(CLI_TEXT.unread(unread));
  const k = report.counters;
  out(
    `storeReads: ${k.storeReads}, storeWrites: ${k.storeWrites}, sheetReads: ${k.sheetReads}, sheetWrites: ${k.sheetWrites}`,
  );
}

/**
 * The default folders of one registry: each registry (the example, a file, a Google spreadsheet)
 * has its own store and output under `.thidua/`, so one sector never overwrites another's.
 */
function registrySlug(sheets: SheetsOption, example: boolean): string {
  if (example) return 'example';
  const id = sheets.kind === 'xlsx' ? sheets.registryPath : `google:${sheets.registryId}`;
  const base = (sheets.kind === 'xlsx' ? basename(dirname(sheets.registryPath)) : 'google')
    .normalize('NFD')
    .replace(/[^A-Za-z0-9_-]+/g, '')
    .slice(0, 24);
  return `${base || 'danh-muc'}-${createHash('sha256').update(id).digest('hex').slice(0, 8)}`;
}

function outRootOf(values: JobValues, sheets: SheetsOption): string {
  return (
    values.out ?? join(DATA_DIR, 'out', registrySlug(sheets, values.example === true && !values.registry))
  );
}

/** The job context the common options describe (sheet medium, movement, year, store). */
async function openFromOptions(values: JobValues): Promise<JobContext> {
  const year = parseYear(values.year);
  const sheets = await sheetsOf(values);
  const slug = registrySlug(sheets, values.example === true && !values.registry);
  const ctx = await openJob({
    sheets,
    ...(values.movement ? { movementPath: values.movement } : {}),
    ...(year !== undefined ? { year } : {}),
    storeDir: values.store ?? join(DATA_DIR, 'db', slug),
    ...(values.endpoint ? { endpoint: values.endpoint } : {}),
    aws: values.aws ?? false,
    table: values.table ?? 'thidua',
    outRoot: outRootOf(values, sheets),
  });
  // A registry with no unit read (a unit's workbook given as --registry, an empty list) is not a sector.
  if (ctx.registry.units.size === 0) {
    await ctx.close();
    const detail = ctx.registry.problems.map((p) => `${cellRef(p.tab, p.cell)}: ${p.message}`).join('; ');
    throw new RegistryError(
      `${CLI_TEXT.emptyRegistry(sheets.kind === 'xlsx' ? sheets.registryPath : sheets.registryId)}${detail ? ` ${detail}` : ''}`,
    );
  }
  const unknown = (values.unit ?? [])
    .map((u) => u.toUpperCase())
    .filter((code) => !ctx.registry.units.has(code));
  if (unknown.length) {
    await ctx.close();
    throw new UsageError(CLI_TEXT.unknownUnits(unknown));
  }
  return ctx;
}

/** The registry cannot serve as one (no unit in it): nothing was done. */
class RegistryError extends Error {
  override readonly name = 'RegistryError';
}

/**
 * Exit codes: what happened, for scripts and schedulers. A command that did not fully succeed
 * never exits 0.
 */
export const EXIT = {
  done: 0,
  failure: 1,
  usage: 2,
  /** Done, but some units could not be read or some councils' lists were not written (see the report). */
  partial: 3,
  /** Another run holds the store: nothing was done. */
  busy: 4,
} as const;

type JobCommand = 'sync' | 'propose' | 'run' | 'documents';

async function job(command: JobCommand, values: JobValues): Promise<number> {
  const ctx = await openFromOptions(values);
  try {
    return await withRunLease(ctx.leases, {}, () => jobUnderLease(ctx, command, values));
  } finally {
    await ctx.close();
  }
}

/** How long after a save a workbook is checked: the office suite writes a file in several steps. */
const WATCH_SETTLE_MS = 1_500;

/**
 * `thidua watch`: a full run, then each unit workbook of the registry checked again a moment after
 * it is saved — its feedback tab written, its councils' proposals and the sector status refreshed.
 * thidua's own writes and the office suite's lock files are not workbooks to check. Ctrl-C stops.
 */
async function watchCommand(args: string[]): Promise<number> {
  const { values } = parseJob(args);
  if (values.help) return help('watch');
  const ctx = await openFromOptions(values);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    if (!(ctx.source instanceof XlsxWorkbooks)) throw new UsageError(CLI_TEXT.watchNeedsFiles());
    return await withRunLease(ctx.leases, {}, async () => {
      await jobUnderLease(ctx, 'run', { ...values, json: false });
      const registryDir = dirname(
        resolve(values.example ? join(EXAMPLE_DIR, REGISTRY_FILE) : (values.registry ?? '.')),
      );
      const byPath = new Map(
        [...ctx.registry.units.values()].flatMap((u) =>
          u.workbook ? [[resolve(registryDir, u.workbook), u.code] as const] : [],
        ),
      );
      const recheck = async (code: string) => {
        const now = runNow();
        const { units } = await syncUnits(
          { source: ctx.source, sink: ctx.sink, store: ctx.store, onUnitError: unitNotSynced },
          {
            movement: ctx.movement,
            catalog: ctx.catalog,
            year: ctx.year,
            registry: ctx.registry,
            now,
            only: [code],
          },
        );
        const outcome = units.find((u) => u.code === code);
        if (!outcome || outcome.status === 'unchanged') return; // thidua's own write, or the same content
        const errors = outcome.problems.filter((p) => p.severity === 'error').length;
        out(CLI_TEXT.watchChecked(formatVietnamTime(now), code, STATUS_LABELS[outcome.status], errors));
        const councils = [
          individualCouncilOf(ctx.registry.units, code),
          collectiveCouncilOf(ctx.registry.units, code),
        ].filter((c): c is string => c !== null);
        const proposals = await proposeAwards(
          { sink: ctx.sink, source: ctx.source, store: ctx.store, publications: ctx.publications },
          {
            movement: ctx.movement,
            year: ctx.year,
            registry: ctx.registry,
            proposalLocation: (council) => ctx.proposalLocation(council),
            only: [...new Set(councils)],
            documentsDate: vietnamDate(now),
            pending: pendingBlocks((await readHistory(values, ctx, () => {})).records),
          },
        );
        for (const council of proposals.rewritten) out(CLI_TEXT.watchProposal(council));
        await sectorStatus(ctx, units);
      };
      out(CLI_TEXT.watching(byPath.size, relative(process.cwd(), registryDir) || '.'));
      return await new Promise<number>((done) => {
        const timers = new Map<string, NodeJS.Timeout>();
        let queue = Promise.resolve();
        const watcher = watchFolder(registryDir, { recursive: true }, (_event, name) => {
          const path = name ? resolve(registryDir, name.toString()) : '';
          const code = byPath.get(path); // lock files (~$…, .~lock…#) and other files are not in the registry
          if (!code) return;
          clearTimeout(timers.get(path));
          timers.set(
            path,
            setTimeout(() => {
              timers.delete(path);
              queue = queue.then(() => recheck(code)).catch((error: unknown) => unitNotSynced(code, error));
            }, WATCH_SETTLE_MS),
          );
        });
        const stop = () => {
          watcher.close();
          for (const timer of timers.values()) clearTimeout(timer);
          void queue.then(() => {
            out(CLI_TEXT.watchStopped());
            done(EXIT.done);
          });
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
  } finally {
    await ctx.close();
  }
}

/** A unit the medium did not answer for (or whose tab could not be written): one line on stderr. */
function unitNotSynced(unit: string, error: unknown): void {
  process.stderr.write(
    `${JSON.stringify({ level: 'warn', msg: 'unit not synced', unit, error: error instanceof Error ? error.message : String(error) })}\n`,
  );
}

async function jobUnderLease(ctx: JobContext, command: JobCommand, values: JobValues): Promise<number> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const log = values.json ? () => {} : out;
  const now = runNow();
  const progress = terminalProgress();
  const outDir = ctx.outDir;
  log(CLI_TEXT.heading(ctx.year, ctx.movement.name));
  let units: UnitOutcome[] | undefined;
  if (command === 'sync' || command === 'run') {
    const result = await syncUnits(
      {
        source: ctx.source,
        sink: ctx.sink,
        store: ctx.store,
        progress,
        onUnitError: unitNotSynced,
      },
      {
        movement: ctx.movement,
        catalog: ctx.catalog,
        year: ctx.year,
        registry: ctx.registry,
        now,
        force: values.force ?? false,
        ...(values.unit ? { only: values.unit } : {}),
      },
    );
    units = result.units;
  }
  // What no single workbook shows: a person listed by two units; each unit is told in its tab.
  // The annual proposals do it on the data they load; without them, it is done here.
  const annualProposals = command !== 'sync' && !values.round;
  if (!annualProposals)
    await crossCheckStaff(
      { store: ctx.store, sink: ctx.sink, onUnitError: unitNotSynced },
      { year: ctx.year, registry: ctx.registry, now },
    );
  // A round replaces the annual proposals of this run; the sync's report is written either way.
  const rounds = values.round ? await round(ctx, values, now, progress, log) : undefined;
  let proposals: ProposeResult | undefined;
  if (annualProposals) {
    proposals = await proposeAwards(
      {
        sink: ctx.sink,
        source: ctx.source,
        store: ctx.store,
        publications: ctx.publications,
        progress,
        ...(ctx.documents ? { documents: ctx.documents } : {}),
      },
      {
        movement: ctx.movement,
        year: ctx.year,
        registry: ctx.registry,
        proposalLocation: (council) => ctx.proposalLocation(council),
        ...((command === 'propose' || command === 'documents') && values.unit
          ? { only: values.unit.map((u) => u.toUpperCase()) }
          : {}),
        documentsDate: vietnamDate(now),
        forceDocuments: command === 'documents',
        // A discipline being considered, an inspection, a complaint: no award while it stands.
        pending: pendingBlocks((await readHistory(values, ctx, log)).records),
        crossCheckAt: now,
        unsettled: new Map(
          (units ?? [])
            .filter((u) => u.status === 'failed' || u.status === 'inaccessible')
            .map((u) => [u.code, STATUS_LABELS[u.status]]),
        ),
      },
    );
  }
  // The sector status the emulation office follows, after every sync (written when it changed).
  const status = units ? await sectorStatus(ctx, units) : undefined;
  const report = buildReport({
    movementId: ctx.movement.id,
    year: ctx.year,
    now,
    registry: ctx.registry,
    ...(units ? { units } : {}),
    ...(proposals ? { proposals } : {}),
    ...(rounds ? { round: rounds } : {}),
    ...(status !== undefined ? { statusWorkbook: status } : {}),
    counters: ctx.counters,
  });
  const reportPath = join(outDir, 'report.json');
  await replaceFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  if (values.json) out(JSON.stringify(report, null, 2));
  else {
    printSummary(report, proposals ? relative(process.cwd(), outDir) || '.' : null, out);
    if (command === 'documents')
      for (const [council, paths] of proposals?.documents ?? [])
        out(
          CLI_TEXT.documents(
            council,
            paths.map((p) => relative(process.cwd(), p) || p),
          ),
        );
    if (report.statusWorkbook)
      out(CLI_TEXT.statusWorkbook(relative(process.cwd(), report.statusWorkbook) || report.statusWorkbook));
    out(CLI_TEXT.report(relative(process.cwd(), reportPath)));
  }
  if (command === 'documents') {
    const council = values.unit?.[0]?.toUpperCase() ?? '';
    if (!proposals?.documents.has(council)) {
      process.stderr.write(`${CLI_TEXT.noDocuments(council)}\n`);
      return EXIT.partial;
    }
  }
  const unread = report.units.filter((u) => u.status === 'failed' || u.status === 'inaccessible');
  const withheld = report.councils.filter((c) => c.withheld.length > 0);
  // A round list that could not be written is not done either.
  const roundUnwritten = report.round?.councils.some((c) => c.workbook === null) ?? false;
  return unread.length || withheld.length || report.registryProblems.length || roundUnwritten
    ? EXIT.partial
    : EXIT.done;
}

async function template(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: COMMON, strict: true });
  if (values.help) return help('template');
  // A movement workbook named but not there yet: write it (from the default plan) for the office to edit.
  if (values.movement && movementKind(values.movement) === 'xlsx' && !existsSync(resolve(values.movement)))
    return movementCommand(['template', values.movement]);
  const sheets = await sheetsOf(values);
  const { source, sink, registryLocation } = openSheets(sheets);
  const { movement, catalog, year } = await resolveMovement(values.movement, parseYear(values.year), source);
  if (
    (await sink.createWorkbook(registryLocation, registryWorkbookModel([]))) === 'created' &&
    sheets.kind === 'xlsx'
  ) {
    process.stdout.write(`${CLI_TEXT.templateRegistryCreated(registryLocation)}\n`);
    return 0;
  }
  const registry = parseRegistry(await source.readWorkbook(registryLocation, [TABS.registry]));
  for (const p of registry.problems) process.stdout.write(`${cellRef(p.tab, p.cell)}: ${p.message}\n`);
  let created = 0;
  let existing = 0;
  for (const unit of registry.units.values()) {
    if (!unit.workbook) continue;
    try {
      const outcome = await sink.createWorkbook(
        unit.workbook,
        unitWorkbookModel({ movement, catalog, year, unit }),
      );
      if (outcome === 'created') created++;
      else existing++;
    } catch (error) {
      // One unit's spreadsheet (not shared, deleted) never stops the others.
      if (
        !(
          error instanceof WorkbookNotFoundError ||
          error instanceof WorkbookReadError ||
          error instanceof WorkbookInaccessibleError
        )
      )
        throw error;
      process.stdout.write(
        `${CLI_TEXT.templateFailed(unit.code, error instanceof WorkbookNotFoundError ? CLI_TEXT.fileMissing(unit.workbook) : error.detail)}\n`,
      );
    }
  }
  process.stdout.write(`${CLI_TEXT.templateCreated(created, existing)}\n`);
  return 0;
}

/**
 * `thidua movement check FILE`: the movement workbook (or JSON file, or — with --google — movement
 * spreadsheet) checked like a unit workbook, every problem with its tab and cell.
 * `thidua movement template FILE`: writes the movement workbook of `--movement` (default: the
 * 2019–2025 plan) for the office to edit; never overwrites.
 */
async function movementCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: COMMON, allowPositionals: true, strict: true });
  const [action, location] = positionals;
  if (values.help || !location || positionals.length !== 2 || (action !== 'check' && action !== 'template'))
    return help('movement', !values.help);
  const google = values.google
    ? openSheets(await sheetsOf({ ...values, 'registry-id': values['registry-id'] ?? location }))
    : undefined;
  const kind = movementKind(location);
  if (kind === 'sheet' && !google) throw new UsageError(MOVEMENT_BOOK.messages.notAFile(location));
  const where = kind === 'sheet' ? location : resolve(location);
  if (action === 'template') {
    if (kind === 'json') throw new UsageError(CLI_TEXT.movementNotXlsx(location));
    const movement = await loadMovement(values.movement, google?.source);
    const sink = google?.sink ?? new XlsxWorkbooks({ baseDir: dirname(where) });
    const outcome = await sink.createWorkbook(where, movementBookModel(movement));
    process.stdout.write(
      `${outcome === 'created' ? CLI_TEXT.movementCreated(location, movement.name) : CLI_TEXT.movementExists(location)}\n`,
    );
    return outcome === 'created' ? EXIT.done : 1;
  }
  let problems: readonly Problem[];
  let movement: Movement | null = null;
  if (kind === 'json') {
    try {
      movement = await loadMovement(where);
      problems = [];
    } catch (error) {
      if (!(error instanceof MovementConfigError)) throw error;
      problems = [{ severity: 'error', tab: '', cell: '', code: 'MOVEMENT_INVALID', message: error.message }];
    }
  } else {
    const source = google?.source ?? new XlsxWorkbooks({ baseDir: dirname(where) });
    const result = readMovementBook(await source.readWorkbook(where, MOVEMENT_BOOK_TABS));
    movement = result.movement;
    problems = result.problems;
  }
  if (values.json)
    process.stdout.write(
      `${JSON.stringify({ valid: movement !== null, id: movement?.id ?? null, problems }, null, 2)}\n`,
    );
  else if (movement) {
    const years = yearsOf(movement);
    process.stdout.write(
      `${CLI_TEXT.movementOk(
        location,
        movement.name,
        years[0] ?? 0,
        years.at(-1) ?? 0,
        movement.catalogs.length,
        movement.campaigns.map((c) => c.kind),
      )}\n`,
    );
  } else {
    process.stdout.write(`${CLI_TEXT.movementFailed(location, problems.length)}\n`);
    for (const p of problems) process.stdout.write(`  ${cellRef(p.tab, p.cell)} [${p.code}] ${p.message}\n`);
  }
  return movement ? EXIT.done : 1;
}

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { ...COMMON, unit: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help || positionals.length !== 1) return help('check', !values.help);
  const path = resolve(positionals[0] ?? '');
  const year = parseYear(values.year);
  const { movement, catalog, year: chosen } = await resolveMovement(values.movement, year);
  const workbooks = new XlsxWorkbooks({ baseDir: dirname(path) });
  let unitCode = values.unit?.toUpperCase();
  if (!unitCode && values.registry) {
    const registryPath = resolve(values.registry);
    const registry = parseRegistry(
      await new XlsxWorkbooks({ baseDir: dirname(registryPath) }).readWorkbook(registryPath, [TABS.registry]),
    );
    unitCode = [...registry.units.values()].find(
      (u) => u.workbook && resolve(dirname(registryPath), u.workbook) === path,
    )?.code;
    // The registry is what binds a workbook to a unit: one it does not list cannot be checked as sync would.
    if (!unitCode) throw new UsageError(CLI_TEXT.unknownUnit(basename(path)));
  }
  const bound = unitCode !== undefined;
  const grids = await workbooks.readWorkbook(path, UNIT_TABS);
  if (!unitCode) {
    // Without a registry the workbook's own code is the best guess; the binding is checked at sync.
    const info = Object.entries(grids).find(([name]) => matchKey(name) === matchKey(TABS.info))?.[1] ?? [];
    const row = info.find(
      (r) => typeof r[0] === 'string' && matchKey(r[0]) === matchKey(INFO_LABELS.unitCode),
    );
    unitCode = typeof row?.[1] === 'string' ? row[1].trim().toUpperCase() : undefined;
  }
  if (!unitCode) throw new UsageError(CLI_TEXT.unknownUnit(basename(path)));
  const result = readSubmission(grids, { movement, catalog, year: chosen, expectedUnitCode: unitCode });
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  if (values.json)
    process.stdout.write(
      `${JSON.stringify({ unit: unitCode, accepted: !hasErrors(result.problems), unitCodeChecked: bound, problems: result.problems }, null, 2)}\n`,
    );
  else {
    process.stdout.write(
      `${errors ? CLI_TEXT.checkFailed(basename(path), errors, result.problems.length - errors) : bound ? CLI_TEXT.checkOk(basename(path)) : CLI_TEXT.checkOkUnbound(basename(path), unitCode)}\n`,
    );
    for (const p of result.problems)
      process.stdout.write(`  ${cellRef(p.tab, p.cell)} [${p.code}] ${p.message}\n`);
  }
  return errors ? 1 : 0;
}

/**
 * The award history beside a local registry (`lich-su-khen-thuong.xlsx`, or `--history`), its
 * problems logged; none on Google or when there is no file.
 */
async function readHistory(
  values: JobValues,
  ctx: Pick<JobContext, 'movement' | 'source'>,
  log: (line: string) => void,
): Promise<{ records: readonly HistoryRecord[] }> {
  if (!(ctx.source instanceof XlsxWorkbooks)) {
    // On Google the award history is a spreadsheet the office keeps: --history names its id.
    if (!values.history) return { records: [] };
    const history = parseHistory(await ctx.source.readWorkbook(values.history, [TABS.history]), ctx.movement);
    for (const p of history.problems) log(`  ${cellRef(p.tab, p.cell)}: ${p.message}`);
    return history;
  }
  const registryDir = dirname(
    resolve(values.example ? join(EXAMPLE_DIR, REGISTRY_FILE) : (values.registry ?? '.')),
  );
  const historyPath = resolve(values.history ?? join(registryDir, HISTORY_FILE));
  if (!existsSync(historyPath)) return { records: [] };
  const history = parseHistory(
    await new XlsxWorkbooks({ baseDir: registryDir }).readWorkbook(historyPath, [TABS.history]),
    ctx.movement,
  );
  for (const p of history.problems) log(`  ${cellRef(p.tab, p.cell)}: ${p.message}`);
  return history;
}

/** Writes the sector status workbook (beside the proposals; on Google, where the registry says). */
async function sectorStatus(ctx: JobContext, units: readonly UnitOutcome[]): Promise<string | null> {
  const local = ctx.source instanceof XlsxWorkbooks;
  const result = await writeSectorStatus(
    { store: ctx.store, sink: ctx.sink, source: ctx.source },
    {
      movement: ctx.movement,
      year: ctx.year,
      registry: ctx.registry,
      outcomes: units,
      location: local ? join(ctx.outDir, STATUS_BOOK.fileName) : statusSpreadsheetOf(ctx.registry),
      link: local ? (unit) => unit.workbook : spreadsheetLink,
      time: formatVietnamTime,
    },
  );
  return result.location;
}

/** The round `--round` names (midterm or final), from the movement. */
function campaignFor(ctx: Pick<JobContext, 'movement'>, round: string | undefined): Campaign {
  const kind = campaignKindSchema.safeParse(round);
  const campaign = kind.success && kind.data !== 'annual' ? campaignOf(ctx.movement, kind.data) : undefined;
  if (!campaign) throw new UsageError(CLI_TEXT.badRound(String(round)));
  return campaign;
}

/** A round's workbooks go in a folder of their own, beside the years' (never into the last year's). */
const roundDirOf = (ctx: Pick<JobContext, 'outDir'>, campaign: Campaign) =>
  join(dirname(ctx.outDir), `${campaign.kind}-${campaign.fromYear}-${campaign.toYear + 1}`);
function roundLocation(ctx: Pick<JobContext, 'outDir'>, campaign: Campaign) {
  return (council: string) => join(roundDirOf(ctx, campaign), `de-nghi-${council}-${campaign.kind}.xlsx`);
}

/** `run --round midterm|final`: the earlier years (the example's are synced here), then the round. */
async function round(
  ctx: JobContext,
  values: JobValues,

  now: string,
  progress: ReturnType<typeof terminalProgress>,
  log: (line: string) => void,
): Promise<NonNullable<Report['round']>> {
  const campaign = campaignFor(ctx, values.round);
  const registryDir = dirname(
    resolve(values.example ? join(EXAMPLE_DIR, REGISTRY_FILE) : (values.registry ?? '.')),
  );
  if (values.example) {
    const years = Array.from(
      { length: campaign.toYear - campaign.fromYear + 1 },
      (_, i) => campaign.fromYear + i,
    );
    log(CLI_TEXT.roundYears(years.filter((y) => y !== ctx.year).map((y) => `${y}–${y + 1}`)));
    for (const folder of await ensureExampleYears(registryDir, years, ctx.year)) {
      const workbooks = new XlsxWorkbooks({ baseDir: folder, counters: ctx.counters });
      const registry = parseRegistry(
        await workbooks.readWorkbook(join(folder, REGISTRY_FILE), [TABS.registry]),
      );
      const year = Number(folder.slice(-4));
      const catalog = catalogFor(ctx.movement, year);
      if (!catalog) continue;
      await syncUnits(
        { source: workbooks, sink: workbooks, store: ctx.store, progress },
        { movement: ctx.movement, catalog, year, registry, now },
      );
    }
  }
  const roundDir = roundDirOf(ctx, campaign);
  const local = ctx.source instanceof XlsxWorkbooks;
  const history = await readHistory(values, ctx, log);
  const result = await proposeRound(
    { store: ctx.store, sink: ctx.sink, source: ctx.source, publications: ctx.publications },
    {
      movement: ctx.movement,
      campaign,
      registry: ctx.registry,
      history: history.records,
      location: local ? roundLocation(ctx, campaign) : roundWorkbookOnMedium(ctx.sink, campaign),
    },
  );
  if (local) log(CLI_TEXT.roundWritten(result.written.size, relative(process.cwd(), roundDir) || '.'));
  else if (result.written.size < result.councils.length)
    process.stderr.write(`${CLI_TEXT.roundNeedsFolder(result.councils.length - result.written.size)}\n`);
  else log(CLI_TEXT.roundWrittenGoogle(result.written.size));
  // The council's entries thidua could not use: on the terminal even with --json (stdout is the report).
  for (const p of result.problems) process.stderr.write(`  ${cellRef(p.tab, p.cell)}: ${p.message}\n`);
  for (const council of result.councils)
    log(
      `  ${council.code}${result.published.has(council.code) ? ` (${CLI_TEXT.roundFrozen})` : ''}: ${council.lists
        .map((list) =>
          CLI_TEXT.roundList(
            list.subject === 'collective' ? 'tập thể' : 'cá nhân',
            list.entries.filter((e) => e.form !== null).length,
            list.forms
              .map((f) => [f.shortName, list.entries.filter((e) => e.form === f.code).length] as const)
              .filter(([, n]) => n > 0)
              .map(([name, n]) => `${name} ${n}`)
              .join(', '),
            list.entries.filter((e) => e.selection === 'tied').length,
            list.entries.filter((e) => e.form && e.eligibility.get(e.form)?.state !== 'eligible').length,
          ),
        )
        .join('; ')}`,
    );
  const summary = roundSummary(
    { kind: campaign.kind, fromYear: campaign.fromYear, toYear: campaign.toYear },
    result.councils,
    result.written,
    result.published,
  );
  // A published council's lists are what it published, not today's ranking.
  const key = roundKey(campaign);
  const frozen = await ctx.publications.loadSnapshots(key.year, key.round, [...result.published]);
  return {
    ...summary,
    councils: summary.councils.map((c) => {
      const published = frozen.get(c.code);
      return published
        ? { ...roundCouncilSchema.parse(published.snapshot), workbook: c.workbook, published: true }
        : c;
    }),
  };
}

/** publish / reopen / audit: the council's list for the year, with who and why recorded. */
const parsePublish = (args: string[]) => parseArgs({ args, options: PUBLISH, strict: true });

async function publication(command: 'publish' | 'reopen' | 'audit', args: string[]): Promise<number> {
  const { values } = parsePublish(args);
  if (values.help) return help(command);
  const council = values.council?.toUpperCase();
  if (!council) throw new UsageError(CLI_TEXT.needCouncil());
  if (command !== 'audit' && !values.by) throw new UsageError(CLI_TEXT.needBy());
  if (command === 'reopen' && !values.why) throw new UsageError(CLI_TEXT.needWhy());
  const ctx = await openFromOptions(values);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    const now = runNow();
    if (values.round && command !== 'audit')
      return await publishRoundCommand(command, ctx, values, council, now);
    const base = {
      councilCode: council,
      year: ctx.year,
      round: 'annual',
      by: values.by ?? '',
      why: values.why ?? '',
      now,
    };
    if (command === 'publish') {
      const result = await publishCouncil(
        { store: ctx.store, publications: ctx.publications },
        {
          ...base,
          movement: ctx.movement,
          registry: ctx.registry,
          pending: pendingBlocks((await readHistory(values, ctx, () => {})).records),
        },
      );
      out(
        result.outcome === 'published'
          ? CLI_TEXT.published(council, result.version)
          : CLI_TEXT.alreadyPublished(council, result.version),
      );
      if (result.outcome !== 'published') return 1;
      // The documents say the list is published, and stay as they are until it is reopened.
      if (ctx.documents) {
        const record = (await ctx.store.loadProposalRecords(ctx.year, [council])).get(council);
        const docs = await writeDocuments(ctx.documents, {
          movement: ctx.movement,
          year: ctx.year,
          proposal: result.proposal,
          registry: ctx.registry,
          statuses: result.statuses,
          date: vietnamDate(now),
          force: true,
          published: { version: result.version, at: now },
        });
        if (record)
          await ctx.store.saveProposalRecords(ctx.year, new Map([[council, { ...record, documents: docs }]]));
        out(
          CLI_TEXT.documents(
            council,
            docs.locations.map((p) => relative(process.cwd(), p) || p),
          ),
        );
      }
      return 0;
    }
    if (command === 'reopen') {
      const result = await reopenCouncil({ publications: ctx.publications }, base);
      out(result === 'reopened' ? CLI_TEXT.reopened(council) : CLI_TEXT.notPublished(council));
      return result === 'reopened' ? 0 : 1;
    }
    const entries = await ctx.publications.audit(council);
    if (values.json) out(JSON.stringify(entries, null, 2));
    else if (!entries.length) out(CLI_TEXT.auditEmpty(council));
    else
      for (const e of entries)
        out(
          CLI_TEXT.auditLine(
            formatVietnamTime(e.at),
            e.action,
            e.by,
            e.why,
            e.version,
            CLI_TEXT.auditList(e.round, e.year),
          ),
        );
    return 0;
  } finally {
    await ctx.close();
  }
}

/** `publish|reopen --round midterm|final`: the council's round list, as it decided it in its workbook. */
async function publishRoundCommand(
  command: 'publish' | 'reopen',
  ctx: JobContext,
  values: ReturnType<typeof parsePublish>['values'],
  council: string,
  now: string,
): Promise<number> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const campaign = campaignFor(ctx, values.round);
  const key = roundKey(campaign);
  if (command === 'reopen') {
    const result = await reopenCouncil(
      { publications: ctx.publications },
      { councilCode: council, ...key, by: values.by ?? '', why: values.why ?? '', now },
    );
    out(result === 'reopened' ? CLI_TEXT.reopened(council) : CLI_TEXT.notPublished(council));
    return result === 'reopened' ? 0 : 1;
  }
  const history = await readHistory(values, ctx, () => {});
  const result = await publishRound(
    { store: ctx.store, source: ctx.source, publications: ctx.publications },
    {
      movement: ctx.movement,
      campaign,
      registry: ctx.registry,
      history: history.records,
      location:
        ctx.source instanceof XlsxWorkbooks
          ? roundLocation(ctx, campaign)
          : roundWorkbookOnMedium(ctx.sink, campaign),
      councilCode: council,
      by: values.by ?? '',
      why: values.why ?? '',
      now,
    },
  );
  out(
    result.outcome === 'published'
      ? CLI_TEXT.roundPublished(council, campaign.kind, result.version)
      : CLI_TEXT.alreadyPublished(council, result.version),
  );
  return result.outcome === 'published' ? 0 : 1;
}

/** Node's parseArgs messages, in the user's language (the option named as typed). */
function parseArgsMessage(code: string, message: string): string {
  const option = /'(-{1,2}[^'\s]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return CLI_TEXT.unknownOption(option);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return CLI_TEXT.missingValue(option);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return CLI_TEXT.extraArgument(/'([^']*)'/.exec(message)?.[1] ?? '');
  return CLI_TEXT.badOption(option || code);
}

const VERSION = (() => {
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
})();

function help(topic: string, asError = false): number {
  (asError ? process.stderr : process.stdout).write(`${HELP[topic] ?? HELP.main}\n`);
  return asError ? 2 : 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'template':
        return await template(rest);
      case 'check':
        return await check(rest);
      case 'movement':
        return await movementCommand(rest);
      case 'watch':
        return await watchCommand(rest);
      case 'sync':
      case 'propose':
      case 'run': {
        const { values } = parseJob(rest);
        if (values.help) return help('job');
        return await job(command, values);
      }
      case 'documents': {
        const { values } = parseArgs({ args: rest, options: PUBLISH, strict: true });
        if (values.help) return help('documents');
        const council = values.council?.toUpperCase();
        if (!council) throw new UsageError(CLI_TEXT.needCouncil());
        return await job('documents', { ...values, unit: [council] });
      }
      case 'publish':
      case 'reopen':
      case 'audit':
        return await publication(command, rest);
      case '--version':
      case '-v':
      case 'version':
        process.stdout.write(`thidua ${VERSION}\n`);
        return EXIT.done;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        return help('main', command === undefined);
      default:
        process.stderr.write(`${CLI_TEXT.unknownCommand(command)}\n`);
        return help('main', true);
    }
  } catch (error) {
    if (error instanceof StoreBusyError) {
      const since = error.since ? formatVietnamTime(error.since) : null;
      process.stderr.write(`${CLI_TEXT.failed(CLI_TEXT.busy(error.holder, since))}\n`);
      return EXIT.busy;
    }
    if (error instanceof WorkbookNotFoundError) {
      process.stderr.write(`${CLI_TEXT.failed(CLI_TEXT.fileMissing(error.location))}\n`);
      return 2;
    }
    if (error instanceof WorkbookReadError || error instanceof WorkbookInaccessibleError) {
      process.stderr.write(`${CLI_TEXT.failed(CLI_TEXT.fileUnreadable(error.location, error.detail))}\n`);
      return 1;
    }
    if (error instanceof SourceUnavailableError) {
      process.stderr.write(`${CLI_TEXT.failed(CLI_TEXT.unavailable(error.message))}\n`);
      return 1;
    }
    if (
      error instanceof UsageError ||
      error instanceof MovementConfigError ||
      error instanceof GoogleCredentialsError ||
      error instanceof UnknownCouncilError
    ) {
      process.stderr.write(`${CLI_TEXT.failed(error.message)}\n`);
      return 2;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${CLI_TEXT.failed(parseArgsMessage(String(error.code), error.message))}\n`);
      return EXIT.usage;
    }
    if (error instanceof RegistryError) {
      process.stderr.write(`${CLI_TEXT.failed(error.message)}\n`);
      return EXIT.failure;
    }
    if (error instanceof Error && error.name === 'CredentialsProviderError') {
      process.stderr.write(`${CLI_TEXT.failed(CLI_TEXT.noAwsCredentials())}\n`);
      return EXIT.failure;
    }
    process.stderr.write(`${CLI_TEXT.failed(error instanceof Error ? error.message : String(error))}\n`);
    if (process.env.THIDUA_DEBUG) console.error(error);
    return 1;
  }
}

// The AWS SDK warns that its 2027 releases will need Node 22; Lambda runs 22, this warning is noise here.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (
    !warning.message.includes('NodeVersionSupportWarning') &&
    !warning.name.includes('NodeVersionSupportWarning')
  )
    process.stderr.write(`${warning.name}: ${warning.message}\n`);
});

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  // `thidua check … | head`: the reader went away; stop quietly instead of a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await main(process.argv.slice(2));
}
