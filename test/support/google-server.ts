/**
 * A local stand-in for the Sheets v4 and Drive v3 endpoints thidua uses, on 127.0.0.1.
 * It holds spreadsheets in memory and answers like Google: the same paths, A1 ranges, field masks,
 * `valueInputOption` semantics (USER_ENTERED turns "=…" into a formula, RAW never does), atomic
 * `spreadsheets.batchUpdate`, Google's error bodies, and a per-minute quota per user that answers
 * 429 RESOURCE_EXHAUSTED, on a clock tests can speed up. Faults can be injected: 429 bursts, 5xx,
 * slow answers and dropped connections (before or after the request took effect).
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { realClock } from '../../shared/adapters/os/clock.ts';
import type { WorkbookGrids } from '../../shared/domain/grid.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import { applyFieldMask } from './fields.ts';
import { FaultPlan, faultAnswer, refusalOf } from './standin-faults.ts';
import {
  ApiError,
  type CallKind,
  type CallRecord,
  type DocumentData,
  type Fault,
  type FaultKind,
  type FolderData,
  gridToCells,
  ProtectedCellError,
  parseMultipart,
  protects,
  quotaError,
  type SpreadsheetData,
  type StandinOptions,
  type Value,
  WINDOW_MS,
} from './standin-model.ts';
import { routesOf } from './standin-routes.ts';
import { setCell } from './standin-sheets.ts';

export type { CallKind, CallRecord, Fault, FaultKind, StandinOptions } from './standin-model.ts';
export { newSpreadsheetId, ProtectedCellError } from './standin-model.ts';

export class GoogleStandin {
  readonly calls: CallRecord[] = [];
  readonly books = new Map<string, SpreadsheetData>();
  readonly documents = new Map<string, DocumentData>();
  readonly clock: Clock;
  private readonly quota: Record<CallKind, number>;
  private readonly windows: Record<CallKind, number[]> = { read: [], write: [], drive: [] };
  /** Faults injected by tests, and random ones (chaos). */
  private readonly faultPlan = new FaultPlan();
  /** Spreadsheets whose sharing with the service account was removed: Sheets answers 403. */
  readonly revoked = new Set<string>();
  /** Drive folders the test put (a folder it did not put takes uploads, as a shared-drive folder would). */
  readonly folders = new Map<string, FolderData>();
  /** APIs not enabled in the project: every call to them is refused (403 SERVICE_DISABLED). */
  readonly disabledApis = new Set<'sheets' | 'drive'>();
  private server: Server | undefined;

  constructor(private readonly options: StandinOptions) {
    this.clock = options.clock ?? realClock;
    this.quota = { read: 60, write: 60, drive: 12_000, ...options.quota };
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent)
          this.send(res, 500, { error: { code: 500, message: String(error), status: 'INTERNAL' } });
      });
    });
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/`;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  // ——— seeding and inspection, for tests and the demo (what users do in their browser) ———

  /** Creates or replaces a spreadsheet as users would have filled it. */
  putSpreadsheet(id: string, title: string, grids: WorkbookGrids, where: { driveId?: string } = {}): void {
    const sheets = Object.entries(grids).map(([sheetTitle, grid], index) => ({
      sheetId: index === 0 ? 0 : 1000 + index,
      title: sheetTitle,
      index,
      frozenRowCount: 0,
      cells: gridToCells(grid),
      protectedRanges: [],
      validations: [],
    }));
    this.books.set(id, {
      id,
      title,
      sheets,
      modifiedTime: this.clock.now(),
      modifiedByApi: false,
      nextProtectedRangeId: 1,
      parents: where.driveId ? [where.driveId] : [],
      ...(where.driveId ? { driveId: where.driveId } : {}),
    });
    this.changed(id);
  }

  /** Drive's change log: every file change, in order; a page token is a position in it. */
  readonly changeLog: { fileId: string; time: number }[] = [];

  changed(fileId: string): void {
    this.changeLog.push({ fileId, time: this.clock.now() });
  }

  /**
   * A user types into a cell: the value changes and so does the file's modifiedTime. Typed `as` a
   * person (an e-mail), a cell in a protected range that does not name them as an editor is
   * refused, as Sheets refuses it (a warning-only range lets them through).
   */
  userEdit(id: string, sheetTitle: string, row: number, col: number, value: Value | null, as?: string): void {
    const sheet = this.book(id).sheets.find((s) => s.title === sheetTitle);
    if (!sheet) throw new Error(`no sheet ${sheetTitle}`);
    if (as !== undefined && protects(sheet.protectedRanges, row, col, as))
      throw new ProtectedCellError(`${sheetTitle}!R${row + 1}C${col + 1}`);
    setCell(sheet, row, col, value === null ? undefined : { value });
    this.book(id).modifiedTime = this.clock.now();
    this.book(id).modifiedByApi = false;
    this.changed(id);
  }

  /** A user deletes a tab (thidua's too: nothing in Sheets stops an editor of the spreadsheet). */
  userDeleteSheet(id: string, sheetTitle: string): void {
    const book = this.book(id);
    if (!book.sheets.some((s) => s.title === sheetTitle)) throw new Error(`no sheet ${sheetTitle}`);
    book.sheets = book.sheets.filter((s) => s.title !== sheetTitle);
    book.modifiedTime = this.clock.now();
    book.modifiedByApi = false;
    this.changed(id);
  }

  has(id: string): boolean {
    return this.books.has(id);
  }

  /** The spreadsheets in a Drive folder, by id and title (what the office sees there). */
  spreadsheetsIn(folder: string): { id: string; title: string }[] {
    return [...this.books.values()]
      .filter((b) => b.parents.includes(folder))
      .map((b) => ({ id: b.id, title: b.title }));
  }

  /** The Google Docs in a Drive folder (what a council sees there). */
  documentsIn(folder: string): DocumentData[] {
    return [...this.documents.values()].filter((d) => d.parents.includes(folder));
  }

  /** Someone deletes a document in Drive. */
  deleteDocument(id: string): void {
    this.documents.delete(id);
  }

  sheetTitles(id: string): string[] {
    return this.book(id).sheets.map((s) => s.title);
  }

  /** A tab's content: values, with formula cells as `{ formula }`. */
  cells(id: string, sheetTitle: string): (Value | { formula: string } | null)[][] {
    const sheet = this.book(id).sheets.find((s) => s.title === sheetTitle);
    if (!sheet) throw new Error(`no sheet ${sheetTitle}`);
    const rows: (Value | { formula: string } | null)[][] = [];
    for (const [r, line] of sheet.cells)
      for (const [c, cell] of line) {
        const row = rows[r] ?? [];
        row[c] = cell.formula ? { formula: cell.formula } : cell.value;
        rows[r] = row;
      }
    return Array.from(rows, (row) => Array.from(row ?? [], (v) => v ?? null));
  }

  protectedRanges(id: string, sheetTitle: string): unknown[] {
    return this.book(id).sheets.find((s) => s.title === sheetTitle)?.protectedRanges ?? [];
  }

  validations(id: string, sheetTitle: string): unknown[] {
    return this.book(id).sheets.find((s) => s.title === sheetTitle)?.validations ?? [];
  }

  /** The owner removes the service account's access (Drive still lists the file, as it did before). */
  revoke(id: string): void {
    this.revoked.add(id);
  }

  /** The owner shares the spreadsheet again. */
  restore(id: string): void {
    this.revoked.delete(id);
  }

  /** The owner changes the account's role on a spreadsheet (a reader may not write). */
  share(id: string, role: 'writer' | 'reader'): void {
    this.book(id).role = role;
  }

  /** A Drive folder: in a shared drive or in someone's My Drive, and whether the account may add files. */
  putFolder(id: string, where: { name?: string; driveId?: string; canAdd?: boolean } = {}): void {
    this.folders.set(id, {
      id,
      name: where.name ?? id,
      canAdd: where.canAdd ?? true,
      ...(where.driveId ? { driveId: where.driveId } : {}),
    });
  }

  /**
   * Shared drives a search over all drives leaves out, as Drive may when the account is a member
   * of many: their files are missing from `corpora=allDrives` listings, which say `incompleteSearch`.
   */
  readonly searchMisses = new Set<string>();

  /** The project's API is turned off (or was never turned on), or on again. */
  disableApi(api: 'sheets' | 'drive'): void {
    this.disabledApis.add(api);
  }
  enableApi(api: 'sheets' | 'drive'): void {
    this.disabledApis.delete(api);
  }

  inject(fault: Fault): void {
    this.faultPlan.inject(fault);
  }

  /** The faults injected and not yet spent are dropped (the cause was fixed). */
  clearFaults(): void {
    this.faultPlan.clear();
  }

  /** Random faults on a share of requests, deterministically seeded. */
  setChaos(
    chaos: { probability: number; kinds: FaultKind[]; seed: number; delayMs?: number } | undefined,
  ): void {
    this.faultPlan.setChaos(chaos);
  }

  count(filter: Partial<Pick<CallRecord, 'api' | 'kind' | 'spreadsheetId' | 'status' | 'gridData'>>): number {
    return this.calls.filter((call) =>
      Object.entries(filter).every(([key, value]) => call[key as keyof CallRecord] === value),
    ).length;
  }

  book(id: string): SpreadsheetData {
    const book = this.books.get(id);
    if (!book) throw new ApiError(404, 'NOT_FOUND', 'Requested entity was not found.');
    return book;
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=UTF-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  }

  private readonly routes = routesOf(this);

  private route(method: string, path: string) {
    for (const route of this.routes) {
      const match = route.method === method ? route.pattern.exec(path) : null;
      if (!match) continue;
      const id = match[1];
      return {
        api: route.api,
        kind: route.kind,
        id,
        run: (q: URLSearchParams, body: unknown) => route.run(id ?? '', q, body),
      };
    }
    throw new ApiError(404, 'NOT_FOUND', 'Method not found.');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const method = req.method ?? 'GET';
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const contentType = String(req.headers['content-type'] ?? '').split(';')[0] ?? '';
    const bodyKeys = (): string[] => {
      if (contentType !== 'application/json' || !chunks.length) return [];
      try {
        const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
        return json && typeof json === 'object' ? Object.keys(json) : [];
      } catch {
        return [];
      }
    };
    const record = (api: string, kind: CallKind, id: string | undefined, status: number) =>
      this.calls.push({
        method,
        path,
        kind,
        api,
        spreadsheetId: id,
        status,
        query: [...url.searchParams],
        contentType: chunks.length ? contentType : '',
        bodyKeys: bodyKeys(),
        gridData: api === 'spreadsheets.get' && url.searchParams.has('ranges'),
      });

    let route: ReturnType<GoogleStandin['route']>;
    try {
      route = this.route(method, path);
    } catch (error) {
      const e = error as ApiError;
      record('unknown', 'read', undefined, e.code);
      this.send(res, e.code, { error: { code: e.code, message: e.message, status: e.status } });
      return;
    }
    const { api, kind, id } = route;

    // Who may call, which API is on, what the account may do with the file: refused before anything.
    const refused = refusalOf(this, this.options.token, req.headers.authorization, kind, id);
    if (refused) {
      record(api, kind, id, refused.code);
      this.send(res, refused.code, { error: refused });
      return;
    }

    const fault = this.faultPlan.next(api, kind);
    if (fault === 'drop-before') {
      record(api, kind, id, 0);
      req.socket.destroy();
      return;
    }
    if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, this.faultPlan.slowDelay));
    const faulty = faultAnswer(fault, kind);
    if (faulty) {
      record(api, kind, id, faulty.code);
      this.send(res, faulty.code, { error: faulty });
      return;
    }

    // Sliding one-minute window per user and kind, on the (possibly sped-up) clock.
    const now = this.clock.now();
    const window = this.windows[kind];
    while (window.length && (window[0] ?? 0) <= now - WINDOW_MS) window.shift();
    if (window.length >= this.quota[kind]) {
      record(api, kind, id, 429);
      this.send(res, 429, { error: quotaError(kind) });
      return;
    }
    window.push(now);

    try {
      const raw = Buffer.concat(chunks);
      const contentType = String(req.headers['content-type'] ?? '');
      const body = !chunks.length
        ? undefined
        : contentType.startsWith('multipart/')
          ? parseMultipart(raw, contentType)
          : contentType && !contentType.includes('json')
            ? { metadata: {}, media: raw } // uploadType=media: the bytes alone
            : (JSON.parse(raw.toString('utf8')) as unknown);
      // What a person does in their browser while this request is on its way (tests' timing points).
      this.beforeEffect?.({ api, kind, spreadsheetId: id });
      const result = await route.run(url.searchParams, body);
      record(api, kind, id, 200);
      if (fault === 'drop-after') {
        req.socket.destroy();
        return;
      }
      if (result && typeof result === 'object' && 'raw' in result) {
        const text = String((result as { raw: unknown }).raw);
        res.writeHead(200, {
          'content-type': 'text/plain; charset=UTF-8',
          'content-length': Buffer.byteLength(text),
        });
        res.end(text);
        return;
      }
      this.send(res, 200, applyFieldMask(result, url.searchParams.get('fields')));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      record(api, kind, id, error.code);
      this.send(res, error.code, {
        error: { code: error.code, message: error.message, status: error.status, ...error.extra },
      });
    }
  }

  /**
   * Called just before a request takes effect (after quota and faults): a test saves a clerk's
   * edit there to land it at an exact point of thidua's sequence of calls.
   */
  beforeEffect:
    | ((call: { api: string; kind: CallKind; spreadsheetId: string | undefined }) => void)
    | undefined;
}
