/** The CLI end to end on the bundled example sector, as the emulation office runs it. */

import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XlsxWorkbooks } from '../../shared/adapters/xlsx/workbooks.ts';
import { registryWorkbookModel } from '../../shared/present/registry-book.ts';
import { type Report, reportSchema } from '../../shared/usecases/report.ts';
import { ROOT, runCli, TSX } from '../helpers/cli.ts';
import { unit } from '../helpers/fixtures.ts';
import { needsSoffice, SOFFICE, toPdf } from '../helpers/soffice.ts';
import { tableOf } from '../helpers/tables.ts';
import { docxText as readDocx } from '../support/docx-text.ts';

let cwd: string;
/**
 * A virtual clock: the commands run from 08:00 on 10/06/2025 in Viet Nam, a minute apart, so that
 * nothing depends on the day or the moment the tests run.
 */
const NOW = Date.parse('2025-06-10T01:00:00.000Z');
let minutes = 0;
const thidua = (...args: string[]) =>
  runCli(cwd, args, { THIDUA_NOW: new Date(NOW + minutes++ * 60_000).toISOString() });
const readReport = async (): Promise<Report> =>
  reportSchema.parse(
    JSON.parse(await readFile(join(cwd, '.thidua/out/example/2024/report.json'), 'utf8')) as unknown,
  );
const example = (path: string) => join(cwd, '.thidua/example', path);

const docxText = async (path: string) => readDocx(await readFile(path));

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'thidua-cli-'));
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

describe('thidua run --example', () => {
  let first: Report;

  it('runs the whole job, prints a summary and writes the proposals and report.json', async () => {
    const run = await thidua('run', '--example');
    expect(run.stderr).not.toContain('Lỗi');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Hội đồng: 7');
    first = await readReport();
    expect(first.units).toHaveLength(30);
    for (const council of first.councils) expect(existsSync(council.workbook ?? '')).toBe(true);
    expect(first.counters.storeWrites).toBeGreaterThan(0);
    const statuses = Object.fromEntries(first.units.map((u) => [u.code, u.status]));
    expect(statuses).toMatchObject({
      'T01-KV2': 'accepted', // comma decimals, NFD names, blank rows: tolerated
      'T01-KV3': 'rejected',
      'T02-P1': 'rejected',
      'T02-KV1': 'rejected',
      'T02-KV2': 'rejected',
      'QK2-KV1': 'missing',
    });
  });

  it('keeps every council within its quota and gives every candidate left out a reason', () => {
    for (const council of first.councils)
      for (const [subject, fraction] of [
        [council.collectives, 1 / 4],
        [council.individuals, 1 / 10],
      ] as const) {
        expect(subject.quota).toBe(Math.floor(subject.base * fraction + 1e-9));
        expect(subject.proposed.length).toBeLessThanOrEqual(subject.quota);
        for (const n of subject.notProposed) expect(n.reason).toMatch(/\p{L}{3}/u);
      }
    const tc = first.councils.find((c) => c.code === 'TC');
    expect(tc?.published).toBe(false);
    // The collective veto is off by default: no collective is left out for it.
    expect(first.councils.flatMap((c) => c.collectives.notProposed).map((n) => n.code)).not.toContain('VETO');
  });

  it('writes the sector status the office follows, its rows agreeing with report.json, the units to call first', async () => {
    const report = await readReport();
    expect(report.statusWorkbook).toBe(join(cwd, '.thidua/out/example/2024/tinh-hinh-nop-bang-diem.xlsx'));
    const grids = await new XlsxWorkbooks({ baseDir: cwd }).readWorkbook(report.statusWorkbook ?? '');
    const units = tableOf(grids['Đơn vị'], 'STT');
    const office = {
      accepted: 'Đã tiếp nhận',
      unchanged: 'Đã tiếp nhận',
      rejected: 'Có lỗi',
      missing: 'Chưa nộp',
      inaccessible: 'Không truy cập được',
      failed: 'Không truy cập được',
      otherYear: 'Chưa nộp',
    } as const;
    const shown = new Map(units.body.map((r) => [String(r[1]), String(r[5])]));
    expect(shown.size).toBe(report.units.length);
    for (const u of report.units) expect(shown.get(u.code), u.code).toBe(office[u.status]);
    // Those that need a call come first: every unit not yet accepted is above every accepted one.
    const states = units.body.map((r) => String(r[5]));
    expect(states.slice(0, 5).every((s) => s !== 'Đã tiếp nhận')).toBe(true);
    expect(states.slice(5).every((s) => s === 'Đã tiếp nhận')).toBe(true);
    const summary = tableOf(grids['Tổng hợp'], 'Hội đồng');
    expect(summary.body.at(-1)?.slice(0, 6)).toEqual(['Toàn ngành', 30, 25, 4, 1, 0]);
    // The days left are a formula the spreadsheet computes when opened: never a daily rewrite.
    expect(summary.above.flat().join(' ')).toContain('Hạn nộp: 15/06/2025');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(report.statusWorkbook ?? '');
    expect(book.getWorksheet('Tổng hợp')?.getCell('A4').formula).toContain('DATE(2025,6,15)-TODAY()');
  });

  it('shows the sector-level council every cluster’s ranking', async () => {
    const grids = await new XlsxWorkbooks({ baseDir: cwd }).readWorkbook(
      join(cwd, '.thidua/out/example/2024/de-nghi-TC.xlsx'),
    );
    const clusters = tableOf(grids['Cụm, khối thi đua'], 'Cụm, khối thi đua');
    expect(clusters.above.flat()).toEqual([
      'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO',
      'XẾP HẠNG TẬP THỂ TRONG CỤM, KHỐI THI ĐUA',
      'Năm thi đua 2024–2025',
    ]);
    expect(clusters.header).toEqual([
      'Cụm, khối thi đua',
      'Hạng trong cụm, khối',
      'Mã đơn vị',
      'Tên đơn vị',
      'Tỷ lệ (%)',
      'Ghi chú',
    ]);
    expect(new Set(clusters.body.map((r) => r[0]))).toEqual(
      new Set([
        'Cụm thi đua số 1',
        'Cụm thi đua số 2',
        'Khối các đơn vị thuộc VKSNDTC',
        'Khối VKSND cấp cao',
        'Khối Viện kiểm sát quân sự',
      ]),
    );
    const t01 = await new XlsxWorkbooks({ baseDir: cwd }).readWorkbook(
      join(cwd, '.thidua/out/example/2024/de-nghi-T01.xlsx'),
    );
    expect(Object.keys(t01)).not.toContain('Cụm, khối thi đua');
  });

  it('writes the “Kiểm tra dữ liệu” tab naming each problem cell of a rejected workbook', async () => {
    const grids = await new XlsxWorkbooks({ baseDir: cwd }).readWorkbook(example('bang-diem/T01-KV3.xlsx'));
    const cells = (grids['Kiểm tra dữ liệu'] ?? []).map((row) => row[2]);
    expect(cells).toEqual(expect.arrayContaining(['Cá nhân!I2', 'Cá nhân!L3', 'Cá nhân!G4']));
  });

  it('writes every council a workbook that prints: A4, one page wide, titles on each page, signed at the end', async () => {
    const councils = ['CC1', 'QK1', 'QK2', 'QSTW', 'T01', 'T02', 'TC'];
    for (const code of councils) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(join(cwd, `.thidua/out/example/2024/de-nghi-${code}.xlsx`));
      const summary = book.getWorksheet('Tổng hợp');
      // Nghị định 30/2020: the council under its unit on the left, quốc hiệu and tiêu ngữ on the right.
      expect(summary?.getCell('A2').value).toBe('HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG');
      expect(summary?.getRow(1).values).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(summary?.getRow(2).values).toContain('Độc lập - Tự do - Hạnh phúc');
      for (const sheet of book.worksheets) {
        const setup = sheet.pageSetup;
        expect(setup.paperSize, `${code} ${sheet.name}`).toBe(9); // A4
        expect(setup.fitToPage).toBe(true);
        expect(setup.fitToWidth).toBe(1);
        expect(setup.fitToHeight).toBe(0);
        expect(sheet.headerFooter.oddFooter).toContain('&P');
      }
      for (const [tab, title, orientation] of [
        ['Tập thể đề nghị', 'DANH SÁCH TẬP THỂ ĐƯỢC ĐỀ NGHỊ KHEN THƯỞNG', 'portrait'],
        ['Cá nhân đề nghị', 'DANH SÁCH CÁ NHÂN ĐƯỢC ĐỀ NGHỊ KHEN THƯỞNG', 'landscape'],
      ] as const) {
        const sheet = book.getWorksheet(tab);
        if (!sheet) throw new Error(`${code}: no tab ${tab}`);
        expect(sheet.pageSetup.orientation).toBe(orientation);
        // The council, the list's title, the year and the table's header repeat on every page.
        expect(sheet.pageSetup.printTitlesRow).toBe('1:4');
        expect(sheet.getCell('A1').value).toMatch(/^HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG VIỆN KIỂM SÁT/);
        expect(sheet.getCell('A2').value).toBe(title);
        expect(sheet.getCell('A3').value).toBe('Năm thi đua 2024–2025');
        expect(sheet.getCell('A4').border?.top?.style).toBe('thin');
        // The last rows are the signature block: preparer on the left, the council's chair on the right.
        const texts: string[] = [];
        sheet.eachRow((row) => {
          row.eachCell((cell) => {
            const master = !cell.isMerged || cell.master.address === cell.address;
            if (master && typeof cell.value === 'string' && cell.value) texts.push(cell.value);
          });
        });
        const tail = texts.slice(-8);
        for (const line of [
          'NGƯỜI LẬP BIỂU',
          'TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG',
          'CHỦ TỊCH',
          '(Ký, ghi rõ họ tên)',
        ])
          expect(tail, `${code} ${tab}`).toContain(line);
        expect(tail.some((t) => /ngày …… tháng …… năm/.test(t))).toBe(true);
      }
      // The individual list: every proposed person, numbered, ranked, with the form by its name.
      const list = tableOf(
        (
          await new XlsxWorkbooks({ baseDir: cwd }).readWorkbook(
            join(cwd, `.thidua/out/example/2024/de-nghi-${code}.xlsx`),
          )
        )['Cá nhân đề nghị'],
        'STT',
      );
      const proposed = first.councils.find((c) => c.code === code)?.individuals.proposed.length ?? -1;
      expect(list.body).toHaveLength(proposed);
      for (const [i, row] of list.body.entries()) {
        expect(row[0]).toBe(i + 1);
        expect(typeof row[1]).toBe('number');
        expect(row[9]).toBe('Bằng khen của Viện trưởng Viện kiểm sát nhân dân tối cao');
      }
    }
  });

  it('writes the council’s Tờ trình, Danh sách and Biên bản as .docx with its list, the quota arithmetic and the signers', async () => {
    const run = await thidua('documents', '--council', 'T01', '--example');
    expect(run.code).toBe(0);
    const dir = join(cwd, '.thidua/out/example/2024');
    for (const name of ['to-trinh-T01.docx', 'danh-sach-T01.docx', 'bien-ban-T01.docx'])
      expect(run.stdout).toContain(name);
    const t01 = (await readReport()).councils.find((c) => c.code === 'T01');
    const people = t01?.individuals.proposed.map((p) => p.name) ?? [];
    expect(people.length).toBe(20);
    const submission = await docxText(join(dir, 'to-trinh-T01.docx'));
    expect(submission).toContain('TỜ TRÌNH');
    expect(submission).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(submission).toContain('Kính gửi: Hội đồng Thi đua - Khen thưởng Viện kiểm sát nhân dân tối cao');
    expect(submission).toContain('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;');
    expect(submission).toContain('Bằng khen của Viện trưởng Viện kiểm sát nhân dân tối cao: 20 cá nhân.');
    expect(submission).toContain('1/10 × 207 = 20,7 → 20');
    expect(submission).toContain('TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG');
    expect(submission).toContain('Nơi nhận:');
    const list = await docxText(join(dir, 'danh-sach-T01.docx'));
    expect(list).toContain('DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG');
    expect(list).toContain('II. CÁ NHÂN (20)');
    for (const name of people) expect(list).toContain(name);
    expect(list).toContain('NGƯỜI LẬP BIỂU');
    const minutes = await docxText(join(dir, 'bien-ban-T01.docx'));
    expect(minutes).toContain('BIÊN BẢN');
    expect(minutes).toContain('1/4 × 7 = 1,75 → 1');
    expect(minutes).toContain('Số phiếu đồng ý');
    for (const name of people) expect(minutes).toContain(name);
    expect(minutes).toContain(
      'Viện kiểm sát nhân dân khu vực 3 – Bắc Ninh (Chưa tiếp nhận — có lỗi cần sửa)',
    );
    expect(minutes).toContain('THƯ KÝ');
    // An unknown council is a usage error; nothing is written.
    expect((await thidua('documents', '--example')).code).toBe(2);
  });

  it('writes nothing to the store on a second run', async () => {
    const run = await thidua('run', '--example');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('storeWrites: 0');
    const second = await readReport();
    expect(second.counters.storeWrites).toBe(0);
    expect(second.counters.sheetReads).toBe(1); // the registry; no unit workbook changed
    expect(second.counters.sheetWrites).toBe(0); // no feedback changed, no proposal changed
    expect(second.councils).toEqual(first.councils.map((c) => ({ ...c })));
  });

  it('keeps using the accepted data of a unit whose new submission has mistakes', async () => {
    const path = example('bang-diem/T01-KV1.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Cá nhân');
    if (!sheet) throw new Error('the example workbook has no individuals tab');
    sheet.getCell('J2').value = 'mười tám';
    await workbook.xlsx.writeFile(path);

    const run = await thidua('run', '--example', '--json');
    expect(run.code).toBe(0);
    const report = reportSchema.parse(JSON.parse(run.stdout) as unknown);
    const kv1 = report.units.find((u) => u.code === 'T01-KV1');
    expect(kv1?.status).toBe('rejected');
    expect(kv1?.problems.map((p) => `${p.tab}!${p.cell}`)).toEqual(['Cá nhân!J2']);
    const peopleOf = (r: Report) => {
      const t01 = r.councils.find((c) => c.code === 'T01')?.individuals;
      return [...(t01?.proposed ?? []), ...(t01?.tiedAtLine ?? []), ...(t01?.notProposed ?? [])]
        .filter((c) => c.unitCode === 'T01-KV1')
        .map((c) => c.id)
        .sort();
    };
    expect(peopleOf(report).length).toBeGreaterThan(0);
    expect(peopleOf(report)).toEqual(peopleOf(first));
    expect(report.councils).toEqual(first.councils);
  });

  it('freezes a published council list until it is reopened, with who and why in the audit log', async () => {
    const published = await thidua('publish', '--example', '--council', 'T01', '--by', 'Trần Văn Thư ký');
    expect(published.code).toBe(0);
    expect(published.stdout).toContain('Đã khóa sổ danh sách của Hội đồng T01 (lần 1)');
    expect((await thidua('publish', '--example', '--council', 'T01', '--by', 'Ai đó')).code).toBe(1);
    const workbook = join(cwd, '.thidua/out/example/2024/de-nghi-T01.xlsx');
    const before = (await import('node:fs')).statSync(workbook).mtimeMs;
    // Its documents are the list as published (nothing in them about khóa sổ), and stay as they are.
    const submission = join(cwd, '.thidua/out/example/2024/to-trinh-T01.docx');
    expect(published.stdout).toContain('to-trinh-T01.docx');
    expect(await docxText(submission)).not.toContain('khóa sổ');
    const documentBytes = await readFile(submission);

    // A unit of T01 sends a changed workbook: the sync takes it, the published list does not move.
    const path = example('bang-diem/T01-P1.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const people = book.getWorksheet('Cá nhân');
    if (!people) throw new Error('no individuals tab');
    people.getCell('I2').value = 1;
    await book.xlsx.writeFile(path);
    const run = await thidua('run', '--example', '--json');
    const report = reportSchema.parse(JSON.parse(run.stdout) as unknown);
    expect(report.units.find((u) => u.code === 'T01-P1')?.status).toBe('accepted');
    expect(report.councils.find((c) => c.code === 'T01')?.published).toBe(true);
    expect((await import('node:fs')).statSync(workbook).mtimeMs).toBe(before);
    expect(await readFile(submission)).toEqual(documentBytes);
    const documents = await thidua('documents', '--example', '--council', 'T01');
    expect(documents.stdout).toContain('to-trinh-T01.docx');
    expect(await readFile(submission)).toEqual(documentBytes);

    expect((await thidua('reopen', '--example', '--council', 'T01', '--by', 'Trần Văn Thư ký')).code).toBe(2); // why is required
    const reopened = await thidua(
      'reopen',
      '--example',
      '--council',
      'T01',
      '--by',
      'Trần Văn Thư ký',
      '--why',
      'Đơn vị T01-P1 nộp lại bảng điểm',
    );
    expect(reopened.code).toBe(0);
    const audit = await thidua('audit', '--example', '--council', 'T01', '--json');
    const entries = JSON.parse(audit.stdout) as { action: string; by: string; why: string }[];
    expect(entries.map((e) => [e.action, e.by, e.why])).toEqual([
      ['publish', 'Trần Văn Thư ký', ''],
      ['reopen', 'Trần Văn Thư ký', 'Đơn vị T01-P1 nộp lại bảng điểm'],
    ]);
    await thidua('run', '--example');
    expect((await import('node:fs')).statSync(workbook).mtimeMs).toBeGreaterThan(before);
    expect(await docxText(submission)).not.toContain('khóa sổ');
  });

  it('checks one workbook with a non-zero exit code when it has errors', async () => {
    const bad = await thidua('check', example('bang-diem/T01-KV3.xlsx'));
    expect(bad.code).toBe(1);
    // The cell and the sentence, as a clerk reads them; the codes are for --json.
    expect(bad.stdout).toMatch(/ {2}Cá nhân!I2: Điểm .* nằm ngoài khoảng cho phép/);
    expect(bad.stdout).not.toMatch(/\[[A-Z_]+\]/);
    const good = await thidua(
      'check',
      example('bang-diem/T01-KV2.xlsx'),
      '--registry',
      example('danh-muc-don-vi.xlsx'),
    );
    expect(good.code).toBe(0);
    const claimed = await thidua(
      'check',
      example('bang-diem/T02-KV2.xlsx'),
      '--registry',
      example('danh-muc-don-vi.xlsx'),
    );
    expect(claimed.stdout).toContain('theo Danh mục đơn vị đây là bảng điểm của đơn vị');
    expect(claimed.stdout).not.toContain('UNIT_CODE_MISMATCH');
    const asJson = await thidua(
      'check',
      example('bang-diem/T02-KV2.xlsx'),
      '--registry',
      example('danh-muc-don-vi.xlsx'),
      '--json',
    );
    expect(asJson.stdout).toContain('"code": "UNIT_CODE_MISMATCH"');
  });

  it('answers --help and refuses unknown commands and options', async () => {
    for (const command of ['template', 'check', 'sync', 'propose', 'run']) {
      const help = await thidua(command, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Cách dùng: thidua');
    }
    expect((await thidua('frobnicate')).code).toBe(2);
    expect((await thidua('run', '--bogus')).code).toBe(2);
    expect((await thidua('run')).stderr).toContain('--registry');
    const notAWorkbook = join(cwd, 'ghi-chu.xlsx');
    await writeFile(notAWorkbook, 'không phải bảng tính');
    const unreadable = await thidua('check', notAWorkbook, '--unit', 'A');
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toContain('tệp là văn bản (CSV hoặc trang web), không phải bảng tính .xlsx');
  });
});

describe('thidua run --round', () => {
  it('final: ranks every candidate of each council on the movement’s results, one form each, with each form’s conditions and sources', async () => {
    const run = await thidua('run', '--example', '--round', 'final', '--json');
    expect(run.stderr).not.toContain('Lỗi');
    expect(run.code).toBe(0);
    const report = reportSchema.parse(JSON.parse(run.stdout) as unknown);
    expect(report.units).toHaveLength(30); // the sync of the current year is reported too
    const round = report.round;
    expect(round?.kind).toBe('final');
    expect(round?.councils).toHaveLength(7);
    for (const council of round?.councils ?? []) {
      const ids = council.lists.flatMap((l) => l.candidates.map((c) => `${l.subject}:${c.id}`));
      expect(new Set(ids).size, council.code).toBe(ids.length); // nobody under two forms, nobody twice
      for (const list of council.lists) {
        const ranked = list.candidates.filter((c) => c.rank !== null).map((c) => c.rank ?? 0);
        expect(ranked).toEqual([...ranked].sort((x, y) => x - y));
        for (const c of list.candidates) {
          expect(c.selection === 'proposed' || c.selection === 'tied').toBe(c.suggestedForm !== null);
          expect(c.forms.length).toBeGreaterThan(0);
        }
      }
    }
    const t01 = round?.councils.find((c) => c.code === 'T01');
    const people = t01?.lists.find((l) => l.subject === 'individual')?.candidates ?? [];
    // T01-KV3's 2024 workbook was rejected: its people are candidates on their earlier years.
    const kv3 = people.filter((c) => c.unitCode === 'T01-KV3');
    expect(kv3.length).toBeGreaterThan(20);
    expect(kv3[0]?.missingYears).toEqual([2024]);
    expect(people.filter((c) => c.selection === 'proposed').length).toBeGreaterThan(0);
    // Bằng khen Thủ tướng as a movement award: its standard checked, with the clause and whether
    // its text was seen; the career chain (Điều 73.1.b) beside it as information only.
    const pm = people[0]?.forms.find((f) => f.form === 'Bằng khen của Thủ tướng Chính phủ');
    expect([pm?.source, pm?.verified]).toEqual(['Luật Thi đua, khen thưởng 06/2022/QH15, Điều 73.1.a', true]);
    const chain = people[0]?.reference.find((f) => f.form === 'Bằng khen của Thủ tướng Chính phủ');
    expect(chain?.source).toBe('Luật Thi đua, khen thưởng 06/2022/QH15, Điều 73.1.b');
    expect(chain?.conditions.map((c) => c.label)).toEqual([
      'Đã được tặng Bằng khen cấp bộ, ban, ngành, tỉnh',
      'Sau đó, 5 năm liên tục hoàn thành tốt nhiệm vụ trở lên',
      'Trong thời gian đó có 3 lần Chiến sĩ thi đua cơ sở',
    ]);
    // The forms by the councils' ranking: all three somewhere in the sector, the highest for the
    // first places of a list, never a better form for a worse place unless the council chose it.
    const ORDER = [
      'Huân chương Lao động hạng Ba',
      'Bằng khen của Thủ tướng Chính phủ',
      'Bằng khen của Viện trưởng Viện kiểm sát nhân dân tối cao',
    ];
    const proposed = (round?.councils ?? []).flatMap((c) =>
      c.lists.map((l) => l.candidates.filter((x) => x.selection === 'proposed')),
    );
    expect(new Set(proposed.flat().map((c) => c.suggestedForm)).size).toBe(3);
    for (const list of proposed) {
      const forms = list.map((c) => ORDER.indexOf(c.suggestedForm ?? ''));
      expect(forms).toEqual([...forms].sort((x, y) => x - y));
    }
    expect(people.find((c) => c.rank === 1)?.suggestedForm).toBe('Huân chương Lao động hạng Ba');
    // No form was chosen by a career chain: a top place holds the Huân chương without its chain.
    const top = people.find((c) => c.rank === 1);
    expect(top?.reference.find((f) => f.form === 'Huân chương Lao động hạng Ba')?.state).not.toBe('eligible');
    // The workbook: its own folder, a list per subject with the checklist columns.
    const grids = await new XlsxWorkbooks({ baseDir: cwd }).readWorkbook(
      join(cwd, '.thidua/out/example/final-2019-2025/de-nghi-TC-final.xlsx'),
    );
    expect(Object.keys(grids)).toEqual(['Tổng hợp', 'Cá nhân', 'Tập thể']);
    const list = tableOf(grids['Cá nhân'], 'Hạng');
    expect(list.header.slice(7)).toEqual([
      'Hình thức đề xuất',
      'Hội đồng chọn hình thức',
      'Điều kiện: Bằng khen của Viện trưởng Viện kiểm sát nhân dân tối cao',
      'Điều kiện: Bằng khen của Thủ tướng Chính phủ',
      'Điều kiện: Huân chương Lao động hạng Ba',
    ]);
    expect(list.after.flat()).toContain('TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG');
    for (const c of round?.councils.flatMap((x) => x.lists.flatMap((l) => l.candidates)) ?? [])
      expect(c.form).toBe(c.selection === 'proposed' ? c.suggestedForm : null); // nothing decided yet
  }, 120_000);

  it('final: reads the council’s one form per candidate back from its workbook and keeps it', async () => {
    const path = join(cwd, '.thidua/out/example/final-2019-2025/de-nghi-TC-final.xlsx');
    const before = tableOf((await new XlsxWorkbooks({ baseDir: cwd }).readWorkbook(path))['Cá nhân'], 'Hạng');
    const proposedId = String(before.body.find((r) => r[6] === 'Đề nghị')?.[1]);
    const belowId = String(before.body.find((r) => r[0] !== null && r[6] !== 'Đề nghị')?.[1]);
    const otherId = String(before.body.filter((r) => r[6] === 'Đề nghị')[1]?.[1]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.getWorksheet('Cá nhân');
    const decide: Record<string, string> = {
      [proposedId]: 'Không đề nghị',
      [belowId]: 'Bằng khen của Thủ tướng Chính phủ',
      [otherId]: 'Giấy khen',
    };
    sheet?.eachRow((row) => {
      const choice = decide[String(row.getCell(2).value)];
      if (choice) row.getCell(9).value = choice;
    });
    await book.xlsx.writeFile(path);

    const run = await thidua('run', '--example', '--round', 'final', '--json');
    expect(run.code).toBe(0);
    const report = reportSchema.parse(JSON.parse(run.stdout) as unknown);
    const people =
      report.round?.councils.find((c) => c.code === 'TC')?.lists.find((l) => l.subject === 'individual')
        ?.candidates ?? [];
    const byId = new Map(people.map((c) => [c.id, c]));
    expect(byId.get(proposedId)).toMatchObject({ councilChoice: 'Không đề nghị', form: null });
    expect(byId.get(belowId)).toMatchObject({
      councilChoice: 'Bằng khen của Thủ tướng Chính phủ',
      form: 'Bằng khen của Thủ tướng Chính phủ',
    });
    // Not a form of the round: said where, not used.
    expect(byId.get(otherId)?.councilChoice).toBeNull();
    expect(run.stderr).toContain('“Giấy khen” không phải hình thức của đợt này');
    // Written again with the decisions in place.
    const after = tableOf((await new XlsxWorkbooks({ baseDir: cwd }).readWorkbook(path))['Cá nhân'], 'Hạng');
    const choiceOf = (id: string) => after.body.find((r) => r[1] === id)?.[8];
    expect(choiceOf(proposedId)).toBe('Không đề nghị');
    expect(choiceOf(belowId)).toBe('Bằng khen của Thủ tướng Chính phủ');

    // Khóa sổ: the round list as the council decided it — not while a tie is left open (each cell
    // named); later edits wait until it is reopened.
    const publish = () =>
      thidua('publish', '--example', '--council', 'TC', '--round', 'final', '--by', 'Nguyễn Văn A');
    const refused = await publish();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Chưa khóa sổ: danh sách tổng kết của Hội đồng TC');
    const open = [...refused.stderr.matchAll(/^ {2}([^!\n]+)!([A-Z]+\d+):/gm)].map((m) => [m[1], m[2]]);
    expect(open.length).toBeGreaterThan(0);
    const deciding = new ExcelJS.Workbook();
    await deciding.xlsx.readFile(path);
    for (const [tab, cell] of open) {
      const sheet = deciding.getWorksheet(tab ?? '');
      if (sheet) sheet.getCell(cell ?? '').value = 'Không đề nghị';
    }
    await deciding.xlsx.writeFile(path);
    const published = await publish();
    expect(published.stdout).toContain('Đã khóa sổ danh sách tổng kết của Hội đồng TC');
    expect(published.code).toBe(0);
    expect(
      (await thidua('publish', '--example', '--council', 'TC', '--round', 'final', '--by', 'X')).code,
    ).toBe(1);
    const edit = new ExcelJS.Workbook();
    await edit.xlsx.readFile(path);
    edit.getWorksheet('Cá nhân')?.eachRow((row) => {
      if (String(row.getCell(2).value) === belowId) row.getCell(9).value = 'Không đề nghị';
    });
    await edit.xlsx.writeFile(path);
    const roundOf = async () => {
      const r = await thidua('run', '--example', '--round', 'final', '--json');
      expect(r.code).toBe(0);
      const tc = reportSchema
        .parse(JSON.parse(r.stdout) as unknown)
        .round?.councils.find((c) => c.code === 'TC');
      const person = tc?.lists
        .find((l) => l.subject === 'individual')
        ?.candidates.find((c) => c.id === belowId);
      return { published: tc?.published, choice: person?.councilChoice, ignored: tc?.ignoredChoices.length };
    };
    // The published choice stands; the cell typed since is named as ignored.
    expect(await roundOf()).toEqual({
      published: true,
      choice: 'Bằng khen của Thủ tướng Chính phủ',
      ignored: 1,
    });
    const reopened = await thidua(
      'reopen',
      '--example',
      '--council',
      'TC',
      '--round',
      'final',
      '--by',
      'Nguyễn Văn A',
      '--why',
      'Hội đồng họp lại',
    );
    expect(reopened.code).toBe(0);
    expect(await roundOf()).toEqual({ published: false, choice: 'Không đề nghị', ignored: 0 });
    const audit = await thidua('audit', '--example', '--council', 'TC');
    expect(audit.stdout).toContain('tổng kết (đến năm thi đua 2024–2025): khóa sổ (lần 1)  Nguyễn Văn A');
    expect(audit.stdout).toContain('tổng kết (đến năm thi đua 2024–2025): mở lại');
  }, 240_000);

  it('midterm: proposes people at every council and says what the council must still check', async () => {
    const run = await thidua('run', '--example', '--round', 'midterm');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Đồng bộ bảng điểm các năm thi đua khác của đợt: 2019–2020, 2020–2021, 2021–2022',
    );
    const lines = run.stdout.split('\n').filter((l) => /^ {2}[A-Z0-9]+: cá nhân đề xuất/.test(l));
    expect(lines).toHaveLength(7);
    for (const line of lines) expect(Number(/cá nhân đề xuất (\d+)/.exec(line)?.[1])).toBeGreaterThan(0);
    expect(run.stdout).toContain('còn điều kiện Hội đồng cần kiểm tra');
    expect(existsSync(join(cwd, '.thidua/out/example/midterm-2019-2022/de-nghi-TC-midterm.xlsx'))).toBe(true);
    // Its two forms only, the Prime Minister's for the first places.
    expect(run.stdout).toContain('Bằng khen Thủ tướng');
    expect(run.stdout).not.toContain('HCLĐ hạng Ba');
  }, 120_000);

  let papers: string[] = [];
  it('documents --round final: the Tờ trình and Danh sách by form, one achievement report per nominee', async () => {
    const run = await thidua('documents', '--example', '--round', 'final', '--council', 'T01');
    expect(run.code).toBe(0);
    // The round's lists as the documents were drawn from them (report.json is the last run's, untouched).
    const report = reportSchema.parse(
      JSON.parse(
        (await thidua('documents', '--example', '--round', 'final', '--council', 'T01', '--json')).stdout,
      ) as unknown,
    );
    const nominees = (report.round?.councils.find((c) => c.code === 'T01')?.lists ?? []).flatMap((l) =>
      l.candidates.filter((c) => c.form !== null),
    );
    const dir = join(cwd, '.thidua/out/example/final-2019-2025');
    const reports = (await readdir(dir)).filter((f) => /^bao-cao-T01-final-.*\.docx$/.test(f));
    expect(reports).toHaveLength(nominees.length);
    expect(run.stdout).toContain(
      `đã viết Tờ trình, Danh sách đề nghị và ${nominees.length} báo cáo thành tích`,
    );
    const submission = await docxText(join(dir, 'to-trinh-T01-final.docx'));
    expect(submission).toContain('Về việc đề nghị khen thưởng tổng kết phong trào thi đua');
    expect(submission).toMatch(/- Huân chương Lao động hạng Ba: 1 cá nhân\./);
    const list = await docxText(join(dir, 'danh-sach-T01-final.docx'));
    expect(list.indexOf('I. HUÂN CHƯƠNG LAO ĐỘNG HẠNG BA')).toBeLessThan(
      list.indexOf('II. BẰNG KHEN CỦA THỦ TƯỚNG'),
    );
    // A nominee's draft: identity, the movement's years with ratings and shares, awards and
    // initiatives on record; the narrative left to the person.
    const top = nominees.find((c) => c.rank === 1 && c.form === 'Huân chương Lao động hạng Ba');
    const draft = await docxText(join(dir, `bao-cao-T01-final-${top?.id.toLowerCase()}.docx`));
    expect(draft).toContain('ĐỀ NGHỊ TẶNG HUÂN CHƯƠNG LAO ĐỘNG HẠNG BA');
    expect(draft).toContain(`Họ và tên: ${top?.name}`);
    // What the record holds is filled in, a man's gender as much as a woman's.
    expect(draft).toMatch(/Giới tính: (Nam|Nữ)(\s|$)/m);
    expect(draft).toContain('2019–2020');
    expect(draft).toContain('Hoàn thành');
    expect(draft).toContain('III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG');
    expect(draft).toContain('(người được đề nghị viết)');
    papers = ['to-trinh-T01-final.docx', 'danh-sach-T01-final.docx', ...reports].map((f) => join(dir, f));
  }, 400_000);

  it.runIf(SOFFICE)(
    needsSoffice('every round paper opens in LibreOffice and converts to PDF'),
    async () => {
      expect(papers.length).toBeGreaterThan(2);
      expect(await toPdf(papers)).toHaveLength(papers.length);
    },
    400_000,
  );
});

describe('the award history workbook', () => {
  it('template --history writes its tabs; check --history names each bad cell and writes its feedback tab', async () => {
    const path = join(cwd, 'lich-su-moi.xlsx');
    const made = await thidua('template', '--history', path);
    expect(made.code).toBe(0);
    expect((await thidua('template', '--history', path)).stdout).toContain('đã có; không ghi đè');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Lịch sử khen thưởng', 'Sáng kiến', 'Hướng dẫn']);
    // As a clerk types them: in the rows under the header.
    const tab = book.getWorksheet('Sáng kiến');
    if (tab) {
      tab.getRow(2).values = [
        'CB1',
        'Nguyễn Văn An',
        'Sổ tay kiểm sát',
        '2023–2024',
        'Cơ sở',
        '1/QĐ',
        '15/07/2024',
      ];
      tab.getRow(3).values = ['CB2', 'Trần Bình', 'Mẫu biên bản', 'năm ngoái', 'Cơ sở', '', ''];
    }
    await book.xlsx.writeFile(path);
    const checked = await thidua('check', '--history', path);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('0 dòng khen thưởng, 1 sáng kiến được dùng');
    expect(checked.stdout).toContain(
      'Sáng kiến!D3: Lịch sử khen thưởng: năm thi đua “năm ngoái” không hợp lệ',
    );
    const after = await new XlsxWorkbooks({ baseDir: cwd }).readWorkbook(path);
    expect(Object.keys(after)).toContain('Kiểm tra dữ liệu');
    expect(after['Kiểm tra dữ liệu']?.flat()).toContain('Sáng kiến!D3');
  }, 120_000);
});

describe('thidua template', () => {
  it('writes an empty registry, then one workbook per unit, never overwriting', async () => {
    const dir = join(cwd, 'tpl');
    const registry = join(dir, 'danh-muc.xlsx');
    const created = await thidua('template', '--registry', registry);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Đã tạo Danh mục đơn vị trống');

    await new XlsxWorkbooks({ baseDir: dir }).writeOwnedWorkbook(
      registry,
      registryWorkbookModel([unit('HD', { runsCouncil: true }), unit('A', { parentCode: 'HD' })]),
    );
    const units = await thidua('template', '--registry', registry);
    expect(units.stdout).toContain('Đã tạo 2 bảng điểm');
    const grids = await new XlsxWorkbooks({ baseDir: dir }).readWorkbook('bang-diem/A.xlsx');
    expect(Object.keys(grids)).toEqual(['Thông tin', 'Tập thể', 'Cá nhân', 'Kiểm tra dữ liệu']);
    expect(grids['Cá nhân']?.[0]?.slice(8, 10)).toEqual(['CN1 (tối đa 20 điểm)', 'CN2 (tối đa 20 điểm)']);
    const again = await thidua('template', '--registry', registry);
    expect(again.stdout).toContain('Đã tạo 0 bảng điểm; 2 bảng điểm đã có từ trước được giữ nguyên');
  });
});

describe('npm run demo:google', () => {
  it('runs the whole job against the Google stand-in and leaves the proposal sheets to read', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const { stdout } = await promisify(execFile)(TSX, [join(ROOT, 'scripts/demo-google.ts')], {
      cwd,
      env: { ...process.env, CI: 'true' },
    });
    expect(stdout).toContain('Hội đồng: 7');
    expect(stdout).toContain('Proposal sheets, as the councils see them');
    const tc = JSON.parse(
      await readFile(join(cwd, '.thidua/google-demo/ss-de-nghi-TC.json'), 'utf8'),
    ) as Record<string, unknown[][]>;
    expect(Object.keys(tc)).toContain('Cá nhân đề nghị');
    expect(tc['Cá nhân đề nghị']?.length).toBeGreaterThan(1);
    // The office's sector status, in the spreadsheet the registry names: 30 units, the sector's total.
    const status = JSON.parse(
      await readFile(join(cwd, '.thidua/google-demo/ss-tinh-hinh-nop.json'), 'utf8'),
    ) as Record<string, unknown[][]>;
    expect(Object.keys(status)).toEqual(expect.arrayContaining(['Tổng hợp', 'Đơn vị']));
    const sector = status['Tổng hợp']?.find((row) => row[0] === 'Toàn ngành');
    expect(sector?.slice(0, 2)).toEqual(['Toàn ngành', 30]);
  });
});
