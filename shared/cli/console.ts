/** What the command prints, in one place: the run's summary, failures as one line and their exit codes, help and version. */
import { readFileSync } from 'node:fs';
import { GoogleCredentialsError } from '../adapters/google/auth.ts';
import { UsageError } from '../app/context.ts';
import { PolicyMissingError } from '../domain/candidates.ts';
import { cellRef, type Problem } from '../domain/problems.ts';
import { MovementConfigError } from '../movement/movement.ts';
import {
  ServiceDisabledError,
  SourceUnavailableError,
  StoreBusyError,
  WorkbookInaccessibleError,
  WorkbookNotFoundError,
  WorkbookReadError,
} from '../ports/index.ts';
import { formatVietnamTime } from '../present/time.ts';
import { CLI_TEXT } from '../text/console.ts';
import { findingText } from '../text/doctor.ts';
import { STATUS_LABELS } from '../text/proposals.ts';
import { UnknownCouncilError } from '../usecases/publish.ts';
import type { Report } from '../usecases/report.ts';
import { HELP, parseArgsMessage, RegistryError } from './options.ts';

/**
 * One problem as a clerk reads it: the tab and cell, the sentence, and whom and which criterion
 * the cell is about. The code stays in `--json` and report.json.
 */
export function problemLine(p: Problem): string {
  const about = [p.who, p.criterion].filter(Boolean).join('; ');
  return `  ${cellRef(p.tab, p.cell) || '—'}: ${p.message}${about ? ` (${about})` : ''}`;
}

/** Whether some unit's workbook is of the run's year (read now or before). */
export const anyOfThisYear = (units: readonly { status: string }[]) =>
  units.some((u) => u.status === 'accepted' || u.status === 'unchanged' || u.status === 'rejected');

/** How many units ended in each status. */
export function statusCounts(units: readonly { status: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const unit of units) counts[unit.status] = (counts[unit.status] ?? 0) + 1;
  return counts;
}

export function printSummary(report: Report, outDir: string | null, out: (line: string) => void) {
  const counts = statusCounts(report.units);
  if (report.registryProblems.length) {
    out(CLI_TEXT.registryProblems(report.registryProblems.length));
    for (const p of report.registryProblems) out(problemLine(p));
  }
  if (report.units.length) {
    out((report.unitsRead ? CLI_TEXT.units : CLI_TEXT.unitsStored)(report.units.length, counts));
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
      if (c.publication)
        out(
          CLI_TEXT.councilPublished(
            c.publication.version,
            formatVietnamTime(c.publication.at),
            c.publication.by,
          ),
        );
      if (c.ignoredChoices.length) out(CLI_TEXT.ignoredChoices(c.ignoredChoices));
      if (c.lateChoices.length) out(CLI_TEXT.lateChoices(c.code, c.lateChoices));
      for (const line of c.reviewProblems) out(CLI_TEXT.reviewProblem(line));
      if (c.documentsError) out(CLI_TEXT.documentsFailed(c.code, c.documentsError));
    }
    for (const c of report.councils.filter((c) => c.withheld.length > 0))
      out(CLI_TEXT.withheld(c.code, c.withheld));
  }
  const otherYear = report.units.filter((u) => u.status === 'otherYear');
  for (const unit of otherYear) out(CLI_TEXT.otherYearUnit(unit.code, unit.problems[0]?.message ?? ''));
  if (otherYear.length) out(CLI_TEXT.otherYear(otherYear.length, report.year, anyOfThisYear(report.units)));
  const unread = report.units.filter((u) => u.status === 'failed' || u.status === 'inaccessible').length;
  if (unread) out(CLI_TEXT.unread(unread));
  const k = report.counters;
  out(
    `storeReads: ${k.storeReads}, storeWrites: ${k.storeWrites}, sheetReads: ${k.sheetReads}, sheetWrites: ${k.sheetWrites}`,
  );
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
  /** Stopped by Ctrl-C (SIGINT) or SIGTERM: what was done is kept, the next run goes on from there. */
  interrupted: 130,
} as const;

/** A unit the medium did not answer for (or whose tab could not be written): one line on stderr. */
export function unitNotSynced(unit: string, error: unknown): void {
  process.stderr.write(
    `${CLI_TEXT.unitNotSynced(unit, error instanceof Error ? error.message : String(error))}\n`,
  );
}

export const VERSION = (() => {
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
})();

export function help(topic: string, asError = false): number {
  (asError ? process.stderr : process.stdout).write(`${HELP[topic] ?? HELP.main}\n`);
  return asError ? 2 : 0;
}

/** A command that failed: one line saying why (never a stack trace unless THIDUA_DEBUG), and its exit code. */
export function reportFailure(error: unknown): number {
  if (error instanceof StoreBusyError) {
    const since = error.since ? formatVietnamTime(error.since) : null;
    process.stderr.write(`${CLI_TEXT.failed(CLI_TEXT.busy(error.holder, since))}\n`);
    return EXIT.busy;
  }
  if (error instanceof ServiceDisabledError) {
    // Every call is refused alike: one line with the page that enables the API, not a line per unit.
    const finding = {
      code: 'API_DISABLED',
      api: error.api,
      activationUrl: error.activationUrl,
      google: error.answer,
    } as const;
    process.stderr.write(`${CLI_TEXT.failed(findingText(finding, undefined))}\n`);
    return EXIT.failure;
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
  if (error instanceof GoogleCredentialsError) {
    process.stderr.write(`${CLI_TEXT.failed(CLI_TEXT.badCredentials(error.reason))}\n`);
    return EXIT.usage;
  }
  if (error instanceof PolicyMissingError) {
    process.stderr.write(`${CLI_TEXT.failed(CLI_TEXT.noPolicy(error.year))}\n`);
    return EXIT.usage;
  }
  if (
    error instanceof UsageError ||
    error instanceof MovementConfigError ||
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
