/** The embedded dynalite server used when no DynamoDB endpoint is set (local runs and tests). */
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { StoreBusyError } from '../../ports/index.ts';
import { processAlive } from '../os/process.ts';

export { type ClientOptions, createDynamoClient, ensureTable } from './client.ts';

export interface EmbeddedStore {
  readonly endpoint: string;
  close(): Promise<void>;
}

const lockSchema = z.object({ pid: z.number().int(), host: z.string(), since: z.string() });

/**
 * LevelDB lets one process open a folder; a second one would die inside dynalite with an
 * uncatchable error. So the folder is claimed first with a lock file naming the process; a lock
 * left by a process that is gone is taken over.
 */
async function lockFolder(path: string): Promise<() => Promise<void>> {
  const file = join(path, 'thidua.lock');
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, mine, { flag: 'wx' });
      return async () => {
        if ((await readFile(file, 'utf8').catch(() => '')) === mine) await unlink(file).catch(() => {});
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = lockSchema.safeParse(JSON.parse((await readFile(file, 'utf8').catch(() => '{}')) || '{}'));
      if (held.success && (held.data.host !== hostname() || processAlive(held.data.pid)))
        throw new StoreBusyError(`${held.data.host} pid ${held.data.pid}`, held.data.since);
      await unlink(file).catch(() => {}); // stale: its process is gone
    }
  }
  throw new StoreBusyError(null, null);
}

/**
 * Starts dynalite in this process on 127.0.0.1. With `path`, data persists in that folder between
 * runs (LevelDB) and the folder is locked to this process; without, it lives in memory (tests).
 */
export async function startDynalite(options: { path?: string } = {}): Promise<EmbeddedStore> {
  const { default: dynalite } = await import('dynalite');
  let unlock = async () => {};
  if (options.path) {
    await mkdir(options.path, { recursive: true });
    unlock = await lockFolder(options.path);
  }
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path ? { path: options.path } : {}),
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await unlock();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error?: Error) => (error ? reject(error) : resolve()));
      });
      await unlock();
    },
  };
}
