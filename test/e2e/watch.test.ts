/**
 * `thidua watch --example` as a clerk meets it: the workbook with mistakes is fixed and saved, and
 * its feedback tab and its council's proposal follow — the test waits on those, never on a clock.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XlsxWorkbooks } from '../../shared/adapters/xlsx/workbooks.ts';
import { CLI, TSX } from '../helpers/cli.ts';

let cwd: string;
let child: ChildProcess;
let stdout = '';
let stderr = '';
const waiters: { text: string; resolve: () => void }[] = [];

/** Resolves once the command has printed `text` (the test's own timeout bounds the wait). */
const printed = (text: string) =>
  new Promise<void>((resolve) => {
    if (stdout.includes(text)) resolve();
    else waiters.push({ text, resolve });
  });

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'thidua-watch-'));
  child = spawn(TSX, [CLI, 'watch', '--example'], { cwd, env: { ...process.env, CI: 'true' } });
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const w of [...waiters]) if (stdout.includes(w.text)) w.resolve();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
});
afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await rm(cwd, { recursive: true, force: true });
});

describe('thidua watch --example', () => {
  it('checks a workbook again when it is saved: its feedback tab and its council’s proposal follow; Ctrl-C stops it', async () => {
    await printed('Đang theo dõi 30 bảng điểm');
    const path = join(cwd, '.thidua/example/bang-diem/T01-KV3.xlsx');
    const feedbackOf = async () =>
      ((await new XlsxWorkbooks({ baseDir: cwd }).readWorkbook(path))['Kiểm tra dữ liệu'] ?? [])
        .flat()
        .join(' ');
    expect(await feedbackOf()).toContain('Chưa tiếp nhận');
    const proposalOf = async () =>
      JSON.stringify(
        await new XlsxWorkbooks({ baseDir: cwd }).readWorkbook(
          join(cwd, '.thidua/out/example/2024/de-nghi-T01.xlsx'),
        ),
      );
    // Until the unit's workbook is accepted, its people are not in the council's lists.
    const staffIds = ((await new XlsxWorkbooks({ baseDir: cwd }).readWorkbook(path))['Cá nhân'] ?? [])
      .slice(1)
      .map((row) => row[1])
      .filter((id): id is string => typeof id === 'string' && id !== '');
    expect(staffIds.length).toBeGreaterThan(20);
    const before = await proposalOf();
    expect(staffIds.filter((id) => before.includes(`"${id}"`))).toEqual([]);
    // The clerk fixes the three mistakes (a score above the maximum, a word, a missing rating) and saves.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const people = book.getWorksheet('Cá nhân');
    if (!people) throw new Error('no tab Cá nhân');
    people.getRow(2).getCell(9).value = 20;
    people.getRow(3).getCell(12).value = 8;
    people.getRow(4).getCell(7).value = 'Hoàn thành tốt nhiệm vụ';
    await book.xlsx.writeFile(path);
    await printed('T01-KV3: Đã tiếp nhận');
    await printed('bảng đề nghị của Hội đồng T01 đã cập nhật');
    expect(await feedbackOf()).toContain('Đã tiếp nhận');
    // The council's proposal now ranks every one of the unit's people: by staff id in its lists,
    // by name and unit on the printed list of those proposed.
    const after = await proposalOf();
    const rows = ((await new XlsxWorkbooks({ baseDir: cwd }).readWorkbook(path))['Cá nhân'] ?? []).slice(1);
    const proposed = JSON.stringify(
      (
        await new XlsxWorkbooks({ baseDir: cwd }).readWorkbook(
          join(cwd, '.thidua/out/example/2024/de-nghi-T01.xlsx'),
        )
      )['Cá nhân đề nghị'],
    );
    for (const id of staffIds) {
      const name = rows.find((r) => r[1] === id)?.[2];
      expect(
        after.includes(`"${id}"`) ||
          new RegExp(`"${String(name)}","[^"]*","Viện kiểm sát nhân dân khu vực 3`).test(proposed),
        id,
      ).toBe(true);
    }
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toContain('Đã dừng theo dõi.');
    expect(stderr).not.toContain('"level":"warn"');
  }, 180_000);
});
