/** A Google call through the paced caller, its failures mapped to the ports' errors for one spreadsheet. */
import type { sheets_v4 } from '@googleapis/sheets';
import type { WorkbookGrids } from '../../domain/grid.ts';

import {
  ServiceDisabledError,
  SourceUnavailableError,
  WorkbookInaccessibleError,
  WorkbookNotFoundError,
  WorkbookReadError,
} from '../../ports/index.ts';
import { MESSAGES } from '../../text/messages.ts';
import {
  type GoogleCaller,
  GoogleRequestError,
  GoogleUnavailableError,
  SERVICE_DISABLED_REASONS,
} from './caller.ts';
import { gridsOf, UPDATED_GRID_FIELDS } from './grid-data.ts';

/**
 * An API not enabled in the project, as the port's error (not a workbook's fault: every call is
 * refused alike). Which API, from Google's own words: the call's kind alone cannot tell (a Drive
 * call may be paced as a write).
 */
export function serviceDisabled(error: GoogleRequestError, kind: string): ServiceDisabledError | undefined {
  if (error.status !== 403 || !SERVICE_DISABLED_REASONS.has(error.reason)) return undefined;
  const said = `${error.activationUrl ?? ''} ${error.message}`;
  const api = /drive\.googleapis|Drive API/i.test(said)
    ? 'drive'
    : /sheets\.googleapis|Sheets API/i.test(said)
      ? 'sheets'
      : kind === 'drive'
        ? 'drive'
        : 'sheets';
  return new ServiceDisabledError(
    api,
    error.activationUrl,
    { status: error.status, reason: error.reason, message: error.message },
    { cause: error },
  );
}

/** Runs a call; maps Google's answers to the port's errors for one spreadsheet. */
export async function callMapped<T>(
  caller: GoogleCaller,
  kind: 'read' | 'write' | 'drive',
  location: string,
  fn: Parameters<GoogleCaller['call']>[1],
  attempts?: number,
): Promise<T> {
  try {
    return (await caller.call(kind, fn, attempts)) as T;
  } catch (error) {
    if (error instanceof GoogleUnavailableError)
      throw new SourceUnavailableError(error.message, { cause: error });
    if (error instanceof GoogleRequestError) {
      const disabled = serviceDisabled(error, kind);
      if (disabled) throw disabled;
      // Sheets tells a spreadsheet that is not there (404) from one not shared (403); Drive does not.
      if (error.status === 404) throw new WorkbookNotFoundError(location, { cause: error });
      if (error.status === 401 || error.status === 403)
        throw new WorkbookInaccessibleError(location, MESSAGES.NOT_SHARED(), { cause: error });
      throw new WorkbookReadError(location, MESSAGES.GOOGLE_REFUSED(`${error.status} ${error.message}`), {
        cause: error,
      });
    }
    throw error;
  }
}

/** `callMapped` bound to one caller: what each adapter class keeps as its `run`. */
export const mappedCaller =
  (caller: GoogleCaller) =>
  <T>(
    kind: 'read' | 'write' | 'drive',
    location: string,
    fn: Parameters<GoogleCaller['call']>[1],
    attempts?: number,
  ): Promise<T> =>
    callMapped<T>(caller, kind, location, fn, attempts);

/**
 * One atomic `spreadsheets.batchUpdate`. With `ranges`, its answer carries those ranges as they
 * stand just after the requests (no call added): their grids, or null when the answer holds none.
 * Without, Google is asked for no more than the spreadsheet's id.
 */
export async function batchUpdateAnswering(
  run: ReturnType<typeof mappedCaller>,
  writer: sheets_v4.Sheets,
  location: string,
  requests: sheets_v4.Schema$Request[],
  ranges?: readonly string[],
): Promise<WorkbookGrids | null> {
  const response = await run<{ data: sheets_v4.Schema$BatchUpdateSpreadsheetResponse }>(
    'write',
    location,
    (o) =>
      writer.spreadsheets.batchUpdate(
        {
          spreadsheetId: location,
          fields: ranges ? UPDATED_GRID_FIELDS : 'spreadsheetId',
          requestBody: {
            requests,
            ...(ranges
              ? {
                  includeSpreadsheetInResponse: true,
                  responseRanges: [...ranges],
                  responseIncludeGridData: true,
                }
              : {}),
          },
        },
        o,
      ),
  );
  return ranges ? gridsOf(response.data.updatedSpreadsheet) : null;
}
