/**
 * What the offices print, checked as it prints:
 *   npm run print-check [-- --images DIR] [--keep DIR]
 * Runs the bundled example in a fresh folder — the annual run (every council's Tờ trình, Danh sách,
 * Biên bản and proposal workbook, the sector status), the mid-term and final rounds (every council's
 * round workbook, and T01's round papers) — renders every paper and workbook thidua wrote with
 * LibreOffice as it prints (PDF), and fails (exit 1) on:
 *   - a page that opens with a signature block (its titles, or the place-and-date line over them),
 *     once the lines every page repeats (a list's heading) are set aside;
 *   - a word cut at the page's edge (pdftotext's word boxes reaching the edge);
 *   - a workbook font entry without a face name (xl/styles.xml), and a page drawn in a face other
 *     than Times New Roman's (Liberation Serif on LibreOffice): a fallback face the layout did not
 *     plan for.
 * Without `soffice` and `pdftotext` on PATH it says so and checks the font entries only.
 * `--images DIR`: a PNG of the pages of one paper and one workbook of each kind (pdftoppm).
 * `--keep DIR`: the example's folder, the PDFs and the texts are left there to look at.
 * Our own code because no library says where LibreOffice breaks a page; the rendering, the text
 * extraction and the package reading are LibreOffice's, poppler's and jszip's.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join, relative } from 'node:path';
import JSZip from 'jszip';
import { DOCUMENT_TEXT, DOCUMENTS } from '../shared/text/documents.ts';
import { ROUND_DOCUMENTS } from '../shared/text/round-documents.ts';
import { scriptArgs } from './args.ts';

const USAGE = `npm run print-check [-- --images DIR] [--keep DIR]
  renders every paper and workbook of the example (annual, all councils; rounds, T01's papers)
  with LibreOffice and fails on a page that opens with a signature block, a word cut at the
  page's edge, or a font without a name
  --images DIR   PNG pages of one paper and one workbook of each kind
  --keep DIR     leave the example, the PDFs and their text in DIR`;

const { values } = scriptArgs(USAGE, {
  options: { images: { type: 'string' }, keep: { type: 'string' } },
});
const ROOT = new URL('..', import.meta.url).pathname;

const onPath = (name: string) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const failures: string[] = [];
const fail = (file: string, what: string) => failures.push(`${file}: ${what}`);

// 1. The example, run as an office runs it: the year, then the rounds, then T01's round papers.
const work = values.keep ?? mkdtempSync(join(tmpdir(), 'thidua-print-'));
mkdirSync(work, { recursive: true });
const cli = (...args: string[]) => {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/thidua.mjs'), ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, THIDUA_NOW: '2025-06-10T08:00:00+07:00' },
  });
  // 3: the example has units with mistakes on purpose; anything else is a failure to report.
  if (result.status !== 0 && result.status !== 3)
    throw new Error(`thidua ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
};
process.stdout.write(`Running the example in ${work}…\n`);
cli('run', '--example');
for (const round of ['midterm', 'final']) {
  cli('run', '--example', '--round', round);
  cli('documents', '--example', '--round', round, '--council', 'T01');
}
const out = join(work, '.thidua/out/example');
const written = files(out).filter((f) => /\.(docx|xlsx)$/.test(f));
const example = join(work, '.thidua/example');
// The workbooks thidua made for the office and the units: the registry, the award history, a unit's.
const inputs = ['danh-muc-don-vi.xlsx', 'lich-su-khen-thuong.xlsx', 'bang-diem/T01-P1.xlsx']
  .map((f) => join(example, f))
  .filter((f) => existsSync(f));
const papers = [...written, ...inputs].sort();
const name = (f: string) => relative(work, f);

// 2. Every font entry of every workbook thidua made has a face name (the package's default too).
for (const file of papers.filter((f) => f.endsWith('.xlsx'))) {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const styles = (await zip.file('xl/styles.xml')?.async('string')) ?? '';
  const fonts = [...styles.matchAll(/<font>([\s\S]*?)<\/font>|<font\/>/g)];
  const unnamed = fonts.filter((f) => !/<name val=/.test(f[0])).length;
  if (unnamed) fail(name(file), `${unnamed} of ${fonts.length} font entries have no face name`);
}

const tools = ['soffice', 'pdftotext', 'pdffonts', 'pdfinfo', 'pdftoppm'].filter((t) => !onPath(t));
if (tools.length) {
  process.stdout.write(
    `${tools.join(', ')} not on PATH: pages were not rendered, only the font entries were checked (install LibreOffice and poppler-utils to check the pages).\n`,
  );
} else {
  // 3. Rendered as it prints, in one LibreOffice run.
  const pdfDir = join(work, 'pdf');
  mkdirSync(pdfDir, { recursive: true });
  // Same base names in different folders (the rounds' papers) are rendered from their own copies.
  const copies = papers.map((f) => {
    const copy = join(pdfDir, `${name(f).replace(/[/\\]/g, '__')}`);
    cpSync(f, copy);
    return copy;
  });
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(work, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      pdfDir,
      ...copies,
    ],
    { stdio: 'ignore', timeout: 900_000 },
  );
  const signatureTitles = [
    'Nơi nhận:',
    DOCUMENT_TEXT.preparer,
    DOCUMENT_TEXT.onBehalf,
    DOCUMENT_TEXT.chair,
    DOCUMENTS.secretary,
    DOCUMENTS.presiding,
    ROUND_DOCUMENTS.headConfirms,
    ROUND_DOCUMENTS.reporter,
    ROUND_DOCUMENTS.collectiveHead,
    ROUND_DOCUMENTS.aboveConfirms,
  ];
  const isSignature = (line: string) => signatureTitles.some((t) => line.startsWith(t));
  const isPlaceDate = (line: string) => /ngày\s.*tháng\s.*năm/.test(line) && line.length < 80;
  for (const copy of copies) {
    const pdf = copy.replace(/\.(docx|xlsx)$/, '.pdf');
    const file = basename(copy).replaceAll('__', '/');
    let text: string;
    try {
      text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    } catch {
      fail(file, 'LibreOffice did not render it');
      continue;
    }
    const pages = text.split('\f').map((p) =>
      p
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    );
    const first = pages[0] ?? [];
    pages.forEach((lines, i) => {
      if (i === 0 || lines.length === 0) return;
      // The lines the page repeats from the first (a list's heading and header) are not its start.
      let at = 0;
      while (at < lines.length && first.includes(lines[at] ?? '')) at++;
      if (isPlaceDate(lines[at] ?? '')) at++;
      if (isSignature(lines[at] ?? ''))
        fail(file, `page ${i + 1} opens with the signature block (“${lines[at]}”)`);
    });
    // Words reaching the page's edge were cut there.
    const boxes = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    let width = 0;
    let height = 0;
    let page = 0;
    for (const line of boxes.split('\n')) {
      const size = /<page width="([\d.]+)" height="([\d.]+)"/.exec(line);
      if (size) {
        width = Number(size[1]);
        height = Number(size[2]);
        page++;
        continue;
      }
      const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(
        line,
      );
      if (!word) continue;
      const [xMin, yMin, xMax, yMax] = word.slice(1, 5).map(Number) as [number, number, number, number];
      if (xMin < 1 || yMin < 1 || xMax > width - 1 || yMax > height - 1)
        fail(file, `page ${page}: “${word[5]}” is cut at the page's edge`);
    }
    // Every face drawn is Times New Roman's (Liberation Serif stands in for it on LibreOffice).
    const faces = execFileSync('pdffonts', [pdf], { encoding: 'utf8', maxBuffer: 1 << 30 })
      .split('\n')
      .slice(2)
      .map((l) => l.split(/\s+/)[0] ?? '')
      .filter(Boolean)
      .map((f) => f.replace(/^[A-Z]{6}\+/, ''));
    const other = faces.filter((f) => !/^(TimesNewRoman|Times|LiberationSerif)/i.test(f));
    // A unit's workbook is the unit's: its feedback tab takes the workbook's own default face.
    if (other.length && !file.includes('bang-diem/'))
      fail(file, `drawn in ${[...new Set(other)].join(', ')}, not Times New Roman`);
  }
  // 4. Page images of one of each kind, to keep beside the docs.
  if (values.images) {
    const dir = values.images;
    mkdirSync(dir, { recursive: true });
    // One of each kind: a paper's first page and the page it is signed on; a workbook's first pages.
    const kinds: [RegExp, 'first' | 'last' | number][] = [
      [/2024__to-trinh-T01\.pdf$/, 'first'],
      [/2024__danh-sach-T01\.pdf$/, 'last'],
      [/2024__bien-ban-T01\.pdf$/, 'last'],
      [/2024__de-nghi-T02\.pdf$/, 1],
      [/2024__de-nghi-T02\.pdf$/, 5],
      [/2024__tinh-hinh-nop-bang-diem\.pdf$/, 'first'],
      [/final-.*__de-nghi-T01-final\.pdf$/, 'first'],
      [/final-.*__danh-sach-T01-final\.pdf$/, 'last'],
      [/final-.*__bao-cao-T01-final-.*\.pdf$/, 'first'],
    ];
    const pdfs = readdirSync(pdfDir)
      .filter((f) => f.endsWith('.pdf'))
      .sort();
    for (const [kind, which] of kinds) {
      const pdf = pdfs.find((f) => kind.test(f));
      if (!pdf) continue;
      const path = join(pdfDir, pdf);
      const pages = Number(
        /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1] ?? 1,
      );
      const page = which === 'first' ? 1 : which === 'last' ? pages : Math.min(which, pages);
      const stem =
        pdf
          .replace(/\.pdf$/, '')
          .split('__')
          .pop() ?? pdf;
      execFileSync('pdftoppm', [
        '-r',
        '50',
        '-png',
        '-singlefile',
        '-f',
        `${page}`,
        '-l',
        `${page}`,
        path,
        join(dir, `${stem}-p${page}`),
      ]);
    }
    process.stdout.write(`Page images in ${dir}\n`);
  }
}

process.stdout.write(`${papers.length} papers and workbooks checked.\n`);
for (const f of failures) process.stdout.write(`  ${f}\n`);
if (!values.keep) rmSync(work, { recursive: true, force: true });
process.exitCode = failures.length ? 1 : 0;
if (!failures.length)
  process.stdout.write('No page opens with a signature block, no word is cut, every font is named.\n');
