/**
 * A mid-term or final round: every year of the round from the store, the award history, the
 * conditions of each award form → one round proposal workbook per council.
 *
 * Steps: load each year's states and accepted versions (batched) → buildRound (pure) → the
 * council's decisions read back from its workbook, if there is one → render → write.
 */

import { z } from 'zod';
import type { Campaign, Movement } from '../config/movement.ts';
import type { HistoryRecord } from '../domain/history.ts';
import type { Problem } from '../domain/problems.ts';
import type { Registry } from '../domain/registry.ts';
import { roundWorkbookModel } from '../domain/render.ts';
import { applyRoundChoices, buildRound, type RoundCouncil, readRoundChoices } from '../domain/rounds.ts';
import type { Submission } from '../domain/submission.ts';
import { CLI_TEXT, ROUND_TEXT } from '../domain/vi.ts';
import {
  type PublicationStore,
  type SheetSink,
  type SheetSource,
  type SubmissionStore,
  WorkbookNotFoundError,
} from '../ports/index.ts';

/**
 * The published annual lists of a year as history: the awards of this movement are thematic, so
 * they are on record (kind “thematic”) but never count toward a merit chain.
 */
export async function publishedAsHistory(
  publications: Pick<PublicationStore, 'loadSnapshots'>,
  movement: Movement,
  year: number,
  councilCodes: readonly string[],
): Promise<HistoryRecord[]> {
  const annual = movement.campaigns.find(
    (c) => c.kind === 'annual' && c.fromYear <= year && year <= c.toYear,
  );
  const award = annual?.awardForms[0];
  if (!award) return [];
  const snapshots = await publications.loadSnapshots(year, 'annual', councilCodes);
  const snapshotSchema = z.object({
    collectives: z.object({ proposed: z.array(z.object({ id: z.string(), name: z.string() })) }),
    individuals: z.object({ proposed: z.array(z.object({ id: z.string(), name: z.string() })) }),
  });
  return [...snapshots.values()].flatMap(({ snapshot, publishedAt, version }) => {
    const list = snapshotSchema.parse(snapshot);
    const record =
      (subject: HistoryRecord['subject']) =>
      (c: { id: string; name: string }): HistoryRecord => ({
        subject,
        id: c.id,
        name: c.name,
        year,
        award,
        kind: 'thematic',
        decision: CLI_TEXT.publishedDecision(version),
        decisionDate: publishedAt.slice(0, 10),
      });
    return [
      ...list.collectives.proposed.map(record('collective')),
      ...list.individuals.proposed.map(record('individual')),
    ];
  });
}

export async function proposeRound(
  deps: {
    store: SubmissionStore;
    sink: SheetSink;
    /** Where the council's earlier round workbook is read back (its decisions); none: nothing read. */
    source?: SheetSource;
    publications?: Pick<PublicationStore, 'loadSnapshots'>;
  },
  input: {
    movement: Movement;
    campaign: Campaign;
    registry: Registry;
    history: readonly HistoryRecord[];
    location: (councilCode: string) => string | null;
  },
): Promise<{ councils: RoundCouncil[]; written: Map<string, string>; problems: Problem[] }> {
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
  const published: HistoryRecord[] = [];
  if (deps.publications) {
    const councilCodes = [...registry.units.values()].filter((u) => u.runsCouncil).map((u) => u.code);
    for (let year = campaign.fromYear; year <= campaign.toYear; year++)
      published.push(...(await publishedAsHistory(deps.publications, movement, year, councilCodes)));
  }
  const ranked = buildRound({
    movement,
    campaign,
    units: registry.units,
    submissions,
    history: [...history, ...published],
  });
  const written = new Map<string, string>();
  const councils: RoundCouncil[] = [];
  const problems: Problem[] = [];
  for (const undecided of ranked) {
    const location = input.location(undecided.code);
    let council = undecided;
    if (location && deps.source) {
      // The council's decisions so far, one per candidate, kept when the list is written again.
      const grids = await deps.source
        .readWorkbook(location, [ROUND_TEXT.tab, ROUND_TEXT.collectiveTab])
        .catch((error: unknown) => {
          if (error instanceof WorkbookNotFoundError) return null;
          throw error;
        });
      if (grids) {
        const read = readRoundChoices(grids, undecided);
        council = applyRoundChoices(undecided, read.choices);
        problems.push(...read.problems);
      }
    }
    councils.push(council);
    if (!location) continue;
    written.set(
      council.code,
      await deps.sink.writeOwnedWorkbook(location, roundWorkbookModel({ movement, campaign, council })),
    );
  }
  return { councils, written, problems };
}
