/**
 * The emulation office starts the 2026–2030 movement from a copy of the movement workbook — other
 * criteria, other weights, another quota, the collective veto switched on — and the same commands,
 * with no code change, make the units' templates, check them and propose the awards.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY_HEADERS } from '../../shared/text/sheets.ts';
import { type Report, reportSchema } from '../../shared/usecases/report.ts';
import { runCli } from '../helpers/cli.ts';

let cwd: string;
const thidua = (...args: string[]) => runCli(cwd, args);
const BOOK = 'phong-trao-2026-2030.xlsx';
const REGISTRY = 'danh-muc-don-vi.xlsx';
const UNITS = ['A', 'B', 'C', 'D', 'E'];
const PEOPLE_PER_UNIT = 10;

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'thidua-movement-'));
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

/** Opens a workbook, lets `edit` change cells as a person would in Excel, and saves it. */
async function editXlsx(path: string, edit: (book: ExcelJS.Workbook) => void) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(cwd, path));
  edit(book);
  await book.xlsx.writeFile(join(cwd, path));
}

const text = (cell: ExcelJS.Cell) =>
  cell.value === null || cell.value === undefined ? '' : String(cell.value);

/** A table tab: set `header`'s cell on every row for which `match` holds (header in row 1). */
function setWhere(
  sheet: ExcelJS.Worksheet | undefined,
  match: (row: ExcelJS.Row) => boolean,
  header: string,
  value: ExcelJS.CellValue,
) {
  if (!sheet) throw new Error('no such tab');
  const headers = sheet.getRow(1);
  let col = 0;
  headers.eachCell((cell, c) => {
    if (text(cell) === header) col = c;
  });
  if (!col) throw new Error(`no column ${header}`);
  let n = 0;
  sheet.eachRow((row, r) => {
    if (r > 1 && match(row)) {
      row.getCell(col).value = value;
      n++;
    }
  });
  if (!n) throw new Error(`no row matched for ${header}`);
}
const first = (value: string) => (row: ExcelJS.Row) => text(row.getCell(1)) === value;
const codeIs = (code: string) => (row: ExcelJS.Row) => text(row.getCell(4)) === code;
const every = () => true;

describe('a second movement, 2026–2030, written by the office in a movement workbook', () => {
  let report: Report;

  it('starts from the current plan’s workbook and checks the edited copy cell by cell', async () => {
    expect((await thidua('movement', 'template', BOOK)).code).toBe(0);
    await editXlsx(BOOK, (book) => {
      const general = book.getWorksheet('Phong trào');
      const set = (item: string, value: ExcelJS.CellValue) =>
        setWhere(general, first(item), 'Giá trị', value);
      set('Mã phong trào', 'cds-2026-2030');
      set(
        'Tên phong trào',
        'Ngành Kiểm sát nhân dân thi đua chuyển đổi số, xây dựng văn hóa công sở giai đoạn 2026–2030',
      );
      set('Số kế hoạch', '45/KH-VKSTC');
      set('Ngày ban hành kế hoạch', '15/05/2026');
      set('Ngày bắt đầu phong trào', '01/06/2026');
      set('Ngày kết thúc phong trào', '31/05/2031');
      setWhere(book.getWorksheet('Bộ tiêu chí'), every, 'Từ năm thi đua', 2026);
      setWhere(book.getWorksheet('Bộ tiêu chí'), every, 'Đến năm thi đua', 2030);
      setWhere(book.getWorksheet('Bộ tiêu chí'), every, 'Văn bản nguồn', 'Kế hoạch 45/KH-VKSTC');
      const criteria = book.getWorksheet('Tiêu chí');
      setWhere(criteria, every, 'Bộ tiêu chí (từ năm)', 2026);
      // Four collective criteria instead of five, other weights; a new individual criterion.
      const tt5 = criteria?.getRows(2, criteria.rowCount - 1)?.find(codeIs('TT5'));
      if (tt5) criteria?.spliceRows(tt5.number, 1);
      setWhere(criteria, codeIs('TT4'), 'Điểm tối đa', 40);
      setWhere(
        criteria,
        codeIs('TT4'),
        'Nội dung tiêu chí',
        'Cơ quan văn minh, hiện đại, xanh, sạch, đẹp; phong trào thi đua thiết thực',
      );
      setWhere(
        criteria,
        codeIs('CN6'),
        'Nội dung tiêu chí',
        'Ứng dụng công nghệ số, chuyển đổi số trong công việc',
      );
      setWhere(criteria, codeIs('CN6'), 'Điểm tối đa', 10);
      setWhere(criteria, codeIs('CN7'), 'Điểm tối đa', 5);
      setWhere(criteria, codeIs('LTT1'), 'Áp dụng', 'Có'); // the council decided to apply the veto
      const quotas = book.getWorksheet('Tỷ lệ khen thưởng');
      setWhere(quotas, every, 'Áp dụng từ ngày', '01/06/2026');
      setWhere(quotas, every, 'Đến ngày', '31/05/2031');
      setWhere(quotas, every, 'Cá nhân (phần của tổng số cán bộ)', '15%');
      const eligibility = book.getWorksheet('Điều kiện xét');
      setWhere(eligibility, every, 'Áp dụng từ ngày', '01/06/2026');
      setWhere(eligibility, every, 'Đến ngày', '31/05/2031');
      const rounds = book.getWorksheet('Đợt xét');
      const kind = (k: string) => (row: ExcelJS.Row) => text(row.getCell(1)) === k;
      setWhere(rounds, every, 'Từ năm thi đua', 2026);
      setWhere(rounds, kind('Hằng năm'), 'Đến năm thi đua', 2030);
      setWhere(rounds, kind('Sơ kết'), 'Đến năm thi đua', 2027);
      setWhere(rounds, kind('Sơ kết'), 'Năm xét', 2028);
      setWhere(rounds, kind('Sơ kết'), 'Ngày áp dụng quy định', '30/06/2028');
      setWhere(rounds, kind('Tổng kết'), 'Đến năm thi đua', 2030);
      setWhere(rounds, kind('Tổng kết'), 'Năm xét', 2031);
      setWhere(rounds, kind('Tổng kết'), 'Ngày áp dụng quy định', '31/08/2031');
      // A slip first: a percentage that is not one.
      setWhere(quotas, every, 'Tập thể (phần của số tập thể)', 'một phần tư');
    });
    const wrong = await thidua('movement', 'check', BOOK);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('Tỷ lệ khen thưởng!D2');
    expect(wrong.stdout).toContain('“một phần tư” không phải là tỷ lệ');
    // Every other command refuses the movement until it is right, naming the cell too.
    const refused = await thidua('template', '--registry', REGISTRY, '--movement', BOOK);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Tỷ lệ khen thưởng!D2');

    await editXlsx(BOOK, (book) =>
      setWhere(book.getWorksheet('Tỷ lệ khen thưởng'), every, 'Tập thể (phần của số tập thể)', '1/4'),
    );
    const right = await thidua('movement', 'check', BOOK);
    expect(right.stdout).toContain('hợp lệ');
    expect(right.stdout).toContain('năm thi đua 2026–2027 đến 2030–2031');
    expect(right.code).toBe(0);
  });

  it('makes the units’ templates from it: the new criteria, weights and the veto question', async () => {
    expect((await thidua('template', '--registry', REGISTRY)).code).toBe(0); // the empty registry
    await editXlsx(REGISTRY, (book) => {
      const sheet = book.getWorksheet('Đơn vị');
      const keys = Object.keys(REGISTRY_HEADERS);
      const put = (r: number, values: Record<string, ExcelJS.CellValue>) => {
        for (const [key, value] of Object.entries(values)) {
          const cell = sheet?.getRow(r).getCell(keys.indexOf(key) + 1);
          if (cell) cell.value = value;
        }
      };
      put(2, { code: 'HD', name: 'Viện kiểm sát nhân dân tỉnh X', council: 'Có', headcount: 0 });
      for (const [i, code] of UNITS.entries())
        put(3 + i, {
          code,
          name: `Viện kiểm sát nhân dân khu vực ${code}`,
          parent: 'HD',
          council: 'Không',
          workbook: `bang-diem/${code}.xlsx`,
          headcount: PEOPLE_PER_UNIT,
        });
    });
    const made = await thidua('template', '--registry', REGISTRY, '--movement', BOOK, '--year', '2026');
    expect(made.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(cwd, 'bang-diem/A.xlsx'));
    const collective = book.getWorksheet('Tập thể');
    const codes: string[] = [];
    collective?.eachRow((row, r) => {
      if (r > 1) codes.push(text(row.getCell(1)));
    });
    expect(codes).toEqual(['TT1', 'TT2', 'TT3', 'TT4', 'LTT1']);
    const headers: string[] = [];
    book
      .getWorksheet('Cá nhân')
      ?.getRow(1)
      .eachCell((cell) => {
        headers.push(text(cell));
      });
    expect(headers).toContain('CN6 (tối đa 10 điểm)');
    expect(headers).toContain('CN7 (tối đa 5 điểm)');
    const info: string[] = [];
    book.getWorksheet('Thông tin')?.eachRow((row) => {
      info.push(text(row.getCell(2)));
    });
    expect(info).toContain('2026–2027');
  });

  it('checks the filled workbooks and proposes within the new quota, the veto applied', async () => {
    let k = 0;
    for (const [u, code] of UNITS.entries())
      await editXlsx(`bang-diem/${code}.xlsx`, (book) => {
        const people = book.getWorksheet('Cá nhân');
        const header = people?.getRow(1);
        const col = new Map<string, number>();
        header?.eachCell((cell, c) => {
          col.set(text(cell), c);
        });
        for (let i = 0; i < PEOPLE_PER_UNIT; i++, k++) {
          const row = people?.getRow(2 + i);
          const set = (h: string, v: ExcelJS.CellValue) => {
            const c = col.get(h);
            if (row && c) row.getCell(c).value = v;
          };
          set('Mã cán bộ', `${code}-${i}`);
          set('Họ và tên', `Nguyễn Văn ${code} ${i}`);
          set('Chức vụ', 'Kiểm sát viên');
          set('Lãnh đạo, quản lý', 'Không');
          set('Giới tính', i % 2 ? 'Nữ' : 'Nam');
          set('Xếp loại', 'Hoàn thành tốt nhiệm vụ');
          set('Kỷ luật trong kỳ', 'Không');
          for (const [h, c] of col) {
            const m = /^(CN\d) \(tối đa (\d+) điểm\)$/.exec(h);
            if (!m || m[1] === 'CN8') continue;
            // Everyone a different total: the first criterion a quarter point lower each time.
            if (row) row.getCell(c).value = m[1] === 'CN1' ? Number(m[2]) - k * 0.25 : Number(m[2]);
          }
        }
        const collective = book.getWorksheet('Tập thể');
        collective?.eachRow((row, r) => {
          if (r === 1) return;
          const c = text(row.getCell(1));
          // E is the best on points, but corruption occurred there: the veto keeps it out.
          if (c === 'LTT1') row.getCell(4).value = code === 'E' ? 'Có' : 'Không';
          else row.getCell(4).value = Number(row.getCell(3).value) - (code === 'E' ? 0 : u + 1);
        });
      });
    const run = await thidua(
      'run',
      '--registry',
      REGISTRY,
      '--movement',
      BOOK,
      '--year',
      '2026',
      '--out',
      'ket-qua',
    );
    expect(run.stderr).not.toContain('Lỗi');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Ngành Kiểm sát nhân dân thi đua chuyển đổi số');
    report = reportSchema.parse(
      JSON.parse(await readFile(join(cwd, 'ket-qua/2026/report.json'), 'utf8')) as unknown,
    );
    const status = new Map(report.units.map((u) => [u.code, u.status]));
    expect(UNITS.map((code) => status.get(code))).toEqual(UNITS.map(() => 'accepted'));
    const hd = report.councils.find((c) => c.code === 'HD');
    // 15 % of 50 people (the new quota), and 1/4 of 5 collectives.
    expect([hd?.individuals.base, hd?.individuals.quota]).toEqual([50, 7]);
    expect(hd?.individuals.proposed.map((p) => p.id)).toEqual([
      'A-0',
      'A-1',
      'A-2',
      'A-3',
      'A-4',
      'A-5',
      'A-6',
    ]);
    expect([hd?.collectives.base, hd?.collectives.quota]).toEqual([5, 1]);
    expect(hd?.collectives.proposed.map((p) => p.id)).toEqual(['A']);
    expect(hd?.collectives.notProposed.find((n) => n.id === 'E')?.code).toBe('VETO');
  });
});
