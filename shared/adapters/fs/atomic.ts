/**
 * Replacing a file so that a crash at any moment leaves the old file or the new one, never half of
 * one: the bytes go to a temporary file beside it, flushed to disk, then renamed over it. Temporary
 * files a killed process left for the same file are removed first (one writer per file at a time:
 * the run lease).
 *
 * `swapFile` also hands back the file it replaced, exactly as it was at that instant (a council's
 * proposal workbook: what it saved a second before is seen, not overwritten unseen). Own code: no
 * library swaps a file and keeps the one replaced without a window; rename and link (which never
 * overwrites) do.
 */
import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A temporary file of `replaceFile`: `.NAME.thidua-UUID.tmp` beside the file NAME. */
const temporaryOf = (path: string) => `.${basename(path)}.thidua-`;
const isTemporary = (name: string) =>
  name.startsWith('.') && name.includes('.thidua-') && name.endsWith('.tmp');
/** The file `swapFile` set aside while it put the new one in place: `.NAME.thidua-UUID.aside`. */
const isAside = (name: string) =>
  name.startsWith('.') && name.includes('.thidua-') && name.endsWith('.aside');

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code;
const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

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
        (all) => new Set(all.filter((name) => isTemporary(name) || isAside(name))),
        () => new Set<string>(),
      );
      this.listed.set(folder, names);
    }
    const prefix = temporaryOf(path);
    const found = await names;
    for (const name of found)
      if (name.startsWith(prefix)) {
        found.delete(name);
        // A file set aside by a swap that was killed before it put the new one in place: it is
        // the person's file, so it goes back where it was (unless something is there again).
        if (isAside(name) && !(await exists(path))) await link(join(folder, name), path).catch(() => {});
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
  const temporary = await temporaryWith(path, bytes);
  try {
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** Writes `bytes` to a new temporary file beside `path`, flushed to disk; returns its path. */
async function temporaryWith(path: string, bytes: Uint8Array | string): Promise<string> {
  const temporary = join(dirname(path), `${temporaryOf(path)}${randomUUID()}.tmp`);
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  return temporary;
}

/**
 * Puts `bytes` at `path` and returns the file it replaced (null when there was none), as it was
 * at the instant it was replaced. The old file is renamed aside (atomic), then the new one is
 * linked in — a link never overwrites, so a save that lands in between is found there, set aside
 * in turn, and the link tried again: the file handed back is always the last one before ours.
 * Where the file system has no hard links (FAT, some network shares), a rename puts it in place.
 */
export async function swapFile(
  path: string,
  bytes: Uint8Array | string,
  leftovers = new Leftovers(),
): Promise<Buffer | null> {
  await mkdir(dirname(path), { recursive: true });
  await leftovers.remove(path);
  const temporary = await temporaryWith(path, bytes);
  const asides: string[] = [];
  try {
    for (let attempt = 1; ; attempt++) {
      const aside = join(dirname(path), `${temporaryOf(path)}${randomUUID()}.aside`);
      try {
        await rename(path, aside);
        asides.push(aside);
      } catch (error) {
        if (codeOf(error) !== 'ENOENT') throw error;
      }
      try {
        await link(temporary, path);
        break;
      } catch (error) {
        if (codeOf(error) === 'EEXIST' && attempt < 5) continue; // saved meanwhile: set that one aside
        if (codeOf(error) === 'EEXIST') throw error;
        await rename(temporary, path); // no hard links here
        break;
      }
    }
  } catch (error) {
    // Nothing of ours is in place: the newest file set aside goes back (if nothing is there).
    const last = asides.pop();
    if (last && !(await exists(path))) await link(last, path).catch(() => undefined);
    for (const aside of [...asides, last]) if (aside) await unlink(aside).catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await unlink(temporary).catch(() => undefined);
  const last = asides[asides.length - 1];
  const before = last ? await readFile(last) : null;
  for (const aside of asides) await unlink(aside).catch(() => undefined);
  return before;
}
