/**
 * The sector status workbook, after a sync: every unit's state from the store (this run's
 * outcomes where it read a workbook), rendered, and written only when it changed — one write.
 */
import { createHash } from 'node:crypto';
import type { Registry, RegistryUnit } from '../domain/registry.ts';
import { stableStringify } from '../domain/submission.ts';
import type { Movement } from '../movement/movement.ts';
import type { PublicationStore, SheetSink, SheetSource, SubmissionStore } from '../ports/index.ts';
import { type StatusRow, statusRows, statusWorkbookModel, type UnitStanding } from '../present/status.ts';
import { STATUS_BOOK } from '../text/status-book.ts';
import type { UnitOutcome } from './sync.ts';

/** Where the registry says the sector status goes on Google: its top unit's status spreadsheet. */
export function statusSpreadsheetOf(registry: Registry): string | null {
  return (
    [...registry.units.values()].find((u) => u.parentCode === null && u.statusWorkbook)?.statusWorkbook ??
    null
  );
}

/** A unit's workbook as the office opens it from the status workbook on Google. */
export const spreadsheetLink = (unit: RegistryUnit) =>
  unit.workbook ? `https://docs.google.com/spreadsheets/d/${unit.workbook}` : null;

/** The store key the status workbook's digest and location are kept under (never a unit code). */
export const STATUS_RECORD = '~status';

export interface StatusDeps {
  readonly store: Pick<SubmissionStore, 'loadStates' | 'loadProposalRecords' | 'saveProposalRecords'>;
  readonly sink: SheetSink;
  /** To tell whether the workbook is still there (a file deleted since is written again). */
  readonly source?: Pick<SheetSource, 'versions'>;
  /** Which councils' annual lists are published: the summary says so. */
  readonly publications?: Pick<PublicationStore, 'loadPublished'>;
}

export interface StatusWriteInput {
  readonly movement: Movement;
  readonly year: number;
  readonly registry: Registry;
  /** This run's outcomes (a unit that could not be read this time is shown so). */
  readonly outcomes?: readonly UnitOutcome[];
  /** Where to write: a file, the registry's spreadsheet; else where it was written before, else a new one. */
  readonly location: string | null;
  readonly link: (unit: RegistryUnit) => string | null;
  readonly time: (iso: string) => string;
  /** Councils whose documents this run could not write: the summary says so beside their list. */
  readonly documentsFailed?: ReadonlySet<string>;
}

export async function writeSectorStatus(
  deps: StatusDeps,
  input: StatusWriteInput,
): Promise<{ location: string | null; written: boolean; rows: StatusRow[] }> {
  const codes = [...input.registry.units.keys()];
  const councils = [...input.registry.units.values()].filter((u) => u.runsCouncil).map((u) => u.code);
  const [states, records, publications] = await Promise.all([
    deps.store.loadStates(input.year, codes),
    deps.store.loadProposalRecords(input.year, [STATUS_RECORD]),
    deps.publications ? deps.publications.loadPublished(input.year, 'annual', councils) : new Map(),
  ]);
  const published = new Map(
    [...publications.values()].map((p) => [
      p.councilCode,
      { version: p.version, at: p.publishedAt, by: p.by },
    ]),
  );
  const standings = new Map<string, UnitStanding>();
  for (const [code, s] of states)
    standings.set(code, {
      status: s.lastStatus,
      errors: s.problems.filter((p) => p.severity === 'error').length,
      checkedAt: s.checkedAt,
      acceptedAt: s.acceptedAt,
    });
  for (const o of input.outcomes ?? []) {
    const before = standings.get(o.code);
    if (o.status === 'unchanged') continue;
    standings.set(o.code, {
      status: o.status,
      errors:
        o.status === 'failed'
          ? (before?.errors ?? 0)
          : o.problems.filter((p) => p.severity === 'error').length,
      checkedAt: before?.checkedAt ?? null,
      acceptedAt: before?.acceptedAt ?? null,
    });
  }
  const statusInput = {
    movement: input.movement,
    year: input.year,
    units: input.registry.units,
    standings,
    link: input.link,
    time: input.time,
    published,
    ...(input.documentsFailed ? { documentsFailed: input.documentsFailed } : {}),
  };
  const rows = statusRows(statusInput);
  const before = records.get(STATUS_RECORD);
  const location =
    input.location ??
    before?.location ??
    (deps.sink.newWorkbook
      ? await deps.sink.newWorkbook(STATUS_BOOK.workbookTitle(`${input.year}–${input.year + 1}`))
      : null);
  if (!location) return { location: null, written: false, rows };
  const model = statusWorkbookModel(statusInput);
  const digest = createHash('sha256').update(stableStringify(model)).digest('hex').slice(0, 32);
  const present = deps.source ? (await deps.source.versions([location])).has(location) : true;
  if (before?.digest === digest && before.location === location && present)
    return { location, written: false, rows };
  const out = await deps.sink.writeOwnedWorkbook(location, model, {
    layout: before?.location === location ? before.layout : undefined,
  });
  const record = { digest, location: out.location, ...(out.layout ? { layout: out.layout } : {}) };
  await deps.store.saveProposalRecords(input.year, new Map([[STATUS_RECORD, record]]));
  return { location: out.location, written: true, rows };
}
