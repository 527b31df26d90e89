/**
 * Publishing a council's list (khóa sổ) and reopening it.
 *
 * Publish: rank the council from the accepted data → snapshot its list with the hash of every
 * accepted submission it used → freeze it (proposals for it are no longer rewritten by syncs) →
 * audit who and when. Reopen: needs who and why; audited; the next proposal run rewrites it.
 */

import { applyCouncilChoice } from '../domain/council-choices.ts';
import { buildProposals } from '../domain/proposals.ts';
import type { Registry } from '../domain/registry.ts';
import type { Movement } from '../movement/movement.ts';
import type { PublicationStore, SubmissionStore } from '../ports/index.ts';
import { CLI_TEXT } from '../text/console.ts';
import { loadAccepted } from './accepted.ts';
import { councilSummary, roundSummary } from './report.ts';
import { type RoundDeps, type RoundRunInput, rankRound, roundKey } from './round.ts';

export interface PublishDeps {
  readonly store: SubmissionStore;
  readonly publications: PublicationStore;
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
  // The list as the council decided it: its choices among those tied at the line included.
  const choices = (await deps.store.loadProposalRecords(year, [councilCode])).get(councilCode)?.choices;
  const proposal = {
    ...ranked,
    collectives: applyCouncilChoice(ranked.collectives, new Set(choices?.collective ?? [])),
    individuals: applyCouncilChoice(ranked.individuals, new Set(choices?.individual ?? [])),
  };
  const scope = [...new Set([...proposal.collectiveUnits, ...proposal.individualUnits])].sort();
  const inputs = Object.fromEntries(scope.map((code) => [code, states.get(code)?.acceptedHash ?? null]));
  const statuses = new Map(
    codes.map((code) => [code, { status: states.get(code)?.lastStatus ?? ('missing' as const) }]),
  );
  const outcome = await deps.publications.publish({
    councilCode,
    year,
    round: input.round,
    snapshot: councilSummary(proposal),
    inputs,
    by: input.by,
    why: input.why,
    at: input.now,
  });
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
  deps: Omit<RoundDeps, 'sink'> & { publications: PublicationStore },
  input: RoundRunInput & { councilCode: string; by: string; why: string; now: string },
) {
  const { councils, inputs } = await rankRound(deps, { ...input, councils: [input.councilCode] });
  const council = councils[0];
  if (!council) throw new UnknownCouncilError(CLI_TEXT.unknownCouncil(input.councilCode));
  const key = roundKey(input.campaign);
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
  return { ...outcome, council };
}
