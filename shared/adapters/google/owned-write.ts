/**
 * Writing a spreadsheet thidua owns (a council's proposal or round list): every tab in one atomic
 * `batchUpdate`, and — for the tabs the council edits — what they held at that instant, from the
 * same call's answer (see owned-layout.ts for the layout and the copy).
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { WorkbookGrids } from '../../domain/grid.ts';
import type { OwnedWrite, OwnedWriteOptions } from '../../ports/index.ts';
import type { WorkbookModel } from '../../present/sheet-model.ts';
import { keptCopyTitle } from '../../text/sheets.ts';
import { batchUpdateAnswering, type mappedCaller } from './google-calls.ts';
import { formatLayout, type KeptTab, keepRequests, keptRange, parseLayout } from './owned-layout.ts';
import { googleSaid, ownedRequests, sheetIdsFor } from './sheet-requests.ts';

/** What a write needs of the adapter: its paced caller, the write client, the account, a look. */
export interface OwnedWriteContext {
  readonly run: ReturnType<typeof mappedCaller>;
  readonly writer: sheets_v4.Sheets;
  readonly email: string | undefined;
  sheetProperties(location: string): Promise<Map<string, { sheetId: number; rows: number; cols: number }>>;
}

/**
 * A workbook thidua owns (a council's proposal), made by the emulation office and listed in the
 * registry: each tab's values and formats replaced, missing tabs added — all in one atomic
 * `batchUpdate`, so a council never sees half a proposal. With the layout of the last write
 * (the tabs' sheet ids) that is the only call; without it, or when someone deleted a tab since,
 * one `spreadsheets.get` first. Returns the layout to hand back next time.
 *
 * Tabs to `keep` (the council's choices) are copied into hidden tabs first in the same batch,
 * and the answer carries those copies: what the council had saved at the instant of the write
 * (see owned-layout.ts).
 */
export async function writeOwned(
  ctx: OwnedWriteContext,
  location: string,
  model: WorkbookModel,
  options: OwnedWriteOptions = {},
): Promise<OwnedWrite> {
  const email = ctx.email;
  const keep = (options.keep ?? []).filter((t) => model.tabs.some((m) => m.title === t));
  const known = parseLayout(options.layout);
  const keptKnown = (t: string) => known?.ids.has(keptCopyTitle(t)) && known.extents.has(t);
  if (known && model.tabs.every((t) => known.ids.has(t.title)) && keep.every(keptKnown))
    try {
      const keeps = keep.map((title): KeptTab => {
        const [rows, cols] = known.extents.get(title) ?? [1, 1];
        const copyId = known.ids.get(keptCopyTitle(title)) ?? 0;
        return {
          title,
          sheetId: known.ids.get(title) ?? 0,
          copyId,
          addCopy: false,
          paste: true,
          rows,
          cols,
        };
      });
      const kept = await writeKeeping(
        ctx,
        location,
        keeps,
        ownedRequests(model, known.ids, new Set(), email),
      );
      return { location, layout: formatLayout(model, known.ids, keep), ...(kept ? { kept } : {}) };
    } catch (error) {
      // A tab deleted or renamed since: look, and write again below.
      if (!googleSaid(error, /No grid with id/)) throw error;
    }
  for (let attempt = 1; ; attempt++) {
    const sheets = await ctx.sheetProperties(location);
    const { ids, added } = sheetIdsFor(new Map([...sheets].map(([t, p]) => [t, p.sheetId])), model.tabs);
    // Each kept tab that is there already is copied: as far as thidua wrote it, within its grid.
    // One this write adds gets its (empty) copy now, so the next write needs no look first.
    const copies = sheetIdsFor(
      ids,
      keep.map((t) => ({ title: keptCopyTitle(t) })),
    );
    const keeps = keep.map((title): KeptTab => {
      const grid = sheets.get(title);
      const [rows, cols] = grid ? (known?.extents.get(title) ?? [grid.rows, grid.cols]) : [1, 1];
      return {
        title,
        sheetId: ids.get(title) ?? 0,
        copyId: copies.ids.get(keptCopyTitle(title)) ?? 0,
        addCopy: !sheets.has(keptCopyTitle(title)),
        paste: grid !== undefined,
        rows: Math.max(1, Math.min(rows, grid?.rows ?? rows)),
        cols: Math.max(1, Math.min(cols, grid?.cols ?? cols)),
      };
    });
    try {
      const kept = await writeKeeping(
        ctx,
        location,
        keeps,
        ownedRequests(model, ids, new Set(added.map((t) => t.title)), email),
      );
      return {
        location,
        layout: formatLayout(model, copies.ids, keep),
        ...(kept ? { kept } : {}),
      };
    } catch (error) {
      // An earlier attempt whose answer was lost added the tabs: look again and write.
      if (attempt >= 3 || !googleSaid(error, /already exists/)) throw error;
    }
  }
}

/**
 * One atomic `batchUpdate`: the kept tabs copied, then `requests`. Returns each kept tab's copy
 * from the answer (what it held just before), or undefined when nothing was kept or the answer
 * has no copy to read.
 */
async function writeKeeping(
  ctx: OwnedWriteContext,
  location: string,
  keeps: readonly KeptTab[],
  requests: sheets_v4.Schema$Request[],
): Promise<WorkbookGrids | undefined> {
  const email = ctx.email;
  // Copies first (of what was there); a copy of a tab this write adds, after it (at the end).
  const pasted = keeps.filter((k) => k.paste);
  const all = [
    ...keepRequests(pasted, email),
    ...requests,
    ...keepRequests(
      keeps.filter((k) => !k.paste),
      email,
    ),
  ];
  // The copies come back in the answer; with no tab there before this write, nothing is asked for.
  const copies = await batchUpdateAnswering(
    ctx.run,
    ctx.writer,
    location,
    all,
    pasted.length ? pasted.map(keptRange) : undefined,
  );
  if (!copies) return undefined;
  return Object.fromEntries(pasted.map((k) => [k.title, copies[keptCopyTitle(k.title)] ?? []]));
}
