/** `thidua publish | reopen | audit`: a council's list (or a round's) locked, or opened again, with who and why recorded. */

import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { XlsxWorkbooks } from '../../adapters/xlsx/workbooks.ts';
import { type JobContext, UsageError } from '../../app/context.ts';
import { a1, parseA1 } from '../../domain/grid.ts';
import { pendingBlocks } from '../../domain/history.ts';
import { cellRef } from '../../domain/problems.ts';
import { formatVietnamTime, vietnamDate } from '../../present/time.ts';
import { CLI_TEXT } from '../../text/console.ts';
import { PROPOSAL_LABELS, PROPOSAL_TEXT } from '../../text/proposals.ts';
import { writeDocuments } from '../../usecases/propose.ts';
import {
  publishCouncil,
  publishRound,
  reopenCouncil,
  UndecidedRoundError,
  UndecidedTieError,
} from '../../usecases/publish.ts';
import { roundKey, roundWorkbookOnMedium } from '../../usecases/round.ts';
import { help } from '../console.ts';
import { openFromOptions, PUBLISH, runNow } from '../options.ts';
import { readHistory } from '../shared-records.ts';
import { campaignFor, roundLocation } from './round.ts';

/** publish / reopen / audit: the council's list for the year, with who and why recorded. */
const parsePublish = (args: string[]) => parseArgs({ args, options: PUBLISH, strict: true });

export async function publication(command: 'publish' | 'reopen' | 'audit', args: string[]): Promise<number> {
  const { values } = parsePublish(args);
  if (values.help) return help(command);
  const council = values.council?.toUpperCase();
  if (!council) throw new UsageError(CLI_TEXT.needCouncil());
  if (command !== 'audit' && !values.by) throw new UsageError(CLI_TEXT.needBy());
  if (command === 'reopen' && !values.why) throw new UsageError(CLI_TEXT.needWhy());
  const ctx = await openFromOptions(values);
  try {
    return await publicationIn(ctx, command, values, council);
  } catch (error) {
    if (error instanceof UndecidedTieError) {
      const where = error.workbook ? relative(process.cwd(), error.workbook) || error.workbook : null;
      const lines = [CLI_TEXT.tiesUndecided(error.councilCode, where)];
      for (const tie of error.ties) {
        const label = tie.subject === 'collective' ? PROPOSAL_TEXT.collectives : PROPOSAL_TEXT.individuals;
        const cells = (list: readonly string[]) =>
          cellRuns(list).map((c, i) => (i === 0 ? cellRef(PROPOSAL_LABELS.tiedTab, c) : c));
        if (tie.overflow.length) lines.push(CLI_TEXT.tieOverflow(label, tie.places, cells(tie.overflow)));
        if (tie.blank.length) lines.push(CLI_TEXT.tieBlank(label, tie.tied, tie.places, cells(tie.blank)));
      }
      lines.push(CLI_TEXT.tiesHow());
      process.stderr.write(`${lines.join('\n')}\n`);
      return 1;
    }
    if (error instanceof UndecidedRoundError) {
      const lines = [CLI_TEXT.roundUndecided(error.councilCode, values.round ?? '')];
      for (const p of error.problems)
        lines.push(CLI_TEXT.roundUndecidedCell(cellRef(p.tab, p.cell), p.message));
      process.stderr.write(`${lines.join('\n')}\n`);
      return 1;
    }
    throw error;
  } finally {
    await ctx.close();
  }
}

/** Cells as a council reads them: a run of rows in one column as a range (I11, I12, I13 → I11:I13). */
export function cellRuns(cells: readonly string[]): string[] {
  const runs: { col: number; from: number; to: number; text: string }[] = [];
  for (const cell of cells) {
    const at = parseA1(cell);
    const last = runs[runs.length - 1];
    if (at && last && last.col === at.col && last.to + 1 === at.row) last.to = at.row;
    else runs.push({ col: at?.col ?? -1, from: at?.row ?? -2, to: at?.row ?? -2, text: cell });
  }
  return runs.map((r) => (r.to > r.from ? `${a1(r.from, r.col)}:${a1(r.to, r.col)}` : r.text));
}

async function publicationIn(
  ctx: JobContext,
  command: 'publish' | 'reopen' | 'audit',
  values: ReturnType<typeof parsePublish>['values'],
  council: string,
): Promise<number> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
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
      { store: ctx.store, publications: ctx.publications, source: ctx.source, sink: ctx.sink },
      {
        ...base,
        location: ctx.proposalLocation(council),
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
    if (result.late.length) out(CLI_TEXT.publishedLate(council, result.late));
    // The documents of the list as published; they stay as they are until it is reopened.
    if (ctx.documents) {
      const record = (await ctx.store.loadProposalRecords(ctx.year, [council])).get(council);
      const docs = await writeDocuments(ctx.documents, {
        movement: ctx.movement,
        year: ctx.year,
        proposal: result.proposal,
        registry: ctx.registry,
        statuses: result.statuses,
        date: vietnamDate(now),
        previous: record?.documents,
        force: true,
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
    { store: ctx.store, source: ctx.source, publications: ctx.publications, sink: ctx.sink },
    {
      movement: ctx.movement,
      campaign,
      registry: ctx.registry,
      history: history.records,
      initiatives: history.initiatives,
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
  if (result.outcome === 'published' && result.late.length) out(CLI_TEXT.publishedLate(council, result.late));
  return result.outcome === 'published' ? 0 : 1;
}
