/** Where movements come from: the bundled 2019–2025 plan, or a file or spreadsheet the office names. */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_MOVEMENT_FILE = fileURLToPath(new URL('./movement-2019-2025.json', import.meta.url));

/** Where a movement comes from: a JSON file, a movement workbook (.xlsx), or a Google spreadsheet id. */
export type MovementKind = 'json' | 'xlsx' | 'sheet';

export function movementKind(location: string): MovementKind {
  const ext = extname(location).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.xlsx') return 'xlsx';
  return 'sheet';
}
