/**
 * Propose: rank every council's collectives and people within its quotas and write its proposal
 * workbook.
 *
 * Steps: load each unit's state and its accepted version (batched) → build the proposals (pure) →
 * render one workbook per council → write it where the council reads it.
 */
import type { Movement } from '../config/movement.ts';
import { buildProposals, type CouncilProposal } from '../domain/proposals.ts';
import type { Registry } from '../domain/registry.ts';
import { proposalWorkbookModel, type UnitStatus } from '../domain/render.ts';
import type { Submission } from '../domain/submission.ts';
import type { Progress, SheetSink, SubmissionStore, UnitState } from '../ports/index.ts';
import { silentProgress } from '../ports/index.ts';

export interface ProposeDeps {
  readonly sink: SheetSink;
  readonly store: SubmissionStore;
  readonly progress?: Progress;
}

export interface ProposeInput {
  readonly movement: Movement;
  readonly year: number;
  readonly registry: Registry;
  /** Where each council's proposal workbook goes. */
  readonly proposalLocation: (councilCode: string) => string;
  /** States already loaded by a sync in the same run, to save reading them again. */
  readonly states?: ReadonlyMap<string, UnitState>;
  /** Only these councils (all when absent). */
  readonly only?: readonly string[];
}

export interface ProposeResult {
  readonly councils: CouncilProposal[];
  readonly written: Map<string, string>;
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

  const written = new Map<string, string>();
  progress.start('Lập đề nghị khen thưởng', councils.length);
  for (const proposal of councils) {
    const model = proposalWorkbookModel({ movement, year, proposal, units: registry.units, statuses });
    written.set(
      proposal.code,
      await deps.sink.writeOwnedWorkbook(input.proposalLocation(proposal.code), model),
    );
    progress.tick(proposal.code);
  }
  progress.done();
  return { councils, written, statuses };
}
