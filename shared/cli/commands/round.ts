/** `thidua run --round midterm|final`: the earlier years, then each council's round list. */

import { dirname, join, relative, resolve } from 'node:path';
import { DocxFiles } from '../../adapters/docx/files.ts';
import { XlsxWorkbooks } from '../../adapters/xlsx/workbooks.ts';
import {
  EXAMPLE_DIR,
  ensureExampleYears,
  type JobContext,
  REGISTRY_FILE,
  UsageError,
} from '../../app/context.ts';
import { cellRef } from '../../domain/problems.ts';
import { type Campaign, campaignKindSchema, campaignOf, catalogFor } from '../../movement/movement.ts';
import { parseRegistry } from '../../present/registry-read.ts';
import { vietnamDate } from '../../present/time.ts';
import { CLI_TEXT } from '../../text/console.ts';
import { TABS } from '../../text/sheets.ts';
import { type Report, roundCouncilSchema, roundSummary } from '../../usecases/report.ts';
import { proposeRound, roundKey, roundWorkbookOnMedium } from '../../usecases/round.ts';
import { writeRoundDocuments } from '../../usecases/round-documents.ts';
import { syncUnits } from '../../usecases/sync.ts';
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
        ? { ...roundCouncilSchema.parse(published.snapshot), workbook: c.workbook, published: true }
        : c;
    }),
  };
}
