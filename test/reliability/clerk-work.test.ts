/**
 * Faults 1 and 3: a clerk's work is never lost, ignored or damaged by thidua.
 *  1. An edit saved between the sync's read and its feedback write is read by the next sync.
 *  3. Writing the “Kiểm tra dữ liệu” tab changes that tab and nothing else in the unit's file, and
 *     a crash mid-write leaves the original intact with no temporary file behind.
 */
import { readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** A disk that fails the rename of a finished temporary file, as a full disk or a crash would. */
const disk = vi.hoisted(() => ({
  failRename: false,
  listings: 0,
  /** Runs just before a link takes effect: a person's save landing at that instant. */
  beforeLink: undefined as (() => Promise<void>) | undefined,
}));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    readdir: ((...args: Parameters<typeof real.readdir>) => {
      disk.listings++;
      return real.readdir(...args);
    }) as typeof real.readdir,
    link: async (from: string, to: string) => {
      const save = disk.beforeLink;
      disk.beforeLink = undefined;
      await save?.();
      return real.link(from, to);
    },
    rename: async (from: string, to: string) => {
      if (disk.failRename)
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return real.rename(from, to);
    },
  };
});

import { XlsxWorkbooks } from '../../shared/adapters/xlsx/workbooks.ts';
import type { SheetSource } from '../../shared/ports/index.ts';
import { feedbackTab } from '../../shared/present/feedback.ts';
import { syncUnits } from '../../shared/usecases/sync.ts';
import { type Google, peopleOf, seedSector, startGoogle } from '../helpers/google.ts';
import { packageEntries } from '../helpers/package.ts';
import { type TestStore, useStore } from '../helpers/store.ts';
import { smallSector, syncInput, tempDir, writeUnitXlsx } from './helpers.ts';

const stores = useStore();
let dir: string | undefined;
let db: TestStore | undefined;
let google: Google | undefined;
afterEach(async () => {
  await google?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
  db = undefined;
  google = undefined;
});

/** A clerk's save in Excel: load the file, change a cell of the people tab, save it again. */
async function clerkSetsScore(path: string, row: number, col: number, value: number) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('Cá nhân');
  if (!sheet) throw new Error('no people tab');
  sheet.getCell(row, col).value = value;
  await workbook.xlsx.writeFile(path);
  const later = new Date(Date.now() + 5_000); // a later save time, as a real clock would give
  await utimes(path, later, later);
}

describe('fault 1: an edit saved between the read and the feedback write', () => {
  it('(.xlsx) is read by the next sync, not taken as already read', async () => {
    // Prepare: a sector whose unit B saves a change right after thidua read its workbook.
    dir = await tempDir('edit-race');
    db = await stores.fresh();
    const files = new XlsxWorkbooks({ baseDir: dir });
    for (const code of ['A', 'B', 'C']) await writeUnitXlsx(files, code);
    const registry = smallSector();
    let raced = false;
    const racing: SheetSource = {
      versions: (l) => files.versions(l),
      async readWorkbook(location, tabs) {
        const grids = await files.readWorkbook(location, tabs);
        if (location.endsWith('B.xlsx') && !raced) {
          raced = true;
          await clerkSetsScore(files.resolve(location), 2, 15, 2); // B-0's CN7: 10 → 2
        }
        return grids;
      },
    };
    // Act
    const first = await syncUnits({ source: racing, sink: files, store: db.store }, syncInput(registry));
    const second = await syncUnits(
      { source: files, sink: files, store: db.store },
      syncInput(registry, '2025-06-11T01:00:00.000Z'),
    );
    // Assess: the edit is read and accepted as a new version; the others are not read again.
    expect(first.units.find((u) => u.code === 'B')?.status).toBe('accepted');
    expect(second.units.find((u) => u.code === 'B')).toMatchObject({ status: 'accepted', read: true });
    expect(second.units.filter((u) => u.read).map((u) => u.code)).toEqual(['B']);
    const states = await db.store.loadStates(2024, ['B']);
    expect(states.get('B')?.acceptedHash).not.toBe(first.units.find((u) => u.code === 'B')?.acceptedHash);
  });

  it('(Google) is read by the next sync', async () => {
    google = await startGoogle({ speed: 400 });
    db = await stores.fresh();
    const registry = seedSector(google.standin, 3);
    const { workbooks } = google.workbooks();
    const standin = google.standin;
    let raced = false;
    const racing: SheetSource = {
      versions: (l) => workbooks.versions(l),
      async readWorkbook(location, tabs) {
        const grids = await workbooks.readWorkbook(location, tabs);
        if (location === 'ss-U001' && !raced) {
          raced = true;
          standin.userEdit('ss-U001', 'Cá nhân', 1, 14, 1); // U001-0's CN7 → 1, saved after our read
        }
        return grids;
      },
    };
    const first = await syncUnits({ source: racing, sink: workbooks, store: db.store }, syncInput(registry));
    const second = await syncUnits(
      { source: workbooks, sink: workbooks, store: db.store },
      syncInput(registry, '2025-06-11T01:00:00.000Z'),
    );
    const hashOf = (r: typeof first, code: string) => r.units.find((u) => u.code === code)?.acceptedHash;
    expect(second.units.find((u) => u.code === 'U001')).toMatchObject({ status: 'accepted', read: true });
    expect(hashOf(second, 'U001')).not.toBe(hashOf(first, 'U001'));
    expect(peopleOf('U001')).toHaveLength(5);
  });
});

/** A unit workbook carrying what exceljs does not model: a chart, plus an image, a note, conditional formatting and a defined name. */
async function richWorkbook(path: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('Cá nhân');
  if (!sheet) throw new Error('no people tab');
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  const image = workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
  sheet.addImage(image, 'R2:S4');
  sheet.getCell('C2').note = 'Ghi chú của văn thư';
  sheet.addConditionalFormatting({
    ref: 'I2:I20',
    rules: [
      {
        type: 'cellIs',
        operator: 'lessThan',
        formulae: ['5'],
        priority: 1,
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } },
      },
    ],
  });
  workbook.definedNames.add("'Cá nhân'!$C$2:$C$20", 'DanhSachCanBo');
  await workbook.xlsx.writeFile(path);
  // exceljs cannot write charts: add one to the drawing by hand, as Excel would store it.
  const zip = await JSZip.loadAsync(await readFile(path));
  const drawingPath = Object.keys(zip.files).find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
  if (!drawingPath) throw new Error('no drawing');
  const relsPath = drawingPath.replace('drawings/', 'drawings/_rels/').concat('.rels');
  const chart = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'Cá nhân'!$O$2:$O$6</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;
  zip.file('xl/charts/chart1.xml', chart);
  const rels = (await zip.file(relsPath)?.async('string')) ?? '';
  zip.file(
    relsPath,
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>',
    ),
  );
  const drawing = (await zip.file(drawingPath)?.async('string')) ?? '';
  zip.file(
    drawingPath,
    drawing.replace(
      /<\/xdr:wsDr>$/,
      '<xdr:twoCellAnchor><xdr:from><xdr:col>17</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>6</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>23</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="9" name="Biểu đồ 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdChart1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>',
    ),
  );
  const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
    ),
  );
  await writeFile(path, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

const tab = (n: number) =>
  feedbackTab({
    status: 'rejected',
    year: 2024,
    checkedAt: '2025-06-10T01:00:00.000Z',
    problems: Array.from({ length: n }, (_, i) => ({
      severity: 'error' as const,
      tab: 'Cá nhân',
      cell: `I${i + 2}`,
      code: 'NOT_A_NUMBER' as const,
      message: `“Đạt” không phải là số <${i}> & “x”.`,
    })),
  });

describe('fault 3: the feedback tab is the only thing written into a unit’s file', () => {
  it('keeps every other part byte for byte: chart, image, note, conditional format, defined name', async () => {
    dir = await tempDir('patch');
    const files = new XlsxWorkbooks({ baseDir: dir });
    await writeUnitXlsx(files, 'A');
    const path = files.resolve('bang-diem/A.xlsx');
    await richWorkbook(path);
    const before = await packageEntries(path);
    const feedbackPart = 'xl/worksheets/sheet4.xml'; // the template's fourth tab is “Kiểm tra dữ liệu”
    expect(before.has('xl/charts/chart1.xml')).toBe(true);

    await files.writeFeedback('bang-diem/A.xlsx', tab(3));
    const after = await packageEntries(path);

    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, bytes] of before)
      if (name !== feedbackPart) expect(after.get(name)?.equals(bytes), name).toBe(true);
    const xml = after.get(feedbackPart)?.toString('utf8') ?? '';
    expect(xml).toContain('&lt;1&gt; &amp; “x”');
    // The workbook still opens, with the tab's content where a clerk looks for it.
    if (process.env.THIDUA_KEEP) await writeFile(process.env.THIDUA_KEEP, await readFile(path));
    const grids = await files.readWorkbook('bang-diem/A.xlsx');
    expect(grids['Kiểm tra dữ liệu']?.[1]).toEqual([
      'Trạng thái',
      null,
      null,
      'Chưa tiếp nhận — có lỗi cần sửa',
    ]);
    const feedback = grids['Kiểm tra dữ liệu'] ?? [];
    const header = feedback.findIndex((row) => row[0] === 'STT');
    expect(feedback[header + 1]?.[2]).toBe('Cá nhân!I2');
  });

  it('adds the tab when the clerk deleted it, touching only the entries that list it', async () => {
    dir = await tempDir('patch-add');
    const files = new XlsxWorkbooks({ baseDir: dir });
    await writeUnitXlsx(files, 'A');
    const path = files.resolve('bang-diem/A.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const feedback = workbook.getWorksheet('Kiểm tra dữ liệu');
    if (feedback) workbook.removeWorksheet(feedback.id);
    await workbook.xlsx.writeFile(path);
    const before = await packageEntries(path);

    await files.writeFeedback('bang-diem/A.xlsx', tab(1));
    const after = await packageEntries(path);
    const changed = [...after.keys()].filter((n) => !before.get(n)?.equals(after.get(n) ?? Buffer.alloc(0)));
    expect(changed.sort()).toEqual(
      [
        '[Content_Types].xml',
        'xl/_rels/workbook.xml.rels',
        'xl/workbook.xml',
        'xl/worksheets/sheet4.xml',
      ].sort(),
    );
    expect(Object.keys(await files.readWorkbook('bang-diem/A.xlsx'))).toEqual([
      'Thông tin',
      'Tập thể',
      'Cá nhân',
      'Kiểm tra dữ liệu',
    ]);
  });

  it('leaves the original intact and no temporary file when the write fails midway; a killed write’s leftovers are cleaned', async () => {
    dir = await tempDir('patch-crash');
    const files = new XlsxWorkbooks({ baseDir: dir });
    await writeUnitXlsx(files, 'A');
    const path = files.resolve('bang-diem/A.xlsx');
    const original = await readFile(path);
    // A process killed mid-write leaves its temporary file behind; the next process finds it.
    await writeFile(join(dir, 'bang-diem', '.A.xlsx.thidua-dead.tmp'), '');
    const next = new XlsxWorkbooks({ baseDir: dir });
    // A write that fails midway: the temporary file is written, the rename fails.
    disk.failRename = true;
    try {
      await expect(next.writeFeedback('bang-diem/A.xlsx', tab(1))).rejects.toThrow('ENOSPC');
    } finally {
      disk.failRename = false;
    }
    expect((await readFile(path)).equals(original)).toBe(true);
    expect((await readdir(join(dir, 'bang-diem'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    await next.writeFeedback('bang-diem/A.xlsx', tab(1));
    expect((await readdir(join(dir, 'bang-diem'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
  it('cleans every file’s leftovers in a folder it lists once, however many files it writes there', async () => {
    dir = await tempDir('leftovers');
    const first = new XlsxWorkbooks({ baseDir: dir });
    for (const code of ['A', 'B', 'C']) await writeUnitXlsx(first, code);
    for (const code of ['A', 'B', 'C'])
      await writeFile(join(dir, 'bang-diem', `.${code}.xlsx.thidua-dead.tmp`), '');
    const next = new XlsxWorkbooks({ baseDir: dir });
    const before = disk.listings;
    for (const code of ['A', 'B', 'C']) await next.writeFeedback(`bang-diem/${code}.xlsx`, tab(1));
    expect(disk.listings - before).toBe(1);
    expect((await readdir(join(dir, 'bang-diem'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a council’s file replaced by thidua (.xlsx): what it held at that instant is handed back', () => {
  const model = (value: string) => ({
    tabs: [
      {
        title: 'Đồng điểm tại ngưỡng',
        rows: [
          ['Mã', 'Chọn'],
          ['A1', value],
        ],
      },
    ],
  });
  const keep = { keep: ['Đồng điểm tại ngưỡng'] };

  it('a save landing between thidua setting the old file aside and putting its own in place is the one handed back', async () => {
    dir = await tempDir('swap-race');
    const files = new XlsxWorkbooks({ baseDir: dir });
    await files.writeOwnedWorkbook('HD.xlsx', model(''));
    const council = new XlsxWorkbooks({ baseDir: dir });
    // The council's program saves its file at the very instant thidua's file would be linked in.
    disk.beforeLink = async () => {
      const saved = new XlsxWorkbooks({ baseDir: join(dir as string, 'elsewhere') });
      await saved.writeOwnedWorkbook('HD.xlsx', model('Có'));
      await writeFile(files.resolve('HD.xlsx'), await readFile(join(dir as string, 'elsewhere', 'HD.xlsx')));
    };
    const out = await council.writeOwnedWorkbook('HD.xlsx', model('Không'), keep);
    expect(disk.beforeLink).toBeUndefined();
    expect(out.kept?.['Đồng điểm tại ngưỡng']?.[1]).toEqual(['A1', 'Có']); // the save, not the file before it
    const now = await files.readWorkbook('HD.xlsx');
    expect(now['Đồng điểm tại ngưỡng']?.[1]).toEqual(['A1', 'Không']); // thidua's, in place
    expect((await readdir(dir)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('a file set aside by a write killed before it put its own in place goes back, and is what the next write hands back', async () => {
    dir = await tempDir('swap-killed');
    const files = new XlsxWorkbooks({ baseDir: dir });
    await files.writeOwnedWorkbook('HD.xlsx', model('Có'));
    // Killed between the two steps: the council's file is aside, nothing in its place.
    await rename(files.resolve('HD.xlsx'), join(dir, '.HD.xlsx.thidua-dead.aside'));
    const out = await new XlsxWorkbooks({ baseDir: dir }).writeOwnedWorkbook('HD.xlsx', model(''), keep);
    expect(out.kept?.['Đồng điểm tại ngưỡng']?.[1]).toEqual(['A1', 'Có']);
    expect((await readdir(dir)).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});
