/**
 * Replacing a file so that a crash at any moment leaves the old file or the new one, never half of
 * one: the bytes go to a temporary file beside it, flushed to disk, then renamed over it. Temporary
 * files a killed process left for the same file are removed first (one writer per file at a time:
 * the run lease).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function replaceFile(path: string, bytes: Uint8Array | string): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const prefix = `.${basename(path)}.thidua-`;
  for (const name of await readdir(folder).catch(() => [] as string[]))
    if (name.startsWith(prefix) && name.endsWith('.tmp')) await unlink(join(folder, name)).catch(() => {});
  const temporary = join(folder, `${prefix}${randomUUID()}.tmp`);
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
