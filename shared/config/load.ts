import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XlsxWorkbooks } from '../adapters/xlsx/workbooks.ts';
import { MOVEMENT_BOOK_TABS, readMovementBook } from '../domain/movement-book.ts';
import { cellRef } from '../domain/problems.ts';
import { MOVEMENT_BOOK } from '../domain/vi.ts';
import type { SheetSource } from '../ports/index.ts';
import { type Movement, MovementConfigError, parseMovement } from './movement.ts';

export const DEFAULT_MOVEMENT_FILE = fileURLToPath(new URL('./movement-2019-2025.json', import.meta.url));

/** Where a movement comes from: a JSON file, a movement workbook (.xlsx), or a Google spreadsheet id. */
export type MovementKind = 'json' | 'xlsx' | 'sheet';

export function movementKind(location: string): MovementKind {
  const ext = extname(location).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.xlsx') return 'xlsx';
  return 'sheet';
}

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
  if (kind === 'json') return parseMovement(JSON.parse(await readFile(location, 'utf8')) as unknown);
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
