/**
 * Writing a workbook a council edits (its proposal, its round list) without losing what it saves
 * while thidua writes. The medium hands back what the edited tabs held at the very instant of the
 * write (`SheetSink.writeOwnedWorkbook` with `keep`). When the council changed something there
 * since thidua last wrote it, that change is applied over the state the model was drawn from, and
 * the model is drawn and written again — at most a few times. A change still arriving after that
 * is handed back to the caller, to tell the council; it is never dropped unseen.
 */
import type { WorkbookGrids } from '../domain/grid.ts';
import type { OwnedWrite, SheetSink } from '../ports/index.ts';
import type { WorkbookModel } from '../present/sheet-model.ts';

/** Writes in a row before a council still typing is told instead (each write sees what it saved). */
const WRITES = 4;

export interface KeptWrite<S> {
  readonly out: OwnedWrite;
  /** The model written last, drawn from `state`. */
  readonly model: WorkbookModel;
  /** The state the workbook now shows: the one given, with every change the council saved applied. */
  readonly state: S;
  /** A change saved during the last write, not in the workbook: the caller tells the council. */
  readonly late: S | null;
}

export async function writeKeepingEdits<S>(
  sink: Pick<SheetSink, 'writeOwnedWorkbook'>,
  input: {
    readonly location: string;
    readonly layout?: string | undefined;
    /** The tabs the council edits. */
    readonly keep: readonly string[];
    /** What the model is drawn from; what the kept tabs showed when thidua last wrote them. */
    readonly state: S;
    readonly render: (state: S) => WorkbookModel;
    /**
     * `current` with what the kept tabs show changed since thidua wrote `wrote` there; null when
     * nothing changed.
     */
    readonly merge: (kept: WorkbookGrids, wrote: S, current: S) => S | null;
  },
): Promise<KeptWrite<S>> {
  let state = input.state;
  let wrote = input.state;
  let layout = input.layout;
  for (let write = 1; ; write++) {
    const model = input.render(state);
    const out = await sink.writeOwnedWorkbook(input.location, model, { layout, keep: input.keep });
    const changed = out.kept ? input.merge(out.kept, wrote, state) : null;
    if (changed === null) return { out, model, state, late: null };
    if (write >= WRITES) return { out, model, state, late: changed };
    wrote = state;
    state = changed;
    layout = out.layout ?? layout;
  }
}
