/**
 * A local stand-in for the Sheets v4 and Drive v3 endpoints thidua uses, on 127.0.0.1.
 * It holds spreadsheets in memory and answers like Google: the same paths, A1 ranges, field masks,
 * `valueInputOption` semantics (USER_ENTERED turns "=…" into a formula, RAW never does), atomic
 * `spreadsheets.batchUpdate`, Google's error bodies, and a per-minute quota per user that answers
 * 429 RESOURCE_EXHAUSTED, on a clock tests can speed up. Faults can be injected: 429 bursts, 5xx,
 * slow answers and dropped connections (before or after the request took effect).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type A1Range, formatA1, parseA1, RangeParseError } from '../../shared/adapters/google/a1.ts';
import { realClock } from '../../shared/adapters/os/clock.ts';
import type { Grid, WorkbookGrids } from '../../shared/domain/grid.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import { docxText } from './docx-text.ts';
import { applyFieldMask } from './fields.ts';

type Value = string | number | boolean;
interface CellData {
  value: Value;
  formula?: string;
}
interface SheetData {
  sheetId: number;
  title: string;
  index: number;
  frozenRowCount: number;
  cells: Map<number, Map<number, CellData>>;
  protectedRanges: unknown[];
  validations: { range: unknown; rule: unknown }[];
}
interface SpreadsheetData {
  id: string;
  title: string;
  sheets: SheetData[];
  modifiedTime: number;
  /** Whether the last change came through the API (the service account), not from a person. */
  modifiedByApi: boolean;
  nextProtectedRangeId: number;
  parents: string[];
}

export type CallKind = 'read' | 'write' | 'drive';
export interface CallRecord {
  readonly method: string;
  readonly path: string;
  readonly kind: CallKind;
  /** `values.batchGet`, `spreadsheets.batchUpdate`, `files.list`, … */
  readonly api: string;
  readonly spreadsheetId: string | undefined;
  readonly status: number;
  /** The query string's parameters, as sent (repeated names kept in order). */
  readonly query: readonly (readonly [string, string])[];
  /** The request body's media type (`application/json`, `multipart/related`, …), '' without a body. */
  readonly contentType: string;
  /** The top-level keys of a JSON body (its shape), [] for any other body. */
  readonly bodyKeys: readonly string[];
}

export type FaultKind = '429' | '500' | '503' | 'slow' | 'drop-before' | 'drop-after';
export interface Fault {
  readonly kind: FaultKind;
  /** How many matching requests it hits. */
  count?: number;
  readonly kinds?: readonly CallKind[];
  readonly api?: string;
  /** For `slow`: real milliseconds to wait before answering. */
  readonly delayMs?: number;
}

export interface StandinOptions {
  readonly token: string;
  readonly clock?: Clock;
  /** Requests per minute per user, by kind; Google's defaults are 60/60 for Sheets. */
  readonly quota?: Partial<Record<CallKind, number>>;
}

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const badRequest = (message: string) => new ApiError(400, 'INVALID_ARGUMENT', message);
const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';
const DOCUMENT_MIME = 'application/vnd.google-apps.document';

/** A Google Doc made from an uploaded .docx (Drive converts it): its name, folder, and text. */
interface DocumentData {
  id: string;
  name: string;
  parents: string[];
  /** The document's paragraphs as Drive's plain-text export gives them. */
  text: string;
  modifiedTime: number;
  /** How many times its content was uploaded (created, then each update). */
  uploads: number;
}

/** A multipart/related upload: the JSON metadata part and the media part's bytes. */
function parseMultipart(body: Buffer, contentType: string): { metadata: unknown; media: Buffer | undefined } {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (!boundary) throw new ApiError(400, 'INVALID_ARGUMENT', 'Missing multipart boundary.');
  const parts: Buffer[] = [];
  const marker = Buffer.from(`--${boundary}`);
  let at = body.indexOf(marker);
  while (at >= 0) {
    const next = body.indexOf(marker, at + marker.length);
    if (next < 0) break;
    parts.push(body.subarray(at + marker.length, next));
    at = next;
  }
  const split = (part: Buffer) => {
    const gap = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, gap).toString('utf8');
    let content = part.subarray(gap + 4);
    if (content.subarray(-2).toString() === '\r\n') content = content.subarray(0, -2);
    return { headers, content };
  };
  const [first, second] = parts.map(split);
  return {
    metadata: first ? (JSON.parse(first.content.toString('utf8') || '{}') as unknown) : {},
    media: second?.content,
  };
}

const WINDOW_MS = 60_000;

function gridToCells(grid: Grid): Map<number, Map<number, CellData>> {
  const cells = new Map<number, Map<number, CellData>>();
  grid.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null || value === '') return;
      const line = cells.get(r) ?? new Map<number, CellData>();
      line.set(c, { value });
      cells.set(r, line);
    });
  });
  return cells;
}

export class GoogleStandin {
  readonly calls: CallRecord[] = [];
  private readonly books = new Map<string, SpreadsheetData>();
  private readonly documents = new Map<string, DocumentData>();
  private readonly clock: Clock;
  private readonly quota: Record<CallKind, number>;
  private readonly windows: Record<CallKind, number[]> = { read: [], write: [], drive: [] };
  private readonly faults: Fault[] = [];
  /** Spreadsheets whose sharing with the service account was removed: Sheets answers 403. */
  private readonly revoked = new Set<string>();
  private chaos:
    | { probability: number; kinds: FaultKind[]; random: () => number; delayMs: number }
    | undefined;
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
  putSpreadsheet(id: string, title: string, grids: WorkbookGrids): void {
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
      parents: [],
    });
    this.changed(id);
  }

  /** Drive's change log: every file change, in order; a page token is a position in it. */
  private readonly changeLog: { fileId: string; time: number }[] = [];

  private changed(fileId: string): void {
    this.changeLog.push({ fileId, time: this.clock.now() });
  }

  /** A user types into a cell: the value changes and so does the file's modifiedTime. */
  userEdit(id: string, sheetTitle: string, row: number, col: number, value: Value | null): void {
    const sheet = this.book(id).sheets.find((s) => s.title === sheetTitle);
    if (!sheet) throw new Error(`no sheet ${sheetTitle}`);
    this.setCell(sheet, row, col, value === null ? undefined : { value });
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

  inject(fault: Fault): void {
    this.faults.push({ count: 1, ...fault });
  }

  /** Random faults on a share of requests, deterministically seeded. */
  setChaos(
    chaos: { probability: number; kinds: FaultKind[]; seed: number; delayMs?: number } | undefined,
  ): void {
    if (!chaos) {
      this.chaos = undefined;
      return;
    }
    let a = chaos.seed >>> 0;
    const random = () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = Math.imul(a ^ (a >>> 15), a | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    this.chaos = {
      probability: chaos.probability,
      kinds: chaos.kinds,
      random,
      delayMs: chaos.delayMs ?? 2000,
    };
  }

  count(filter: Partial<Pick<CallRecord, 'api' | 'kind' | 'spreadsheetId' | 'status'>>): number {
    return this.calls.filter((call) =>
      Object.entries(filter).every(([key, value]) => call[key as keyof CallRecord] === value),
    ).length;
  }

  // ——— HTTP ———

  private book(id: string): SpreadsheetData {
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

  private readonly routes: readonly {
    method: string;
    pattern: RegExp;
    api: string;
    kind: CallKind;
    run: (id: string, q: URLSearchParams, body: unknown) => unknown;
  }[] = [
    {
      method: 'GET',
      pattern: /^\/v4\/spreadsheets\/([^/:]+)\/values:batchGet$/,
      api: 'values.batchGet',
      kind: 'read',
      run: (id, q) => this.batchGet(id, q),
    },
    {
      method: 'POST',
      pattern: /^\/v4\/spreadsheets\/([^/:]+)\/values:batchUpdate$/,
      api: 'values.batchUpdate',
      kind: 'write',
      run: (id, _q, body) => this.valuesBatchUpdate(id, body),
    },
    {
      method: 'POST',
      pattern: /^\/v4\/spreadsheets\/([^/:]+):batchUpdate$/,
      api: 'spreadsheets.batchUpdate',
      kind: 'write',
      run: (id, _q, body) => this.batchUpdate(id, body),
    },
    {
      method: 'GET',
      pattern: /^\/v4\/spreadsheets\/([^/:]+)$/,
      api: 'spreadsheets.get',
      kind: 'read',
      run: (id) => this.getSpreadsheet(id),
    },
    {
      method: 'GET',
      pattern: /^\/drive\/v3\/changes\/startPageToken$/,
      api: 'changes.getStartPageToken',
      kind: 'drive',
      run: () => ({ kind: 'drive#startPageToken', startPageToken: String(this.changeLog.length + 1) }),
    },
    {
      method: 'GET',
      pattern: /^\/drive\/v3\/changes$/,
      api: 'changes.list',
      kind: 'drive',
      run: (_id, q) => this.listChanges(q),
    },
    {
      method: 'GET',
      pattern: /^\/drive\/v3\/files$/,
      api: 'files.list',
      kind: 'drive',
      run: (_id, q) => this.listFiles(q),
    },
    {
      method: 'POST',
      pattern: /^\/drive\/v3\/files$/,
      api: 'files.create',
      kind: 'drive',
      run: (_id, _q, body) => this.createFile(body),
    },
    {
      method: 'GET',
      pattern: /^\/drive\/v3\/files\/([^/]+)$/,
      api: 'files.get',
      kind: 'drive',
      run: (id) => {
        const doc = this.documents.get(id);
        return doc ? this.documentFile(doc) : this.fileOf(this.book(id));
      },
    },
    {
      method: 'POST',
      pattern: /^\/upload\/drive\/v3\/files$/,
      api: 'files.create',
      kind: 'drive',
      run: (_id, q, body) => this.uploadDocument(undefined, q, body),
    },
    {
      method: 'PATCH',
      pattern: /^\/upload\/drive\/v3\/files\/([^/]+)$/,
      api: 'files.update',
      kind: 'drive',
      run: (id, q, body) => this.uploadDocument(id, q, body),
    },
    {
      method: 'GET',
      pattern: /^\/drive\/v3\/files\/([^/]+)\/export$/,
      api: 'files.export',
      kind: 'drive',
      run: (id, q) => {
        const doc = this.documents.get(id);
        if (!doc) throw new ApiError(404, 'NOT_FOUND', `File not found: ${id}.`);
        if (q.get('mimeType') !== 'text/plain')
          throw new ApiError(400, 'INVALID_ARGUMENT', 'The stand-in exports documents as text/plain only.');
        return { raw: doc.text };
      },
    },
  ];

  /**
   * files.create / files.update with a .docx upload (uploadType=multipart), converted to a Google
   * Doc as Drive does when the metadata asks for one (create) or the file is one (update).
   */
  private async uploadDocument(id: string | undefined, q: URLSearchParams, body: unknown) {
    const uploadType = q.get('uploadType');
    if (uploadType !== 'multipart' && !(id && uploadType === 'media'))
      throw new ApiError(
        400,
        'INVALID_ARGUMENT',
        `The stand-in does not take uploadType=${uploadType} here.`,
      );
    const { metadata, media } = body as {
      metadata: { name?: string; mimeType?: string; parents?: string[] };
      media?: Buffer;
    };
    if (!media) throw new ApiError(400, 'INVALID_ARGUMENT', 'Media is required.');
    const text = await docxText(media).catch(() => {
      throw new ApiError(400, 'INVALID_ARGUMENT', 'The uploaded file could not be converted.');
    });
    if (id) {
      const doc = this.documents.get(id);
      if (!doc) throw new ApiError(404, 'NOT_FOUND', `File not found: ${id}.`);
      Object.assign(doc, { text, modifiedTime: this.clock.now(), uploads: doc.uploads + 1 });
      return this.documentFile(doc);
    }
    if (metadata.mimeType !== DOCUMENT_MIME)
      throw new ApiError(400, 'INVALID_ARGUMENT', 'The stand-in converts uploads to Google Docs only.');
    const doc: DocumentData = {
      id: newSpreadsheetId(),
      name: metadata.name ?? 'Untitled document',
      parents: [...(metadata.parents ?? [])],
      text,
      modifiedTime: this.clock.now(),
      uploads: 1,
    };
    this.documents.set(doc.id, doc);
    return this.documentFile(doc);
  }

  private documentFile(doc: DocumentData) {
    return {
      kind: 'drive#file',
      id: doc.id,
      name: doc.name,
      mimeType: DOCUMENT_MIME,
      parents: doc.parents,
      modifiedTime: new Date(doc.modifiedTime).toISOString(),
    };
  }

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

    if (req.headers.authorization !== `Bearer ${this.options.token}`) {
      record(api, kind, id, 401);
      this.send(res, 401, {
        error: {
          code: 401,
          message: 'Request had invalid authentication credentials. Expected OAuth 2 access token.',
          status: 'UNAUTHENTICATED',
        },
      });
      return;
    }

    if (id && kind !== 'drive' && this.revoked.has(id)) {
      record(api, kind, id, 403);
      this.send(res, 403, {
        error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' },
      });
      return;
    }

    const fault = this.nextFault(api, kind);
    if (fault === 'drop-before') {
      record(api, kind, id, 0);
      req.socket.destroy();
      return;
    }
    if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, this.slowDelay));
    if (fault === '429' || fault === '500' || fault === '503') {
      const code = Number(fault);
      record(api, kind, id, code);
      this.send(res, code, {
        error:
          code === 429
            ? this.quotaError(kind)
            : {
                code,
                message: 'The service is currently unavailable.',
                status: code === 503 ? 'UNAVAILABLE' : 'INTERNAL',
              },
      });
      return;
    }

    // Sliding one-minute window per user and kind, on the (possibly sped-up) clock.
    const now = this.clock.now();
    const window = this.windows[kind];
    while (window.length && (window[0] ?? 0) <= now - WINDOW_MS) window.shift();
    if (window.length >= this.quota[kind]) {
      record(api, kind, id, 429);
      this.send(res, 429, { error: this.quotaError(kind) });
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

  private slowDelay = 2000;

  private nextFault(api: string, kind: CallKind): FaultKind | undefined {
    const index = this.faults.findIndex(
      (f) => (f.count ?? 1) > 0 && (!f.kinds || f.kinds.includes(kind)) && (!f.api || f.api === api),
    );
    const fault = this.faults[index];
    if (fault) {
      fault.count = (fault.count ?? 1) - 1;
      if (fault.count <= 0) this.faults.splice(index, 1);
      this.slowDelay = fault.delayMs ?? 2000;
      return fault.kind;
    }
    if (this.chaos && this.chaos.random() < this.chaos.probability) {
      this.slowDelay = this.chaos.delayMs;
      return this.chaos.kinds[Math.floor(this.chaos.random() * this.chaos.kinds.length)];
    }
    return undefined;
  }

  private quotaError(kind: CallKind) {
    const metric = kind === 'write' ? 'Write requests' : kind === 'read' ? 'Read requests' : 'Queries';
    const service = kind === 'drive' ? 'drive.googleapis.com' : 'sheets.googleapis.com';
    return {
      code: 429,
      message: `Quota exceeded for quota metric '${metric}' and limit '${metric} per minute per user' of service '${service}' for consumer 'project_number:000000000000'.`,
      status: 'RESOURCE_EXHAUSTED',
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'RATE_LIMIT_EXCEEDED',
          domain: 'googleapis.com',
        },
      ],
    };
  }

  // ——— Sheets ———

  private sheetFor(book: SpreadsheetData, range: string): { sheet: SheetData; a1: A1Range } {
    let a1: A1Range;
    try {
      a1 = parseA1(range);
    } catch (error) {
      if (error instanceof RangeParseError) throw badRequest(`Unable to parse range: ${range}`);
      throw error;
    }
    const sheet = book.sheets.find((s) => s.title === a1.sheet);
    if (!sheet) throw badRequest(`Unable to parse range: ${range}`);
    return { sheet, a1 };
  }

  private extent(sheet: SheetData): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    for (const [r, line] of sheet.cells)
      for (const c of line.keys()) {
        rows = Math.max(rows, r + 1);
        cols = Math.max(cols, c + 1);
      }
    return { rows, cols };
  }

  private batchGet(id: string, q: URLSearchParams) {
    const book = this.book(id);
    const ranges = q.getAll('ranges');
    const render = q.get('valueRenderOption') ?? 'FORMATTED_VALUE';
    if (!['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'].includes(render))
      throw badRequest(
        `Invalid value at 'value_render_option' (type.googleapis.com/google.apps.sheets.v4.ValueRenderOption), "${render}"`,
      );
    const dates = q.get('dateTimeRenderOption') ?? 'SERIAL_NUMBER';
    if (!['SERIAL_NUMBER', 'FORMATTED_STRING'].includes(dates))
      throw badRequest(`Invalid value at 'date_time_render_option', "${dates}"`);
    const valueRanges = ranges.map((range) => {
      const { sheet, a1 } = this.sheetFor(book, range);
      const { rows, cols } = this.extent(sheet);
      const endRow = Math.min(a1.endRow ?? Number.MAX_SAFE_INTEGER, Math.max(rows - 1, a1.startRow));
      const endCol = Math.min(a1.endCol ?? Number.MAX_SAFE_INTEGER, Math.max(cols - 1, a1.startCol));
      const values: Value[][] = [];
      for (let r = a1.startRow; r <= endRow; r++) {
        const line = sheet.cells.get(r);
        const row: Value[] = [];
        for (let c = a1.startCol; c <= endCol; c++) {
          const cell = line?.get(c);
          if (!cell) row.push('');
          else if (render === 'FORMULA' && cell.formula) row.push(cell.formula);
          else if (render === 'FORMATTED_VALUE')
            row.push(typeof cell.value === 'boolean' ? String(cell.value).toUpperCase() : String(cell.value));
          else row.push(cell.value);
        }
        while (row.length && row[row.length - 1] === '') row.pop(); // trailing empty cells are omitted
        values.push(row);
      }
      while (values.length && values[values.length - 1]?.length === 0) values.pop();
      const echoed = formatA1(
        sheet.title,
        a1.startRow,
        a1.startCol,
        a1.endRow ?? Math.max(endRow, a1.startRow),
        a1.endCol ?? Math.max(endCol, a1.startCol),
      );
      return { range: echoed, majorDimension: 'ROWS', ...(values.length ? { values } : {}) };
    });
    return { spreadsheetId: id, valueRanges };
  }

  private setCell(sheet: SheetData, row: number, col: number, cell: CellData | undefined): void {
    const line = sheet.cells.get(row) ?? new Map<number, CellData>();
    if (cell) line.set(col, cell);
    else line.delete(col);
    if (line.size) sheet.cells.set(row, line);
    else sheet.cells.delete(row);
  }

  private valuesBatchUpdate(id: string, body: unknown) {
    const book = this.book(id);
    const input = body as {
      valueInputOption?: string;
      data?: { range: string; values?: unknown[][]; majorDimension?: string }[];
    };
    const option = input?.valueInputOption;
    if (option !== 'RAW' && option !== 'USER_ENTERED')
      throw badRequest('Invalid valueInputOption: INPUT_VALUE_OPTION_UNSPECIFIED');
    let cells = 0;
    let maxRows = 0;
    let maxCols = 0;
    const writes: { sheet: SheetData; row: number; col: number; cell: CellData | undefined }[] = [];
    for (const data of input.data ?? []) {
      const { sheet, a1 } = this.sheetFor(book, data.range);
      (data.values ?? []).forEach((row, r) => {
        if (a1.endRow !== undefined && a1.startRow + r > a1.endRow)
          throw badRequest(
            `Requested writing within range [${data.range}], but tried writing to row [${a1.startRow + r + 1}]`,
          );
        row.forEach((raw, c) => {
          if (a1.endCol !== undefined && a1.startCol + c > a1.endCol)
            throw badRequest(
              `Requested writing within range [${data.range}], but tried writing to column [${a1.startCol + c + 1}]`,
            );
          if (raw === null) return; // null leaves the cell as it is
          if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean')
            throw badRequest(`Invalid values[${r}][${c}]: ${JSON.stringify(raw)}`);
          let cell: CellData | undefined;
          if (raw === '') cell = undefined;
          else if (option === 'USER_ENTERED' && typeof raw === 'string' && raw.startsWith('='))
            cell = { value: '#NAME?', formula: raw };
          else if (option === 'USER_ENTERED' && typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw))
            cell = { value: Number(raw) };
          else cell = { value: raw };
          writes.push({ sheet, row: a1.startRow + r, col: a1.startCol + c, cell });
          cells++;
          maxRows = Math.max(maxRows, r + 1);
          maxCols = Math.max(maxCols, c + 1);
        });
      });
    }
    for (const w of writes) this.setCell(w.sheet, w.row, w.col, w.cell);
    book.modifiedTime = this.clock.now();
    book.modifiedByApi = true;
    this.changed(id);
    return {
      spreadsheetId: id,
      totalUpdatedRows: maxRows,
      totalUpdatedColumns: maxCols,
      totalUpdatedCells: cells,
      totalUpdatedSheets: (input.data ?? []).length,
    };
  }

  private getSpreadsheet(id: string) {
    const book = this.book(id);
    return {
      spreadsheetId: id,
      properties: { title: book.title, locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' },
      sheets: book.sheets.map((s) => ({
        properties: {
          sheetId: s.sheetId,
          title: s.title,
          index: s.index,
          sheetType: 'GRID',
          gridProperties: { rowCount: 1000, columnCount: 26, frozenRowCount: s.frozenRowCount },
        },
        protectedRanges: s.protectedRanges,
      })),
    };
  }

  private batchUpdate(id: string, body: unknown) {
    const original = this.book(id);
    // Atomic like Google: work on a copy, commit only if every request succeeds.
    const book: SpreadsheetData = structuredClone(original);
    const requests = (body as { requests?: Record<string, unknown>[] })?.requests ?? [];
    const replies: unknown[] = [];
    const gridOf = (where: string, range: { sheetId?: number } | undefined) => {
      const sheet = book.sheets.find((s) => s.sheetId === (range?.sheetId ?? 0));
      if (!sheet) throw badRequest(`Invalid ${where}: No grid with id: ${range?.sheetId ?? 0}`);
      return sheet;
    };
    requests.forEach((request, i) => {
      const keys = Object.keys(request);
      const [kind] = keys;
      const where = `requests[${i}].${kind}`;
      const r = request[kind ?? ''] as Record<string, unknown>;
      switch (kind) {
        case 'addSheet': {
          const props = (r.properties ?? {}) as {
            sheetId?: number;
            title?: string;
            index?: number;
            gridProperties?: { frozenRowCount?: number };
          };
          const title = props.title ?? `Sheet${book.sheets.length + 1}`;
          if (book.sheets.some((s) => s.title === title))
            throw badRequest(
              `Invalid ${where}: A sheet with the name "${title}" already exists. Please enter another name.`,
            );
          if (props.sheetId !== undefined && book.sheets.some((s) => s.sheetId === props.sheetId))
            throw badRequest(`Invalid ${where}: Sheet with id ${props.sheetId} already exists.`);
          const sheet: SheetData = {
            sheetId: props.sheetId ?? Math.floor(Math.random() * 2 ** 31),
            title,
            index: props.index ?? book.sheets.length,
            frozenRowCount: props.gridProperties?.frozenRowCount ?? 0,
            cells: new Map(),
            protectedRanges: [],
            validations: [],
          };
          book.sheets.push(sheet);
          replies.push({ addSheet: { properties: { sheetId: sheet.sheetId, title, index: sheet.index } } });
          return;
        }
        case 'deleteSheet': {
          const sheet = gridOf(where, r as { sheetId?: number });
          book.sheets = book.sheets.filter((s) => s !== sheet);
          replies.push({});
          return;
        }
        case 'updateSheetProperties': {
          const props = r.properties as {
            sheetId?: number;
            title?: string;
            gridProperties?: { frozenRowCount?: number };
          };
          if (typeof r.fields !== 'string') throw badRequest(`Invalid ${where}: fields is required`);
          const sheet = gridOf(where, props);
          if (props.gridProperties?.frozenRowCount !== undefined)
            sheet.frozenRowCount = props.gridProperties.frozenRowCount;
          if (props.title) sheet.title = props.title;
          replies.push({});
          return;
        }
        case 'updateCells': {
          if (typeof r.fields !== 'string') throw badRequest(`Invalid ${where}: fields is required`);
          const range = (r.range ?? (r.start ? { ...(r.start as object) } : undefined)) as
            | {
                sheetId?: number;
                startRowIndex?: number;
                endRowIndex?: number;
                startColumnIndex?: number;
                endColumnIndex?: number;
                rowIndex?: number;
                columnIndex?: number;
              }
            | undefined;
          const sheet = gridOf(where, range);
          const startRow = range?.startRowIndex ?? range?.rowIndex ?? 0;
          const startCol = range?.startColumnIndex ?? range?.columnIndex ?? 0;
          const values =
            r.fields === '*' || r.fields.split(',').some((f) => f.trim().startsWith('userEnteredValue'));
          if (values && r.range) {
            // With a range, cells in it that `rows` does not mention are cleared.
            const { rows, cols } = this.extent(sheet);
            for (let row = startRow; row < Math.min(range?.endRowIndex ?? rows, rows); row++)
              for (let col = startCol; col < Math.min(range?.endColumnIndex ?? cols, cols); col++)
                this.setCell(sheet, row, col, undefined);
          }
          const rows = (r.rows ?? []) as { values?: { userEnteredValue?: Record<string, unknown> }[] }[];
          rows.forEach((row, ri) => {
            (row.values ?? []).forEach((cell, ci) => {
              if (!values || !cell.userEnteredValue) return;
              const v = cell.userEnteredValue;
              const at = [startRow + ri, startCol + ci] as const;
              if ('formulaValue' in v)
                this.setCell(sheet, at[0], at[1], { value: '', formula: String(v.formulaValue) });
              else if ('stringValue' in v)
                this.setCell(sheet, at[0], at[1], { value: String(v.stringValue) });
              else if ('numberValue' in v)
                this.setCell(sheet, at[0], at[1], { value: Number(v.numberValue) });
              else if ('boolValue' in v) this.setCell(sheet, at[0], at[1], { value: Boolean(v.boolValue) });
              else throw badRequest(`Invalid ${where}: unknown value ${JSON.stringify(v)}`);
            });
          });
          replies.push({});
          return;
        }
        case 'mergeCells':
        case 'unmergeCells': {
          gridOf(where, (r.range ?? {}) as { sheetId?: number });
          replies.push({});
          return;
        }
        case 'repeatCell':
        case 'updateDimensionProperties':
        case 'updateBorders': {
          const range = (r.range ?? {}) as { sheetId?: number };
          gridOf(where, range);
          if (typeof r.fields !== 'string') throw badRequest(`Invalid ${where}: fields is required`);
          replies.push({});
          return;
        }
        case 'setDataValidation': {
          const sheet = gridOf(where, r.range as { sheetId?: number });
          sheet.validations.push({ range: r.range, rule: r.rule });
          replies.push({});
          return;
        }
        case 'addProtectedRange': {
          const protectedRange = (r.protectedRange ?? {}) as { range?: { sheetId?: number } };
          const sheet = gridOf(where, protectedRange.range);
          const added = { ...protectedRange, protectedRangeId: book.nextProtectedRangeId++ };
          sheet.protectedRanges.push(added);
          replies.push({ addProtectedRange: { protectedRange: added } });
          return;
        }
        default:
          throw badRequest(
            `Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]': Cannot find field.`,
          );
      }
    });
    book.modifiedTime = this.clock.now();
    book.modifiedByApi = true;
    this.books.set(id, book);
    this.changed(id);
    return { spreadsheetId: id, replies };
  }

  // ——— Drive ———

  private createFile(body: unknown) {
    const file = (body ?? {}) as { name?: string; mimeType?: string; parents?: string[] };
    if (file.mimeType !== SPREADSHEET_MIME)
      throw new ApiError(400, 'INVALID_ARGUMENT', 'The stand-in creates Google Sheets files only.');
    const id = newSpreadsheetId();
    this.putSpreadsheet(id, file.name ?? 'Untitled spreadsheet', { 'Trang tính1': [] });
    const book = this.book(id);
    book.parents = [...(file.parents ?? [])];
    return this.fileOf(book);
  }

  private fileOf(book: SpreadsheetData) {
    return {
      kind: 'drive#file',
      id: book.id,
      name: book.title,
      mimeType: SPREADSHEET_MIME,
      modifiedTime: new Date(book.modifiedTime).toISOString(),
      // Drive fills it only for a change by a signed-in user; `me` is the caller (the service account).
      lastModifyingUser: book.modifiedByApi
        ? { kind: 'drive#user', displayName: 'thidua', me: true }
        : { kind: 'drive#user', displayName: 'Người dùng', me: false },
    };
  }

  private listFiles(q: URLSearchParams) {
    const pageSize = Number(q.get('pageSize') ?? 100);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000)
      throw new ApiError(
        400,
        'INVALID_ARGUMENT',
        `Invalid value '${q.get('pageSize')}'. Values must be within the range: [1, 1000]`,
      );
    type Entry = {
      id: string;
      title: string;
      parents: string[];
      modifiedTime: number;
      mimeType: string;
      file: unknown;
    };
    const filters: ((b: Entry) => boolean)[] = [];
    const query = q.get('q');
    if (query)
      for (const clause of query.split(/\s+and\s+/i).map((c) => c.trim())) {
        const mime = /^mimeType\s*=\s*'([^']+)'$/.exec(clause);
        const modified = /^modifiedTime\s*>\s*'([^']+)'$/.exec(clause);
        const parent = /^'([^']+)'\s+in\s+parents$/.exec(clause);
        const name = /^name\s*=\s*'((?:[^'\\]|\\.)*)'$/.exec(clause);
        if (mime) filters.push((b) => mime[1] === b.mimeType);
        else if (parent) filters.push((b) => b.parents.includes(parent[1] ?? ''));
        else if (name) filters.push((b) => b.title === (name[1] ?? '').replace(/\\(.)/g, '$1'));
        else if (/^trashed\s*=\s*false$/.test(clause)) filters.push(() => true);
        else if (modified) {
          const after = Date.parse(modified[1] ?? '');
          filters.push((b) => b.modifiedTime > after);
        } else throw invalidParameter('q');
      }
    const entries: Entry[] = [
      ...[...this.books.values()].map((b) => ({ ...b, mimeType: SPREADSHEET_MIME, file: this.fileOf(b) })),
      ...[...this.documents.values()].map((d) => ({
        id: d.id,
        title: d.name,
        parents: d.parents,
        modifiedTime: d.modifiedTime,
        mimeType: DOCUMENT_MIME,
        file: this.documentFile(d),
      })),
    ];
    const all = entries.filter((b) => filters.every((f) => f(b))).sort((a, b) => (a.id < b.id ? -1 : 1));
    const offset = q.get('pageToken')
      ? Number(Buffer.from(q.get('pageToken') ?? '', 'base64url').toString())
      : 0;
    const page = all.slice(offset, offset + pageSize);
    const next =
      offset + pageSize < all.length
        ? Buffer.from(String(offset + pageSize)).toString('base64url')
        : undefined;
    return {
      kind: 'drive#fileList',
      incompleteSearch: false,
      files: page.map((b) => b.file),
      ...(next ? { nextPageToken: next } : {}),
    };
  }

  /**
   * changes.list as Drive v3 answers a service account: the files it can see (shared with it;
   * items of shared drives — here, files in a folder — only with includeItemsFromAllDrives and
   * supportsAllDrives) that changed since the page token; one change per file per page, the latest;
   * newStartPageToken on the last page.
   */
  private listChanges(q: URLSearchParams) {
    const token = Number(q.get('pageToken'));
    if (!q.get('pageToken') || !Number.isInteger(token) || token < 1 || token > this.changeLog.length + 1)
      throw invalidParameter('pageToken');
    const pageSize = Number(q.get('pageSize') ?? 100);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000)
      throw new ApiError(
        400,
        'INVALID_ARGUMENT',
        `Invalid value '${q.get('pageSize')}'. Values must be within the range: [1, 1000]`,
      );
    const allDrives = q.get('includeItemsFromAllDrives') === 'true' && q.get('supportsAllDrives') === 'true';
    const window = this.changeLog.slice(token - 1, token - 1 + pageSize);
    const end = token + window.length;
    const latest = new Map<string, number>();
    for (const c of window) latest.set(c.fileId, c.time);
    const changes = [...latest].flatMap(([fileId, time]) => {
      const book = this.books.get(fileId);
      if (!book || this.revoked.has(fileId) || (book.parents.length > 0 && !allDrives)) return [];
      return [
        {
          kind: 'drive#change',
          changeType: 'file',
          time: new Date(time).toISOString(),
          removed: false,
          fileId,
          file: this.fileOf(book),
        },
      ];
    });
    const last = end > this.changeLog.length;
    return {
      kind: 'drive#changeList',
      changes,
      ...(last ? { newStartPageToken: String(end) } : { nextPageToken: String(end) }),
    };
  }
}

/** Drive's answer to a parameter it cannot use (a bad query, an unknown page token). */
function invalidParameter(location: string): ApiError {
  return new ApiError(400, 'INVALID_ARGUMENT', 'Invalid Value', {
    errors: [
      { domain: 'global', reason: 'invalid', message: 'Invalid Value', locationType: 'parameter', location },
    ],
  });
}

export const newSpreadsheetId = () => randomUUID().replace(/-/g, '').slice(0, 28);
