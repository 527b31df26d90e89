/**
 * Publishing a council's list (khóa sổ) and reopening it.
 *
 * Publish: rank the council from the accepted data → snapshot its list with the hash of every
 * accepted submission it used → freeze it (proposals for it are no longer rewritten by syncs) →
 * audit who and when. Reopen: needs who and why; audited; the next proposal run rewrites it.
 */

import { buildProposals } from '../domain/proposals.ts';
import type { Registry } from '../domain/registry.ts';
import { NO_REVIEWS } from '../domain/reviews.ts';
import { catalogFor, type Movement, type Subject } from '../movement/movement.ts';
import type { PublicationStore, SheetSink, SheetSource, SubmissionStore } from '../ports/index.ts';
import { councilWorkbookModel } from '../present/council-book.ts';
import { roundWorkbookModel } from '../present/round-book.ts';
import { roundChoicesEditedSince } from '../present/round-book-read.ts';
import { CLI_TEXT } from '../text/console.ts';
import { PROPOSAL_LABELS } from '../text/proposals.ts';
import { ROUND_TEXT } from '../text/rounds.ts';
import { loadAccepted } from './accepted.ts';
import { COUNCIL_TABS, type CouncilInputRead, readCouncilInput, reviewedScores } from './council-input.ts';
import { writeKeepingEdits } from './kept-write.ts';
import { councilSummary } from './list-summary.ts';
import { modelDigest } from './propose.ts';
import { roundSummary } from './report.ts';
import { type RoundDeps, type RoundRunInput, rankRound, roundKey } from './round.ts';
import {
  choicesEditedSince,
  decidedProposal,
  NO_CHOICES,
  type UndecidedTie,
  undecidedTies,
} from './tie-choices.ts';

export interface PublishDeps {
  readonly store: SubmissionStore;
  readonly publications: PublicationStore;
  /** Where the council's proposal workbook is read: its choices as they stand when it publishes. */
  readonly source?: Pick<SheetSource, 'readWorkbook' | 'versions' | 'writtenVersions'>;
  /** Where the published list is written back into the council's workbook (with its khóa sổ). */
  readonly sink?: Pick<SheetSink, 'writeOwnedWorkbook'>;
}

export interface PublishInput {
  readonly movement: Movement;
  readonly year: number;
  readonly round: string;
  readonly registry: Registry;
  readonly councilCode: string;
  readonly by: string;
  readonly why: string;
  readonly now: string;
  /** Blocks that stand in the award history, as the proposals apply them. */
  readonly pending?: ReadonlyMap<string, string>;
  /** Where the council's proposal workbook is (the registry's, else where thidua wrote it). */
  readonly location?: string | null;
}

/**
 * A list cannot be published while the council has not decided among those tied at its line:
 * which cells of its workbook to fill (or correct), by subject.
 */
export class UndecidedTieError extends Error {
  override readonly name = 'UndecidedTieError';
  constructor(
    readonly councilCode: string,
    readonly ties: readonly UndecidedTie[],
    readonly workbook: string | null,
  ) {
    super(`council ${councilCode} has undecided ties`);
  }
}

/** A round list cannot be published with choices missing or not valid in its workbook. */
export class UndecidedRoundError extends Error {
  override readonly name = 'UndecidedRoundError';
  constructor(
    readonly councilCode: string,
    readonly problems: readonly { tab: string; cell: string; message: string }[],
  ) {
    super(`council ${councilCode} round list is not decided`);
  }
}

export class UnknownCouncilError extends Error {
  override readonly name = 'UnknownCouncilError';
}

export async function publishCouncil(deps: PublishDeps, input: PublishInput) {
  const { movement, year, registry, councilCode } = input;
  const codes = [...registry.units.keys()];
  const { states, submissions: accepted } = await loadAccepted(deps.store, year, codes);
  const already = (await deps.publications.loadPublished(year, input.round, [councilCode])).get(councilCode);
  // The list as the council decided it, from its workbook as it stands now (its choices among
  // those tied at the line, its reviews); as recorded at the last run when there is no workbook.
  // Other councils' reviews count as recorded.
  const councilCodes = [...registry.units.values()].filter((u) => u.runsCouncil).map((u) => u.code);
  const records = await deps.store.loadProposalRecords(year, councilCodes);
  const record = records.get(councilCode);
  const location = input.location ?? record?.location ?? null;
  const catalog = catalogFor(movement, year);
  let read: CouncilInputRead | null = null;
  if (
    !already &&
    catalog &&
    location &&
    deps.source &&
    (await deps.source.versions([location])).has(location)
  )
    read = await readCouncilInput(deps.source, location, {
      council: councilCode,
      catalog,
      units: registry.units,
      submissions: accepted,
    });
  const reviews = read?.reviews ?? record?.reviews ?? NO_REVIEWS;
  const byCouncil = new Map(councilCodes.map((code) => [code, records.get(code)?.reviews ?? NO_REVIEWS]));
  byCouncil.set(councilCode, reviews);
  const { submissions } = reviewedScores(accepted, registry.units, byCouncil);
  const ranked = buildProposals({
    movement,
    year,
    units: registry.units,
    submissions,
    ...(input.pending ? { pending: input.pending } : {}),
  }).find((c) => c.code === councilCode);
  if (!ranked) throw new UnknownCouncilError(CLI_TEXT.unknownCouncil(councilCode));
  if (already)
    return { outcome: 'already' as const, version: already.version, proposal: ranked, statuses: new Map() };
  const choices = read?.choices ?? record?.choices ?? NO_CHOICES;
  const undecided = undecidedTies(ranked, choices, read?.cells ?? null);
  if (undecided.length) throw new UndecidedTieError(councilCode, undecided, location);
  const proposal = decidedProposal(ranked, choices);
  const scope = [...new Set([...proposal.collectiveUnits, ...proposal.individualUnits])].sort();
  const inputs = Object.fromEntries(scope.map((code) => [code, states.get(code)?.acceptedHash ?? null]));
  const statuses = new Map(
    codes.map((code) => {
      const state = states.get(code);
      const errors = state?.problems.filter((p) => p.severity === 'error').length ?? 0;
      return [code, { status: state?.lastStatus ?? ('missing' as const), errors }] as const;
    }),
  );
  const outcome = await deps.publications.publish({
    councilCode,
    year,
    round: input.round,
    snapshot: { ...councilSummary(proposal), choices, reviews },
    inputs,
    by: input.by,
    why: input.why,
    at: input.now,
  });
  // The workbook becomes the list published: the decided list, and the khóa sổ in its summary. A
  // choice saved while it is written is not in the list published: the summary and the console
  // name its cell (kept-write.ts).
  let late: string[] = [];
  if (outcome.outcome === 'published' && location && deps.sink) {
    const published = { version: outcome.version, at: input.now, by: input.by };
    const out = await writeKeepingEdits(deps.sink, {
      location,
      layout: record?.location === location ? record.layout : undefined,
      keep: COUNCIL_TABS,
      state: [] as string[],
      render: (cells) =>
        councilWorkbookModel({
          movement,
          year,
          proposal,
          units: registry.units,
          statuses,
          submissions,
          reviews,
          ...(choices.rejected ? { rejected: choices.rejected } : {}),
          published: { ...published, ...(cells.length ? { late: cells } : {}) },
        }),
      merge: (kept, _wrote, cells) => {
        const typed = (choicesEditedSince(kept, choices, choices)?.cells ?? [])
          .map((cell) => `${PROPOSAL_LABELS.tiedTab}!${cell}`)
          .filter((cell) => !cells.includes(cell));
        return typed.length ? [...cells, ...typed] : null;
      },
    });
    late = [...(out.late ?? out.state)];
    const source = deps.source;
    const after = source?.writtenVersions
      ? await source.writtenVersions([out.out.location])
      : await source?.versions([out.out.location]);
    const version = after?.get(out.out.location) || undefined;
    await deps.store.saveProposalRecords(
      year,
      new Map([
        [
          councilCode,
          {
            ...record,
            digest: modelDigest(out.model),
            location: out.out.location,
            ...(out.out.layout ? { layout: out.out.layout } : {}),
            ...(version !== undefined ? { version } : {}),
            choices,
            reviews,
          },
        ],
      ]),
    );
  }
  return { ...outcome, proposal, statuses, late };
}

export async function reopenCouncil(
  deps: Pick<PublishDeps, 'publications'>,
  input: { councilCode: string; year: number; round: string; by: string; why: string; now: string },
) {
  return deps.publications.reopen({ ...input, at: input.now });
}

/**
 * Publishes (khóa sổ) one council's round list as the council decided it: an immutable snapshot
 * (every candidate, the form chosen, the checklist) with the accepted versions of every year it used.
 */
export async function publishRound(
  deps: Omit<RoundDeps, 'sink'> & {
    publications: PublicationStore;
    sink?: Pick<SheetSink, 'writeOwnedWorkbook'>;
  },
  input: RoundRunInput & { councilCode: string; by: string; why: string; now: string },
) {
  const key = roundKey(input.campaign);
  const already = (await deps.publications.loadPublished(key.year, key.round, [input.councilCode])).get(
    input.councilCode,
  );
  if (already) return { outcome: 'already' as const, version: already.version, council: null };
  const { councils, inputs, problems, cells, locations, decisions } = await rankRound(deps, {
    ...input,
    councils: [input.councilCode],
  });
  const council = councils[0];
  if (!council) throw new UnknownCouncilError(CLI_TEXT.unknownCouncil(input.councilCode));
  // Published only as decided: no choice the workbook could not read, none left open at a tie.
  const where = cells.get(council.code);
  const open = [
    ...problems.map((p) => ({ tab: p.tab, cell: p.cell, message: p.message })),
    ...council.lists.flatMap((list) =>
      list.entries
        .filter((e) => e.selection === 'tied' && e.choice === null)
        .map((e) => ({
          tab: where?.get(`${list.subject}:${e.candidate.id}`)?.tab ?? '',
          cell: where?.get(`${list.subject}:${e.candidate.id}`)?.cell ?? e.candidate.id,
          message: '',
        })),
    ),
  ];
  if (open.length) throw new UndecidedRoundError(council.code, open);
  const summary = roundSummary(
    { kind: input.campaign.kind, fromYear: input.campaign.fromYear, toYear: input.campaign.toYear },
    [council],
    new Map(),
  );
  const outcome = await deps.publications.publish({
    councilCode: council.code,
    year: key.year,
    round: key.round,
    snapshot: summary.councils[0],
    inputs,
    by: input.by,
    why: input.why,
    at: input.now,
  });
  // The round workbook becomes the list published, with the khóa sổ in its summary; a choice saved
  // while it is written is not in the list published, and is named there and on the console.
  const location = locations.get(council.code);
  const decided = decisions.get(council.code);
  let late: string[] = [];
  if (outcome.outcome === 'published' && location && deps.sink) {
    const published = { version: outcome.version, at: input.now, by: input.by };
    const choices = decided?.choices ?? new Map();
    const out = await writeKeepingEdits(deps.sink, {
      location,
      keep: [ROUND_TEXT.tab, ROUND_TEXT.collectiveTab],
      state: [] as string[],
      render: (typed) =>
        roundWorkbookModel({
          movement: input.movement,
          campaign: input.campaign,
          council,
          published: { ...published, ...(typed.length ? { late: typed } : {}) },
        }),
      merge: (kept, _wrote, typed) => {
        if (!decided) return null;
        const now = roundChoicesEditedSince(kept, decided.undecided, choices, choices);
        if (!now) return null;
        const changed = [...(where ?? [])].flatMap(([key, at]) => {
          const [subject, id] = key.split(':') as [Subject, string];
          const same = (now.get(subject)?.get(id) ?? null) === (choices.get(subject)?.get(id) ?? null);
          const cell = `${at.tab}!${at.cell}`;
          return same || typed.includes(cell) ? [] : [cell];
        });
        return changed.length ? [...typed, ...changed] : null;
      },
    });
    late = [...(out.late ?? out.state)];
  }
  return { ...outcome, council, late };
}
