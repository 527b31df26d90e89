/** `thidua movement template | check`: the movement workbook the office edits. */

import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { XlsxWorkbooks } from '../../adapters/xlsx/workbooks.ts';
import { openSheets, UsageError } from '../../app/context.ts';
import { loadMovement } from '../../app/movement.ts';
import type { Problem } from '../../domain/problems.ts';
import { movementKind } from '../../movement/files.ts';
import { type Movement, MovementConfigError, yearsOf } from '../../movement/movement.ts';
import { MOVEMENT_BOOK_TABS, movementBookModel } from '../../present/movement-book.ts';
import { readMovementBook } from '../../present/movement-book-read.ts';
import { CLI_TEXT } from '../../text/console.ts';
import { MOVEMENT_BOOK } from '../../text/movement-book.ts';
import { EXIT, help, problemLine } from '../console.ts';
import { COMMON, sheetsOf } from '../options.ts';

/**
 * `thidua movement check FILE`: the movement workbook (or JSON file, or — with --google — movement
 * spreadsheet) checked like a unit workbook, every problem with its tab and cell.
 * `thidua movement template FILE`: writes the movement workbook of `--movement` (default: the
 * 2019–2025 plan) for the office to edit; never overwrites.
 */
export async function movementCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: COMMON, allowPositionals: true, strict: true });
  const [action, location] = positionals;
  if (values.help || !location || positionals.length !== 2 || (action !== 'check' && action !== 'template'))
    return help('movement', !values.help);
  const google = values.google
    ? openSheets(await sheetsOf({ ...values, 'registry-id': values['registry-id'] ?? location }))
    : undefined;
  const kind = movementKind(location);
  if (kind === 'sheet' && !google) throw new UsageError(MOVEMENT_BOOK.messages.notAFile(location));
  const where = kind === 'sheet' ? location : resolve(location);
  if (action === 'template') {
    if (kind === 'json') throw new UsageError(CLI_TEXT.movementNotXlsx(location));
    const movement = await loadMovement(values.movement, google?.source);
    const sink = google?.sink ?? new XlsxWorkbooks({ baseDir: dirname(where) });
    const outcome = await sink.createWorkbook(where, movementBookModel(movement));
    process.stdout.write(
      `${outcome === 'created' ? CLI_TEXT.movementCreated(location, movement.name) : CLI_TEXT.movementExists(location)}\n`,
    );
    return outcome === 'created' ? EXIT.done : 1;
  }
  let problems: readonly Problem[];
  let movement: Movement | null = null;
  if (kind === 'json') {
    try {
      movement = await loadMovement(where);
      problems = [];
    } catch (error) {
      if (!(error instanceof MovementConfigError)) throw error;
      problems = [{ severity: 'error', tab: '', cell: '', code: 'MOVEMENT_INVALID', message: error.message }];
    }
  } else {
    const source = google?.source ?? new XlsxWorkbooks({ baseDir: dirname(where) });
    const result = readMovementBook(await source.readWorkbook(where, MOVEMENT_BOOK_TABS));
    movement = result.movement;
    problems = result.problems;
  }
  if (values.json)
    process.stdout.write(
      `${JSON.stringify({ valid: movement !== null, id: movement?.id ?? null, problems }, null, 2)}\n`,
    );
  else if (movement) {
    const years = yearsOf(movement);
    process.stdout.write(
      `${CLI_TEXT.movementOk(
        location,
        movement.name,
        years[0] ?? 0,
        years.at(-1) ?? 0,
        movement.catalogs.length,
        movement.campaigns.map((c) => c.kind),
      )}\n`,
    );
  } else {
    process.stdout.write(`${CLI_TEXT.movementFailed(location, problems.length)}\n`);
    for (const p of problems) process.stdout.write(`${problemLine(p)}\n`);
  }
  return movement ? EXIT.done : 1;
}
