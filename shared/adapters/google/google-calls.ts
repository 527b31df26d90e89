/** A Google call through the paced caller, its failures mapped to the ports' errors for one spreadsheet. */

import { SourceUnavailableError, WorkbookInaccessibleError, WorkbookReadError } from '../../ports/index.ts';
import { MESSAGES } from '../../text/messages.ts';
import { type GoogleCaller, GoogleRequestError, GoogleUnavailableError } from './caller.ts';

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
