/**
 * The award history workbook from the command line: `thidua template --history FILE` makes it
 * (never over an existing one); `thidua check --history FILE` reads both its tabs, prints each
 * problem with its tab and cell, and writes its “Kiểm tra dữ liệu” tab (the only tab thidua writes).
 */

import { basename, dirname, resolve } from 'node:path';
import { XlsxWorkbooks } from '../../adapters/xlsx/workbooks.ts';
import { resolveMovement } from '../../app/context.ts';
import { feedbackTab } from '../../present/feedback.ts';
import { historyWorkbookModel } from '../../present/history-book.ts';
import { HISTORY_TABS, parseHistory } from '../../present/history-read.ts';
import { CLI_TEXT } from '../../text/console.ts';
import { HISTORY_FEEDBACK } from '../../text/sheets.ts';
import { problemLine } from '../console.ts';

/** Makes the history workbook at `path` unless one is there. */
export async function historyTemplate(path: string): Promise<number> {
  const at = resolve(path);
  const outcome = await new XlsxWorkbooks({ baseDir: dirname(at) }).createWorkbook(
    at,
    historyWorkbookModel([]),
  );
  process.stdout.write(
    `${outcome === 'created' ? CLI_TEXT.historyCreated(path) : CLI_TEXT.historyExists(path)}\n`,
  );
  return 0;
}

/** Checks the history workbook at `path`; exit 1 when a row has an error. */
export async function historyCheck(
  path: string,
  values: { movement?: string | undefined; year?: string | undefined; json?: boolean | undefined },
  now: string,
): Promise<number> {
  const at = resolve(path);
  const { movement, year } = await resolveMovement(values.movement, undefined);
  const workbooks = new XlsxWorkbooks({ baseDir: dirname(at) });
  const history = parseHistory(await workbooks.readWorkbook(at, HISTORY_TABS), movement);
  const errors = history.problems.filter((p) => p.severity === 'error').length;
  await workbooks.writeFeedback(
    at,
    feedbackTab({
      status: errors ? 'rejected' : 'accepted',
      year,
      checkedAt: now,
      problems: history.problems,
      own: {
        title: HISTORY_FEEDBACK.title,
        summary: [
          errors ? HISTORY_FEEDBACK.someBad(errors) : HISTORY_FEEDBACK.allGood,
          ...(history.initiatives === null ? [HISTORY_FEEDBACK.noInitiatives] : []),
        ].join(' '),
      },
    }),
  );
  if (values.json)
    process.stdout.write(
      `${JSON.stringify(
        {
          awards: history.records.length,
          initiatives: history.initiatives?.length ?? null,
          problems: history.problems,
        },
        null,
        2,
      )}\n`,
    );
  else {
    process.stdout.write(
      `${CLI_TEXT.historyChecked(basename(path), history.records.length, history.initiatives?.length ?? null, errors)}\n`,
    );
    if (history.initiatives === null) process.stdout.write(`${HISTORY_FEEDBACK.noInitiatives}\n`);
    for (const p of history.problems) process.stdout.write(`${problemLine(p)}\n`);
  }
  return errors ? 1 : 0;
}
