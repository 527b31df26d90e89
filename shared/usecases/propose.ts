/**
 * Propose: rank every council's collectives and people within its quotas and write its proposal
 * workbook.
 *
 * Steps: load each unit's state and its accepted version (batched) → build the proposals (pure) →
 * render one workbook per council → write it where the council reads it, unless the same proposal
 * was written there before (digest in the store) and the workbook is still there.
 */
import { createHash } from 'node:crypto';
import type { CouncilProposal } from '../domain/candidates.ts';
import { PolicyMissingError } from '../domain/candidates.ts';
import { withheldCouncils } from '../domain/council-choices.ts';
import type { Problem } from '../domain/problems.ts';
import { buildProposals, unitsWithoutPeople } from '../domain/proposals.ts';
import type { Registry } from '../domain/registry.ts';
import { NO_REVIEWS } from '../domain/reviews.ts';
import { type Submission, stableStringify } from '../domain/submission.ts';
import { catalogFor, type Movement } from '../movement/movement.ts';
import type {
  DocumentSink,
  Progress,
  ProposalRecord,
  PublicationStore,
  SheetSink,
  SheetSource,
  SubmissionStore,
} from '../ports/index.ts';
import { DocumentWriteError, silentProgress } from '../ports/index.ts';
import { councilWorkbookModel } from '../present/council-book.ts';
import { councilDocuments } from '../present/documents.ts';
import type { UnitStatus } from '../present/feedback.ts';
import { PROGRESS_LABELS, STATUS_LABELS, withheldText } from '../text/proposals.ts';
import { loadAccepted } from './accepted.ts';
import {
  COUNCIL_TABS,
  type CouncilInput,
  councilInputEditedSince,
  reviewedScores,
  reviewNotes,
} from './council-input.ts';
import { tellSharedStaff } from './cross-check.ts';
import { writeKeepingEdits } from './kept-write.ts';
import { eachAtMost } from './pool.ts';
import { gatherCouncils, reviewProblemsOf, reviewsByCouncil } from './propose-input.ts';
import { type FrozenCouncil, frozenCouncil } from './published.ts';
import { choiceCellsDiffering, decidedProposal, NO_CHOICES } from './tie-choices.ts';

/** A short digest of a model: the same content, the same digest (nothing written when nothing changed). */
export const modelDigest = (model: unknown) =>
  createHash('sha256').update(stableStringify(model)).digest('hex').slice(0, 32);

/** Councils proposed at once (their writes still go one at a time through the medium's pacing). */
const PROPOSE_CONCURRENCY = 4;

export interface ProposeDeps {
  readonly sink: SheetSink;
  /** Where each council's official documents go (Tờ trình, Danh sách, Biên bản); none when absent. */
  readonly documents?: DocumentSink;
  /** To see whether a proposal workbook written before is still there. */
  readonly source: Pick<SheetSource, 'versions' | 'readWorkbook' | 'writtenVersions'>;
  /** Published lists are frozen: never rewritten until reopened. */
  readonly publications?: Pick<PublicationStore, 'loadSnapshots'>;
  readonly store: SubmissionStore;
  readonly progress?: Progress;
}

export interface ProposeInput {
  readonly movement: Movement;
  readonly year: number;
  readonly registry: Registry;
  /** Where each council's proposal workbook goes; null when the registry names none (not written). */
  readonly proposalLocation: (councilCode: string) => string | null;
  /** Only these councils (all when absent). */
  readonly only?: readonly string[];
  /** Units this run could not read (unit code → status label): their councils are not rewritten. */
  readonly unsettled?: ReadonlyMap<string, string>;
  /**
   * When given (the instant shown in the tabs), units that list a staff id another unit lists too
   * are told in their own tab, from the data loaded here (see cross-check.ts).
   */
  readonly crossCheckAt?: string;
  /**
   * The date the documents are drawn up (YYYY-MM-DD; which laws they cite). Documents are written
   * only with it and `deps.documents`.
   */
  readonly documentsDate?: string;
  /** Write the documents even when their content is unchanged and they are still there. */
  readonly forceDocuments?: boolean;
  /** Blocks that stand in the award history (pending discipline, …): staff id or unit code → what. */
  readonly pending?: ReadonlyMap<string, string>;
}

/** Why a council's documents could not be written: the reason, and the medium's words (logs). */
export interface DocumentFailure {
  readonly reason: DocumentWriteError['reason'];
  readonly detail: string;
}

export interface ProposeResult {
  readonly councils: CouncilProposal[];
  /** Council → where its proposal workbook is. */
  readonly written: Map<string, string>;
  /** Councils whose proposal changed and was written in this run. */
  readonly rewritten: string[];
  /** Councils whose list is published (frozen), left as they were. */
  readonly published: string[];
  /** Each published council's list as it was published (what was signed), and what was typed since. */
  readonly frozen: Map<string, FrozenCouncil>;
  /**
   * Councils still typing in their tie tab through every write of this run: the cells saved during
   * the last write, not in the workbook (to be typed again; the council is told).
   */
  readonly late: Map<string, string[]>;
  /** Councils whose documents could not be written this time, and why (their lists are recorded). */
  readonly documentFailures: Map<string, DocumentFailure>;
  /** Review entries a council typed that could not be used (named by tab and cell), by council. */
  readonly reviewProblems: Map<string, Problem[]>;
  /** Councils not written this time because their list cannot be trusted, with the reasons. */
  readonly withheld: Map<string, string[]>;
  /** Units listing a staff id another unit lists too (when the cross-check ran). */
  readonly flagged: string[];
  readonly statuses: Map<string, { status: UnitStatus; errors: number; problems: Problem[] }>;
  /** Council → where its documents are (written in this run or before). */
  readonly documents: Map<string, string[]>;
}

export async function proposeAwards(deps: ProposeDeps, input: ProposeInput): Promise<ProposeResult> {
  const progress = deps.progress ?? silentProgress;
  const { movement, year, registry } = input;
  const codes = [...registry.units.keys()].sort();
  // Ranking needs the year's criteria: without them nothing is read, made or written.
  const catalog = catalogFor(movement, year);
  if (!catalog) throw new PolicyMissingError(year);
  const { states, submissions: accepted } = await loadAccepted(deps.store, year, codes);
  // Each council's input first: its reviews change the scores every ranking uses.
  const gathered = await gatherCouncils(deps, input, accepted);
  const { records, locations, published, submissions } = gathered;
  const cross = input.crossCheckAt
    ? await tellSharedStaff(
        { store: deps.store, sink: deps.sink },
        {
          year,
          registry,
          now: input.crossCheckAt,
          states,
          submissions,
          notes: reviewNotes(gathered.standing, reviewsByCouncil(gathered), accepted, catalog),
        },
      )
    : undefined;

  const rankAll = (reviewed: ReadonlyMap<string, Submission>) =>
    buildProposals({
      movement,
      year,
      units: registry.units,
      submissions: reviewed,
      ...(input.pending ? { pending: input.pending } : {}),
    });
  const councils = rankAll(submissions).filter((c) => !input.only || input.only.includes(c.code));
  const unsettled = new Map(input.unsettled ?? []);
  for (const state of states.values())
    if (state.lastStatus === 'inaccessible' && !unsettled.has(state.unitCode))
      unsettled.set(state.unitCode, STATUS_LABELS.inaccessible);
  const held = withheldCouncils({
    units: registry.units,
    faults: registry.faults,
    submissions,
    unsettled,
    councils: councils.map((c) => c.code),
  });
  const withheld = new Map([...held].map(([code, reasons]) => [code, reasons.map(withheldText)]));
  const statuses = new Map<string, { status: UnitStatus; errors: number; problems: Problem[] }>();
  for (const code of codes) {
    const state = states.get(code);
    statuses.set(code, {
      status: state?.lastStatus ?? 'missing',
      errors: state ? state.problems.filter((p) => p.severity === 'error').length : 0,
      problems: state?.problems ?? [],
    });
  }

  const written = new Map<string, string>();
  const documents = new Map<string, string[]>();
  const changed = new Map<string, ProposalRecord>();
  /** Councils whose workbook this run wrote: their versions are looked up at once, after the writes. */
  const rewrote = new Set<string>();
  const decidedCouncils: CouncilProposal[] = [];
  const frozen = new Map<string, FrozenCouncil>();
  const late = new Map<string, string[]>();
  const documentFailures = new Map<string, DocumentFailure>();
  progress.start(PROGRESS_LABELS.propose, councils.length);
  const proposeOne = async (undecided: CouncilProposal, index: number) => {
    const location = locations.get(undecided.code);
    progress.tick(undecided.code);
    const before = records.get(undecided.code);
    const read = gathered.reads.get(undecided.code);
    const edited = read !== undefined;
    const publication = published.get(undecided.code);
    if (publication) {
      // Frozen: the published workbook and documents stay as they are, and the list reported is
      // the one published; choices typed into the workbook since are named, and not used.
      const list = frozenCouncil(publication, read ?? null, before?.choices);
      if (list) frozen.set(undecided.code, list);
      decidedCouncils[index] = undecided;
      if (location) written.set(undecided.code, location);
      if (before?.documents) documents.set(undecided.code, [...before.documents.locations]);
      return;
    }
    const initial = gathered.inputs.get(undecided.code) ?? { choices: NO_CHOICES, reviews: NO_REVIEWS };
    // The council's list on its input: its own reviews changed during a write are ranked again.
    const rank = (state: CouncilInput) => {
      if (state.reviews === initial.reviews) return { ranked: undecided, reviewed: submissions };
      const byCouncil = reviewsByCouncil(gathered).set(undecided.code, state.reviews);
      const reviewed = reviewedScores(accepted, registry.units, byCouncil).submissions;
      return { ranked: rankAll(reviewed).find((c) => c.code === undecided.code) ?? undecided, reviewed };
    };
    let state = initial;
    let proposal = decidedProposal(undecided, state.choices);
    decidedCouncils[index] = proposal;
    if (!location) return;
    if (withheld.has(proposal.code)) return; // the workbook keeps its last trustworthy list
    const render = (next: CouncilInput) => {
      const { ranked, reviewed } = rank(next);
      return councilWorkbookModel({
        movement,
        year,
        proposal: decidedProposal(ranked, next.choices),
        units: registry.units,
        statuses,
        submissions: reviewed,
        reviews: next.reviews,
        ...(next.choices.rejected ? { rejected: next.choices.rejected } : {}),
      });
    };
    const model = render(state);
    let record: ProposalRecord | undefined;
    if (
      !edited &&
      before?.digest === modelDigest(model) &&
      before.location === location &&
      gathered.present.has(location)
    )
      written.set(proposal.code, location);
    else {
      // Written so that what the council saves meanwhile is seen and kept (kept-write.ts).
      const ctx = {
        council: undecided.code,
        catalog,
        units: registry.units,
        submissions: accepted,
      };
      const out = await writeKeepingEdits(deps.sink, {
        location,
        layout: before?.location === location ? before.layout : undefined,
        keep: COUNCIL_TABS,
        state,
        render: (next) => (next === state ? model : render(next)),
        merge: (kept, wrote, current) => councilInputEditedSince(kept, wrote, current, ctx),
      });
      if (out.late && out.out.kept)
        late.set(proposal.code, choiceCellsDiffering(out.out.kept, out.state.choices, out.late.choices));
      state = out.state;
      proposal = decidedProposal(rank(state).ranked, state.choices);
      decidedCouncils[index] = proposal;
      written.set(proposal.code, out.out.location);
      rewrote.add(proposal.code);
      record = {
        digest: modelDigest(out.model),
        location,
        ...(out.out.layout ? { layout: out.out.layout } : {}),
        choices: state.choices,
        reviews: state.reviews,
        ...(before?.documents ? { documents: before.documents } : {}),
      };
    }
    if (deps.documents && input.documentsDate) {
      // A council's documents that cannot be written are that council's failure: its proposal is
      // still recorded, the other councils go on, and the reason is reported.
      try {
        const docs = await writeDocuments(deps.documents, {
          movement,
          year,
          proposal,
          registry,
          statuses,
          date: input.documentsDate,
          previous: before?.documents,
          force: input.forceDocuments ?? false,
        });
        documents.set(proposal.code, [...docs.locations]);
        if (docs.changed) record = { ...(record ?? (before as ProposalRecord)), documents: docs };
      } catch (error) {
        documentFailures.set(
          proposal.code,
          error instanceof DocumentWriteError
            ? { reason: error.reason, detail: error.message }
            : { reason: 'other', detail: error instanceof Error ? error.message : String(error) },
        );
      }
    }
    if (record) changed.set(proposal.code, record);
  };
  // A few councils at once: one's workbook is written while the next is ranked and rendered and
  // another's documents go up, so the write quota is never left idle.
  await eachAtMost(councils, PROPOSE_CONCURRENCY, proposeOne);
  // The version of each workbook written, in one look after all the writes (not one per write).
  if (rewrote.size) {
    const locationsWritten = [...rewrote].map((code) => changed.get(code)?.location ?? '');
    const after = deps.source.writtenVersions
      ? await deps.source.writtenVersions(locationsWritten)
      : await deps.source.versions(locationsWritten);
    for (const code of rewrote) {
      const record = changed.get(code);
      const version = record && after.get(record.location);
      if (record && version !== undefined) changed.set(code, { ...record, version });
    }
  }
  progress.done();
  await deps.store.saveProposalRecords(year, changed);
  return {
    councils: decidedCouncils,
    written,
    rewritten: [...changed.keys()],
    published: [...published.keys()],
    frozen,
    late,
    reviewProblems: reviewProblemsOf(gathered),
    documentFailures,
    withheld,
    flagged: cross?.flagged ?? [],
    statuses,
    documents,
  };
}

/**
 * Writes a council's documents when their content differs from what was written last time (or
 * they are gone, or `force`); returns their digest and locations, and whether they were written.
 */
export async function writeDocuments(
  sink: DocumentSink,
  input: {
    readonly movement: Movement;
    readonly year: number;
    readonly proposal: CouncilProposal;
    readonly registry: Registry;
    readonly statuses: ReadonlyMap<string, { status: UnitStatus }>;
    readonly date: string;
    readonly previous?: { readonly digest: string; readonly locations: readonly string[] } | undefined;
    readonly force?: boolean;
  },
): Promise<{ digest: string; locations: readonly string[]; changed: boolean }> {
  const { proposal, registry } = input;
  const unread = unitsWithoutPeople(proposal).map((code) => ({
    code,
    status: STATUS_LABELS[input.statuses.get(code)?.status ?? 'missing'],
  }));
  const models = councilDocuments({
    movement: input.movement,
    year: input.year,
    proposal,
    units: registry.units,
    unread,
    date: input.date,
  });
  const digest = modelDigest(models);
  const previous = input.previous;
  if (!input.force && previous?.digest === digest) {
    const present = await sink.exists(previous.locations);
    if (previous.locations.every((l) => present.has(l)))
      return { digest, locations: previous.locations, changed: false };
  }
  const folder = registry.units.get(proposal.code)?.documentsFolder ?? null;
  const locations = await sink.writeDocuments({ code: proposal.code, folder }, models, previous?.locations);
  // Nowhere to write them (no folder) again: nothing to record either.
  const same =
    previous?.digest === digest &&
    previous.locations.length === locations.length &&
    previous.locations.every((l, i) => l === locations[i]);
  return { digest, locations, changed: !same };
}
