/**
 * Workbooks held in memory, behind the sheet ports: for benchmarks and for handler tests that need
 * a sheet medium without files or network. Models are stored as the grids a reader would get back.
 */
import type { Grid, WorkbookGrids } from '../../domain/grid.ts';
import {
  type Counters,
  type OwnedWrite,
  type OwnedWriteOptions,
  type SheetSink,
  type SheetSource,
  WorkbookNotFoundError,
} from '../../ports/index.ts';
import type { SheetTab, WorkbookModel } from '../../present/sheet-model.ts';

/** A tab's values as reading them back gives: formulas replaced by their results. */
export function tabGrid(tab: SheetTab): Grid {
  const grid: Grid = tab.rows.map((row) => Array.from(row, (c) => c ?? null));
  for (const f of tab.formulas ?? []) {
    if (f.result === undefined) continue;
    const row = grid[f.row] ?? [];
    row[f.col] = f.result;
    grid[f.row] = Array.from(row, (c) => c ?? null);
  }
  return grid;
}

export function modelGrids(model: WorkbookModel): WorkbookGrids {
  return Object.fromEntries(model.tabs.map((tab) => [tab.title, tabGrid(tab)]));
}

export class MemoryWorkbooks implements SheetSource, SheetSink {
  private readonly books = new Map<string, { grids: WorkbookGrids; version: number }>();
  private clock = 0;

  constructor(private readonly counters?: Counters) {}

  /** Puts a workbook as a user would have saved it. */
  set(location: string, grids: WorkbookGrids): void {
    this.books.set(location, { grids: structuredClone(grids), version: ++this.clock });
  }

  get(location: string): WorkbookGrids | undefined {
    const book = this.books.get(location);
    return book && structuredClone(book.grids);
  }

  async versions(locations: readonly string[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    for (const location of locations) {
      const book = this.books.get(location);
      if (book) result.set(location, String(book.version));
    }
    return result;
  }

  /** Reads every tab (a whole file costs one read whatever the tabs wanted). */
  async readWorkbook(location: string, _tabs?: readonly string[]): Promise<WorkbookGrids> {
    if (this.counters) this.counters.sheetReads++;
    const book = this.books.get(location);
    if (!book) throw new WorkbookNotFoundError(location);
    return structuredClone(book.grids);
  }

  async writeFeedback(location: string, tab: SheetTab, readVersion?: string): Promise<string | undefined> {
    const book = this.books.get(location);
    if (!book) throw new WorkbookNotFoundError(location);
    if (this.counters) this.counters.sheetWrites++;
    const unchangedSinceRead = String(book.version) === readVersion;
    book.grids[tab.title] = tabGrid(tab);
    book.version = ++this.clock;
    return unchangedSinceRead ? String(book.version) : undefined;
  }

  async writeOwnedWorkbook(
    location: string,
    model: WorkbookModel,
    options?: OwnedWriteOptions,
  ): Promise<OwnedWrite> {
    if (this.counters) this.counters.sheetWrites++;
    const before = this.books.get(location);
    this.books.set(location, { grids: modelGrids(model), version: ++this.clock });
    const kept =
      before && options?.keep
        ? Object.fromEntries(
            options.keep.flatMap((t) => (before.grids[t] ? [[t, structuredClone(before.grids[t])]] : [])),
          )
        : undefined;
    return { location, ...(kept ? { kept } : {}) };
  }

  async createWorkbook(location: string, model: WorkbookModel): Promise<'created' | 'exists'> {
    if (this.books.has(location)) return 'exists';
    await this.writeOwnedWorkbook(location, model);
    return 'created';
  }
}
