/** The embedded dynalite server used when no DynamoDB endpoint is set (local runs and tests). */
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';

export { type ClientOptions, createDynamoClient, ensureTable } from './client.ts';

export interface EmbeddedStore {
  readonly endpoint: string;
  close(): Promise<void>;
}

/**
 * Starts dynalite in this process on 127.0.0.1. With `path`, data persists in that folder between
 * runs (LevelDB); without, it lives in memory (tests).
 */
export async function startDynalite(options: { path?: string } = {}): Promise<EmbeddedStore> {
  const { default: dynalite } = await import('dynalite');
  if (options.path) await mkdir(options.path, { recursive: true });
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path ? { path: options.path } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error?: Error) => (error ? reject(error) : resolve()));
      }),
  };
}
