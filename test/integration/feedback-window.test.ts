/**
 * No clerk's edit is lost to thidua's own feedback write (issue 32): a fix saved at any point of
 * the write path — after the read and before the write, while the write waits for its turn in the
 * per-minute pacing, between the write and Drive's answer on who changed it last, after it all —
 * is read by the next sync. Through the official client against the Google stand-in; the edits
 * land at exact points of thidua's sequence of calls (the stand-in's `beforeEffect`).
 */

import type { sheets_v4 } from '@googleapis/sheets';
import { afterEach, describe, expect, it } from 'vitest';
import { googleClients } from '../../shared/adapters/google/auth.ts';
import { GRID_FIELDS, gridsOf, UPDATED_GRID_FIELDS } from '../../shared/adapters/google/grid-data.ts';
import { syncUnits } from '../../shared/usecases/sync.ts';
import { catalog, movement, YEAR } from '../helpers/fixtures.ts';
import { type Google, seedSector, startGoogle, TOKEN } from '../helpers/google.ts';
import { useStore } from '../helpers/store.ts';

const store = useStore();
let google: Google | undefined;
afterEach(async () => {
  await google?.close();
  google = undefined;
});

/** A score above the criterion's maximum (the mistake), and a right one (the clerk's fix). */
const WRONG = 999;
const RIGHT = 5;
const scoreCell = ['Cá nhân', 1, 8] as const;

async function sector(units: number, writesPerMinute = 60) {
  google = await startGoogle({ speed: 200 });
  const db = await store.fresh();
  const registry = seedSector(google.standin, units);
  const { workbooks } = google.workbooks({ readsPerMinute: 60, writesPerMinute });
  const sync = (day: number) =>
    syncUnits(
      { source: workbooks, sink: workbooks, store: db.store },
      { movement, catalog, year: YEAR, registry, now: `2025-06-${10 + day}T01:00:00.000Z` },
    );
  const g = google;
  const edit = (code: string, value: number) => g.standin.userEdit(`ss-${code}`, ...scoreCell, value);
  const status = (result: Awaited<ReturnType<typeof sync>>, code: string) =>
    result.units.find((u) => u.code === code)?.status;
  return { standin: g.standin, sync, edit, status };
}

describe('a clerk’s fix saved while thidua writes the feedback tab', () => {
  it.each([
    ['after the read, just before the write takes effect', 'spreadsheets.batchUpdate'],
    ['between the write and Drive’s answer on who changed it last', 'files.get'],
  ])('%s: read by the next sync', async (_, api) => {
    const s = await sector(1);
    s.edit('U000', WRONG);
    // The point is in the write path: once the read is done (Drive's look at versions comes before it).
    let read = false;
    let saved = false;
    s.standin.beforeEffect = (call) => {
      if (call.spreadsheetId !== 'ss-U000') return;
      if (call.api === 'spreadsheets.get') read = true;
      else if (read && !saved && call.api === api) {
        saved = true;
        s.edit('U000', RIGHT);
      }
    };
    expect(s.status(await s.sync(1), 'U000')).toBe('rejected'); // the mistake it read
    expect(saved).toBe(true);
    s.standin.beforeEffect = undefined;
    expect(s.status(await s.sync(2), 'U000')).toBe('accepted'); // the fix, read
  });

  it('while the write waits for its turn in the pacing (one write a minute): read by the next sync', async () => {
    const s = await sector(2, 1);
    s.edit('U000', WRONG);
    s.edit('U001', WRONG);
    // Both are read at once; the first write to land fixes the other unit, whose write is waiting.
    let fixed: string | undefined;
    s.standin.beforeEffect = (call) => {
      if (fixed || call.api !== 'spreadsheets.batchUpdate') return;
      fixed = call.spreadsheetId === 'ss-U000' ? 'U001' : 'U000';
      s.edit(fixed, RIGHT);
    };
    const first = await s.sync(1);
    expect([s.status(first, 'U000'), s.status(first, 'U001')]).toEqual(['rejected', 'rejected']);
    s.standin.beforeEffect = undefined;
    const second = await s.sync(2);
    expect(s.status(second, fixed ?? '')).toBe('accepted');
  });

  it('after the write: read by the next sync; and with no edit, the next sync reads nothing', async () => {
    const s = await sector(2);
    s.edit('U000', WRONG);
    expect(s.status(await s.sync(1), 'U000')).toBe('rejected');
    // Nobody edits: our own write is vouched for, the next sync reads no workbook.
    const before = s.standin.count({ api: 'spreadsheets.get', gridData: true });
    await s.sync(2);
    expect(s.standin.count({ api: 'spreadsheets.get', gridData: true })).toBe(before);
    s.edit('U000', RIGHT);
    expect(s.status(await s.sync(3), 'U000')).toBe('accepted');
  });
});

describe('the stand-in answers as Google does (through the official client’s types)', () => {
  it('spreadsheets.get with ranges and a field mask: the sheets they cross, their ids and grid data', async () => {
    google = await startGoogle();
    seedSector(google.standin, 1);
    const { sheetsRead } = googleClients({
      credentials: { kind: 'accessToken', token: TOKEN },
      rootUrl: google.rootUrl,
      write: false,
    });
    const got = await sheetsRead.spreadsheets.get({
      spreadsheetId: 'ss-U000',
      ranges: ["'Cá nhân'!A1:C3"],
      fields: GRID_FIELDS,
    });
    const data: sheets_v4.Schema$Spreadsheet = got.data;
    expect(data.sheets?.map((sh) => sh.properties?.title)).toEqual(['Cá nhân']); // only the sheet crossed
    expect(Object.keys(data)).toEqual(['sheets']); // the mask: nothing else
    expect(typeof data.sheets?.[0]?.properties?.sheetId).toBe('number');
    const grid = gridsOf(data)?.['Cá nhân'] ?? [];
    expect(grid.length).toBeLessThanOrEqual(3);
    expect(grid[0]?.length).toBeLessThanOrEqual(3);
    // Without ranges nor mask nor includeGridData: properties only, every sheet.
    const bare = await sheetsRead.spreadsheets.get({ spreadsheetId: 'ss-U000' });
    expect(bare.data.sheets?.every((sh) => sh.data === undefined)).toBe(true);
    expect(bare.data.sheets?.length).toBeGreaterThan(1);
  });

  it('batchUpdate with includeSpreadsheetInResponse: the spreadsheet after the requests, the ranges asked for', async () => {
    google = await startGoogle();
    seedSector(google.standin, 1);
    const { sheetsWrite } = googleClients({
      credentials: { kind: 'accessToken', token: TOKEN },
      rootUrl: google.rootUrl,
      write: true,
    });
    const sheetId = google.standin.book('ss-U000').sheets.find((sh) => sh.title === 'Cá nhân')?.sheetId ?? 0;
    const answer = await sheetsWrite?.spreadsheets.batchUpdate({
      spreadsheetId: 'ss-U000',
      fields: UPDATED_GRID_FIELDS,
      requestBody: {
        requests: [
          {
            updateCells: {
              range: { sheetId, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 8, endColumnIndex: 9 },
              rows: [{ values: [{ userEnteredValue: { numberValue: 7 } }] }],
              fields: 'userEnteredValue',
            },
          },
        ],
        includeSpreadsheetInResponse: true,
        responseRanges: ["'Cá nhân'!A1:J3"],
        responseIncludeGridData: true,
      },
    });
    const data: sheets_v4.Schema$BatchUpdateSpreadsheetResponse | undefined = answer?.data;
    expect(Object.keys(data ?? {})).toEqual(['updatedSpreadsheet']); // the mask leaves replies out
    const after = gridsOf(data?.updatedSpreadsheet);
    expect(after?.['Cá nhân']?.[1]?.[8]).toBe(7); // the write, in the same answer
    expect(data?.updatedSpreadsheet?.sheets?.map((sh) => sh.properties?.title)).toEqual(['Cá nhân']);
    // Without includeSpreadsheetInResponse there is no spreadsheet in the answer.
    const plain = await sheetsWrite?.spreadsheets.batchUpdate({
      spreadsheetId: 'ss-U000',
      requestBody: { requests: [] },
    });
    expect(plain?.data.updatedSpreadsheet).toBeUndefined();
  });
});
