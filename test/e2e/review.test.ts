/**
 * Only the council sets its review (issue 33), end to end on the bundled example through the CLI:
 * a council lowers its first proposed collective in its own workbook's “Thẩm định” tab, and the
 * next `thidua run` proposes the next one instead and tells that unit in its own tab.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XlsxWorkbooks } from '../../shared/adapters/xlsx/workbooks.ts';
import { type Report, reportSchema } from '../../shared/usecases/report.ts';
import { runCli } from '../helpers/cli.ts';
import { editXlsx } from '../helpers/office.ts';

let cwd: string;
const NOW = Date.parse('2025-06-10T01:00:00.000Z');
let minutes = 0;
const thidua = (...args: string[]) =>
  runCli(cwd, args, { THIDUA_NOW: new Date(NOW + minutes++ * 60_000).toISOString() });
const jsonOf = (stdout: string): Report => reportSchema.parse(JSON.parse(stdout) as unknown);

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'thidua-review-'));
}, 120_000);
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

describe('a council’s review in its own workbook (bundled example, CLI)', () => {
  it('changes its ranking on the next run, and the unit reads it in its own tab', async () => {
    const first = await thidua('run', '--example', '--json');
    expect(first.code).toBe(0);
    // A council proposing collectives with an eligible one below its line.
    const council = jsonOf(first.stdout).councils.find(
      (c) => c.collectives.proposed.length > 0 && c.collectives.notProposed.length > 0,
    );
    if (!council) throw new Error('the example has no such council');
    const top = council.collectives.proposed[0]?.id ?? '';
    const files = new XlsxWorkbooks({ baseDir: cwd });
    const workbook = join(cwd, '.thidua/out/example/2024', `de-nghi-${council.code}.xlsx`);
    const tab = (await files.readWorkbook(workbook))['Thẩm định'] ?? [];
    const rows = tab.flatMap((r, i) => (r[0] === top ? [i] : []));
    expect(rows.length).toBeGreaterThan(0);
    // The council sets every criterion of its first collective to 0, with the reason.
    await editXlsx(workbook, (book) => {
      const sheet = book.getWorksheet('Thẩm định');
      for (const r of rows) {
        if (!sheet) continue;
        sheet.getCell(r + 1, 7).value = 0;
        sheet.getCell(r + 1, 8).value = 'Đoàn kiểm tra xác minh: không có hồ sơ';
      }
    });
    const again = await thidua('run', '--example', '--json');
    expect(again.code).toBe(0);
    const now = jsonOf(again.stdout).councils.find((c) => c.code === council.code);
    expect(now?.collectives.proposed.map((c) => c.id)).not.toContain(top);
    expect(now?.collectives.proposed.length).toBe(council.collectives.proposed.length);
    expect(now?.reviewProblems).toEqual([]);
    // The unit's own tab says what the council set, and why.
    const unitBook = join(cwd, '.thidua/example/bang-diem', `${top}.xlsx`);
    const told = ((await files.readWorkbook(unitBook))['Kiểm tra dữ liệu'] ?? [])
      .map((r) => String(r[5] ?? ''))
      .join(' ');
    expect(told).toContain(`Hội đồng ${council.code} thẩm định tiêu chí`);
    expect(told).toContain('không có hồ sơ');
  }, 240_000);
});
