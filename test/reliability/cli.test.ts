/**
 * Faults 6, 8, 9 and 11 as the emulation office meets them: the `thidua` command says what it knows
 * and no more, in Vietnamese, with an exit code that tells what happened (0 all done, 3 done in
 * part, 4 store busy, 1 failure, 2 usage).
 */
import { spawn } from 'node:child_process';
import { copyFile, cp, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoLeases } from '../../shared/adapters/dynamodb/leases.ts';
import {
  createDynamoClient,
  type EmbeddedStore,
  ensureTable,
  startDynalite,
} from '../../shared/adapters/dynamodb/local.ts';
import { XlsxWorkbooks } from '../../shared/adapters/xlsx/workbooks.ts';
import { reportFailure } from '../../shared/cli/console.ts';
import { PolicyMissingError } from '../../shared/domain/candidates.ts';
import { StoreBusyError } from '../../shared/ports/index.ts';
import { registryWorkbookModel } from '../../shared/present/registry-book.ts';
import { CLI, runCli, TSX } from '../helpers/cli.ts';
import { unit } from '../helpers/fixtures.ts';
import { tempDir, writeUnitXlsx } from './helpers.ts';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('cli');
  const files = new XlsxWorkbooks({ baseDir: dir });
  for (const code of ['A', 'B']) await writeUnitXlsx(files, code);
  const units = [
    unit('HD', { runsCouncil: true, headcount: 0, workbook: null }),
    unit('A', { parentCode: 'HD', headcount: 10 }),
    unit('B', { parentCode: 'HD', headcount: 10 }),
  ];
  await files.writeOwnedWorkbook('danh-muc-don-vi.xlsx', registryWorkbookModel(units));
  // The same sector, with B's headcount missing.
  await files.writeOwnedWorkbook(
    'danh-muc-thieu-bien-che.xlsx',
    registryWorkbookModel([...units.slice(0, 2), unit('B', { parentCode: 'HD', headcount: null })]),
  );
  await files.writeOwnedWorkbook('danh-muc-rong.xlsx', registryWorkbookModel([]));
});

const cli = (...args: string[]) => runCli(dir, args);

describe('exit codes that say what happened', () => {
  it('0 when all is done; 3 when a council is withheld for a missing headcount, with the reason', async () => {
    const done = await cli('run', '--registry', 'danh-muc-don-vi.xlsx', '--store', 'db-ok');
    expect(done.stderr).not.toContain('Lỗi');
    expect(done.code).toBe(0);
    const partial = await cli('run', '--registry', 'danh-muc-thieu-bien-che.xlsx', '--store', 'db-partial');
    expect(partial.code).toBe(3);
    expect(partial.stdout).toContain(
      'HD: chưa lập lại danh sách — Danh mục đơn vị chưa ghi tổng số cán bộ, công chức, viên chức, người lao động đang công tác của đơn vị B',
    );
  });

  it('4 with who holds it when another run has the store (lease on an endpoint, lock on a folder); nothing done', async () => {
    const server: EmbeddedStore = await startDynalite();
    try {
      const client = createDynamoClient({ endpoint: server.endpoint, localCredentials: true });
      await ensureTable(client, 'thidua');
      const leases = new DynamoLeases(client, 'thidua');
      await leases.acquire({ name: 'job', holder: 'máy khác pid 1', nowMs: Date.now(), ttlMs: 600_000 });
      const busy = await cli('run', '--registry', 'danh-muc-don-vi.xlsx', '--endpoint', server.endpoint);
      expect(busy.code).toBe(4);
      expect(busy.stderr).toContain('một lần chạy khác đang dùng kho dữ liệu này (máy khác pid 1');
      expect(busy.stderr).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      await server.close();
    }
    // A folder store whose lock names a live process (this test's own).
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(dir, 'db-locked'), { recursive: true });
    await writeFile(
      join(dir, 'db-locked', 'thidua.lock'),
      JSON.stringify({ pid: process.pid, host: hostname(), since: '2025-06-10T01:00:00.000Z' }),
    );
    const locked = await cli('run', '--registry', 'danh-muc-don-vi.xlsx', '--store', 'db-locked');
    expect(locked.code).toBe(4);
    expect(locked.stderr).toContain(`pid ${process.pid}`);
  });
});

describe('fault 11: the command never says more than it knows', () => {
  it('check without a registry says the unit code was not checked; with one, a workbook it does not list is refused', async () => {
    const unbound = await cli('check', 'bang-diem/A.xlsx');
    expect(unbound.code).toBe(0);
    expect(unbound.stdout).toContain('Chưa đối chiếu với Danh mục đơn vị');
    const bound = await cli('check', 'bang-diem/A.xlsx', '--registry', 'danh-muc-don-vi.xlsx');
    expect(bound.stdout).toContain('hợp lệ, có thể tiếp nhận');
    const unlisted = await cli('check', 'bang-diem/A.xlsx', '--registry', 'danh-muc-rong.xlsx');
    expect(unlisted.code).toBe(2);
  });

  it('fails clearly on a registry that is not one, an empty one, and an unknown unit', async () => {
    const wrong = await cli('run', '--registry', 'bang-diem/A.xlsx', '--store', 'db-wrong');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('không có đơn vị nào đọc được');
    const empty = await cli('run', '--registry', 'danh-muc-rong.xlsx', '--store', 'db-empty');
    expect(empty.code).toBe(1);
    const nope = await cli(
      'sync',
      '--registry',
      'danh-muc-don-vi.xlsx',
      '--store',
      'db-ok',
      '--unit',
      'NOPE',
    );
    expect(nope.code).toBe(2);
    expect(nope.stderr).toContain('--unit: không có trong Danh mục đơn vị: NOPE');
  });

  it('speaks Vietnamese for bad options and unknown councils; every command has its help; --version works', async () => {
    const bogus = await cli('run', '--bogus');
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain('không có tùy chọn --bogus');
    expect(bogus.stderr).not.toContain('Unknown option');
    const council = await cli(
      'publish',
      '--registry',
      'danh-muc-don-vi.xlsx',
      '--store',
      'db-ok',
      '--council',
      'XYZ',
      '--by',
      'Thư ký',
    );
    expect(council.code).toBe(2);
    expect(council.stderr).toContain(
      '--council XYZ: không có trong Danh mục đơn vị. Các Hội đồng trong Danh mục: HD.',
    );
    for (const command of ['publish', 'reopen', 'audit']) {
      const help = await cli(command, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Cách dùng: thidua ${command}`);
    }
    const version = await cli('--version');
    expect(version).toMatchObject({ code: 0 });
    expect(version.stdout).toMatch(/^thidua \d+\.\d+\.\d+/);
  });

  it('says in Vietnamese what the library and the store say in English: credentials, a missing policy, a lost lease', async () => {
    const key = join(dir, 'khoa.json');
    await writeFile(key, '{"type": "service_account"}');
    const credentials = await cli('run', '--google', '--registry-id', 'ss-x', '--credentials', key);
    expect(credentials.code).toBe(2);
    expect(credentials.stderr).toContain('tệp thông tin xác thực Google thiếu trường cần thiết');
    expect(credentials.stderr).not.toMatch(/rejected|Required/);
    const said: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => said.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      expect(reportFailure(new PolicyMissingError(2030))).toBe(2);
      expect(reportFailure(new StoreBusyError(null, null))).toBe(4);
    } finally {
      process.stderr.write = write;
    }
    expect(said[0]).toContain(
      'phong trào chưa có bộ tiêu chí, tỷ lệ khen thưởng hoặc điều kiện xét cho năm thi đua 2030–2031',
    );
    expect(said[1]).toContain('một lần chạy khác đang dùng kho dữ liệu này. Chờ');
    expect(said.join('')).not.toMatch(/\b(the|unknown|policy|lease)\b/);
  });

  it('gives each office its own output folder, one for all the years of an office', async () => {
    const a = await cli('run', '--registry', 'danh-muc-don-vi.xlsx', '--store', 'db-ok');
    // Another office: the same sector in a folder of its own, its year in nam-2024/.
    const other = join(dir, 'van-phong-khac', 'nam-2024');
    await cp(join(dir, 'bang-diem'), join(other, 'bang-diem'), { recursive: true });
    await copyFile(join(dir, 'danh-muc-don-vi.xlsx'), join(other, 'danh-muc-don-vi.xlsx'));
    const b = await cli('run', '--registry', join('van-phong-khac', 'nam-2024', 'danh-muc-don-vi.xlsx'));
    const folderOf = (out: string) => /bảng đề nghị đã ghi vào (\S+)/.exec(out)?.[1];
    expect(folderOf(a.stdout)).toBe(join('ket-qua', '2024'));
    expect(folderOf(b.stdout)).toBe(join('van-phong-khac', 'ket-qua', '2024'));
  });

  it('ends quietly when its output is cut short (| head)', async () => {
    const child = spawn('sh', ['-c', `"${TSX}" "${CLI}" check bang-diem/A.xlsx --json | head -c 10`], {
      cwd: dir,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

afterAll(async () => {
  const { rm } = await import('node:fs/promises');
  await rm(dir, { recursive: true, force: true });
});
