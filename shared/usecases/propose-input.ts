/**
 * Propose, step 1: before anything is ranked, where each council's workbook is and what each
 * council has entered there — its tie choices, its reviews and its inspections — read once from
 * the workbooks a council edited since thidua wrote them, else as recorded. Every council's
 * reviews are then taken into the scores all rankings use (council-input.ts).
 */
import type { Problem } from '../domain/problems.ts';
import type { Registry } from '../domain/registry.ts';
import { type CouncilReviews, NO_REVIEWS } from '../domain/reviews.ts';
import type { Submission } from '../domain/submission.ts';
import { catalogFor, type Movement } from '../movement/movement.ts';
import type {
  ProposalRecord,
  PublicationStore,
  SheetSink,
  SheetSource,
  SubmissionStore,
} from '../ports/index.ts';
import { PROPOSAL_TEXT } from '../text/proposals.ts';
import {
  type CouncilInput,
  type CouncilInputRead,
  readCouncilInput,
  reviewedScores,
} from './council-input.ts';
import { eachAtMost } from './pool.ts';
import { NO_CHOICES } from './tie-choices.ts';

/** Workbooks read at once (each one read; the medium paces them). */
const READ_CONCURRENCY = 4;

export interface GatherDeps {
  readonly store: Pick<SubmissionStore, 'loadProposalRecords'>;
  readonly source: Pick<SheetSource, 'versions' | 'readWorkbook'>;
  readonly sink: Pick<SheetSink, 'newWorkbook'>;
  readonly publications?: Pick<PublicationStore, 'loadSnapshots'>;
}

export interface Gathered {
  readonly records: Map<string, ProposalRecord>;
  /** Where each council proposed this run has its workbook. */
  readonly locations: Map<string, string>;
  /** The versions of those workbooks now (absent: the workbook is not there). */
  readonly present: Map<string, string>;
  /** Published (frozen) councils' snapshots. */
  readonly published: Awaited<ReturnType<PublicationStore['loadSnapshots']>>;
  /** Councils whose workbook changed since thidua wrote it: read this run. */
  readonly reads: Map<string, CouncilInputRead>;
  /** Each council's input as this run uses it (a published council's: as recorded). */
  readonly inputs: Map<string, CouncilInput>;
  /** The accepted submissions with every council's standing reviews taken in. */
  readonly submissions: Map<string, Submission>;
  readonly standing: ReturnType<typeof reviewedScores>['standing'];
}

export async function gatherCouncils(
  deps: GatherDeps,
  input: {
    readonly movement: Movement;
    readonly year: number;
    readonly registry: Registry;
    readonly proposalLocation: (councilCode: string) => string | null;
    readonly only?: readonly string[] | undefined;
  },
  accepted: ReadonlyMap<string, Submission>,
): Promise<Gathered> {
  const { year, registry } = input;
  const councils = [...registry.units.values()].filter((u) => u.runsCouncil);
  const proposed = councils.filter((c) => !input.only || input.only.includes(c.code));
  const records = await deps.store.loadProposalRecords(
    year,
    councils.map((c) => c.code),
  );
  // Where each proposal goes: the registry's choice, else where thidua made one before, else a new
  // one where the medium can make them (a shared drive). Otherwise it is reported, not written.
  // Councils not proposed this run count with what is recorded.
  const locations = new Map<string, string>();
  for (const council of proposed) {
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
      ? deps.publications.loadSnapshots(
          year,
          'annual',
          proposed.map((c) => c.code),
        )
      : Promise.resolve(new Map() as Gathered['published']),
  ]);
  // A workbook changed since thidua wrote it was edited by the council: read its tabs, once.
  const edited = proposed.filter((c) => {
    const location = locations.get(c.code);
    const before = records.get(c.code);
    return (
      location !== undefined &&
      before?.location === location &&
      before.version !== undefined &&
      present.has(location) &&
      present.get(location) !== before.version
    );
  });
  const catalog = catalogFor(input.movement, year);
  const reads = new Map<string, CouncilInputRead>();
  if (catalog)
    await eachAtMost(edited, READ_CONCURRENCY, async (council) => {
      const location = locations.get(council.code) ?? '';
      const ctx = { council: council.code, catalog, units: registry.units, submissions: accepted };
      reads.set(council.code, await readCouncilInput(deps.source, location, ctx));
    });
  const inputs = new Map<string, CouncilInput>();
  for (const council of councils) {
    const before = records.get(council.code);
    const read = published.has(council.code) ? undefined : reads.get(council.code);
    inputs.set(council.code, {
      choices: read?.choices ?? before?.choices ?? NO_CHOICES,
      reviews: read?.reviews ?? before?.reviews ?? NO_REVIEWS,
    });
  }
  const { submissions, standing } = reviewedScores(accepted, registry.units, reviewsByCouncil({ inputs }));
  return { records, locations, present, published, reads, inputs, submissions, standing };
}

/** The review entries each council typed that could not be used, from the workbooks read. */
export const reviewProblemsOf = (gathered: Pick<Gathered, 'reads'>): Map<string, Problem[]> =>
  new Map(
    [...gathered.reads].flatMap(([code, read]) => (read.problems.length ? [[code, read.problems]] : [])),
  );

/** Each council's reviews as this run uses them. */
export const reviewsByCouncil = (gathered: Pick<Gathered, 'inputs'>): Map<string, CouncilReviews> =>
  new Map([...gathered.inputs].map(([code, i]) => [code, i.reviews]));
