/**
 * The movement as a run gets it: the bundled plan, a JSON file, or the office's movement workbook
 * (an .xlsx file or a Google spreadsheet) read through a sheet source and checked cell by cell.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { XlsxWorkbooks } from '../adapters/xlsx/workbooks.ts';
import { cellRef } from '../domain/problems.ts';
import { DEFAULT_MOVEMENT_FILE, movementKind } from '../movement/files.ts';
import { type Movement, MovementConfigError, movementSchema } from '../movement/movement.ts';
import type { SheetSource } from '../ports/index.ts';
import { MOVEMENT_BOOK_TABS } from '../present/movement-book.ts';
import { readMovementBook } from '../present/movement-book-read.ts';
import { movementIssueText } from '../present/movement-issues.ts';
import { MOVEMENT_BOOK } from '../text/movement-book.ts';

/**
 * Reads and validates a movement: the default 2019–2025 plan when no location is given, a JSON
 * file, a movement workbook (.xlsx), or — with a Google sheet source — a movement spreadsheet.
 * A workbook with problems throws MovementConfigError listing each with its tab and cell.
 */
export async function loadMovement(
  location: string = DEFAULT_MOVEMENT_FILE,
  sheets?: SheetSource,
): Promise<Movement> {
  const kind = movementKind(location);
  if (kind === 'json') {
    const parsed = movementSchema.safeParse(JSON.parse(await readFile(location, 'utf8')) as unknown);
    if (parsed.success) return parsed.data;
    // The JSON file is the developers' form of the movement: its paths, in the office's words.
    throw new MovementConfigError(
      MOVEMENT_BOOK.messages.hasProblems(
        location,
        parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${movementIssueText(issue)}`),
      ),
    );
  }
  const source = kind === 'xlsx' ? new XlsxWorkbooks({ baseDir: dirname(resolve(location)) }) : sheets;
  if (!source) throw new MovementConfigError(MOVEMENT_BOOK.messages.notAFile(location));
  const grids = await source.readWorkbook(kind === 'xlsx' ? resolve(location) : location, MOVEMENT_BOOK_TABS);
  const result = readMovementBook(grids);
  if (result.movement) return result.movement;
  throw new MovementConfigError(
    MOVEMENT_BOOK.messages.hasProblems(
      location,
      result.problems.map((p) => `${cellRef(p.tab, p.cell)}: ${p.message}`),
    ),
  );
}
