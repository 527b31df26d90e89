/**
 * Google Sheets behind the sheet ports. Reads: one `values.batchGet` per workbook, fixed ranges,
 * UNFORMATTED_VALUE and SERIAL_NUMBER, a field mask, into the same grids the `.xlsx` adapter
 * gives. Versions: Drive `files.list` (modifiedTime), up to 1,000 files a page, so a nightly sync
 * where nothing changed costs a handful of calls for the whole sector. Writes: plain values only
 * (RAW / typed cell values), so text from users never becomes a formula; text that looks like one
 * is also escaped for CSV export. Every call is paced and retried by the GoogleCaller.
 */
import type { drive_v3 } from '@googleapis/drive';
import type { sheets_v4 } from '@googleapis/sheets';
import { z } from 'zod';
import { type Cell, columnLetters, gridSchema, type WorkbookGrids } from '../../domain/grid.ts';
import { LIMITS } from '../../domain/limits.ts';
import { csvSafe, matchKey, stripControls } from '../../domain/text.ts';
import {
  type OwnedWrite,
  type SheetSink,
  type SheetSource,
  SourceUnavailableError,
  WorkbookInaccessibleError,
  WorkbookReadError,
} from '../../ports/index.ts';
import type { CellStyle, SheetTab, Validation, WorkbookModel } from '../../present/sheet-model.ts';
import { MESSAGES } from '../../text/messages.ts';
import { TABS } from '../../text/sheets.ts';
import { quoteSheet } from './a1.ts';
import type { GoogleClients } from './auth.ts';
import { type GoogleCaller, GoogleRequestError, GoogleUnavailableError } from './caller.ts';

/** A layout handed back by the caller: tab title → sheet id (anything else is ignored). */
const layoutSchema = z.record(z.string(), z.number().int().nonnegative());

function parseLayout(layout: string | undefined): Map<string, number> | undefined {
  if (!layout) return undefined;
  try {
    const parsed = layoutSchema.safeParse(JSON.parse(layout));
    return parsed.success ? new Map(Object.entries(parsed.data)) : undefined;
  } catch {
    return undefined;
  }
}

const formatLayout = (model: WorkbookModel, ids: ReadonlyMap<string, number>) =>
  JSON.stringify(Object.fromEntries(model.tabs.map((t) => [t.title, ids.get(t.title) ?? 0])));

/** Whether Google refused the call with a message matching `pattern` (a 400 we know how to handle). */
const googleSaid = (error: unknown, pattern: RegExp): boolean =>
  error instanceof WorkbookReadError && pattern.test(String((error.cause as Error)?.message));

/**
 * Sheet ids for every tab of `tabs`: the existing tab's, or a new one (from 7,000 up, clear of the
 * ids in use) for a tab to add; `added` lists those, in order.
 */
function sheetIdsFor(titles: ReadonlyMap<string, number>, tabs: readonly SheetTab[]) {
  const ids = new Map(titles);
  const added: SheetTab[] = [];
  const used = new Set(titles.values());
  for (const tab of tabs) {
    if (ids.has(tab.title)) continue;
    let sheetId = 7_000 + added.length;
    while (used.has(sheetId)) sheetId++;
    used.add(sheetId);
    ids.set(tab.title, sheetId);
    added.push(tab);
  }
  return { ids, added };
}

const addSheet = (tab: SheetTab, sheetId: number): sheets_v4.Schema$Request => ({
  addSheet: {
    properties: { sheetId, title: tab.title, gridProperties: { frozenRowCount: tab.headerRows ?? 0 } },
  },
});

/** How far each tab is read. Wide and deep enough for the largest unit; Google trims empty cells. */
const TAB_EXTENT: Record<string, string> = {
  [TABS.info]: 'A1:J60',
  [TABS.collective]: 'A1:J100',
  // One row past the limit, so validation can tell the unit that rows were left unread.
  [TABS.individuals]: `A1:${columnLetters(LIMITS.columnsPerTab - 1)}${LIMITS.rowsPerTab + 1}`,
  [TABS.feedback]: 'A1:B2',
  [TABS.registry]: 'A1:Z5000',
};
const DEFAULT_EXTENT = 'A1:Z5000';

/** The feedback tab is always written as this many rows × columns, so an old, longer list is cleared. */
export const FEEDBACK_BLOCK = { rows: 1600, cols: 6 } as const;

const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';
/** Up to this many workbooks, versions are fetched one by one rather than by listing. */
const FEW = 3;

type CellValue = sheets_v4.Schema$ExtendedValue;

function userValue(cell: Cell): CellValue | undefined {
  if (cell === null || cell === '') return undefined;
  if (typeof cell === 'number') return { numberValue: cell };
  if (typeof cell === 'boolean') return { boolValue: cell };
  return { stringValue: csvSafe(cell) };
}

const rawValue = (cell: Cell): string | number | boolean =>
  typeof cell === 'string' ? csvSafe(cell) : (cell ?? '');

function validationRule(rule: Validation, message: string): sheets_v4.Schema$DataValidationRule {
  if (rule.kind === 'list')
    return {
      condition: { type: 'ONE_OF_LIST', values: rule.values.map((v) => ({ userEnteredValue: v })) },
      strict: true,
      showCustomUi: true,
      inputMessage: message,
    };
  return {
    condition: {
      type: 'NUMBER_BETWEEN',
      values: [{ userEnteredValue: String(rule.min) }, { userEnteredValue: String(rule.max) }],
    },
    strict: true,
    inputMessage: message,
  };
}

const FILL_RGB: Record<NonNullable<CellStyle['fill']>, sheets_v4.Schema$Color> = {
  header: { red: 0.906, green: 0.902, blue: 0.902 },
  input: { red: 1, green: 0.973, blue: 0.863 },
  note: { red: 0.949, green: 0.949, blue: 0.949 },
};
const SOLID = { style: 'SOLID', color: { red: 0.5, green: 0.5, blue: 0.5 } };

/** A model style as a Sheets cell format. */
function cellFormat(style: CellStyle): sheets_v4.Schema$CellFormat {
  return {
    ...(style.bold || style.italic || style.size
      ? {
          textFormat: {
            ...(style.bold ? { bold: true } : {}),
            ...(style.italic ? { italic: true } : {}),
            ...(style.size ? { fontSize: style.size } : {}),
          },
        }
      : {}),
    ...(style.align ? { horizontalAlignment: style.align.toUpperCase() } : {}),
    ...(style.valign ? { verticalAlignment: style.valign === 'top' ? 'TOP' : 'MIDDLE' } : {}),
    ...(style.wrap ? { wrapStrategy: 'WRAP' } : {}),
    ...(style.border ? { borders: { top: SOLID, bottom: SOLID, left: SOLID, right: SOLID } } : {}),
    ...(style.fill ? { backgroundColor: FILL_RGB[style.fill] } : {}),
  };
}

/** A grid range from inclusive 0-based rows and columns. */
const gridRange = (sheetId: number, fromRow: number, toRow: number, fromCol: number, toCol: number) => ({
  sheetId,
  startRowIndex: fromRow,
  endRowIndex: toRow + 1,
  startColumnIndex: fromCol,
  endColumnIndex: toCol + 1,
});

/** Each styled cell's combined style (later ranges win), by "row:col". */
function cellStyles(tab: SheetTab): Map<string, CellStyle> {
  const styles = new Map<string, CellStyle>();
  for (const range of tab.styles ?? [])
    for (let r = range.fromRow; r <= range.toRow; r++)
      for (let c = range.fromCol; c <= range.toCol; c++)
        styles.set(`${r}:${c}`, { ...styles.get(`${r}:${c}`), ...range.style });
  return styles;
}

export interface GoogleWorkbooksOptions {
  readonly clients: GoogleClients;
  readonly caller: GoogleCaller;
  /**
   * A shared-drive folder where thidua may create the proposal spreadsheets the registry does not
   * list (service accounts own no Drive storage of their own, so only a shared drive works).
   */
  readonly sharedDriveFolderId?: string;
}

export class GoogleWorkbooks implements SheetSource, SheetSink {
  /** Tabs seen in each spreadsheet by this process, to skip a metadata read before writing feedback. */
  private readonly knownTabs = new Map<string, Set<string>>();

  /** Present only when a shared-drive folder is configured. */
  readonly newWorkbook?: (title: string) => Promise<string>;

  constructor(private readonly options: GoogleWorkbooksOptions) {
    const folder = options.sharedDriveFolderId;
    if (folder) this.newWorkbook = (title) => this.findOrCreate(folder, title);
  }

  /**
   * The spreadsheet named `title` in the folder, created if there is none. Looking first makes a
   * retried creation (after an answer lost on the way) find the first one instead of making two.
   */
  private async findOrCreate(folder: string, title: string): Promise<string> {
    const drive = this.options.clients.driveWrite;
    if (!drive) throw new Error('this Google adapter was built without the write scope');
    const escaped = title.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
    const find = async () => {
      const found = await this.run<{ data: drive_v3.Schema$FileList }>('drive', folder, (o) =>
        drive.files.list(
          {
            q: `'${folder}' in parents and name = '${escaped}' and mimeType = '${SPREADSHEET_MIME}' and trashed = false`,
            fields: 'files(id)',
            pageSize: 10,
            supportsAllDrives: true,
            includeItemsFromAllDrives: true,
          },
          o,
        ),
      );
      return found.data.files?.[0]?.id ?? undefined;
    };
    for (let attempt = 1; ; attempt++) {
      const existing = await find();
      if (existing) return existing;
      try {
        // One attempt only: if the answer is lost, the next round finds what it made.
        const created = await this.run<{ data: drive_v3.Schema$File }>(
          'write',
          folder,
          (o) =>
            drive.files.create(
              {
                requestBody: { name: title, mimeType: SPREADSHEET_MIME, parents: [folder] },
                fields: 'id',
                supportsAllDrives: true,
              },
              o,
            ),
          1,
        );
        if (created.data.id) return created.data.id;
      } catch (error) {
        if (!(error instanceof SourceUnavailableError) || attempt >= 5) throw error;
      }
    }
  }

  private get sheets() {
    return this.options.clients.sheetsRead;
  }

  private get writer(): sheets_v4.Sheets {
    const writer = this.options.clients.sheetsWrite;
    if (!writer) throw new Error('this Google adapter was built without the write scope');
    return writer;
  }

  /** Runs a call; maps Google's answers to the port's errors for one spreadsheet. */
  private async run<T>(
    kind: 'read' | 'write' | 'drive',
    location: string,
    fn: Parameters<GoogleCaller['call']>[1],
    attempts?: number,
  ): Promise<T> {
    try {
      return (await this.options.caller.call(kind, fn, attempts)) as T;
    } catch (error) {
      if (error instanceof GoogleUnavailableError)
        throw new SourceUnavailableError(error.message, { cause: error });
      if (error instanceof GoogleRequestError) {
        if (error.status === 404)
          throw new WorkbookInaccessibleError(location, MESSAGES.GOOGLE_NOT_FOUND(), { cause: error });
        if (error.status === 401 || error.status === 403)
          throw new WorkbookInaccessibleError(location, MESSAGES.NOT_SHARED(), { cause: error });
        throw new WorkbookReadError(location, MESSAGES.GOOGLE_REFUSED(`${error.status} ${error.message}`), {
          cause: error,
        });
      }
      throw error;
    }
  }

  async versions(locations: readonly string[]): Promise<Map<string, string>> {
    const wanted = new Set(locations);
    const result = new Map<string, string>();
    // A few workbooks (a worker's one unit): one `files.get` each beats listing the whole drive.
    if (wanted.size <= FEW) {
      for (const location of wanted) {
        try {
          const time = await this.modifiedTime(location);
          if (time) result.set(location, time);
        } catch (error) {
          if (!(error instanceof WorkbookInaccessibleError)) throw error;
        }
      }
      return result;
    }
    for (const [id, time] of await this.listVersions()) if (wanted.has(id)) result.set(id, time);
    return result;
  }

  /** Every spreadsheet the service account sees, with its modification time (one call per 1,000). */
  async listVersions(): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    for (const file of await this.listFiles(false)) result.set(file.id, file.modifiedTime);
    return result;
  }

  /**
   * The versions of workbooks thidua has just written, for telling a later edit by the council
   * from its own write: a workbook whose last change Drive does not attribute to this account (a
   * person saved in it since our write) gets '' — a version no listing will ever match. One
   * `files.list` per 1,000 spreadsheets (or one `files.get` each for a few), after all the writes.
   */
  async writtenVersions(locations: readonly string[]): Promise<Map<string, string>> {
    const wanted = new Set(locations);
    const result = new Map<string, string>();
    const files =
      wanted.size <= FEW
        ? (await Promise.all([...wanted].map((id) => this.fileVersion(id, true)))).flatMap((f) =>
            f ? [f] : [],
          )
        : (await this.listFiles(true)).filter((f) => wanted.has(f.id));
    for (const file of files) result.set(file.id, file.mine ? file.modifiedTime : '');
    return result;
  }

  private async listFiles(withModifier: boolean) {
    const result: { id: string; modifiedTime: string; mine: boolean }[] = [];
    let pageToken: string | undefined;
    do {
      const token = pageToken;
      const response = await this.run<{ data: drive_v3.Schema$FileList }>('drive', 'files.list', (o) =>
        this.options.clients.drive.files.list(
          {
            q: `mimeType = '${SPREADSHEET_MIME}' and trashed = false`,
            fields: `nextPageToken, files(id, modifiedTime${withModifier ? ', lastModifyingUser(me)' : ''})`,
            pageSize: 1000,
            supportsAllDrives: true,
            includeItemsFromAllDrives: true,
            ...(token ? { pageToken: token } : {}),
          },
          o,
        ),
      );
      for (const file of response.data.files ?? [])
        if (file.id && file.modifiedTime)
          result.push({
            id: file.id,
            modifiedTime: file.modifiedTime,
            mine: file.lastModifyingUser?.me === true,
          });
      pageToken = response.data.nextPageToken ?? undefined;
    } while (pageToken);
    return result;
  }

  /**
   * Spreadsheets changed since `token` (Drive `changes.list`, the files shared with the service
   * account and those of shared drives), each with its modification time, and the token to ask
   * from next time. Without a token: only the current one (`changes.getStartPageToken`). An idle
   * sector costs one call.
   */
  async changesSince(token: string | null): Promise<{ token: string; changed: Map<string, string> }> {
    const drive = this.options.clients.drive;
    if (!token) {
      const start = await this.run<{ data: drive_v3.Schema$StartPageToken }>('drive', 'changes', (o) =>
        drive.changes.getStartPageToken({ supportsAllDrives: true }, o),
      );
      return { token: start.data.startPageToken ?? '', changed: new Map() };
    }
    const changed = new Map<string, string>();
    let pageToken = token;
    for (;;) {
      const page = pageToken;
      const response = await this.run<{ data: drive_v3.Schema$ChangeList }>('drive', 'changes', (o) =>
        drive.changes.list(
          {
            pageToken: page,
            pageSize: 1000,
            supportsAllDrives: true,
            includeItemsFromAllDrives: true,
            fields:
              'nextPageToken, newStartPageToken, changes(fileId, removed, file(id, mimeType, modifiedTime))',
          },
          o,
        ),
      );
      for (const change of response.data.changes ?? [])
        if (
          change.fileId &&
          !change.removed &&
          change.file?.mimeType === SPREADSHEET_MIME &&
          change.file.modifiedTime
        )
          changed.set(change.fileId, change.file.modifiedTime);
      if (response.data.newStartPageToken) return { token: response.data.newStartPageToken, changed };
      pageToken = response.data.nextPageToken ?? '';
      if (!pageToken) return { token: page, changed };
    }
  }

  private async titles(location: string): Promise<Map<string, number>> {
    const response = await this.run<{ data: sheets_v4.Schema$Spreadsheet }>('read', location, (o) =>
      this.sheets.spreadsheets.get(
        { spreadsheetId: location, fields: 'sheets.properties(sheetId,title)' },
        o,
      ),
    );
    const titles = new Map<string, number>();
    for (const sheet of response.data.sheets ?? [])
      if (sheet.properties?.title !== undefined && sheet.properties.title !== null)
        titles.set(sheet.properties.title, sheet.properties.sheetId ?? 0);
    this.knownTabs.set(location, new Set(titles.keys()));
    return titles;
  }

  private async batchGet(
    location: string,
    tabs: readonly { wanted: string; actual: string }[],
  ): Promise<WorkbookGrids> {
    const response = await this.run<{ data: sheets_v4.Schema$BatchGetValuesResponse }>(
      'read',
      location,
      (o) =>
        this.sheets.spreadsheets.values.batchGet(
          {
            spreadsheetId: location,
            ranges: tabs.map((t) => `${quoteSheet(t.actual)}!${TAB_EXTENT[t.wanted] ?? DEFAULT_EXTENT}`),
            valueRenderOption: 'UNFORMATTED_VALUE',
            dateTimeRenderOption: 'SERIAL_NUMBER',
            majorDimension: 'ROWS',
            fields: 'valueRanges(range,values)',
          },
          o,
        ),
    );
    const grids: WorkbookGrids = {};
    const ranges = response.data.valueRanges ?? [];
    tabs.forEach((tab, i) => {
      const parsed = gridSchema.safeParse(ranges[i]?.values ?? []);
      if (!parsed.success)
        throw new WorkbookReadError(location, MESSAGES.GOOGLE_REFUSED('dữ liệu trả về không đúng dạng'));
      // Controls and direction overrides never get past this boundary (as with .xlsx files).
      grids[tab.actual] = parsed.data.map((row) =>
        row.map((cell) => (typeof cell === 'string' ? stripControls(cell) : cell)),
      );
    });
    this.knownTabs.set(location, new Set(tabs.map((t) => t.actual)));
    return grids;
  }

  /**
   * One `values.batchGet` for the wanted tabs. If a tab was renamed or deleted, Google rejects the
   * whole call; then the titles are read and the tabs that exist are fetched (tolerating case and
   * diacritic differences), so the validator can name what is missing.
   */
  async readWorkbook(
    location: string,
    tabs: readonly string[] = [TABS.info, TABS.collective, TABS.individuals, TABS.feedback],
  ): Promise<WorkbookGrids> {
    try {
      return await this.batchGet(
        location,
        tabs.map((t) => ({ wanted: t, actual: t })),
      );
    } catch (error) {
      if (!googleSaid(error, /Unable to parse range/)) throw error;
    }
    const titles = [...(await this.titles(location)).keys()];
    const present = tabs.flatMap((wanted) => {
      const actual = titles.find((t) => matchKey(t) === matchKey(wanted));
      return actual ? [{ wanted, actual }] : [];
    });
    return present.length ? this.batchGet(location, present) : {};
  }

  private async modifiedTime(location: string): Promise<string | undefined> {
    return (await this.fileVersion(location, false))?.modifiedTime;
  }

  private async fileVersion(location: string, withModifier: boolean) {
    try {
      const response = await this.run<{ data: drive_v3.Schema$File }>('drive', location, (o) =>
        this.options.clients.drive.files.get(
          {
            fileId: location,
            fields: withModifier ? 'modifiedTime, lastModifyingUser(me)' : 'modifiedTime',
            supportsAllDrives: true,
          },
          o,
        ),
      );
      const time = response.data.modifiedTime;
      return time
        ? { id: location, modifiedTime: time, mine: response.data.lastModifyingUser?.me === true }
        : undefined;
    } catch (error) {
      if (withModifier && error instanceof WorkbookInaccessibleError) return undefined;
      throw error;
    }
  }

  private async batchUpdate(location: string, requests: sheets_v4.Schema$Request[]): Promise<void> {
    if (requests.length === 0) return;
    await this.run('write', location, (o) =>
      this.writer.spreadsheets.batchUpdate({ spreadsheetId: location, requestBody: { requests } }, o),
    );
  }

  /** Adds the tabs that are missing; a retry after a lost answer finds them there and goes on. */
  private async ensureTabs(
    location: string,
    tabs: readonly SheetTab[],
    setup: (tab: SheetTab, sheetId: number) => sheets_v4.Schema$Request[],
  ) {
    let titles = await this.titles(location);
    const { ids, added } = sheetIdsFor(titles, tabs);
    if (added.length === 0) return { titles, created: [] as string[] };
    const requests = added.flatMap((tab) => {
      const sheetId = ids.get(tab.title) ?? 0;
      return [addSheet(tab, sheetId), ...setup(tab, sheetId)];
    });
    try {
      await this.batchUpdate(location, requests);
    } catch (error) {
      if (!googleSaid(error, /already exists/)) throw error;
    }
    titles = await this.titles(location);
    return { titles, created: added.map((t) => t.title) };
  }

  private protection(tab: SheetTab, sheetId: number): sheets_v4.Schema$Request[] {
    const email = this.options.clients.serviceAccountEmail;
    const protect = (range: sheets_v4.Schema$GridRange, description: string): sheets_v4.Schema$Request => ({
      addProtectedRange: {
        protectedRange: {
          range,
          description,
          // With the service account as the only editor, others cannot type over it; without a
          // known address, Sheets warns before an edit.
          ...(email ? { warningOnly: false, editors: { users: [email] } } : { warningOnly: true }),
        },
      },
    });
    const requests: sheets_v4.Schema$Request[] = [];
    if (tab.protection === 'all') requests.push(protect({ sheetId }, `thidua: ${tab.title}`));
    if (tab.protection === 'header') {
      if (tab.headerRows)
        requests.push(
          protect({ sheetId, startRowIndex: 0, endRowIndex: tab.headerRows }, 'thidua: dòng tiêu đề'),
        );
      // Locked cells, squeezed into one range per run of rows in a column (a range per cell would be hundreds).
      const byColumn = new Map<number, number[]>();
      for (const cell of tab.lockedCells ?? [])
        byColumn.set(cell.col, [...(byColumn.get(cell.col) ?? []), cell.row]);
      for (const [col, rows] of byColumn) {
        rows.sort((a, b) => a - b);
        let start = rows[0] ?? 0;
        rows.forEach((row, i) => {
          const next = rows[i + 1];
          if (next === row + 1) return;
          requests.push(
            protect(
              {
                sheetId,
                startRowIndex: start,
                endRowIndex: row + 1,
                startColumnIndex: col,
                endColumnIndex: col + 1,
              },
              'thidua: ô do hệ thống điền',
            ),
          );
          start = next ?? 0;
        });
      }
    }
    if (tab.headerRows)
      requests.push({
        repeatCell: {
          range: { sheetId, startRowIndex: 0, endRowIndex: tab.headerRows },
          cell: { userEnteredFormat: { textFormat: { bold: true }, wrapStrategy: 'WRAP' } },
          fields: 'userEnteredFormat(textFormat,wrapStrategy)',
        },
      });
    return requests;
  }

  private validations(tab: SheetTab, sheetId: number): sheets_v4.Schema$Request[] {
    return (tab.validations ?? []).map((v) => ({
      setDataValidation: {
        range: gridRange(sheetId, v.fromRow, v.toRow, v.col, v.col),
        rule: validationRule(v.rule, v.message),
      },
    }));
  }

  /**
   * The tab's values (and formulas) as typed cell data: a plain value can never be read as a
   * formula. With `formats`, each cell also carries its format (bold, borders, wrapping, fill).
   */
  private cellRows(tab: SheetTab, formats = false): sheets_v4.Schema$RowData[] {
    const formulas = new Map((tab.formulas ?? []).map((f) => [`${f.row}:${f.col}`, f.formula]));
    const styles = formats ? cellStyles(tab) : new Map<string, CellStyle>();
    const styled = [...styles.keys()].map((key) => key.split(':').map(Number) as [number, number]);
    const height = Math.max(
      tab.rows.length,
      ...(tab.formulas ?? []).map((f) => f.row + 1),
      ...styled.map(([r]) => r + 1),
    );
    return Array.from({ length: height }, (_, r) => {
      const row = tab.rows[r] ?? [];
      const width = Math.max(
        row.length,
        ...(tab.formulas ?? []).filter((f) => f.row === r).map((f) => f.col + 1),
        ...styled.filter(([sr]) => sr === r).map(([, c]) => c + 1),
      );
      return {
        values: Array.from({ length: width }, (_, c) => {
          const formula = formulas.get(`${r}:${c}`);
          const value = formula ? { formulaValue: `=${formula}` } : userValue(row[c] ?? null);
          const style = styles.get(`${r}:${c}`);
          return {
            ...(value ? { userEnteredValue: value } : {}),
            ...(style ? { userEnteredFormat: cellFormat(style) } : {}),
          };
        }),
      };
    });
  }

  /** Column widths, row heights and merged cells of a tab thidua owns (pixels: ~7 a character, 4/3 a point). */
  private layout(tab: SheetTab, sheetId: number): sheets_v4.Schema$Request[] {
    return [
      { unmergeCells: { range: { sheetId } } },
      ...(tab.columnWidths ?? []).map((width, i) => ({
        updateDimensionProperties: {
          range: { sheetId, dimension: 'COLUMNS', startIndex: i, endIndex: i + 1 },
          properties: { pixelSize: Math.round(width * 7 + 5) },
          fields: 'pixelSize',
        },
      })),
      ...(tab.rowHeights ?? []).map((h) => ({
        updateDimensionProperties: {
          range: { sheetId, dimension: 'ROWS', startIndex: h.row, endIndex: h.row + 1 },
          properties: { pixelSize: Math.round((h.height * 4) / 3) },
          fields: 'pixelSize',
        },
      })),
      ...(tab.merges ?? []).map((m) => ({
        mergeCells: {
          range: gridRange(sheetId, m.fromRow, m.toRow, m.fromCol, m.toCol),
          mergeType: 'MERGE_ALL',
        },
      })),
    ];
  }

  /**
   * Feedback: when the tab is known to exist, a single `values.batchUpdate` (RAW) of a fixed-size
   * block; otherwise the tab is added first (protected, header in bold). Google cannot say whether a clerk edited the spreadsheet between our read and this write, so
   * no version is returned: the next sync reads the workbook once more (an edit is never missed),
   * finds the same content, and writes nothing to it.
   */
  async writeFeedback(location: string, tab: SheetTab, _readVersion?: string): Promise<string | undefined> {
    if (!this.knownTabs.get(location)?.has(tab.title))
      await this.ensureTabs(location, [tab], (t, sheetId) => this.protection(t, sheetId));
    const values = Array.from({ length: FEEDBACK_BLOCK.rows }, (_, r) =>
      Array.from({ length: FEEDBACK_BLOCK.cols }, (_, c) => rawValue(tab.rows[r]?.[c] ?? null)),
    );
    await this.run('write', location, (o) =>
      this.writer.spreadsheets.values.batchUpdate(
        {
          spreadsheetId: location,
          requestBody: {
            valueInputOption: 'RAW',
            data: [
              {
                range: `${quoteSheet(tab.title)}!A1:${columnLetters(FEEDBACK_BLOCK.cols - 1)}${FEEDBACK_BLOCK.rows}`,
                values,
              },
            ],
          },
        },
        o,
      ),
    );
    return undefined;
  }

  /**
   * A workbook thidua owns (a council's proposal), made by the emulation office and listed in the
   * registry: each tab's values and formats replaced, missing tabs added — all in one atomic
   * `batchUpdate`, so a council never sees half a proposal. With the layout of the last write
   * (the tabs' sheet ids) that is the only call; without it, or when someone deleted a tab since,
   * one `spreadsheets.get` first. Returns the layout to hand back next time.
   */
  async writeOwnedWorkbook(location: string, model: WorkbookModel, layout?: string): Promise<OwnedWrite> {
    const known = parseLayout(layout);
    if (known && model.tabs.every((t) => known.has(t.title)))
      try {
        await this.batchUpdate(location, this.ownedRequests(model, known, new Set()));
        return { location, layout: formatLayout(model, known) };
      } catch (error) {
        // A tab deleted or renamed since: look, and write again below.
        if (!googleSaid(error, /No grid with id/)) throw error;
      }
    for (let attempt = 1; ; attempt++) {
      const { ids, added } = sheetIdsFor(await this.titles(location), model.tabs);
      try {
        await this.batchUpdate(location, this.ownedRequests(model, ids, new Set(added.map((t) => t.title))));
        return { location, layout: formatLayout(model, ids) };
      } catch (error) {
        // An earlier attempt whose answer was lost added the tabs: look again and write.
        if (attempt >= 3 || !googleSaid(error, /already exists/)) throw error;
      }
    }
  }

  /** The requests that make each tab of `model` what it says; `added` tabs are created first. */
  private ownedRequests(
    model: WorkbookModel,
    ids: ReadonlyMap<string, number>,
    added: ReadonlySet<string>,
  ): sheets_v4.Schema$Request[] {
    return model.tabs.flatMap((tab) => {
      const sheetId = ids.get(tab.title) ?? 0;
      // Values and formats replace the whole tab; merges are undone and made again (a list's length changes).
      return [
        ...(added.has(tab.title) ? [addSheet(tab, sheetId), ...this.protection(tab, sheetId)] : []),
        {
          updateCells: {
            range: { sheetId },
            rows: this.cellRows(tab, true),
            fields: 'userEnteredValue,userEnteredFormat',
          },
        },
        ...this.layout(tab, sheetId),
      ];
    });
  }

  /**
   * Template in Google: the spreadsheet exists (the office made it and shared it); tabs that are
   * missing are added with headers, validation and protection. Tabs that exist are not touched, so
   * nothing a unit typed is changed.
   */
  async createWorkbook(location: string, model: WorkbookModel): Promise<'created' | 'exists'> {
    const { created } = await this.ensureTabs(location, model.tabs, (tab, sheetId) => [
      {
        updateCells: {
          start: { sheetId, rowIndex: 0, columnIndex: 0 },
          rows: this.cellRows(tab),
          fields: 'userEnteredValue',
        },
      },
      ...this.validations(tab, sheetId),
      ...this.protection(tab, sheetId),
    ]);
    return created.length ? 'created' : 'exists';
  }
}
