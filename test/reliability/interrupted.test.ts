/**
 * A run cut short, as the office meets it: killed with its process group (power cut, OOM, kill -9)
 * and started again at once, or stopped with Ctrl-C. The next run just works, and nothing is lost.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoLeases } from '../../shared/adapters/dynamodb/leases.ts';
import { createDynamoClient, ensureTable, startDynalite } from '../../shared/adapters/dynamodb/local.ts';
import { processAlive } from '../../shared/adapters/os/process.ts';
import { ensureExample, REGISTRY_FILE } from '../../shared/app/context.ts';
import { CLI, runCli, TSX } from '../helpers/cli.ts';
import { tempDir } from './helpers.ts';

/**
 * A process that has exited and that its parent has not collected: what a `kill -9` of a run's
 * process group leaves of tsx's node child until PID 1 collects it. `sh` starts `sleep 0` in the
 * background and becomes `sleep 60`, which never collects it.
 */
async function zombie(): Promise<{ pid: number; parent: ChildProcess }> {
  const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 60'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const pid = await new Promise<number>((resolve) =>
    parent.stdout?.once('data', (d) => resolve(Number(String(d)))),
  );
  for (let i = 0; i < 100; i++) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    if (/\) Z /.test(stat)) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return { pid, parent };
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir('interrupted');
  // A sector big enough that a run is still reading workbooks when it is stopped.
  await ensureExample(join(dir, 'sector'), { units: 120, people: 2400 });
});

describe('a run killed with its process group', () => {
  it('leaves a zombie for a moment: the next run takes its lease and folder lock at once', async () => {
    const dead = await zombie();
    try {
      expect(processAlive(dead.pid)).toBe(false);
      expect(processAlive(process.pid)).toBe(true);
      // The store as the killed run left it: its lease and its folder lock, both naming its pid.
      const store = join(dir, 'killed-db');
      const server = await startDynalite({ path: store });
      const client = createDynamoClient({ endpoint: server.endpoint, localCredentials: true });
      await ensureTable(client, 'thidua');
      const holder = `${hostname()} pid ${dead.pid} kx1`;
      await new DynamoLeases(client, 'thidua').acquire({
        name: 'job',
        holder,
        nowMs: Date.now(),
        ttlMs: 600_000,
      });
      await server.close();
      const lock = { pid: dead.pid, host: hostname(), since: new Date().toISOString() };
      await writeFile(join(store, 'thidua.lock'), JSON.stringify(lock));

      const next = await runCli(dir, ['sync', '--registry', join('sector', REGISTRY_FILE), '--store', store]);
      expect(next.stderr).not.toContain('một lần chạy khác');
      expect(next.code).toBe(0);
    } finally {
      dead.parent.kill('SIGKILL');
    }
  });
});

describe('Ctrl-C on a run', () => {
  it('stops after the workbooks in hand (exit 130, lease and lock released); the next run finishes the job, nothing lost', async () => {
    // The reference: the same sector, run once without interruption.
    await cp(join(dir, 'sector'), join(dir, 'reference'), { recursive: true });
    const args = (sector: string) => [
      'run',
      '--registry',
      join(sector, REGISTRY_FILE),
      '--store',
      join(dir, `${sector}-db`),
      '--out',
      join(dir, `${sector}-out`),
      '--json',
    ];
    const reference = await runCli(dir, args('reference'));
    expect(reference.code).toBe(0);

    // Ctrl-C as a terminal sends it: to the whole process group (tsx and the node it runs).
    const run = spawn(TSX, [CLI, ...args('sector')], {
      cwd: dir,
      env: { ...process.env, CI: 'true' },
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const reading = new Promise<void>((resolve) =>
      run.stderr?.on('data', (d) => {
        stderr += String(d);
        if (stderr.includes('Đồng bộ bảng điểm')) resolve();
      }),
    );
    // 'close', not 'exit': the process may end before its last lines are read from the pipe (seen
    // on a loaded machine), and the test reads them.
    const exit = new Promise<number | null>((resolve) => run.on('close', (code) => resolve(code)));
    await reading;
    process.kill(-(run.pid ?? 0), 'SIGINT');
    expect(await exit).toBe(130);
    expect(stderr).toMatch(/Đã dừng theo yêu cầu: đã đọc và lưu \d+\/\d+ bảng điểm/);
    expect(stderr).toContain('lần chạy sau bắt đầu từ những gì đã lưu');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'sector-db', 'thidua.lock'))).toBe(false);

    // The next run: not refused, and the same outcome as the run never stopped.
    const next = await runCli(dir, args('sector'));
    expect(next.code).toBe(0);
    type Report = {
      units: { code: string; status: string; problems: unknown[] }[];
      councils: {
        code: string;
        collectives: { proposed: { id: string }[] };
        individuals: { proposed: { id: string }[] };
      }[];
    };
    const [want, got] = [reference, next].map((r) => JSON.parse(r.stdout) as Report);
    const outcome = (r: Report | undefined) =>
      (r?.units ?? []).map((u) => [
        u.code,
        u.status === 'unchanged' ? 'accepted' : u.status,
        u.problems.length,
      ]);
    const proposed = (r: Report | undefined) =>
      (r?.councils ?? []).map((c) => [
        c.code,
        c.collectives.proposed.map((p) => p.id),
        c.individuals.proposed.map((p) => p.id),
      ]);
    expect(outcome(got)).toEqual(outcome(want));
    expect(proposed(got)).toEqual(proposed(want));
    expect(outcome(got).length).toBeGreaterThan(100);
  });
});
