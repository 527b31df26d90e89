/** `thidua run --round midterm|final`: the earlier years, then each council's round list. */

import { dirname, join, relative } from 'node:path';
import { DocxFiles } from '../../adapters/docx/files.ts';
import { XlsxWorkbooks } from '../../adapters/xlsx/workbooks.ts';
import { ensureExampleYears, type JobContext, UsageError } from '../../app/context.ts';
import { yearRegistries } from '../../app/office.ts';
import { cellRef } from '../../domain/problems.ts';
import { roundGaps } from '../../domain/rounds.ts';
import { type Campaign, campaignKindSchema, campaignOf, catalogFor } from '../../movement/movement.ts';
import { parseRegistry } from '../../present/registry-read.ts';
import { vietnamDate } from '../../present/time.ts';
import { CLI_TEXT } from '../../text/console.ts';
import { TABS } from '../../text/sheets.ts';
import { type Report, roundCouncilSchema, roundSummary } from '../../usecases/report.ts';
import { proposeRound, roundKey, roundWorkbookOnMedium } from '../../usecases/round.ts';
import { writeRoundDocuments } from '../../usecases/round-documents.ts';
import { syncUnits } from '../../usecases/sync.ts';
import { statusCounts } from '../console.ts';
import type { JobValues } from '../options.ts';
import type { terminalProgress } from '../progress.ts';
import { readHistory } from '../shared-records.ts';

/** The round `--round` names (midterm or final), from the movement. */
export function campaignFor(ctx: Pick<JobContext, 'movement'>, round: string | undefined): Campaign {
  const kind = campaignKindSchema.safeParse(round);
  const campaign = kind.success && kind.data !== 'annual' ? campaignOf(ctx.movement, kind.data) : undefined;
  if (!campaign) throw new UsageError(CLI_TEXT.badRound(String(round)));
  return campaign;
}

/** A round's workbooks go in a folder of their own, beside the years' (never into the last year's). */
const roundDirOf = (ctx: Pick<JobContext, 'outDir'>, campaign: Campaign) =>
  join(dirname(ctx.outDir), `${campaign.kind}-${campaign.fromYear}-${campaign.toYear + 1}`);

export function roundLocation(ctx: Pick<JobContext, 'outDir'>, campaign: Campaign) {
  return (council: string) => join(roundDirOf(ctx, campaign), `de-nghi-${council}-${campaign.kind}.xlsx`);
}

/**
 * The round's other years, synced from the office's `nam-<year>/` folders into its store (each
 * folder's registry and workbooks; unchanged workbooks are not read again). The bundled example
 * writes its own first.
 */
async function syncEarlierYears(
  ctx: JobContext,
  campaign: Campaign,
  example: boolean,
  now: string,
  progress: ReturnType<typeof terminalProgress>,
  log: (line: string) => void,
): Promise<void> {
  const office = ctx.office;
  if (!office) return;
  const years = Array.from(
    { length: campaign.toYear - campaign.fromYear + 1 },
    (_, i) => campaign.fromYear + i,
  );
  if (example) await ensureExampleYears(office.root, years, ctx.year);
  const folders = [...yearRegistries(office.root)].filter(
    ([year]) => year !== ctx.year && years.includes(year),
  );
  log(CLI_TEXT.roundYears(folders.map(([year]) => year)));
  for (const [year, registryPath] of folders) {
    const catalog = catalogFor(ctx.movement, year);
    if (!catalog) continue;
    const workbooks = new XlsxWorkbooks({ baseDir: dirname(registryPath), counters: ctx.counters });
    const registry = parseRegistry(await workbooks.readWorkbook(registryPath, [TABS.registry]));
    const result = await syncUnits(
      { source: workbooks, sink: workbooks, store: ctx.store, progress },
      { movement: ctx.movement, catalog, year, registry, now },
    );
    log(CLI_TEXT.roundYearSynced(year, result.units.length, statusCounts(result.units)));
  }
}

/** `run --round midterm|final`: the earlier years (the example's are synced here), then the round. */
export async function round(
  ctx: JobContext,
  values: JobValues,

  now: string,
  progress: ReturnType<typeof terminalProgress>,
  log: (line: string) => void,
  /** `documents --round`: the council whose round papers are written. */
  documentsFor?: string,
): Promise<NonNullable<Report['round']>> {
  const campaign = campaignFor(ctx, values.round);
  await syncEarlierYears(ctx, campaign, values.example === true, now, progress, log);
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
      initiatives: history.initiatives,
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
  for (const [council, cells] of result.ignored)
    if (cells.length) log(`  ${council}:${CLI_TEXT.ignoredChoices(cells).replace(/^\s+/, ' ')}`);
  for (const [council, cells] of result.late)
    if (cells.length) process.stderr.write(`${CLI_TEXT.lateChoices(council, cells)}\n`);
  // What a council's round lacks, and how to add it: on the terminal even with --json.
  for (const council of result.councils) {
    const { yearsWithoutData, rankedNobody } = roundGaps(council, campaign);
    if (yearsWithoutData.length === 0) continue;
    const line = CLI_TEXT.roundYearsMissing(
      council.code,
      yearsWithoutData,
      rankedNobody,
      ctx.office ? relative(process.cwd(), ctx.office.root) || '.' : null,
    );
    process.stderr.write(`${line}\n`);
  }
  if (documentsFor) {
    const council = result.councils.find((c) => c.code === documentsFor);
    if (!council) throw new UsageError(CLI_TEXT.noDocuments(documentsFor));
    const sink = local ? new DocxFiles(roundDir) : ctx.documents;
    if (!sink) throw new UsageError(CLI_TEXT.noDocuments(documentsFor));
    const paths = await writeRoundDocuments(sink, {
      movement: ctx.movement,
      campaign,
      council,
      units: ctx.registry.units,
      history: history.records,
      initiatives: history.initiatives,
      historyAbsent: history.absent === true,
      date: vietnamDate(now),
      folder: ctx.registry.units.get(council.code)?.documentsFolder ?? null,
    });
    log(
      CLI_TEXT.roundDocuments(
        council.code,
        paths.length,
        local ? relative(process.cwd(), roundDir) || '.' : '',
      ),
    );
  }
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
        ? {
            ...roundCouncilSchema.parse(published.snapshot),
            workbook: c.workbook,
            published: true,
            ignoredChoices: result.ignored.get(c.code) ?? [],
          }
        : { ...c, lateChoices: result.late.get(c.code) ?? [] };
    }),
  };
}
