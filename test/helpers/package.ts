/** A `.xlsx` package's entries, to hold thidua to “every other byte as it was”. */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';

/** Every entry of a package, uncompressed, by name. */
export async function packageEntries(path: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const out = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files))
    if (!file.dir) out.set(name, await file.async('nodebuffer'));
  return out;
}
