/**
 * A council's review of a collective's self-assessment (thẩm định), and the findings of its
 * inspection teams (kiểm tra): the score a council sets for one unit on one criterion, with the
 * reason. Only councils set them — never the unit — and the one that stands is the highest
 * council's (nearest the top of the registry); within one council an inspection's finding stands
 * over its review. Pure: reviews and submissions in, submissions with the standing scores out.
 */
import { z } from 'zod';
import { cellSchema } from './grid.ts';
import type { RegistryUnit } from './registry.ts';
import { collectiveCouncilOf } from './registry.ts';
import type { Submission } from './submission.ts';
import { hundredths } from './submission-schema.ts';

export const councilReviewSchema = z.object({
  unitCode: z.string().min(1),
  criterion: z.string().min(1),
  /** The council's score, in hundredths of a point. */
  points: hundredths,
  reason: z.string(),
  /** The council that set it. */
  council: z.string().min(1),
  /** From the council's “Thẩm định” tab, or from an inspection recorded in its “Kiểm tra” tab. */
  kind: z.enum(['review', 'inspection']),
  /** An inspection's date (YYYY-MM-DD), team and finding. */
  date: z.string().optional(),
  team: z.string().optional(),
  finding: z.string().optional(),
});

export type CouncilReview = z.infer<typeof councilReviewSchema>;

/**
 * What a council typed that could not be used (a score that is no number, a missing reason, a
 * unit it may not review): written back where it was, with the reason, until the council fixes it.
 * A review's cells are [unit, criterion, score, reason]; an inspection's, its row's seven cells.
 */
export const reviewDraftSchema = z.object({
  tab: z.enum(['review', 'inspection']),
  cells: z.array(cellSchema),
  note: z.string(),
});

export type ReviewDraft = z.infer<typeof reviewDraftSchema>;

/** A council's entries in its review tabs: those used, and those written back with a note. */
export interface CouncilReviews {
  readonly reviews: readonly CouncilReview[];
  readonly drafts: readonly ReviewDraft[];
}

export const NO_REVIEWS: CouncilReviews = { reviews: [], drafts: [] };

/** The criterion of an inspection's finding that changes no score: on record, and told to the unit. */
export const FINDING_ONLY = '-';

/** The units above `code` in the registry, nearest first; a cycle ends at its first repeat. */
function* ancestors(units: ReadonlyMap<string, RegistryUnit>, code: string): Generator<string> {
  const seen = new Set<string>();
  for (
    let at = units.get(code)?.parentCode ?? null;
    at && !seen.has(at);
    at = units.get(at)?.parentCode ?? null
  ) {
    seen.add(at);
    yield at;
  }
}

/** How many units stand above `code` (0: the top of the registry); a cycle counts as the top. */
const depth = (units: ReadonlyMap<string, RegistryUnit>, code: string): number =>
  [...ancestors(units, code)].length;

/** Whether `unitCode` lies under `councilCode` in the registry (at any depth). */
export function isUnder(
  units: ReadonlyMap<string, RegistryUnit>,
  unitCode: string,
  councilCode: string,
): boolean {
  for (const at of ancestors(units, unitCode)) if (at === councilCode) return true;
  return false;
}

/** Whether a council may set this score: its review of a collective it ranks, its inspection of a unit under it. */
export function mayReview(
  units: ReadonlyMap<string, RegistryUnit>,
  review: Pick<CouncilReview, 'unitCode' | 'council' | 'kind'>,
): boolean {
  return review.kind === 'review'
    ? collectiveCouncilOf(units, review.unitCode) === review.council
    : isUnder(units, review.unitCode, review.council);
}

/** The score that stands for each unit and criterion (unit → criterion → review). */
export function standingReviews(
  reviews: readonly CouncilReview[],
  units: ReadonlyMap<string, RegistryUnit>,
): Map<string, Map<string, CouncilReview>> {
  // Lower rank stands: a council nearer the top first, then an inspection over a review.
  const rank = (r: CouncilReview) => depth(units, r.council) * 2 + (r.kind === 'inspection' ? 0 : 1);
  const standing = new Map<string, Map<string, CouncilReview>>();
  for (const review of reviews) {
    if (review.criterion === FINDING_ONLY || !mayReview(units, review)) continue;
    const byCriterion = standing.get(review.unitCode) ?? new Map<string, CouncilReview>();
    const current = byCriterion.get(review.criterion);
    if (!current || rank(review) < rank(current)) byCriterion.set(review.criterion, review);
    standing.set(review.unitCode, byCriterion);
  }
  return standing;
}

/**
 * The submissions as the councils reviewed them: each collective criterion's `reviewed` score is
 * the standing review's (with its reason), or none — a score a unit typed as reviewed never counts.
 */
export function reviewedSubmissions(
  submissions: ReadonlyMap<string, Submission>,
  standing: ReadonlyMap<string, ReadonlyMap<string, CouncilReview>>,
): Map<string, Submission> {
  const result = new Map<string, Submission>();
  for (const [code, submission] of submissions) {
    const reviews = standing.get(code);
    const items = Object.fromEntries(
      Object.entries(submission.collective.items).map(([criterion, item]) => {
        const review = reviews?.get(criterion);
        return [
          criterion,
          { ...item, reviewed: review ? review.points : null, reviewReason: review ? review.reason : '' },
        ];
      }),
    );
    result.set(code, { ...submission, collective: { ...submission.collective, items } });
  }
  return result;
}
