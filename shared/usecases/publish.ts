/**
 * Publishing a council's list (khóa sổ) and reopening it.
 *
 * Publish: rank the council from the accepted data → snapshot its list with the hash of every
 * accepted submission it used → freeze it (proposals for it are no longer rewritten by syncs) →
 * audit who and when. Reopen: needs who and why; audited; the next proposal run rewrites it.
 */

import { buildProposals } from '../domain/proposals.ts';
import type { Registry } from '../domain/registry.ts';
import type { Movement } from '../movement/movement.ts';
import type { PublicationStore, SheetSink, SheetSource, SubmissionStore } from '../ports/index.ts';
import { councilWorkbookModel } from '../present/proposal-book.ts';
import { roundWorkbookModel } from '../present/round-book.ts';
import { CLI_TEXT } from '../text/console.ts';
import { loadAccepted } from './accepted.ts';
import { councilSummary } from './list-summary.ts';
import { modelDigest } from './propose.ts';
import { roundSummary } from './report.ts';
import { type RoundDeps, type RoundRunInput, rankRound, roundKey } from './round.ts';
import {
  type ChoicesRead,
  decidedProposal,
  NO_CHOICES,
  readCouncilChoices,
  type UndecidedTie,
  undecidedTies,
} from './tie-choices.ts';

export interface PublishDeps {
  readonly store: SubmissionStore;
  readonly publications: PublicationStore;
  /** Where the council's proposal workbook is read: its choices as they stand when it publishes. */
  readonly source?: Pick<SheetSource, 'readWorkbook' | 'versions'>;
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
  const { states, submissions } = await loadAccepted(deps.store, year, codes);
  const ranked = buildProposals({
    movement,
    year,
    units: registry.units,
    submissions,
    ...(input.pending ? { pending: input.pending } : {}),
  }).find((c) => c.code === councilCode);
  if (!ranked) throw new UnknownCouncilError(CLI_TEXT.unknownCouncil(councilCode));
  const already = (await deps.publications.loadPublished(year, input.round, [councilCode])).get(councilCode);
  if (already)
    return { outcome: 'already' as const, version: already.version, proposal: ranked, statuses: new Map() };
  // The list as the council decided it, from its workbook as it stands now (its choices among
  // those tied at the line); the choices recorded at the last run when there is no workbook.
  const record = (await deps.store.loadProposalRecords(year, [councilCode])).get(councilCode);
  const location = input.location ?? record?.location ?? null;
  let read: ChoicesRead | null = null;
  if (location && deps.source && (await deps.source.versions([location])).has(location))
    read = await readCouncilChoices(deps.source, location);
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
    snapshot: { ...councilSummary(proposal), choices },
    inputs,
    by: input.by,
    why: input.why,
    at: input.now,
  });
  // The workbook becomes the list published: the decided list, and the khóa sổ in its summary.
  if (outcome.outcome === 'published' && location && deps.sink) {
    const model = councilWorkbookModel({
      movement,
      year,
      proposal,
      units: registry.units,
      statuses,
      submissions,
      ...(choices.rejected ? { rejected: choices.rejected } : {}),
      published: { version: outcome.version, at: input.now, by: input.by },
    });
    const out = await deps.sink.writeOwnedWorkbook(
      location,
      model,
      record?.location === location ? record.layout : undefined,
    );
    const version = (await deps.source?.versions([out.location]))?.get(out.location);
    await deps.store.saveProposalRecords(
      year,
      new Map([
        [
          councilCode,
          {
            ...record,
            digest: modelDigest(model),
            location: out.location,
            ...(out.layout ? { layout: out.layout } : {}),
            ...(version !== undefined ? { version } : {}),
            choices,
          },
        ],
      ]),
    );
  }
  return { ...outcome, proposal, statuses };
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
  const { councils, inputs, problems, cells, locations } = await rankRound(deps, {
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
  // The round workbook becomes the list published, with the khóa sổ in its summary.
  const location = locations.get(council.code);
  if (outcome.outcome === 'published' && location && deps.sink)
    await deps.sink.writeOwnedWorkbook(
      location,
      roundWorkbookModel({
        movement: input.movement,
        campaign: input.campaign,
        council,
        published: { version: outcome.version, at: input.now, by: input.by },
      }),
    );
  return { ...outcome, council };
}
