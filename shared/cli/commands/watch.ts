/** `thidua watch`: a full run, then each unit workbook checked again a moment after it is saved. */

import { watch as watchFolder } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { XlsxWorkbooks } from '../../adapters/xlsx/workbooks.ts';
import { UsageError } from '../../app/context.ts';
import { withRunLease } from '../../app/lease.ts';
import { pendingBlocks } from '../../domain/history.ts';
import { collectiveCouncilOf, individualCouncilOf } from '../../domain/registry.ts';
import { formatVietnamTime, vietnamDate } from '../../present/time.ts';
import { CLI_TEXT } from '../../text/console.ts';
import { STATUS_LABELS } from '../../text/proposals.ts';
import { proposeAwards } from '../../usecases/propose.ts';
import { syncUnits } from '../../usecases/sync.ts';
import { EXIT, help, unitNotSynced } from '../console.ts';
import { openFromOptions, parseJob, runNow } from '../options.ts';
import { readHistory, sectorStatus } from '../shared-records.ts';
import { jobUnderLease } from './job.ts';

/** How long after a save a workbook is checked: the office suite writes a file in several steps. */
const WATCH_SETTLE_MS = 1_500;

/**
 * `thidua watch`: a full run, then each unit workbook of the registry checked again a moment after
 * it is saved — its feedback tab written, its councils' proposals and the sector status refreshed.
 * thidua's own writes and the office suite's lock files are not workbooks to check. Ctrl-C stops.
 */
export async function watchCommand(args: string[]): Promise<number> {
  const { values } = parseJob(args);
  if (values.help) return help('watch');
  const ctx = await openFromOptions(values);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    const office = ctx.office;
    if (!(ctx.source instanceof XlsxWorkbooks) || !office) throw new UsageError(CLI_TEXT.watchNeedsFiles());
    return await withRunLease(ctx.leases, {}, async () => {
      await jobUnderLease(ctx, 'run', { ...values, json: false });
      const registryDir = dirname(office.registryPath);
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
