import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Movement, parseMovement } from './movement.ts';

export const DEFAULT_MOVEMENT_FILE = fileURLToPath(new URL('./movement-2019-2025.json', import.meta.url));

/** Reads and validates a movement file (the default 2019–2025 plan when no path is given). */
export async function loadMovement(path: string = DEFAULT_MOVEMENT_FILE): Promise<Movement> {
  const text = await readFile(path, 'utf8');
  return parseMovement(JSON.parse(text) as unknown);
}
