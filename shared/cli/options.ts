/** The command line's options: their parsing, the sheet medium and store they name, the instant a command takes as now. */

import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type GoogleCredentials, parseCredentialsJson } from '../adapters/google/auth.ts';
import {
  DATA_DIR,
  EXAMPLE_DIR,
  ensureExample,
  type JobContext,
  openJob,
  REGISTRY_FILE,
  type SheetsOption,
  UsageError,
} from '../app/context.ts';
import {
  findRegistry,
  type Office,
  officeOf,
  officeOutput,
  officeStore,
  yearFolder,
  yearRegistries,
} from '../app/office.ts';
import { adoptLegacyStores, legacyStores } from '../app/office-store.ts';
import { cellRef } from '../domain/problems.ts';
import { CLI_HELP, CLI_TEXT } from '../text/console.ts';

/**
 * The instant a command takes as now: the clock, or THIDUA_NOW (an ISO instant) to run as of a
 * given moment — reproducible reports, and tests that do not depend on the day they run.
 */
export function runNow(): string {
  const fixed = process.env.THIDUA_NOW;
  if (!fixed) return new Date().toISOString();
  const ms = Date.parse(fixed);
  if (Number.isNaN(ms)) throw new UsageError(CLI_TEXT.badNow(fixed));
  return new Date(ms).toISOString();
}

export const COMMON = {
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

export const PUBLISH = {
  ...JOB,
  council: { type: 'string' },
  by: { type: 'string' },
  why: { type: 'string' },
} as const;

export const HELP: Record<string, string> = CLI_HELP(EXAMPLE_DIR, DATA_DIR);

export type JobValues = ReturnType<typeof parseJob>['values'];

export function parseJob(args: string[]) {
  return parseArgs({ args, options: JOB, allowPositionals: true, strict: true });
}

export function parseYear(value: string | undefined): number | undefined {
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
  year?: string | undefined;
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

/**
 * Which sheet medium the options name: Google, a registry file, the bundled example — or, with none
 * of them, the registry of the office folder the command is run in (`nam-<year>/`, see office.ts).
 */
export async function sheetsOf(values: CommonValues): Promise<SheetsOption> {
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
  const year = parseYear(values.year);
  const found = findRegistry(process.cwd(), year);
  if (found) return { kind: 'xlsx', registryPath: found };
  if (year !== undefined && yearRegistries(process.cwd()).size > 0)
    throw new UsageError(CLI_TEXT.noYearFolder(year, yearFolder('.', year)));
  throw new UsageError(CLI_TEXT.needRegistry());
}

/** The office of a local registry (none for Google or the bundled example's own folders). */
export function officeOfSheets(sheets: SheetsOption): Office | undefined {
  return sheets.kind === 'xlsx' ? officeOf(sheets.registryPath) : undefined;
}

/**
 * The emulation year a command works on: `--year`, or the year the registry's folder names
 * (`nam-2024/`); the two must agree, or nothing is done. Undefined: the movement's last.
 */
export function yearOf(values: { year?: string | undefined }, sheets: SheetsOption): number | undefined {
  const asked = parseYear(values.year);
  const office = officeOfSheets(sheets);
  if (office?.folderYear === undefined) return asked;
  if (asked !== undefined && asked !== office.folderYear)
    throw new UsageError(
      CLI_TEXT.yearNotFolder(asked, office.folderYear, relative(process.cwd(), office.registryPath)),
    );
  return office.folderYear;
}

/**
 * The default folders: the bundled example keeps its own under `.thidua/`; an office has one store
 * and one output tree whichever year's registry is given (office.ts); on Google, the folder the
 * command is run in is the office's.
 */
function defaultFolders(values: JobValues, sheets: SheetsOption): { storeDir: string; outRoot: string } {
  if (values.example === true && !values.registry)
    return {
      storeDir: values.store ?? join(DATA_DIR, 'db', 'example'),
      outRoot: values.out ?? join(DATA_DIR, 'out', 'example'),
    };
  const root = officeOfSheets(sheets)?.root ?? resolve('.');
  return { storeDir: values.store ?? officeStore(root), outRoot: values.out ?? officeOutput(root) };
}

/** The job context the common options describe (sheet medium, movement, year, store). */
export async function openFromOptions(
  values: JobValues & { council?: string | undefined },
): Promise<JobContext> {
  const sheets = await sheetsOf(values);
  const year = yearOf(values, sheets);
  const office = officeOfSheets(sheets);
  const folders = defaultFolders(values, sheets);
  // The office's store opened for the first time: the stores it had per registry come into it.
  const table = values.table ?? 'thidua';
  const example = values.example === true && !values.registry;
  if (
    office &&
    !example &&
    !values.store &&
    !values.endpoint &&
    !values.aws &&
    !existsSync(folders.storeDir)
  ) {
    const legacy = legacyStores(office, process.cwd());
    if (legacy.length) {
      const items = await adoptLegacyStores(folders.storeDir, table, legacy);
      process.stderr.write(
        `${CLI_TEXT.adoptedStores(
          legacy.map((s) => relative(process.cwd(), s.dir)),
          relative(process.cwd(), folders.storeDir),
          items,
        )}\n`,
      );
    }
  }
  const ctx = await openJob({
    sheets,
    ...(values.movement ? { movementPath: values.movement } : {}),
    ...(year !== undefined ? { year } : {}),
    ...folders,
    ...(values.endpoint ? { endpoint: values.endpoint } : {}),
    aws: values.aws ?? false,
    table,
    ...(office ? { office } : {}),
  });
  // A registry with no unit read (a unit's workbook given as --registry, an empty list) is not a sector.
  if (ctx.registry.units.size === 0) {
    await ctx.close();
    const detail = ctx.registry.problems.map((p) => `${cellRef(p.tab, p.cell)}: ${p.message}`).join('; ');
    throw new RegistryError(
      `${CLI_TEXT.emptyRegistry(sheets.kind === 'xlsx' ? sheets.registryPath : sheets.registryId)}${detail ? ` ${detail}` : ''}`,
    );
  }
  // `--council`: a unit of the registry that runs a council, or nothing is done.
  const council = values.council?.toUpperCase();
  const councils = [...ctx.registry.units.values()].filter((u) => u.runsCouncil).map((u) => u.code);
  if (council !== undefined && !councils.includes(council)) {
    await ctx.close();
    throw new UsageError(
      CLI_TEXT.notACouncil(values.council ?? '', ctx.registry.units.has(council), councils),
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
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
}

/** Node's parseArgs messages, in the user's language (the option named as typed). */
export function parseArgsMessage(code: string, message: string): string {
  const option = /'(-{1,2}[^'\s]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return CLI_TEXT.unknownOption(option);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return CLI_TEXT.missingValue(option);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return CLI_TEXT.extraArgument(/'([^']*)'/.exec(message)?.[1] ?? '');
  return CLI_TEXT.badOption(option || code);
}
