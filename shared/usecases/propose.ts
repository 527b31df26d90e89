/**
 * Propose: rank every council's collectives and people within its quotas and write its proposal
 * workbook.
 *
 * Steps: load each unit's state and its accepted version (batched) → build the proposals (pure) →
 * render one workbook per council → write it where the council reads it, unless the same proposal
 * was written there before (digest in the store) and the workbook is still there.
 */
import { createHash } from 'node:crypto';
import type { Movement } from '../config/movement.ts';
import { buildProposals, type CouncilProposal, rankClusters } from '../domain/proposals.ts';
import type { Registry } from '../domain/registry.ts';
import { proposalWorkbookModel, type UnitStatus } from '../domain/render.ts';
import { type Submission, stableStringify } from '../domain/submission.ts';
import { PROGRESS_LABELS, PROPOSAL_TEXT } from '../domain/vi.ts';
import type {
  Progress,
  ProposalRecord,
  PublicationStore,
  SheetSink,
  SheetSource,
  SubmissionStore,
  UnitState,
} from '../ports/index.ts';
import { silentProgress } from '../ports/index.ts';

export interface ProposeDeps {
  readonly sink: SheetSink;
  /** To see whether a proposal workbook written before is still there. */
  readonly source: Pick<SheetSource, 'versions'>;
  /** Published lists are frozen: never rewritten until reopened. */
  readonly publications?: Pick<PublicationStore, 'loadPublished'>;
  readonly store: SubmissionStore;
  readonly progress?: Progress;
}

export interface ProposeInput {
  readonly movement: Movement;
  readonly year: number;
  readonly registry: Registry;
  /** Where each council's proposal workbook goes; null when the registry names none (not written). */
  readonly proposalLocation: (councilCode: string) => string | null;
  /** States already loaded by a sync in the same run, to save reading them again. */
  readonly states?: ReadonlyMap<string, UnitState>;
  /** Only these councils (all when absent). */
  readonly only?: readonly string[];
}

export interface ProposeResult {
  readonly councils: CouncilProposal[];
  /** Council → where its proposal workbook is. */
  readonly written: Map<string, string>;
  /** Councils whose proposal changed and was written in this run. */
  readonly rewritten: string[];
  /** Councils whose list is published (frozen), left as they were. */
  readonly published: string[];
  readonly statuses: Map<string, { status: UnitStatus; errors: number }>;
}

export async function proposeAwards(deps: ProposeDeps, input: ProposeInput): Promise<ProposeResult> {
  const progress = deps.progress ?? silentProgress;
  const { movement, year, registry } = input;
  const codes = [...registry.units.keys()].sort();
  const states = input.states ?? (await deps.store.loadStates(year, codes));
  const refs = [...states.values()]
    .filter(
      (s): s is UnitState & { acceptedHash: string } =>
        s.acceptedHash !== null && registry.units.has(s.unitCode),
    )
    .map((s) => ({ unitCode: s.unitCode, hash: s.acceptedHash }));
  const submissions: Map<string, Submission> = await deps.store.loadVersions(year, refs);

  const councils = buildProposals({ movement, year, units: registry.units, submissions }).filter(
    (c) => !input.only || input.only.includes(c.code),
  );
  const statuses = new Map<string, { status: UnitStatus; errors: number }>();
  for (const code of codes) {
    const state = states.get(code);
    statuses.set(code, {
      status: state?.lastStatus ?? 'missing',
      errors: state ? state.problems.filter((p) => p.severity === 'error').length : 0,
    });
  }

  const records = await deps.store.loadProposalRecords(
    year,
    councils.map((c) => c.code),
  );
  // Where each proposal goes: the registry's choice, else where thidua made one before, else a new
  // one where the medium can make them (a shared drive). Otherwise it is reported, not written.
  const locations = new Map<string, string>();
  for (const council of councils) {
    const location =
      input.proposalLocation(council.code) ??
      records.get(council.code)?.location ??
      (deps.sink.newWorkbook
        ? await deps.sink.newWorkbook(PROPOSAL_TEXT.workbookTitle(council.name, council.code, year))
        : null);
    if (location) locations.set(council.code, location);
  }
  const [present, published] = await Promise.all([
    deps.source.versions([...locations.values()]),
    deps.publications
      ? deps.publications.loadPublished(
          year,
          'annual',
          councils.map((c) => c.code),
        )
      : Promise.resolve(new Map()),
  ]);
  const written = new Map<string, string>();
  const changed = new Map<string, ProposalRecord>();
  progress.start(PROGRESS_LABELS.propose, councils.length);
  for (const proposal of councils) {
    const location = locations.get(proposal.code);
    progress.tick(proposal.code);
    if (!location) continue;
    if (published.has(proposal.code)) {
      written.set(proposal.code, location); // frozen: the published workbook stays as it is
      continue;
    }
    // The sector-level council (at the top of the registry) also sees every cluster's ranking.
    const top = registry.units.get(proposal.code)?.parentCode === null;
    const model = proposalWorkbookModel({
      movement,
      year,
      proposal,
      units: registry.units,
      statuses,
      ...(top ? { clusters: rankClusters({ movement, year, units: registry.units, submissions }) } : {}),
    });
    const digest = createHash('sha256').update(stableStringify(model)).digest('hex').slice(0, 32);
    const before = records.get(proposal.code);
    if (before?.digest === digest && before.location === location && present.has(location))
      written.set(proposal.code, location);
    else {
      written.set(proposal.code, await deps.sink.writeOwnedWorkbook(location, model));
      changed.set(proposal.code, { digest, location });
    }
  }
  progress.done();
  await deps.store.saveProposalRecords(year, changed);
  return { councils, written, rewritten: [...changed.keys()], published: [...published.keys()], statuses };
}
