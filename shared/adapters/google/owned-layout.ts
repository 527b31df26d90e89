/**
 * The layout of a spreadsheet thidua owns (a council's proposal), kept with the proposal record so
 * the next write needs no look first: each tab's sheet id, and for each tab the council edits, the
 * extent thidua wrote there and the id of its hidden copy. Pure: ids and models in, requests out.
 *
 * The copy is how a write sees what the council saved up to its very instant: the same atomic
 * `batchUpdate` first copies the edited tab's values into a hidden tab of its own (sized to what
 * thidua wrote there last), then writes the workbook, and the answer returns that copy
 * (`includeSpreadsheetInResponse`, `responseRanges`). The Sheets API has no conditional write;
 * this is the one way to learn, in the same call, what a write replaced.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { z } from 'zod';
import { columnLetters } from '../../domain/grid.ts';
import type { SheetTab, WorkbookModel } from '../../present/sheet-model.ts';
import { keptCopyTitle } from '../../text/sheets.ts';
import { quoteSheet } from './a1.ts';
import { protectRange } from './sheet-requests.ts';

const sheetId = z.number().int().nonnegative();
const extent = z.tuple([z.number().int().positive(), z.number().int().positive()]);

/** A layout handed back by the caller; the first format (title → sheet id) is still read. */
export const layoutSchema = z.union([
  z.object({ ids: z.record(z.string(), sheetId), extents: z.record(z.string(), extent).default({}) }),
  z.record(z.string(), sheetId).transform((ids) => ({ ids, extents: {} })),
]);

export interface OwnedLayout {
  /** Tab title → sheet id (the hidden copies included). */
  readonly ids: Map<string, number>;
  /** Tab a council edits → rows × columns thidua wrote there last. */
  readonly extents: Map<string, readonly [number, number]>;
}

export function parseLayout(layout: string | undefined): OwnedLayout | undefined {
  if (!layout) return undefined;
  try {
    const parsed = layoutSchema.safeParse(JSON.parse(layout));
    return parsed.success
      ? {
          ids: new Map(Object.entries(parsed.data.ids)),
          extents: new Map(Object.entries(parsed.data.extents)),
        }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Rows × columns a tab of a model fills (at least one of each). */
export function tabExtent(tab: SheetTab): [number, number] {
  const rows = Math.max(1, tab.rows.length, ...(tab.formulas ?? []).map((f) => f.row + 1));
  const cols = Math.max(
    1,
    tab.columnWidths?.length ?? 0,
    ...tab.rows.map((r) => r.length),
    ...(tab.formulas ?? []).map((f) => f.col + 1),
  );
  return [rows, cols];
}

export function formatLayout(
  model: WorkbookModel,
  ids: ReadonlyMap<string, number>,
  keep: readonly string[],
) {
  const kept = model.tabs.filter((t) => keep.includes(t.title));
  const titles = [...model.tabs.map((t) => t.title), ...kept.map((t) => keptCopyTitle(t.title))];
  return JSON.stringify({
    ids: Object.fromEntries(titles.flatMap((t) => (ids.has(t) ? [[t, ids.get(t)]] : []))),
    extents: Object.fromEntries(kept.map((t) => [t.title, tabExtent(t)])),
  });
}

/** One tab to copy before a write: the tab, its hidden copy, and how much of it to copy. */
export interface KeptTab {
  readonly title: string;
  readonly sheetId: number;
  readonly copyId: number;
  /** Whether the hidden copy is made now (first write that keeps this tab). */
  readonly addCopy: boolean;
  /** Whether there is anything to copy (false for a tab this same write adds). */
  readonly paste: boolean;
  readonly rows: number;
  readonly cols: number;
}

/** Where the copy of a kept tab is read back from the batchUpdate's answer. */
export const keptRange = (k: Pick<KeptTab, 'title' | 'rows' | 'cols'>) =>
  `${quoteSheet(keptCopyTitle(k.title))}!A1:${columnLetters(k.cols - 1)}${k.rows}`;

/**
 * The requests that copy each kept tab's values into its hidden copy, first in the batch: the
 * copy made (hidden, thidua the only editor) or resized to the extent, cleared, then pasted.
 */
export function keepRequests(
  keeps: readonly KeptTab[],
  email: string | undefined,
): sheets_v4.Schema$Request[] {
  return keeps.flatMap((k) => {
    const grid = { rowCount: k.rows, columnCount: k.cols };
    const whole = { sheetId: k.copyId };
    return [
      k.addCopy
        ? {
            addSheet: {
              properties: {
                sheetId: k.copyId,
                title: keptCopyTitle(k.title),
                hidden: true,
                gridProperties: grid,
              },
            },
          }
        : {
            updateSheetProperties: {
              properties: { sheetId: k.copyId, gridProperties: grid },
              fields: 'gridProperties(rowCount,columnCount)',
            },
          },
      k.addCopy
        ? protectRange(whole, 'thidua: bản lưu', email)
        : { updateCells: { range: whole, fields: 'userEnteredValue' } },
      ...(k.paste ? [pasteOf(k)] : []),
    ];
  });
}

const pasteOf = (k: KeptTab): sheets_v4.Schema$Request => ({
  copyPaste: {
    source: {
      sheetId: k.sheetId,
      startRowIndex: 0,
      endRowIndex: k.rows,
      startColumnIndex: 0,
      endColumnIndex: k.cols,
    },
    destination: {
      sheetId: k.copyId,
      startRowIndex: 0,
      endRowIndex: k.rows,
      startColumnIndex: 0,
      endColumnIndex: k.cols,
    },
    pasteType: 'PASTE_VALUES',
    pasteOrientation: 'NORMAL',
  },
});
