/**
 * What hostile or oversized `.xlsx` input costs: for a file at the unzipped-size limit, one just
 * over it, and one over the file-size limit, the time to read (or refuse) it and the peak memory
 * of a process doing only that. Used by `npm run bench`; `tsx scripts/bench-limits.ts --read FILE`
 * is the child.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { XlsxWorkbooks } from '../shared/adapters/xlsx/workbooks.ts';
import { LIMITS } from '../shared/domain/limits.ts';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A valid one-sheet package whose sheet XML is `bytes` long: rows of a name and two scores. */
async function workbookOf(bytes: number): Promise<Uint8Array> {
  const row = (r: number) =>
    `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Nguyễn Văn An</t></is></c><c r="B${r}"><v>${r}</v></c><c r="C${r}"><v>8.5</v></c></row>`;
  const rows: string[] = [];
  for (let size = 0, r = 1; size < bytes - 300; r++) {
    const x = row(r);
    rows.push(x);
    size += Buffer.byteLength(x);
  }
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Cá nhân" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  );
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function limitRows(): Promise<[string, string][]> {
  const dir = await mkdtemp(join(tmpdir(), 'thidua-limits-'));
  const cases: [string, Uint8Array][] = [
    ['xlsx at the unzipped limit (read)', await workbookOf(LIMITS.unzippedBytes - 64 * 1024)],
    ['xlsx over the unzipped limit (refused)', await workbookOf(LIMITS.unzippedBytes * 4)],
    ['xlsx over the file-size limit (refused)', new Uint8Array(LIMITS.fileBytes + 1)],
  ];
  const rows: [string, string][] = [];
  for (const [label, bytes] of cases) {
    const file = join(dir, `${label.replace(/\W+/g, '-')}.xlsx`);
    await writeFile(file, bytes);
    const { stdout } = await promisify(execFile)(resolve(import.meta.dirname, '../node_modules/.bin/tsx'), [
      resolve(import.meta.dirname, 'bench-limits.ts'),
      '--read',
      file,
    ]);
    rows.push([label, `${(bytes.length / 1048576).toFixed(1)} MB file: ${stdout.trim()}`]);
  }
  await rm(dir, { recursive: true, force: true });
  return rows;
}

if (process.argv[2] === '--read' && process.argv[3]) {
  const file = process.argv[3];
  const started = performance.now();
  const outcome = await new XlsxWorkbooks({ baseDir: dirname(file) })
    .readWorkbook(basename(file))
    .then((grids) => `read, ${Object.values(grids)[0]?.length ?? 0} rows kept`)
    .catch((error: Error & { detail?: string }) => `refused (${error.detail ?? error.message})`);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`${outcome} in ${seconds} s, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}
