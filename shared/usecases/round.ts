/**
 * A mid-term or final round: every year of the round from the store, the award history, the
 * conditions of each award form → one round proposal workbook per council.
 *
 * Steps: load each year's states and accepted versions (batched) → buildRound (pure) → render →
 * write each council's workbook.
 */
import type { Campaign, Movement } from '../config/movement.ts';
import type { HistoryRecord } from '../domain/history.ts';
import type { Registry } from '../domain/registry.ts';
import { roundWorkbookModel } from '../domain/render.ts';
import { buildRound, type RoundCouncil } from '../domain/rounds.ts';
import type { Submission } from '../domain/submission.ts';
import type { SheetSink, SubmissionStore } from '../ports/index.ts';

export async function proposeRound(
  deps: { store: SubmissionStore; sink: SheetSink },
  input: {
    movement: Movement;
    campaign: Campaign;
    registry: Registry;
    history: readonly HistoryRecord[];
    location: (councilCode: string) => string | null;
  },
): Promise<{ councils: RoundCouncil[]; written: Map<string, string> }> {
  const { movement, campaign, registry, history } = input;
  const codes = [...registry.units.keys()];
  const submissions = new Map<number, Map<string, Submission>>();
  for (let year = campaign.fromYear; year <= campaign.toYear; year++) {
    const states = await deps.store.loadStates(year, codes);
    const refs = [...states.values()].flatMap((s) =>
      s.acceptedHash ? [{ unitCode: s.unitCode, hash: s.acceptedHash }] : [],
    );
    submissions.set(year, await deps.store.loadVersions(year, refs));
  }
  const councils = buildRound({ movement, campaign, units: registry.units, submissions, history });
  const written = new Map<string, string>();
  for (const council of councils) {
    const location = input.location(council.code);
    if (!location) continue;
    written.set(
      council.code,
      await deps.sink.writeOwnedWorkbook(location, roundWorkbookModel({ movement, campaign, council })),
    );
  }
  return { councils, written };
}
