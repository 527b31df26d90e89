/** What several commands read or write besides their own work: the office's award history and the sector status workbook. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { XlsxWorkbooks } from '../adapters/xlsx/workbooks.ts';
import { HISTORY_FILE, type JobContext } from '../app/context.ts';
import type { Office } from '../app/office.ts';
import type { History } from '../domain/history.ts';
import { cellRef } from '../domain/problems.ts';
import { HISTORY_TABS, parseHistory } from '../present/history-read.ts';
import { formatVietnamTime } from '../present/time.ts';
import { STATUS_BOOK } from '../text/status-book.ts';
import { spreadsheetLink, statusSpreadsheetOf, writeSectorStatus } from '../usecases/status.ts';
import type { UnitOutcome } from '../usecases/sync.ts';
import type { JobValues } from './options.ts';

/**
 * The award history beside a local registry (`lich-su-khen-thuong.xlsx`, or `--history`), its
 * problems logged; none on Google or when there is no file.
 */
export async function readHistory(
  values: JobValues,
  ctx: Pick<JobContext, 'movement' | 'source' | 'office'>,
  log: (line: string) => void,
): Promise<Omit<History, 'problems'> & { readonly absent?: boolean }> {
  if (!(ctx.source instanceof XlsxWorkbooks)) {
    // On Google the award history is a spreadsheet the office keeps: --history names its id.
    if (!values.history) return { records: [], initiatives: null, absent: true };
    const history = parseHistory(await ctx.source.readWorkbook(values.history, HISTORY_TABS), ctx.movement);
    for (const p of history.problems) log(`  ${cellRef(p.tab, p.cell)}: ${p.message}`);
    return history;
  }
  const historyPath = values.history ? resolve(values.history) : historyBeside(ctx.office);
  if (!historyPath || !existsSync(historyPath)) return { records: [], initiatives: null, absent: true };
  const registryDir = dirname(historyPath);
  const history = parseHistory(
    await new XlsxWorkbooks({ baseDir: registryDir }).readWorkbook(historyPath, HISTORY_TABS),
    ctx.movement,
  );
  for (const p of history.problems) log(`  ${cellRef(p.tab, p.cell)}: ${p.message}`);
  return history;
}

/**
 * The office's award history: beside the year's registry, else in the office's folder (one file
 * for every year, as the office keeps it).
 */
function historyBeside(office: Office | undefined): string | undefined {
  if (!office) return undefined;
  return [join(dirname(office.registryPath), HISTORY_FILE), join(office.root, HISTORY_FILE)].find((p) =>
    existsSync(p),
  );
}

/** Writes the sector status workbook (beside the proposals; on Google, where the registry says). */
export async function sectorStatus(
  ctx: JobContext,
  units: readonly UnitOutcome[],
  documentsFailed?: ReadonlySet<string>,
): Promise<string | null> {
  const local = ctx.source instanceof XlsxWorkbooks;
  const result = await writeSectorStatus(
    { store: ctx.store, sink: ctx.sink, source: ctx.source, publications: ctx.publications },
    {
      movement: ctx.movement,
      year: ctx.year,
      registry: ctx.registry,
      outcomes: units,
      location: local ? join(ctx.outDir, STATUS_BOOK.fileName) : statusSpreadsheetOf(ctx.registry),
      link: local ? (unit) => unit.workbook : spreadsheetLink,
      time: formatVietnamTime,
      ...(documentsFailed ? { documentsFailed } : {}),
    },
  );
  return result.location;
}
