/**
 * The CPU work on packages spread over the machine's cores: parsing a thousand unit workbooks,
 * rendering the councils' workbooks and documents is work for one
 * thread at a time in Node. Piscina runs `work.ts` in worker threads; bytes are handed over
 * (transferred, not copied) and the results come back as plain data. A worker starts at
 * `work-entry.mjs`, which registers tsx for its thread (a loader registered on the main thread
 * does not reach workers) and loads `work.ts`. Threads start with the first task.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { WorkbookGrids } from '../../domain/grid.ts';
import { WorkbookReadError } from '../../ports/index.ts';
import type { DocumentModel } from '../../present/documents.ts';
import type { WorkbookModel } from '../../present/sheet-model.ts';
import type { PackageWork } from '../xlsx/workbooks.ts';
import type { Answer } from './work.ts';

/**
 * A worker's young generation, where a parse's rows and a document's elements live and die: twice
 * node's default of 48 MB, so that fewer of them outlive a scavenge and get promoted (GC fell from
 * about 10 % to about 7 % of the workers' time in a first run of the 1,000-unit example; at most
 * 48 MB more memory per worker).
 */
const YOUNG_GENERATION_MB = 96;

/** A buffer of its own (a view of a larger pooled one is copied), so that it can be transferred. */
const own = (bytes: Uint8Array) =>
  bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();

export class WorkPool implements PackageWork {
  private pool: Piscina | undefined;

  constructor(private readonly threads = Number(process.env.THIDUA_THREADS) || availableParallelism()) {}

  private async run<T>(name: string, job: object, transfer: ArrayBuffer[], location = ''): Promise<T> {
    // Workers inherit this process's flags; `work-entry.mjs` registers tsx for them either way.
    this.pool ??= new Piscina({
      filename: new URL('./work-entry.mjs', import.meta.url).href,
      minThreads: this.threads,
      maxThreads: this.threads,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    const answer = (await this.pool.run(job, { name, transferList: transfer })) as Answer<T>;
    if ('value' in answer) return answer.value;
    if (answer.detail !== undefined) throw new WorkbookReadError(location, answer.detail);
    throw new Error(answer.message);
  }

  readonly parse = (bytes: Uint8Array, location: string): Promise<WorkbookGrids> => {
    const mine = own(bytes);
    return this.run('parse', { bytes: mine, location }, [mine.buffer as ArrayBuffer], location);
  };

  readonly render = (model: WorkbookModel): Promise<Uint8Array> => this.run('render', { model }, []);

  readonly docx = (model: DocumentModel): Promise<Uint8Array> => this.run('docx', { model }, []);

  async close(): Promise<void> {
    await this.pool?.destroy();
    this.pool = undefined;
  }
}
