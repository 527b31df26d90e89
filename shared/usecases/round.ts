/**
 * A mid-term or final round: every year of the round from the store, the award history, the
 * conditions of each award form → one round proposal workbook per council.
 *
 * Steps: load each year's states and accepted versions (batched) → buildRound (pure) → the
 * council's decisions read back from its workbook, if there is one → render → write.
 */

import { z } from 'zod';
import type { HistoryRecord, Initiative } from '../domain/history.ts';
import { cellRef, type Problem } from '../domain/problems.ts';
import type { Registry } from '../domain/registry.ts';
import { NO_REVIEWS } from '../domain/reviews.ts';
import { applyRoundChoices, NO_FORM, type RoundChoices } from '../domain/round-choices.ts';
import { buildRound, type RoundCouncil } from '../domain/rounds.ts';
import type { Submission } from '../domain/submission.ts';
import type { Campaign, Movement, Subject } from '../movement/movement.ts';
import {
  type PublicationStore,
  type SheetSink,
  type SheetSource,
  type SubmissionStore,
  WorkbookNotFoundError,
} from '../ports/index.ts';
import { roundWorkbookModel } from '../present/round-book.ts';
import { readRoundChoices, roundChoicesEditedSince } from '../present/round-book-read.ts';
import { CLI_TEXT } from '../text/console.ts';
import { ROUND_TEXT } from '../text/rounds.ts';
import { loadAccepted } from './accepted.ts';
import { reviewedScores } from './council-input.ts';
import { writeKeepingEdits } from './kept-write.ts';
import { roundCouncilSchema } from './report.ts';

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

export interface RoundDeps {
  store: SubmissionStore;
  sink: SheetSink;
  /** Where the council's earlier round workbook is read back (its decisions); none: nothing read. */
  source?: SheetSource;
  publications?: Pick<PublicationStore, 'loadSnapshots' | 'loadPublished'>;
}

export interface RoundRunInput {
  movement: Movement;
  campaign: Campaign;
  registry: Registry;
  history: readonly HistoryRecord[];
  /** The initiatives on record (null: the history keeps none). */
  initiatives?: readonly Initiative[] | null;
  /** Where a council's round workbook is (a file, or a spreadsheet found or made by title); null: nowhere. */
  location: (councilCode: string, councilName: string) => string | null | Promise<string | null>;
  /** Only these councils (publishing one); all when absent. */
  councils?: readonly string[];
}

/** The publication key of a round: its last emulation year and its kind. */
export const roundKey = (campaign: Campaign) => ({ year: campaign.toYear, round: campaign.kind });

/**
 * Every council's round lists, with the council's decisions read back from its workbook; the
 * accepted versions used (unit and year → hash) for a publication's record.
 */
export async function rankRound(
  deps: Omit<RoundDeps, 'sink'>,
  input: RoundRunInput,
): Promise<{
  councils: RoundCouncil[];
  problems: Problem[];
  inputs: Record<string, string>;
  locations: Map<string, string>;
  /** Council → `subject:id` → the cell of its workbook where that candidate's choice is typed. */
  cells: Map<string, Map<string, { tab: string; cell: string }>>;
  /** Published councils → cells whose choice differs from the one published (not used until reopened). */
  ignored: Map<string, string[]>;
  /** Each council's list before its choices, and the choices applied (what its workbook showed). */
  decisions: Map<string, { undecided: RoundCouncil; choices: RoundChoices }>;
}> {
  const { movement, campaign, registry, history } = input;
  const codes = [...registry.units.keys()];
  const submissions = new Map<number, Map<string, Submission>>();
  const inputs: Record<string, string> = {};
  const councilCodes = [...registry.units.values()].filter((u) => u.runsCouncil).map((u) => u.code);
  for (let year = campaign.fromYear; year <= campaign.toYear; year++) {
    const accepted = await loadAccepted(deps.store, year, codes);
    for (const ref of accepted.refs) inputs[`${ref.unitCode}#${year}`] = ref.hash;
    // Each year's scores as that year's councils reviewed them (and their inspections).
    const records = await deps.store.loadProposalRecords(year, councilCodes);
    const reviews = new Map(councilCodes.map((code) => [code, records.get(code)?.reviews ?? NO_REVIEWS]));
    submissions.set(year, reviewedScores(accepted.submissions, registry.units, reviews).submissions);
  }
  const published: HistoryRecord[] = [];
  if (deps.publications) {
    for (let year = campaign.fromYear; year <= campaign.toYear; year++)
      published.push(...(await publishedAsHistory(deps.publications, movement, year, councilCodes)));
  }
  const ranked = buildRound({
    movement,
    campaign,
    units: registry.units,
    submissions,
    history: [...history, ...published],
    initiatives: input.initiatives ?? null,
  }).filter((c) => !input.councils || input.councils.includes(c.code));
  const councils: RoundCouncil[] = [];
  const problems: Problem[] = [];
  const locations = new Map<string, string>();
  const cells = new Map<string, Map<string, { tab: string; cell: string }>>();
  const ignored = new Map<string, string[]>();
  const decisions = new Map<string, { undecided: RoundCouncil; choices: RoundChoices }>();
  // A published round list keeps the choices it was published with, whatever its workbook says now.
  const key = roundKey(campaign);
  const frozen = deps.publications
    ? await deps.publications.loadSnapshots(
        key.year,
        key.round,
        ranked.map((c) => c.code),
      )
    : new Map();
  for (const undecided of ranked) {
    const location = await input.location(undecided.code, undecided.name);
    if (location) locations.set(undecided.code, location);
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
        decisions.set(undecided.code, { undecided, choices: read.choices });
        cells.set(undecided.code, read.cells);
        const publication = frozen.get(undecided.code);
        if (publication) {
          const published = publishedRoundChoices(undecided, publication.snapshot);
          council = applyRoundChoices(undecided, published);
          ignored.set(undecided.code, changedRoundChoices(read, published));
        } else problems.push(...read.problems);
      }
    }
    if (!decisions.has(undecided.code)) decisions.set(undecided.code, { undecided, choices: new Map() });
    councils.push(council);
  }
  return { councils, problems, inputs, locations, cells, ignored, decisions };
}

/** The choices a round list was published with, from its snapshot (forms by name). */
function publishedRoundChoices(council: RoundCouncil, snapshot: unknown): RoundChoices {
  const parsed = roundCouncilSchema.safeParse(snapshot);
  const choices = new Map<Subject, Map<string, string>>();
  if (!parsed.success) return choices;
  for (const list of council.lists) {
    const chosen = new Map<string, string>();
    const published = parsed.data.lists.find((l) => l.subject === list.subject);
    for (const c of published?.candidates ?? []) {
      if (c.councilChoice === null) continue;
      const form = list.forms.find((f) => f.name === c.councilChoice);
      chosen.set(c.id, form ? form.code : NO_FORM);
    }
    choices.set(list.subject, chosen);
  }
  return choices;
}

/** Cells of a round workbook whose choice (or its absence) differs from the one published. */
function changedRoundChoices(read: ReturnType<typeof readRoundChoices>, published: RoundChoices): string[] {
  const changed: string[] = [];
  for (const [key, where] of read.cells) {
    const [subject, id] = key.split(':') as [Subject, string];
    const now = read.choices.get(subject)?.get(id) ?? null;
    const then = published.get(subject)?.get(id) ?? null;
    if (now !== then) changed.push(cellRef(where.tab, where.cell));
  }
  for (const p of read.problems) {
    const ref = cellRef(p.tab, p.cell);
    if (!changed.includes(ref)) changed.push(ref);
  }
  return changed;
}

/**
 * The round's lists, one workbook per council. A council whose round list is published (khóa sổ)
 * keeps its workbook as published until it is reopened.
 */
export async function proposeRound(
  deps: RoundDeps,
  input: RoundRunInput,
): Promise<{
  councils: RoundCouncil[];
  written: Map<string, string>;
  problems: Problem[];
  published: Set<string>;
  /** Published councils → cells typed since publishing, not used until reopened. */
  ignored: Map<string, string[]>;
  /** Councils still typing through every write: their choice cells, to check and run again. */
  late: Map<string, string[]>;
}> {
  const { movement, campaign } = input;
  const ranked = await rankRound(deps, input);
  const { problems, locations, ignored, decisions } = ranked;
  const key = roundKey(campaign);
  const published = new Set(
    deps.publications
      ? (
          await deps.publications.loadPublished(
            key.year,
            key.round,
            ranked.councils.map((c) => c.code),
          )
        ).keys()
      : [],
  );
  const written = new Map<string, string>();
  const late = new Map<string, string[]>();
  const councils: RoundCouncil[] = [];
  for (const ranks of ranked.councils) {
    let council = ranks;
    const location = locations.get(council.code);
    const decided = decisions.get(council.code);
    if (location && !published.has(council.code) && decided) {
      // Written so that a choice the council saves meanwhile is seen and kept (kept-write.ts); a
      // choice typed then that is not a form is named like any other.
      const seen = new Set(problems.map((p) => `${p.tab}!${p.cell}`));
      const out = await writeKeepingEdits(deps.sink, {
        location,
        keep: [ROUND_TEXT.tab, ROUND_TEXT.collectiveTab],
        state: decided.choices,
        render: (choices) =>
          roundWorkbookModel({ movement, campaign, council: applyRoundChoices(decided.undecided, choices) }),
        merge: (kept, wrote, current) => {
          for (const p of readRoundChoices(kept, decided.undecided).problems)
            if (!seen.has(`${p.tab}!${p.cell}`)) {
              seen.add(`${p.tab}!${p.cell}`);
              problems.push(p);
            }
          return roundChoicesEditedSince(kept, decided.undecided, wrote, current);
        },
      });
      council = applyRoundChoices(decided.undecided, out.state);
      if (out.late) {
        const typed = out.late;
        const where = ranked.cells.get(council.code);
        const cells = [...(where ?? [])].flatMap(([key, at]) => {
          const [subject, id] = key.split(':') as [Subject, string];
          const same = (typed.get(subject)?.get(id) ?? null) === (out.state.get(subject)?.get(id) ?? null);
          return same ? [] : [`${at.tab}!${at.cell}`];
        });
        late.set(council.code, cells);
      }
      written.set(council.code, out.out.location);
    } else if (location) written.set(council.code, location); // frozen: the published workbook stays as it is
    councils.push(council);
  }
  return { councils, written, problems, published, ignored, late };
}

/**
 * Where round workbooks go on a medium that makes its own (Google, with a shared drive folder): one
 * spreadsheet per council and round, found by its title or made once. Null without one.
 */
export function roundWorkbookOnMedium(sink: Pick<SheetSink, 'newWorkbook'>, campaign: Campaign) {
  return async (code: string, name: string) =>
    sink.newWorkbook
      ? sink.newWorkbook(
          ROUND_TEXT.workbookTitle(campaign.kind, campaign.fromYear, campaign.toYear, name, code),
        )
      : null;
}
