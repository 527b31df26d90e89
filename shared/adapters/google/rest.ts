/**
 * The Sheets and Drive methods thidua calls, as plain REST over `fetch`: the same method names,
 * parameters and `{ data }` answers as the generated clients (`@googleapis/sheets`, `/drive`,
 * whose types are used here and nothing else), without their runtime — 380 KB and 75–95 ms of
 * every function's cold start with google-auth-library (issue 12). Retries, pacing and timeouts
 * are the caller's (GoogleCaller); an error carries the HTTP status and Google's error body as
 * the generated clients' errors do, so `classify` reads both alike.
 */
import type { drive_v3 } from '@googleapis/drive';
import type { sheets_v4 } from '@googleapis/sheets';

/** Where a request's access token comes from (cached and refreshed inside). */
export interface TokenSource {
  token(): Promise<string>;
}

/** What GoogleCaller passes to every call. */
export interface RequestOptions {
  readonly timeout?: number;
  readonly retry?: boolean;
}

export interface Media {
  readonly mimeType: string;
  readonly body: Uint8Array;
}

/** An HTTP error answer, shaped as the generated clients' errors (`status`, `response.data.error`). */
export class GoogleHttpError extends Error {
  override readonly name = 'GoogleHttpError';
  readonly code: number;
  readonly response: { readonly status: number; readonly data: unknown };
  constructor(
    readonly status: number,
    data: unknown,
    message: string,
  ) {
    super(message);
    this.code = status;
    this.response = { status, data };
  }
}

/** No answer at all (refused, reset, timed out): `code` names the cause for `classify`. */
export class GoogleNetworkError extends Error {
  override readonly name = 'GoogleNetworkError';
  constructor(
    message: string,
    readonly code: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

type Query = Record<string, unknown>;

function queryString(params: Query): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, String(v));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const BOUNDARY = 'thidua-upload-boundary-7f3c';

/**
 * An upload as the generated clients send it: the bytes alone (`uploadType=media`) when there is
 * no metadata, else the JSON metadata then the bytes in one multipart/related body.
 */
function upload(
  metadata: unknown,
  media: Media,
): { uploadType: string; body: { multipart: Buffer } | { media: Media } } {
  return metadata === undefined
    ? { uploadType: 'media', body: { media } }
    : { uploadType: 'multipart', body: { multipart: multipart(metadata, media) } };
}

function multipart(metadata: unknown, media: Media): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${JSON.stringify(metadata ?? {})}\r\n` +
        `--${BOUNDARY}\r\nContent-Type: ${media.mimeType}\r\n\r\n`,
    ),
    Buffer.from(media.body.buffer, media.body.byteOffset, media.body.byteLength),
    Buffer.from(`\r\n--${BOUNDARY}--`),
  ]);
}

class Rest {
  constructor(
    private readonly auth: TokenSource,
    private readonly root: string,
  ) {}

  async request<T>(
    method: string,
    path: string,
    query: Query,
    options: RequestOptions | undefined,
    body?: { json: unknown } | { multipart: Buffer } | { media: Media },
  ): Promise<{ data: T; status: number }> {
    const headers: Record<string, string> = { authorization: `Bearer ${await this.auth.token()}` };
    let payload: string | Uint8Array | undefined;
    if (body && 'json' in body) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json ?? {});
    } else if (body && 'multipart' in body) {
      headers['content-type'] = `multipart/related; boundary=${BOUNDARY}`;
      payload = body.multipart;
    } else if (body) {
      headers['content-type'] = body.media.mimeType;
      payload = body.media.body;
    }
    const url = `${this.root}${path}${queryString(query)}`;
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method,
        headers,
        ...(payload !== undefined ? { body: payload } : {}),
        ...(options?.timeout ? { signal: AbortSignal.timeout(options.timeout) } : {}),
      });
      text = await response.text();
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') throw error;
      throw new GoogleNetworkError(
        `${method} ${path}: ${cause?.message ?? (error as Error).message}`,
        cause?.code ?? 'ECONNRESET',
        { cause: error },
      );
    }
    const json = (response.headers.get('content-type') ?? '').includes('json');
    let data: unknown = text;
    if (json && text) {
      try {
        data = JSON.parse(text) as unknown;
      } catch {
        // A body cut short is no answer: the caller tries again rather than read half of it.
        if (response.ok)
          throw new GoogleNetworkError(
            `${method} ${path}: unreadable answer (${text.length} bytes)`,
            'ECONNRESET',
          );
        data = text;
      }
    }
    if (!response.ok) {
      const message =
        (data as { error?: { message?: string } } | undefined)?.error?.message ??
        `${response.status} ${text.slice(0, 200)}`;
      throw new GoogleHttpError(response.status, data, message);
    }
    return { data: data as T, status: response.status };
  }
}

const id = encodeURIComponent;

function split<P extends object, K extends keyof P>(params: P, keys: readonly K[]): [Pick<P, K>, Query] {
  const picked = {} as Pick<P, K>;
  const rest: Query = {};
  for (const [key, value] of Object.entries(params)) {
    if ((keys as readonly string[]).includes(key)) (picked as Record<string, unknown>)[key] = value;
    else rest[key] = value;
  }
  return [picked, rest];
}

export function sheetsApi(auth: TokenSource, rootUrl = 'https://sheets.googleapis.com/') {
  const rest = new Rest(auth, rootUrl);
  return {
    spreadsheets: {
      get: (params: sheets_v4.Params$Resource$Spreadsheets$Get, o?: RequestOptions) => {
        const [{ spreadsheetId }, query] = split(params, ['spreadsheetId']);
        return rest.request<sheets_v4.Schema$Spreadsheet>(
          'GET',
          `v4/spreadsheets/${id(spreadsheetId ?? '')}`,
          query,
          o,
        );
      },
      batchUpdate: (params: sheets_v4.Params$Resource$Spreadsheets$Batchupdate, o?: RequestOptions) => {
        const [{ spreadsheetId, requestBody }, query] = split(params, ['spreadsheetId', 'requestBody']);
        return rest.request<sheets_v4.Schema$BatchUpdateSpreadsheetResponse>(
          'POST',
          `v4/spreadsheets/${id(spreadsheetId ?? '')}:batchUpdate`,
          query,
          o,
          { json: requestBody },
        );
      },
      values: {
        batchGet: (params: sheets_v4.Params$Resource$Spreadsheets$Values$Batchget, o?: RequestOptions) => {
          const [{ spreadsheetId }, query] = split(params, ['spreadsheetId']);
          return rest.request<sheets_v4.Schema$BatchGetValuesResponse>(
            'GET',
            `v4/spreadsheets/${id(spreadsheetId ?? '')}/values:batchGet`,
            query,
            o,
          );
        },
        batchUpdate: (
          params: sheets_v4.Params$Resource$Spreadsheets$Values$Batchupdate,
          o?: RequestOptions,
        ) => {
          const [{ spreadsheetId, requestBody }, query] = split(params, ['spreadsheetId', 'requestBody']);
          return rest.request<sheets_v4.Schema$BatchUpdateValuesResponse>(
            'POST',
            `v4/spreadsheets/${id(spreadsheetId ?? '')}/values:batchUpdate`,
            query,
            o,
            { json: requestBody },
          );
        },
      },
    },
  };
}
export type SheetsApi = ReturnType<typeof sheetsApi>;

type WithMedia<P> = Omit<P, 'media'> & { media?: Media };

export function driveApi(auth: TokenSource, rootUrl = 'https://www.googleapis.com/') {
  const rest = new Rest(auth, rootUrl);
  return {
    files: {
      list: (params: drive_v3.Params$Resource$Files$List, o?: RequestOptions) =>
        rest.request<drive_v3.Schema$FileList>('GET', 'drive/v3/files', { ...params }, o),
      get: (params: drive_v3.Params$Resource$Files$Get, o?: RequestOptions) => {
        const [{ fileId }, query] = split(params, ['fileId']);
        return rest.request<drive_v3.Schema$File>('GET', `drive/v3/files/${id(fileId ?? '')}`, query, o);
      },
      create: (params: WithMedia<drive_v3.Params$Resource$Files$Create>, o?: RequestOptions) => {
        const [{ requestBody, media }, query] = split(params, ['requestBody', 'media']);
        if (!media)
          return rest.request<drive_v3.Schema$File>('POST', 'drive/v3/files', query, o, {
            json: requestBody,
          });
        const { uploadType, body } = upload(requestBody, media);
        return rest.request<drive_v3.Schema$File>(
          'POST',
          'upload/drive/v3/files',
          { ...query, uploadType },
          o,
          body,
        );
      },
      update: (params: WithMedia<drive_v3.Params$Resource$Files$Update>, o?: RequestOptions) => {
        const [{ fileId, requestBody, media }, query] = split(params, ['fileId', 'requestBody', 'media']);
        const path = `drive/v3/files/${id(fileId ?? '')}`;
        if (!media) return rest.request<drive_v3.Schema$File>('PATCH', path, query, o, { json: requestBody });
        const { uploadType, body } = upload(requestBody, media);
        return rest.request<drive_v3.Schema$File>(
          'PATCH',
          `upload/${path}`,
          { ...query, uploadType },
          o,
          body,
        );
      },
      /** The file's content in another format, as text (what thidua exports is text). */
      export: (params: drive_v3.Params$Resource$Files$Export, o?: RequestOptions) => {
        const [{ fileId }, query] = split(params, ['fileId']);
        return rest.request<string>('GET', `drive/v3/files/${id(fileId ?? '')}/export`, query, o);
      },
    },
    changes: {
      getStartPageToken: (params: drive_v3.Params$Resource$Changes$Getstartpagetoken, o?: RequestOptions) =>
        rest.request<drive_v3.Schema$StartPageToken>(
          'GET',
          'drive/v3/changes/startPageToken',
          { ...params },
          o,
        ),
      list: (params: drive_v3.Params$Resource$Changes$List, o?: RequestOptions) =>
        rest.request<drive_v3.Schema$ChangeList>('GET', 'drive/v3/changes', { ...params }, o),
    },
  };
}
export type DriveApi = ReturnType<typeof driveApi>;
