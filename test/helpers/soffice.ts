/**
 * LibreOffice, for the checks that render what people print: optional on a developer's machine and
 * in CI. A test that needs it runs with `it.runIf(SOFFICE)` and says in its name why it was skipped.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

/** `soffice` as found on PATH now, or null. */
function findOnPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {}
  }
  return null;
}

export const SOFFICE = findOnPath('soffice');
// Said once in the run's output, beside the count of skipped tests.
if (!SOFFICE)
  console.warn('soffice (LibreOffice) is not on PATH: the checks that render papers to PDF are skipped.');

/** A test's name, with the reason it is skipped on a machine without LibreOffice. */
export const needsSoffice = (name: string) =>
  SOFFICE ? name : `${name} — skipped: soffice (LibreOffice) is not on PATH`;

/** Converts documents to PDF with LibreOffice (its own profile), returns the PDFs' names. */
export async function toPdf(files: readonly string[]): Promise<string[]> {
  if (!SOFFICE) throw new Error('soffice is not on PATH');
  const out = await mkdtemp(join(tmpdir(), 'thidua-pdf-'));
  try {
    await promisify(execFile)(
      SOFFICE,
      [
        `-env:UserInstallation=file://${out}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        ...files,
      ],
      { timeout: 300_000 },
    );
    return (await readdir(out)).filter((f) => f.endsWith('.pdf'));
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
