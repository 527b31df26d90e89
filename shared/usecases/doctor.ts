/**
 * `thidua doctor`: everything a run needs from the sheet medium, checked before a run depends on
 * it — the APIs on, the registry and history readable, every spreadsheet shared with edit rights,
 * each council's documents folder in a shared drive the account can add files to, protections
 * that can name the account, a pace the quota can feed. Nothing is written. A handful of calls:
 * the registry read, one listing per 1,000 spreadsheets, one look per distinct folder.
 */
import { cellRef } from '../domain/problems.ts';
import {
  DEFAULT_SHEETS_PER_MINUTE,
  type FolderUse,
  maxWorkers,
  type SetupFinding,
  setupReady,
  type WorkbookRole,
} from '../domain/setup.ts';
import {
  ServiceDisabledError,
  type SetupProbe,
  type SheetSource,
  WorkbookInaccessibleError,
  WorkbookNotFoundError,
  WorkbookReadError,
} from '../ports/index.ts';
import { HISTORY_TABS } from '../present/history-read.ts';
import { parseRegistry } from '../present/registry-read.ts';
import { MESSAGES } from '../text/messages.ts';
import { TABS } from '../text/sheets.ts';

export interface DoctorInput {
  readonly registryLocation: string;
  readonly historyLocation?: string | undefined;
  /** Where proposal workbooks the registry does not list are made, and documents of councils without a folder go. */
  readonly sharedDriveFolder?: string | undefined;
  /** The pace each process keeps (calls a minute), and — in the cloud — how many workers share the account's quota. */
  readonly pace: {
    readonly readsPerMinute: number;
    readonly writesPerMinute: number;
    readonly workers?: {
      readonly count: number;
      readonly readsPerMinute: number;
      readonly writesPerMinute: number;
    };
  };
}

export interface DoctorDeps {
  readonly source: SheetSource;
  readonly probe: SetupProbe;
}

export interface Diagnosis {
  /** The account thidua acts as, when known (the fixes name it). */
  readonly account: string | undefined;
  readonly findings: readonly SetupFinding[];
  /** A run would work: no finding that stops it. */
  readonly ready: boolean;
  readonly checked: { readonly spreadsheets: number; readonly folders: number };
}

const unreadable = (error: unknown): string | undefined =>
  error instanceof WorkbookInaccessibleError || error instanceof WorkbookReadError
    ? error.detail
    : error instanceof WorkbookNotFoundError
      ? MESSAGES.GOOGLE_NOT_FOUND()
      : undefined;

const disabledFinding = (error: ServiceDisabledError): SetupFinding => ({
  code: 'API_DISABLED',
  api: error.api,
  activationUrl: error.activationUrl,
  google: error.answer,
});

export async function diagnose(deps: DoctorDeps, input: DoctorInput): Promise<Diagnosis> {
  const findings: SetupFinding[] = [];
  const done = (checked: Diagnosis['checked']): Diagnosis => ({
    account: deps.probe.account,
    findings,
    ready: setupReady(findings),
    checked,
  });
  if (!deps.probe.account) findings.push({ code: 'ACCOUNT_UNKNOWN' });
  findings.push(...paceFindings(input.pace));

  // The registry first: without it nothing else can be named.
  let registry: ReturnType<typeof parseRegistry>;
  try {
    registry = parseRegistry(await deps.source.readWorkbook(input.registryLocation, [TABS.registry]));
  } catch (error) {
    if (error instanceof ServiceDisabledError) {
      findings.unshift(disabledFinding(error));
      return done({ spreadsheets: 0, folders: 0 });
    }
    const detail = unreadable(error);
    if (detail === undefined) throw error;
    findings.unshift({ code: 'REGISTRY_UNREADABLE', location: input.registryLocation, detail });
    return done({ spreadsheets: 0, folders: 0 });
  }
  const registryErrors = registry.problems.filter((p) => p.severity === 'error');
  const first = registryErrors[0];
  if (first)
    findings.push({
      code: 'REGISTRY_PROBLEMS',
      count: registryErrors.length,
      first: `${cellRef(first.tab, first.cell)}: ${first.message}`,
    });

  if (input.historyLocation)
    try {
      await deps.source.readWorkbook(input.historyLocation, HISTORY_TABS);
    } catch (error) {
      if (error instanceof ServiceDisabledError) throw error; // the registry read would have said it
      const detail = unreadable(error);
      if (detail === undefined) throw error;
      findings.push({ code: 'HISTORY_UNREADABLE', location: input.historyLocation, detail });
    }

  // Every spreadsheet thidua writes into, with the unit it belongs to.
  const units = [...registry.units.values()];
  const sheets: { unit: string; role: WorkbookRole; location: string }[] = [];
  for (const unit of units) {
    if (unit.workbook) sheets.push({ unit: unit.code, role: 'unit', location: unit.workbook });
    if (unit.runsCouncil && unit.proposalWorkbook)
      sheets.push({ unit: unit.code, role: 'proposal', location: unit.proposalWorkbook });
    if (unit.statusWorkbook) sheets.push({ unit: unit.code, role: 'status', location: unit.statusWorkbook });
  }
  const noWorkbook = units.filter((u) => !u.workbook && !u.runsCouncil).map((u) => u.code);
  if (noWorkbook.length) findings.push({ code: 'NO_WORKBOOK', units: noWorkbook });

  // The folders: each council's documents folder (or the shared-drive one), and the shared-drive one itself.
  const councils = units.filter((u) => u.runsCouncil);
  const folders = new Map<string, { use: FolderUse; councils: string[] }>();
  const noFolder: string[] = [];
  const noPlace: string[] = [];
  for (const council of councils) {
    const folder = council.documentsFolder ?? input.sharedDriveFolder;
    if (folder) {
      const entry = folders.get(folder) ?? { use: 'documents', councils: [] };
      entry.councils.push(council.code);
      folders.set(folder, entry);
    } else noFolder.push(council.code);
    if (!council.proposalWorkbook && !input.sharedDriveFolder) noPlace.push(council.code);
  }
  if (input.sharedDriveFolder && !folders.has(input.sharedDriveFolder))
    folders.set(input.sharedDriveFolder, { use: 'proposals', councils: [] });
  if (noFolder.length) findings.push({ code: 'NO_DOCUMENTS_FOLDER', councils: noFolder });
  if (noPlace.length) findings.push({ code: 'NO_PROPOSAL_PLACE', councils: noPlace });

  try {
    const access = await deps.probe.spreadsheets([...new Set(sheets.map((s) => s.location))]);
    for (const sheet of sheets) {
      const found = access.get(sheet.location);
      if (!found) findings.push({ code: 'WORKBOOK_NOT_SHARED', ...sheet });
      else if (!found.canEdit) findings.push({ code: 'WORKBOOK_READ_ONLY', ...sheet });
    }
    for (const [folder, { use, councils: owners }] of folders) {
      const found = await deps.probe.folder(folder);
      const about = { folder, use, councils: owners };
      if (found.kind === 'missing')
        findings.push({
          code: 'FOLDER_MISSING',
          ...about,
          ...(found.google ? { google: found.google } : {}),
        });
      else if (!found.isFolder) findings.push({ code: 'NOT_A_FOLDER', ...about });
      else if (!found.inSharedDrive) findings.push({ code: 'FOLDER_NOT_SHARED_DRIVE', ...about });
      else if (!found.canAddFiles) findings.push({ code: 'FOLDER_READ_ONLY', ...about });
    }
  } catch (error) {
    if (!(error instanceof ServiceDisabledError)) throw error;
    findings.unshift(disabledFinding(error));
  }
  return done({ spreadsheets: sheets.length, folders: folders.size });
}

/** The pace: above Google's default quota (fine only if it was raised), and the workers it can feed. */
function paceFindings(pace: DoctorInput['pace']): SetupFinding[] {
  const findings: SetupFinding[] = [];
  const quota = pace.workers ?? pace;
  if (quota.readsPerMinute > DEFAULT_SHEETS_PER_MINUTE || quota.writesPerMinute > DEFAULT_SHEETS_PER_MINUTE)
    findings.push({
      code: 'PACE_ABOVE_DEFAULT',
      readsPerMinute: quota.readsPerMinute,
      writesPerMinute: quota.writesPerMinute,
    });
  if (pace.workers) {
    const most = maxWorkers(pace.workers.readsPerMinute, pace.workers.writesPerMinute);
    if (pace.workers.count > most)
      findings.push({
        code: 'TOO_MANY_WORKERS',
        workers: pace.workers.count,
        most,
        perMinute: Math.min(pace.workers.readsPerMinute, pace.workers.writesPerMinute),
      });
  }
  return findings;
}
