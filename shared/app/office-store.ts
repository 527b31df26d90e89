/**
 * The stores an office had before it had one. thidua used to keep a store per registry file —
 * `.thidua/db/<folder>-<hash of the registry's path>` in the folder it was run from — so each year's
 * registry had its own. The first time an office's own store is opened, their data (accepted
 * submissions, units' states, councils' choices, publications and their audit) is carried into it;
 * the old folders are left as they were. An item of one emulation year is taken from the store of
 * that year's folder when several hold it (a run with the wrong --year wrote into another year's).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Item } from '../adapters/dynamodb/batches.ts';
import { putItems, scanData } from '../adapters/dynamodb/copy.ts';
import { createDynamoClient, ensureTable, startDynalite } from '../adapters/dynamodb/local.ts';
import { DATA_DIR, type Office, REGISTRY_FILE, yearOfFolder, yearRegistries } from './office.ts';

/** The folder the earlier thidua kept a registry's store in, relative to where it was run. */
export function legacyDir(cwd: string, registryPath: string): string {
  const base = basename(dirname(registryPath))
    .normalize('NFD')
    .replace(/[^A-Za-z0-9_-]+/g, '')
    .slice(0, 24);
  const hash = createHash('sha256').update(registryPath).digest('hex').slice(0, 8);
  return join(cwd, DATA_DIR, 'db', `${base || 'danh-muc'}-${hash}`);
}

/** The earlier stores of the office's registries that are there, each with its folder's year. */
export function legacyStores(office: Office, cwd: string): { dir: string; year: number | undefined }[] {
  const registries = [...yearRegistries(office.root).values(), join(office.root, REGISTRY_FILE)];
  return registries
    .map((path) => ({ dir: legacyDir(cwd, path), year: yearOfFolder(dirname(path)) }))
    .filter((store) => existsSync(store.dir));
}

/** Carries the earlier stores' data into the office's store at `storeDir`; returns how many items. */
export async function adoptLegacyStores(
  storeDir: string,
  table: string,
  legacy: readonly { dir: string; year: number | undefined }[],
): Promise<number> {
  const chosen = new Map<string, { item: Item; own: boolean }>();
  for (const store of legacy) {
    const server = await startDynalite({ path: store.dir });
    try {
      const client = createDynamoClient({ endpoint: server.endpoint, localCredentials: true });
      await ensureTable(client, table);
      for (const { item, year } of await scanData(client, table)) {
        const key = `${String(item.pk)}\u0000${String(item.sk)}`;
        const own = year !== null && year === store.year;
        const held = chosen.get(key);
        if (!held || (own && !held.own)) chosen.set(key, { item, own });
      }
    } finally {
      await server.close();
    }
  }
  const target = await startDynalite({ path: storeDir });
  try {
    const client = createDynamoClient({ endpoint: target.endpoint, localCredentials: true });
    await ensureTable(client, table);
    await putItems(
      client,
      table,
      [...chosen.values()].map((c) => c.item),
    );
  } finally {
    await target.close();
  }
  return chosen.size;
}
