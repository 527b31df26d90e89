/** `thidua sync | propose | run | documents`: the job under the store's lease, its summary and report. */
import { join, relative } from 'node:path';
import { replaceFile } from '../../adapters/fs/atomic.ts';
import type { JobContext } from '../../app/context.ts';
import { withRunLease } from '../../app/lease.ts';
import { pendingBlocks } from '../../domain/history.ts';
import { vietnamDate } from '../../present/time.ts';
import { CLI_TEXT } from '../../text/console.ts';
import { STATUS_LABELS } from '../../text/proposals.ts';
import { crossCheckStaff } from '../../usecases/cross-check.ts';
import { type ProposeResult, proposeAwards } from '../../usecases/propose.ts';
import { buildReport } from '../../usecases/report.ts';
import { syncUnits, type UnitOutcome } from '../../usecases/sync.ts';
import { anyOfThisYear, EXIT, printSummary, unitNotSynced } from '../console.ts';
import { listenForInterrupt } from '../interrupt.ts';
import { type JobValues, openFromOptions, runNow } from '../options.ts';
import { terminalProgress } from '../progress.ts';
import { readHistory, sectorStatus } from '../shared-records.ts';
import { round } from './round.ts';

type JobCommand = 'sync' | 'propose' | 'run' | 'documents';

export async function job(command: JobCommand, values: JobValues): Promise<number> {
  const interrupt = listenForInterrupt();
  try {
    const ctx = await openFromOptions(values);
    try {
      return await withRunLease(ctx.leases, {}, () =>
        jobUnderLease(ctx, command, values, interrupt.requested),
      );
    } finally {
      await ctx.close();
    }
  } finally {
    interrupt.dispose();
  }
}

export async function jobUnderLease(
  ctx: JobContext,
  command: JobCommand,
  values: JobValues,
  stopRequested: () => boolean = () => false,
): Promise<number> {
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
        stopRequested,
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
  // Every workbook read states another emulation year: this is not that year's run, and nothing
  // more is written for it (no proposals, no status) — the console names each workbook.
  const wrongYear = units?.some((u) => u.status === 'otherYear') === true && !anyOfThisYear(units);
  const total = values.unit?.length ?? ctx.registry.units.size;
  if (stopRequested()) {
    process.stderr.write(`${CLI_TEXT.interrupted(units?.length ?? 0, total, false)}\n`);
    return EXIT.interrupted;
  }
  // What no single workbook shows: a person listed by two units; each unit is told in its tab.
  // The annual proposals do it on the data they load; without them, it is done here.
  const annualProposals = command !== 'sync' && !values.round && !wrongYear;
  if (!annualProposals && !wrongYear)
    await crossCheckStaff(
      { store: ctx.store, sink: ctx.sink, onUnitError: unitNotSynced },
      { year: ctx.year, registry: ctx.registry, now },
    );
  // A round replaces the annual proposals of this run; the sync's report is written either way.
  const rounds =
    values.round && !wrongYear
      ? await round(
          ctx,
          values,
          now,
          progress,
          log,
          command === 'documents' ? values.unit?.[0]?.toUpperCase() : undefined,
        )
      : undefined;
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
  const status =
    units && !wrongYear
      ? await sectorStatus(ctx, units, new Set(proposals?.documentFailures.keys() ?? []))
      : undefined;
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
  // `documents` reads nothing and ranks one council: the run's report.json stays as the run left it.
  const reportPath = join(outDir, 'report.json');
  if (command !== 'documents') await replaceFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
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
    if (command !== 'documents') out(CLI_TEXT.report(relative(process.cwd(), reportPath)));
  }
  if (command === 'documents' && !values.round) {
    const council = values.unit?.[0]?.toUpperCase() ?? '';
    if (!proposals?.documents.has(council)) {
      const held = proposals?.withheld.has(council) === true;
      process.stderr.write(
        `${held ? CLI_TEXT.noDocumentsWithheld(council) : CLI_TEXT.noDocuments(council)}\n`,
      );
      return EXIT.partial;
    }
  }
  if (stopRequested()) {
    process.stderr.write(`${CLI_TEXT.interrupted(units?.length ?? 0, total, true)}\n`);
    return EXIT.interrupted;
  }
  if (wrongYear) return EXIT.usage;
  const unread = report.units.filter((u) => u.status === 'failed' || u.status === 'inaccessible');
  const otherYear = report.units.some((u) => u.status === 'otherYear');
  // A council whose choice saved during the write is not in its workbook yet is not done either.
  // Nor is one whose documents could not be written.
  const withheld = report.councils.filter(
    (c) => c.withheld.length > 0 || c.lateChoices.length > 0 || c.documentsError !== null,
  );
  // A round list that could not be written is not done either.
  const roundUnwritten = report.round?.councils.some((c) => c.workbook === null) ?? false;
  // Nor is a round in which some council could rank nobody for want of years.
  const roundLacking =
    report.round?.councils.some((c) => c.rankedNobody || c.lateChoices.length > 0) ?? false;
  return unread.length ||
    withheld.length ||
    report.registryProblems.some((p) => p.severity === 'error') ||
    roundUnwritten ||
    roundLacking ||
    otherYear
    ? EXIT.partial
    : EXIT.done;
}
