/**
 * Replacing a file so that a crash at any moment leaves the old file or the new one, never half of
 * one: the bytes go to a temporary file beside it, flushed to disk, then renamed over it. Temporary
 * files a killed process left for the same file are removed first (one writer per file at a time:
 * the run lease).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A temporary file of `replaceFile`: `.NAME.thidua-UUID.tmp` beside the file NAME. */
const temporaryOf = (path: string) => `.${basename(path)}.thidua-`;
const isTemporary = (name: string) =>
  name.startsWith('.') && name.includes('.thidua-') && name.endsWith('.tmp');

/**
 * The leftovers of killed writes, each folder listed once: a writer that puts a thousand files in
 * a folder of a thousand would otherwise list it a thousand times. Leftovers are there before the
 * writer starts (a killed process's), so one listing per writer — an adapter instance — finds them.
 */
export class Leftovers {
  private readonly listed = new Map<string, Promise<Set<string>>>();

  async remove(path: string): Promise<void> {
    const folder = dirname(path);
    let names = this.listed.get(folder);
    if (!names) {
      names = readdir(folder).then(
        (all) => new Set(all.filter(isTemporary)),
        () => new Set<string>(),
      );
      this.listed.set(folder, names);
    }
    const prefix = temporaryOf(path);
    const found = await names;
    for (const name of found)
      if (name.startsWith(prefix)) {
        found.delete(name);
        await unlink(join(folder, name)).catch(() => {});
      }
  }
}

/** Puts `bytes` at `path` atomically; `leftovers` lists the folder once for many writes. */
export async function replaceFile(
  path: string,
  bytes: Uint8Array | string,
  leftovers = new Leftovers(),
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await leftovers.remove(path);
  const temporary = join(dirname(path), `${temporaryOf(path)}${randomUUID()}.tmp`);
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
