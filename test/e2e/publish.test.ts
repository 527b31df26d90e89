/**
 * What the council signs is what thidua reports (issue 31), end to end on the bundled example: a
 * list is published only once its ties are decided; once published, every command reports the
 * list as published, whatever is typed into its workbook since; `--council` is checked before
 * anything is done; `documents` says what the run said.
 */

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XlsxWorkbooks } from '../../shared/adapters/xlsx/workbooks.ts';
import { type Report, reportSchema } from '../../shared/usecases/report.ts';
import { runCli } from '../helpers/cli.ts';
import { editXlsx } from '../helpers/office.ts';
import { docxText } from '../support/docx-text.ts';

let cwd: string;
const NOW = Date.parse('2025-06-10T01:00:00.000Z');
let minutes = 0;
const thidua = (...args: string[]) =>
  runCli(cwd, args, { THIDUA_NOW: new Date(NOW + minutes++ * 60_000).toISOString() });
const out = (file: string) => join(cwd, '.thidua/out/example/2024', file);
const TIE_TAB = 'Đồng điểm tại ngưỡng';
const jsonOf = (stdout: string): Report => reportSchema.parse(JSON.parse(stdout) as unknown);
/** The cells a refusal names, “Tab!I6:I8” (a run of rows) or “I6, I8” → ['I6', 'I7', 'I8']. */
const cellsNamed = (line: string) =>
  [...line.matchAll(/\b([A-Z]+)(\d+)(?::[A-Z]+(\d+))?\b/g)].flatMap((m) =>
    Array.from({ length: Number(m[3] ?? m[2]) - Number(m[2]) + 1 }, (_, i) => `${m[1]}${Number(m[2]) + i}`),
  );
/** The choice column of the tie tab: “Có”/“Không”/blank by candidate id. */
async function tieChoices(file: string): Promise<Map<string, unknown>> {
  const grid = (await new XlsxWorkbooks({ baseDir: cwd }).readWorkbook(out(file)))[TIE_TAB] ?? [];
  const tied = grid.filter((r) => (r[0] === 'Cá nhân' || r[0] === 'Tập thể') && typeof r[2] === 'string');
  return new Map(tied.map((r) => [String(r[2]), r[8]]));
}

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'thidua-publish-'));
  expect((await thidua('run', '--example')).code).toBe(0);
}, 120_000);
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

describe('publish (khóa sổ)', () => {
  it('refuses a list whose tie is undecided, naming the cells; decided, it publishes', async () => {
    // T02: three people tied at its line for two places, nobody chosen yet.
    const refused = await thidua('publish', '--example', '--council', 'T02', '--by', 'Nguyễn Văn A');
    expect(refused.code).toBe(1);
    expect(refused.stdout).not.toContain('Đã khóa sổ');
    const line = refused.stderr.split('\n').find((l) => l.includes(`${TIE_TAB}!`)) ?? '';
    expect(line).toContain('Cá nhân: 3 trường hợp đồng điểm, còn được đề nghị 2');
    expect(line).toMatch(/Đồng điểm tại ngưỡng!I\d+:I\d+\./); // a run of rows said as a range
    const cells = cellsNamed(line.slice(line.indexOf(`${TIE_TAB}!`)));
    expect(cells).toHaveLength(3);
    expect((await thidua('audit', '--example', '--council', 'T02')).stdout).toContain('chưa có thao tác');

    // More “Có” than places is refused too, naming the cells marked.
    const [first, second, third] = cells;
    await editXlsx(out('de-nghi-T02.xlsx'), (book) => {
      const tab = book.getWorksheet(TIE_TAB);
      for (const cell of cells) if (tab) tab.getCell(cell).value = 'Có';
    });
    const overflow = await thidua('publish', '--example', '--council', 'T02', '--by', 'Nguyễn Văn A');
    expect(overflow.code).toBe(1);
    expect(overflow.stderr).toContain('nhiều hơn số còn được đề nghị (2)');

    // Two chosen, the third left blank: as many as the places is a decision.
    await editXlsx(out('de-nghi-T02.xlsx'), (book) => {
      const tab = book.getWorksheet(TIE_TAB);
      if (tab) tab.getCell(third ?? '').value = null;
    });
    const published = await thidua('publish', '--example', '--council', 'T02', '--by', 'Nguyễn Văn A');
    expect(published.stderr).toBe('');
    expect(published.code).toBe(0);
    expect(published.stdout).toContain('Đã khóa sổ danh sách của Hội đồng T02 (lần 1)');
    // The workbook is the list published: the two chosen proposed, the khóa sổ in its summary.
    const summary = (await new XlsxWorkbooks({ baseDir: cwd }).readWorkbook(out('de-nghi-T02.xlsx')))[
      'Tổng hợp'
    ];
    const said = (summary ?? []).flat().filter((v): v is string => typeof v === 'string');
    expect(
      said.some((v) => v.startsWith('Hội đồng đã khóa sổ danh sách (lần 1') && v.includes('Nguyễn Văn A')),
    ).toBe(true);
    expect([first, second].every((c) => typeof c === 'string')).toBe(true);
  }, 120_000);

  it('“Không” for every one tied is a decision: none of them is proposed', async () => {
    const refused = await thidua('publish', '--example', '--council', 'TC', '--by', 'Lê Thị B');
    expect(refused.code).toBe(1);
    const line = refused.stderr.split('\n').find((l) => l.includes(`${TIE_TAB}!`)) ?? '';
    const cells = cellsNamed(line.slice(line.indexOf(`${TIE_TAB}!`)));
    expect(cells.length).toBeGreaterThan(1);
    await editXlsx(out('de-nghi-TC.xlsx'), (book) => {
      const tab = book.getWorksheet(TIE_TAB);
      for (const cell of cells) if (tab) tab.getCell(cell).value = 'Không';
    });
    const published = await thidua('publish', '--example', '--council', 'TC', '--by', 'Lê Thị B');
    expect(published.code).toBe(0);
    const tc = jsonOf((await thidua('run', '--example', '--json')).stdout).councils.find(
      (c) => c.code === 'TC',
    );
    expect(tc?.individuals.tiedAtLine).toEqual([]);
    expect(tc?.individuals.notProposed.filter((n) => n.code === 'NOT_CHOSEN')).toHaveLength(cells.length);
    expect(tc?.individuals.proposed.length).toBeLessThan(tc?.individuals.quota ?? 0);
  }, 120_000);

  it('a choice typed into a published workbook changes nothing any command reports, and is named as ignored', async () => {
    const frozen = (r: Report) => {
      const t02 = r.councils.find((c) => c.code === 'T02');
      return { collectives: t02?.collectives, individuals: t02?.individuals, publication: t02?.publication };
    };
    const before = jsonOf((await thidua('run', '--example', '--json')).stdout);
    expect(frozen(before).individuals?.proposed).toHaveLength(16);
    expect(frozen(before).publication).toMatchObject({ version: 1, by: 'Nguyễn Văn A' });
    const docs = ['to-trinh-T02.docx', 'danh-sach-T02.docx', 'bien-ban-T02.docx'];
    const papers = await Promise.all(docs.map((f) => readFile(out(f))));

    // The council types “Có” for the third person after publishing.
    const third = [...(await tieChoices('de-nghi-T02.xlsx'))].find(([, v]) => v !== 'Có')?.[0];
    let cell = '';
    await editXlsx(out('de-nghi-T02.xlsx'), (book) => {
      book.getWorksheet(TIE_TAB)?.eachRow((row, r) => {
        if (row.getCell(3).value === third) {
          row.getCell(9).value = 'Có';
          cell = `I${r}`;
        }
      });
    });
    expect(cell).not.toBe('');

    const run = await thidua('run', '--example');
    expect(run.code).toBe(0);
    const block = run.stdout.slice(run.stdout.indexOf('  T02 '), run.stdout.indexOf('  TC '));
    expect(block).toContain('cá nhân: đề nghị 16/16');
    expect(block).toContain('đã khóa sổ lần 1 ngày 10/06/2025');
    expect(block).toContain('(Nguyễn Văn A)');
    expect(block).toContain(
      `lựa chọn ghi vào bảng đề nghị sau khi khóa sổ (${TIE_TAB}!${cell}) không được dùng`,
    );
    const report = reportSchema.parse(JSON.parse(await readFile(out('report.json'), 'utf8')) as unknown);
    expect(frozen(report)).toEqual(frozen(before));
    expect(report.councils.find((c) => c.code === 'T02')?.ignoredChoices).toEqual([`${TIE_TAB}!${cell}`]);
    const json = jsonOf((await thidua('propose', '--example', '--json')).stdout);
    expect(frozen(json)).toEqual(frozen(before));
    // The papers signed stay as they were; nothing in them is about khóa sổ.
    for (const [i, f] of docs.entries()) expect(await readFile(out(f))).toEqual(papers[i]);
    for (const f of docs) expect(await docxText(await readFile(out(f)))).not.toMatch(/khóa sổ/i);
    const documents = await thidua('documents', '--example', '--council', 'T02');
    expect(documents.stdout).toContain('cá nhân: đề nghị 16/16');
    expect(documents.stdout).toContain('đã khóa sổ lần 1');
    for (const [i, f] of docs.entries()) expect(await readFile(out(f))).toEqual(papers[i]);
    // The sector status says which lists are published, and by whom.
    const status = await new XlsxWorkbooks({ baseDir: cwd }).readWorkbook(
      out('tinh-hinh-nop-bang-diem.xlsx'),
    );
    const t02 = (status['Tổng hợp'] ?? []).find((r) => String(r[0]).endsWith('(T02)'));
    expect(String(t02?.at(-1))).toMatch(/^Đã khóa sổ lần 1, 10\/06\/2025 .* \(Nguyễn Văn A\)$/);
    expect(String((status['Tổng hợp'] ?? []).find((r) => String(r[0]).endsWith('(T01)'))?.at(-1))).toBe(
      'Chưa khóa sổ',
    );

    // Reopened, the choice is read and used.
    expect(
      (await thidua('reopen', '--example', '--council', 'T02', '--by', 'Nguyễn Văn A', '--why', 'Họp lại'))
        .code,
    ).toBe(0);
    const reopened = jsonOf((await thidua('run', '--example', '--json')).stdout);
    const t02Reopened = reopened.councils.find((c) => c.code === 'T02');
    expect(t02Reopened?.published).toBe(false);
    expect(t02Reopened?.individuals.proposed).toHaveLength(14); // three “Có” for two places: not applied
  }, 240_000);
});

describe('codes and counts', () => {
  it('documents, publish, reopen, audit with a code that is no council: exit 2, --council named, nothing written', async () => {
    const report = await readFile(out('report.json'));
    for (const command of ['documents', 'publish', 'reopen', 'audit']) {
      const typed = await thidua(command, '--example', '--council', 't99', '--by', 'X', '--why', 'Y');
      expect(typed.code).toBe(2);
      expect(typed.stderr).toContain('--council t99: không có trong Danh mục đơn vị');
      expect(typed.stderr).toContain('Các Hội đồng trong Danh mục: TC, CC1, QSTW, QK1, QK2, T01, T02.');
      expect(typed.stderr).not.toContain('--unit');
    }
    const unit = await thidua('documents', '--example', '--council', 'T01-KV3');
    expect(unit.code).toBe(2);
    expect(unit.stderr).toContain('--council T01-KV3: đơn vị này không có Hội đồng');
    expect(unit.stderr).not.toContain('xem báo cáo ở trên');
    expect(await readFile(out('report.json'))).toEqual(report);
  }, 120_000);

  it('documents prints the error counts the run before it printed, and leaves report.json as the run wrote it', async () => {
    const run = await thidua('run', '--example');
    const report = await readFile(out('report.json'));
    const unitLines = (stdout: string) =>
      stdout.split('\n').filter((l) => /^ {2}\S+: .*\(\d+ lỗi\)$/.test(l));
    const documents = await thidua('documents', '--example', '--council', 'T01');
    expect(documents.code).toBe(0);
    expect(unitLines(documents.stdout)).toEqual(unitLines(run.stdout));
    expect(unitLines(run.stdout).some((l) => l.startsWith('  T01-KV3:') && l.endsWith('(3 lỗi)'))).toBe(true);
    // Nothing read this time: said as the store's standing, not as new acceptances.
    expect(documents.stdout).toContain('theo lần kiểm tra gần nhất; lần này không đọc lại bảng điểm');
    expect(documents.stdout).not.toContain('tiếp nhận mới');
    expect(documents.stdout).not.toContain('Báo cáo JSON');
    expect(await readFile(out('report.json'))).toEqual(report);
  }, 120_000);
});
