/**
 * Google Sheets behind the sheet ports. Reads: one `spreadsheets.get` per workbook, fixed ranges,
 * a field mask (each tab's id and its cells' effective values), into the same grids the `.xlsx`
 * adapter gives (`grid-data.ts`). Versions: Drive `files.list` (modifiedTime), up to 1,000 files a page, so a nightly sync
 * where nothing changed costs a handful of calls for the whole sector. Writes: plain values only
 * (RAW / typed cell values), so text from users never becomes a formula; text that looks like one
 * is also escaped for CSV export. Every call is paced and retried by the GoogleCaller.
 */

import type { sheets_v4 } from '@googleapis/sheets';
import type { WorkbookGrids } from '../../domain/grid.ts';
import { matchKey } from '../../domain/text.ts';
import {
  type OwnedWrite,
  type OwnedWriteOptions,
  type SheetSink,
  type SheetSource,
  WorkbookReadError,
} from '../../ports/index.ts';
import type { SheetTab, WorkbookModel } from '../../present/sheet-model.ts';
import { MESSAGES } from '../../text/messages.ts';
import { TABS } from '../../text/sheets.ts';
import { quoteSheet } from './a1.ts';
import type { GoogleClients } from './auth.ts';
import type { GoogleCaller } from './caller.ts';
import { DriveFiles } from './drive-files.ts';
import { batchUpdateAnswering, mappedCaller } from './google-calls.ts';
import { GRID_FIELDS, gridsDigest, gridsOf } from './grid-data.ts';
import { writeOwned } from './owned-write.ts';
import {
  addSheet,
  cellRows,
  DEFAULT_EXTENT,
  FEEDBACK_BLOCK,
  feedbackRows,
  googleSaid,
  protection,
  sheetIdsFor,
  TAB_EXTENT,
  validations,
} from './sheet-requests.ts';

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
  /**
   * The tabs (and their ids) seen in each spreadsheet by this process: a feedback write needs no
   * metadata read first, and `updateCells` needs the id.
   */
  private readonly sheetIds = new Map<string, Map<string, number>>();

  /** What this process last read of each spreadsheet: the ranges, and a digest of their values. */
  private readonly lastRead = new Map<string, { ranges: string[]; titles: string[]; digest: string }>();

  /** Present only when a shared-drive folder is configured. */
  readonly newWorkbook?: (title: string) => Promise<string>;

  /** Drive: versions, changes, spreadsheets made in the shared drive. */
  private readonly files: DriveFiles;

  /** Runs a call; maps Google's answers to the port's errors for one spreadsheet. */
  private readonly run: ReturnType<typeof mappedCaller>;

  constructor(private readonly options: GoogleWorkbooksOptions) {
    this.run = mappedCaller(options.caller);
    this.files = new DriveFiles(options.clients, options.caller);
    const folder = options.sharedDriveFolderId;
    if (folder) this.newWorkbook = (title) => this.files.findOrCreate(folder, title);
  }

  versions(locations: readonly string[]): Promise<Map<string, string>> {
    return this.files.versions(locations);
  }

  /** Every spreadsheet the account sees; `incomplete` when Drive's search left some drives out. */
  listVersions(): Promise<Map<string, string> & { readonly incomplete: boolean }> {
    return this.files.listVersions();
  }

  writtenVersions(locations: readonly string[]): Promise<Map<string, string>> {
    return this.files.writtenVersions(locations);
  }

  changesSince(token: string | null): Promise<{ token: string; changed: Map<string, string> }> {
    return this.files.changesSince(token);
  }

  private get sheets() {
    return this.options.clients.sheetsRead;
  }

  private get writer(): sheets_v4.Sheets {
    const writer = this.options.clients.sheetsWrite;
    if (!writer) throw new Error('this Google adapter was built without the write scope');
    return writer;
  }

  /** Each tab's id and grid size (one `spreadsheets.get` of the tabs' properties). */
  private async sheetProperties(
    location: string,
  ): Promise<Map<string, { sheetId: number; rows: number; cols: number }>> {
    const response = await this.run<{ data: sheets_v4.Schema$Spreadsheet }>('read', location, (o) =>
      this.sheets.spreadsheets.get(
        {
          spreadsheetId: location,
          fields: 'sheets.properties(sheetId,title,gridProperties(rowCount,columnCount))',
        },
        o,
      ),
    );
    const sheets = new Map<string, { sheetId: number; rows: number; cols: number }>();
    for (const sheet of response.data.sheets ?? [])
      if (typeof sheet.properties?.title === 'string')
        sheets.set(sheet.properties.title, {
          sheetId: sheet.properties.sheetId ?? 0,
          rows: sheet.properties.gridProperties?.rowCount ?? 0,
          cols: sheet.properties.gridProperties?.columnCount ?? 0,
        });
    this.sheetIds.set(location, new Map([...sheets].map(([title, p]) => [title, p.sheetId])));
    return sheets;
  }

  private async titles(location: string): Promise<Map<string, number>> {
    const sheets = await this.sheetProperties(location);
    return new Map([...sheets].map(([title, p]) => [title, p.sheetId]));
  }

  /**
   * One `spreadsheets.get` of the wanted tabs' ranges with their grid data (effective values) and
   * the tabs' ids — the ids let the feedback tab be written with the spreadsheet's own answer
   * after the write (see writeFeedback). What was read is kept by digest for that comparison.
   */
  private async batchGet(
    location: string,
    tabs: readonly { wanted: string; actual: string }[],
  ): Promise<WorkbookGrids> {
    const ranges = tabs.map((t) => `${quoteSheet(t.actual)}!${TAB_EXTENT[t.wanted] ?? DEFAULT_EXTENT}`);
    const response = await this.run<{ data: sheets_v4.Schema$Spreadsheet }>('read', location, (o) =>
      this.sheets.spreadsheets.get({ spreadsheetId: location, ranges, fields: GRID_FIELDS }, o),
    );
    const all = gridsOf(response.data);
    if (!all)
      throw new WorkbookReadError(location, MESSAGES.GOOGLE_REFUSED('dữ liệu trả về không đúng dạng'));
    const grids: WorkbookGrids = {};
    for (const tab of tabs) grids[tab.actual] = all[tab.actual] ?? [];
    const ids = new Map<string, number>();
    for (const sheet of response.data.sheets ?? [])
      if (typeof sheet.properties?.title === 'string')
        ids.set(sheet.properties.title, sheet.properties.sheetId ?? 0);
    this.sheetIds.set(location, ids);
    // What the unit's tabs held when read (the feedback tab aside: it is ours to rewrite).
    const compared = tabs.filter((t) => t.wanted !== TABS.feedback);
    this.lastRead.set(location, {
      ranges: compared.map((t) => `${quoteSheet(t.actual)}!${TAB_EXTENT[t.wanted] ?? DEFAULT_EXTENT}`),
      titles: compared.map((t) => t.actual),
      digest: gridsDigest(
        grids,
        compared.map((t) => t.actual),
      ),
    });
    return grids;
  }

  /**
   * One read of the wanted tabs. If a tab was renamed or deleted, Google rejects the
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

  private async batchUpdate(location: string, requests: sheets_v4.Schema$Request[]): Promise<void> {
    if (requests.length === 0) return;
    await batchUpdateAnswering(this.run, this.writer, location, requests);
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

  /**
   * The unit's feedback tab, in one `spreadsheets.batchUpdate` (`updateCells` over a fixed block,
   * so an old, longer list is cleared; typed values, never formulas) that asks Google for the tabs
   * thidua read as they stand **after** the write, in the same answer and the same write quota.
   * The version after the write is vouched for — the next look skips the workbook — only when
   * those tabs still hold exactly what was read (a digest) and Drive says, just after, that the
   * last change is this account's. A clerk's save at any moment after the read shows in one or the
   * other: before the write, in the answer; after it, as the last change (or a newer version), so
   * the workbook is read again next sync. A workbook not read by this process is never vouched for.
   */
  async writeFeedback(location: string, tab: SheetTab, readVersion?: string): Promise<string | undefined> {
    if (!this.sheetIds.get(location)?.has(tab.title)) {
      await this.ensureTabs(location, [tab], (t, sheetId) =>
        protection(t, sheetId, this.options.clients.serviceAccountEmail),
      );
    }
    const sheetId = this.sheetIds.get(location)?.get(tab.title) ?? 0;
    const read = readVersion !== undefined ? this.lastRead.get(location) : undefined;
    this.lastRead.delete(location);
    const block = {
      sheetId,
      startRowIndex: 0,
      endRowIndex: FEEDBACK_BLOCK.rows,
      startColumnIndex: 0,
      endColumnIndex: FEEDBACK_BLOCK.cols,
    };
    const after = await batchUpdateAnswering(
      this.run,
      this.writer,
      location,
      [{ updateCells: { range: block, rows: feedbackRows(tab), fields: 'userEnteredValue' } }],
      read?.ranges,
    );
    if (!read) return undefined;
    if (!after || gridsDigest(after, read.titles) !== read.digest) return undefined; // edited meanwhile
    const version = await this.files.fileVersion(location, true);
    return version?.mine ? version.modifiedTime : undefined;
  }

  /**
   * A workbook thidua owns (a council's proposal), in one atomic `batchUpdate` (see owned-write.ts),
   * with what the tabs to `keep` held at that instant when asked.
   */
  writeOwnedWorkbook(
    location: string,
    model: WorkbookModel,
    options: OwnedWriteOptions = {},
  ): Promise<OwnedWrite> {
    return writeOwned(
      {
        run: this.run,
        writer: this.writer,
        email: this.options.clients.serviceAccountEmail,
        sheetProperties: (l) => this.sheetProperties(l),
      },
      location,
      model,
      options,
    );
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
          rows: cellRows(tab),
          fields: 'userEnteredValue',
        },
      },
      ...validations(tab, sheetId),
      ...protection(tab, sheetId, this.options.clients.serviceAccountEmail),
    ]);
    return created.length ? 'created' : 'exists';
  }
}
