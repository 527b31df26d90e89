/**
 * A province's own emulation office, from an empty folder, as the README's “Your own province”
 * walks it: a folder per emulation year, the registry with the province at the top, the units'
 * workbooks, a run each year, the award history, the final round and its papers — with no --store,
 * no hashed folder, and the commands run from the office's folder. Then what goes wrong when an
 * office brings its own data: a run for the wrong year, a round that lacks years, the stores the
 * earlier thidua kept per registry.
 */
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoClient, ensureTable, startDynalite } from '../../shared/adapters/dynamodb/local.ts';
import { DynamoPublications } from '../../shared/adapters/dynamodb/publications.ts';
import { legacyDir } from '../../shared/app/office-store.ts';
import { type Report, reportSchema } from '../../shared/usecases/report.ts';
import { runCli } from '../helpers/cli.ts';
import { editXlsx, fillRegistry, fillScores, type PersonLine } from '../helpers/office.ts';
import { docxText } from '../support/docx-text.ts';

let office: string;
const NOW = Date.parse('2025-06-20T01:00:00.000Z');
let minutes = 0;
/** `thidua …` run in `cwd` (the office's folder unless said), a minute after the one before. */
const thidua = (...args: string[]) =>
  runCli(office, args, { THIDUA_NOW: new Date(NOW + minutes++ * 60_000).toISOString() });
const at = (...parts: string[]) => join(office, ...parts);
const reportOf = async (year: string): Promise<Report> =>
  reportSchema.parse(JSON.parse(await readFile(at('ket-qua', year, 'report.json'), 'utf8')) as unknown);

const UNITS = ['NB', 'NB-KV1', 'NB-KV2', 'NB-KV3', 'NB-KV4'];
const REGISTRY = UNITS.map((code) => ({
  code,
  name:
    code === 'NB'
      ? 'Viện kiểm sát nhân dân tỉnh Ninh Bình'
      : `Viện kiểm sát nhân dân khu vực ${code.slice(-1)} – Ninh Bình`,
  parent: code === 'NB' ? null : 'NB',
  level: code === 'NB' ? 'Tỉnh' : 'Khu vực',
  council: code === 'NB' ? 'Có' : 'Không',
  workbook: `bang-diem/${code}.xlsx`,
  headcount: 6,
}));
/** The same six people in each unit every year; how they did changes with the year. */
const peopleOf = (code: string, year: number): PersonLine[] =>
  Array.from({ length: 6 }, (_, i) => ({
    staffId: `${code}-${i + 1}`,
    name: `Nguyễn Văn ${code.replace('NB-', '')} ${i + 1}`,
    woman: i % 2 === 1,
    leader: i === 0,
    off: (i * 3 + year + UNITS.indexOf(code)) % 7,
  }));

/** The clerks fill their unit's workbook of the year. */
async function unitsFill(year: number) {
  for (const code of UNITS)
    await fillScores(at(`nam-${year}`, 'bang-diem', `${code}.xlsx`), peopleOf(code, year), year % 3);
}

/** Every file under a folder with its bytes. */
async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const name of await readdir(dir, { recursive: true })) {
    const bytes = await readFile(join(dir, name)).catch(() => null);
    if (bytes) out.set(name, bytes);
  }
  return out;
}

beforeAll(async () => {
  office = await mkdtemp(join(tmpdir(), 'thidua-office-'));
});
afterAll(async () => {
  await rm(office, { recursive: true, force: true });
});

describe('your own province, from an empty folder, as the README walks it', () => {
  it('the first year: the registry, the units’ workbooks, the run — the year told by the folder', async () => {
    const registry = await thidua('template', '--registry', 'nam-2022/danh-muc-don-vi.xlsx');
    expect(registry.code).toBe(0);
    expect(registry.stdout).toContain('Đã tạo Danh mục đơn vị trống');
    await fillRegistry(at('nam-2022', 'danh-muc-don-vi.xlsx'), REGISTRY);
    const made = await thidua('template');
    expect(made.stdout).toContain('Đã tạo 5 bảng điểm');
    expect(made.code).toBe(0);
    await unitsFill(2022);
    const run = await thidua('run');
    expect(run.stderr).not.toContain('Lỗi');
    expect(run.stdout).toContain('năm thi đua 2022–2023');
    expect(run.stdout).toContain('tiếp nhận mới 5');
    expect(run.code).toBe(0);
    expect((await reportOf('2022')).councils.map((c) => c.code)).toEqual(['NB']);
  }, 120_000);

  it('the next years: last year’s registry copied into nam-2023/ and nam-2024/, each run on its own year', async () => {
    for (const year of [2023, 2024]) {
      await mkdir(at(`nam-${year}`));
      await copyFile(at('nam-2022', 'danh-muc-don-vi.xlsx'), at(`nam-${year}`, 'danh-muc-don-vi.xlsx'));
      const made = await thidua('template', '--year', String(year));
      expect(made.stdout).toContain('Đã tạo 5 bảng điểm');
      await unitsFill(year);
      const run = await thidua('run', '--year', String(year));
      expect(run.stdout).toContain('tiếp nhận mới 5');
      expect(run.code).toBe(0);
    }
    // One office, one memory: the store in the office's folder, no store per registry.
    expect(await readdir(at('.thidua'))).toEqual(['store']);
    expect((await readdir(at('ket-qua'))).sort()).toEqual(['2022', '2023', '2024']);
  }, 240_000);

  it('the award history: a template, then checked', async () => {
    expect((await thidua('template', '--history', 'lich-su-khen-thuong.xlsx')).code).toBe(0);
    const checked = await thidua('check', '--history', 'lich-su-khen-thuong.xlsx');
    expect(checked.code).toBe(0);
  }, 60_000);

  it('the final round: the years synced from their folders, people ranked on all three', async () => {
    const run = await thidua('run', '--round', 'final');
    expect(run.stdout).toContain('Đồng bộ bảng điểm các năm thi đua khác của đợt: 2022–2023, 2023–2024');
    // The years the office has no data for are named, with how to add them.
    expect(run.stderr).toContain('NB: chưa có dữ liệu năm thi đua 2019–2020, 2020–2021, 2021–2022');
    expect(run.stderr).toContain('nam-2019, nam-2020, nam-2021');
    expect(run.code).toBe(0);
    const round = (await reportOf('2024')).round;
    const people = round?.councils[0]?.lists.find((l) => l.subject === 'individual')?.candidates ?? [];
    expect(people).toHaveLength(30);
    for (const person of people) expect(person.years).toEqual([2022, 2023, 2024]);
    expect(people.filter((p) => p.form !== null).length).toBeGreaterThan(0);
  }, 120_000);

  it('the papers go to the VKSNDTC’s council, with no row for it in the registry', async () => {
    const annual = await docxText(await readFile(at('ket-qua', '2024', 'to-trinh-NB.docx')));
    expect(annual).toContain('Kính gửi: Hội đồng Thi đua - Khen thưởng Viện kiểm sát nhân dân tối cao');
    const papers = await thidua('documents', '--round', 'final', '--council', 'NB');
    expect(papers.code).toBe(0);
    const round = await docxText(await readFile(at('ket-qua', 'final-2019-2025', 'to-trinh-NB-final.docx')));
    expect(round).toContain('Kính gửi: Hội đồng Thi đua - Khen thưởng Viện kiểm sát nhân dân tối cao');
  }, 120_000);

  it('publish only a decided round list, then the audit says who and when', async () => {
    const publish = () => thidua('publish', '--round', 'final', '--council', 'NB', '--by', 'Trần Thị Thư');
    // Those tied at the line have no form chosen yet: refused, each cell named.
    const refused = await publish();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Chưa khóa sổ: danh sách tổng kết của Hội đồng NB');
    const cells = [...refused.stderr.matchAll(/^ {2}([^!\n]+)!([A-Z]+\d+):/gm)].map(
      (m) => [m[1], m[2]] as const,
    );
    expect(cells.length).toBeGreaterThan(0);
    await editXlsx(at('ket-qua', 'final-2019-2025', 'de-nghi-NB-final.xlsx'), (book) => {
      for (const [tab, cell] of cells) {
        const sheet = book.getWorksheet(tab ?? '');
        if (sheet) sheet.getCell(cell ?? '').value = 'Không đề nghị';
      }
    });
    const published = await publish();
    expect(published.stderr).toBe('');
    expect(published.code).toBe(0);
    const audit = await thidua('audit', '--council', 'NB');
    expect(audit.stdout).toContain('khóa sổ (lần 1)  Trần Thị Thư');
  }, 120_000);
});

describe('a run with the wrong year', () => {
  it('is refused for a year folder’s registry: nothing read, nothing written, the mismatch named', async () => {
    const before = await filesOf(at('nam-2024'));
    const run = await thidua('run', '--registry', 'nam-2024/danh-muc-don-vi.xlsx', '--year', '2022');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--year 2022, nhưng Danh mục nam-2024/danh-muc-don-vi.xlsx');
    expect(await filesOf(at('nam-2024'))).toEqual(before);
  }, 60_000);

  it('leaves every workbook of another year byte-identical where the registry names no year', async () => {
    // A registry kept in a folder of its own (not nam-<year>/), pointing at 2024's workbooks.
    const flat = at('ban-sao');
    await cp(at('nam-2024'), flat, { recursive: true });
    const before = await filesOf(join(flat, 'bang-diem'));
    const run = await thidua(
      'run',
      '--registry',
      'ban-sao/danh-muc-don-vi.xlsx',
      '--year',
      '2022',
      '--store',
      'db-ban-sao',
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      'NB-KV1: Bảng điểm của năm thi đua 2024–2025, nhưng đợt đang tổng hợp là năm thi đua 2022–2023',
    );
    expect(run.stdout).toContain('Không bảng điểm nào thuộc năm này');
    expect(await filesOf(join(flat, 'bang-diem'))).toEqual(before);
    // One workbook of another year among this year's: the rest is done, exit 3, that one untouched.
    await copyFile(at('nam-2023', 'bang-diem', 'NB-KV2.xlsx'), join(flat, 'bang-diem', 'NB-KV2.xlsx'));
    const old = await readFile(join(flat, 'bang-diem', 'NB-KV2.xlsx'));
    const mixed = await thidua(
      'run',
      '--registry',
      'ban-sao/danh-muc-don-vi.xlsx',
      '--year',
      '2024',
      '--store',
      'db-ban-sao',
    );
    expect(mixed.code).toBe(3);
    expect(mixed.stdout).toContain('bảng điểm của năm khác 1');
    expect(await readFile(join(flat, 'bang-diem', 'NB-KV2.xlsx'))).toEqual(old);
    // `template --year` does not count another year's workbooks as this year's.
    const template = await thidua('template', '--registry', 'ban-sao/danh-muc-don-vi.xlsx', '--year', '2022');
    expect(template.stdout).toContain('Đã tạo 0 bảng điểm; 0 bảng điểm đã có từ trước');
    expect(template.stdout).toContain('là bảng điểm của năm thi đua khác, không phải 2022–2023');
    expect(template.code).toBe(2);
  }, 180_000);
});

describe('an office that brings only part of its years', () => {
  it('a round that lacks years names them and exits 3', async () => {
    const only = at('chi-mot-nam');
    await mkdir(only);
    await cp(at('nam-2024'), join(only, 'nam-2024'), { recursive: true });
    const run = await runCli(only, ['run', '--round', 'final']);
    expect(run.stderr).toContain(
      'NB: chưa có dữ liệu năm thi đua 2019–2020, 2020–2021, 2021–2022, 2022–2023, 2023–2024 — chưa xếp hạng được ai vì thiếu năm',
    );
    expect(run.code).toBe(3);
  }, 120_000);
});

describe('the stores the earlier thidua kept, one per registry', () => {
  it('come into the office’s one store the first time it opens, publications and their audit included', async () => {
    const copy = at('van-phong-cu');
    await cp(at('nam-2023'), join(copy, 'nam-2023'), { recursive: true });
    // What the earlier version left, run from the office's folder: a council's list published in 2023's store.
    const server = await startDynalite({
      path: legacyDir(copy, join(copy, 'nam-2023', 'danh-muc-don-vi.xlsx')),
    });
    try {
      const client = createDynamoClient({ endpoint: server.endpoint, localCredentials: true });
      await ensureTable(client, 'thidua');
      await new DynamoPublications(client, 'thidua').publish({
        councilCode: 'NB',
        year: 2023,
        round: 'annual',
        snapshot: { collectives: { proposed: [] }, individuals: { proposed: [] } },
        inputs: {},
        by: 'Phạm Văn Cũ',
        why: '',
        at: '2024-06-20T02:00:00.000Z',
      });
    } finally {
      await server.close();
    }
    const audit = await runCli(copy, ['audit', '--council', 'NB', '--year', '2023']);
    expect(audit.stderr).toContain('vào kho chung của văn phòng .thidua/store');
    expect(audit.stdout).toContain('Phạm Văn Cũ');
    expect(audit.code).toBe(0);
  }, 120_000);
});

describe('what an office brings: files from other tools, gaps it must be told about', () => {
  it('reads a registry a Python script filled (openpyxl) and makes its units’ workbooks', async () => {
    const folder = at('tu-python', 'nam-2024');
    await mkdir(folder, { recursive: true });
    await copyFile(
      join(import.meta.dirname, '../fixtures/foreign/openpyxl/danh-muc-don-vi.xlsx'),
      join(folder, 'danh-muc-don-vi.xlsx'),
    );
    const made = await runCli(at('tu-python'), ['template']);
    expect(made.stdout).toContain('Đã tạo 2 bảng điểm');
    expect(made.code).toBe(0);
  }, 60_000);

  it('names the units whose “Bảng điểm” is empty, and does not say it is done', async () => {
    const folder = at('thieu-bang-diem', 'nam-2024');
    await mkdir(folder, { recursive: true });
    const registry = join(folder, 'danh-muc-don-vi.xlsx');
    await runCli(at('thieu-bang-diem'), ['template', '--registry', registry]);
    await fillRegistry(
      registry,
      REGISTRY.map((row) => ({ ...row, workbook: null })),
    );
    const made = await runCli(at('thieu-bang-diem'), ['template']);
    expect(made.stdout).toContain('Cột “Bảng điểm” của Danh mục đơn vị còn trống ở 5 đơn vị (NB, NB-KV1');
    expect(made.code).toBe(1);
  }, 60_000);

  it('movement check refuses a movement whose later years lack criteria and quotas, naming the tab and cell', async () => {
    const book = at('phong-trao.xlsx');
    expect((await thidua('movement', 'template', 'phong-trao.xlsx')).code).toBe(0);
    await editXlsx(book, (workbook) => {
      workbook.getWorksheet('Phong trào')?.eachRow((row) => {
        if (row.getCell(1).value === 'Ngày kết thúc phong trào') row.getCell(2).value = '31/05/2026';
      });
      workbook.getWorksheet('Đợt xét')?.eachRow((row) => {
        if (row.getCell(1).value === 'Hằng năm') row.getCell(3).value = 2025;
      });
    });
    const checked = await thidua('movement', 'check', 'phong-trao.xlsx');
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('Bộ tiêu chí!B2: Năm thi đua 2025–2026 chưa có bộ tiêu chí');
    expect(checked.stdout).toContain('Tỷ lệ khen thưởng!C2: Năm thi đua 2025–2026 chưa có tỷ lệ khen thưởng');
  }, 60_000);
});
