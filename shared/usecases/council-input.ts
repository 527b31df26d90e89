/**
 * What a council enters in its own proposal workbook — its choice among those tied at the line
 * (“Đồng điểm tại ngưỡng”), its review of its collectives' scores (“Thẩm định”) and its
 * inspections' findings (“Kiểm tra”) — read in one read, and taken into the scores every council
 * ranks on: the standing review of each unit and criterion replaces the self score.
 */
import type { WorkbookGrids } from '../domain/grid.ts';
import type { Problem } from '../domain/problems.ts';
import type { RegistryUnit } from '../domain/registry.ts';
import {
  type CouncilReview,
  type CouncilReviews,
  FINDING_ONLY,
  reviewedSubmissions,
  standingReviews,
} from '../domain/reviews.ts';
import { type Submission, stableStringify } from '../domain/submission.ts';
import { formatDate, formatHundredths } from '../domain/text.ts';
import type { Catalog } from '../movement/movement.ts';
import type { SheetSource } from '../ports/index.ts';
import { readCouncilReviews } from '../present/review-book-read.ts';
import { PROPOSAL_LABELS } from '../text/proposals.ts';
import { REVIEW_TEXT } from '../text/reviews.ts';
import { TABS } from '../text/sheets.ts';
import { type Choices, type ChoicesRead, choicesEditedSince, tieChoicesIn } from './tie-choices.ts';

/** The tabs of a proposal workbook the council edits. */
export const COUNCIL_TABS = [PROPOSAL_LABELS.tiedTab, REVIEW_TEXT.reviewTab, REVIEW_TEXT.inspectionTab];

export interface CouncilInput {
  readonly choices: Choices;
  readonly reviews: CouncilReviews;
}

export interface CouncilInputRead extends CouncilInput {
  /** Where each tied candidate's choice is typed. */
  readonly cells: ChoicesRead['cells'];
  /** Review entries the council typed that could not be used (named by tab and cell). */
  readonly problems: Problem[];
}

export interface CouncilInputContext {
  readonly council: string;
  readonly catalog: Catalog;
  readonly units: ReadonlyMap<string, RegistryUnit>;
  /** The accepted submissions (self scores). */
  readonly submissions: ReadonlyMap<string, Submission>;
}

/** The council's input as the tabs of its workbook hold it (pure). */
export function councilInputIn(grids: WorkbookGrids, ctx: CouncilInputContext): CouncilInputRead {
  const tie = tieChoicesIn(grids);
  const { problems, ...reviews } = readCouncilReviews(grids, ctx);
  return { choices: tie.choices, cells: tie.cells, reviews, problems };
}

/** The council's input as its workbook holds it now (one read of its tabs). */
export async function readCouncilInput(
  source: Pick<SheetSource, 'readWorkbook'>,
  location: string,
  ctx: CouncilInputContext,
): Promise<CouncilInputRead> {
  return councilInputIn(await source.readWorkbook(location, COUNCIL_TABS), ctx);
}

/**
 * What the council changed in its tabs (as a write found them, `kept`) since thidua wrote `wrote`
 * there, over `current`; null when nothing. Reviews are read whole (each row names its unit and
 * criterion); choices are merged by candidate (see choicesEditedSince).
 */
export function councilInputEditedSince(
  kept: WorkbookGrids,
  wrote: CouncilInput,
  current: CouncilInput,
  ctx: CouncilInputContext,
): CouncilInput | null {
  const choices = choicesEditedSince(kept, wrote.choices, current.choices)?.choices;
  const read = councilInputIn(kept, ctx).reviews;
  const reviewsChanged =
    (kept[REVIEW_TEXT.reviewTab] !== undefined || kept[REVIEW_TEXT.inspectionTab] !== undefined) &&
    stableStringify(read) !== stableStringify(wrote.reviews) &&
    stableStringify(read) !== stableStringify(current.reviews);
  if (!choices && !reviewsChanged) return null;
  return { choices: choices ?? current.choices, reviews: reviewsChanged ? read : current.reviews };
}

/** Every council's reviews taken into the accepted submissions: what every ranking uses. */
export function reviewedScores(
  accepted: ReadonlyMap<string, Submission>,
  units: ReadonlyMap<string, RegistryUnit>,
  byCouncil: ReadonlyMap<string, CouncilReviews>,
): { submissions: Map<string, Submission>; standing: Map<string, Map<string, CouncilReview>> } {
  const all = [...byCouncil.values()].flatMap((r) => r.reviews);
  const standing = standingReviews(all, units);
  return { submissions: reviewedSubmissions(accepted, standing), standing };
}

/**
 * What each unit is told in its own tab: every criterion a council reviewed (self score, the
 * council's, the reason; an inspection's team and date) and each inspection's findings.
 */
export function reviewNotes(
  standing: ReadonlyMap<string, ReadonlyMap<string, CouncilReview>>,
  byCouncil: ReadonlyMap<string, CouncilReviews>,
  accepted: ReadonlyMap<string, Submission>,
  catalog: Catalog,
): Map<string, Problem[]> {
  const notes = new Map<string, Problem[]>();
  const add = (unit: string, criterion: string, message: string) => {
    const item = catalog.collective.items.find((i) => i.code === criterion);
    notes.set(unit, [
      ...(notes.get(unit) ?? []),
      {
        severity: 'warning',
        tab: TABS.collective,
        cell: '',
        code: 'COUNCIL_REVIEW',
        message,
        ...(item ? { criterion: `${item.code} – ${item.title}` } : {}),
      },
    ]);
  };
  for (const [unit, byCriterion] of standing)
    for (const item of catalog.collective.items) {
      const review = byCriterion.get(item.code);
      const self = accepted.get(unit)?.collective.items[item.code]?.self;
      if (!review || self === undefined) continue;
      const [from, to] = [formatHundredths(self), formatHundredths(review.points)];
      add(
        unit,
        item.code,
        review.kind === 'review'
          ? REVIEW_TEXT.reviewedBy(review.council, item.code, from, to, review.reason)
          : REVIEW_TEXT.inspectedBy(
              review.council,
              review.date ? formatDate(review.date) : '',
              review.team ?? '',
              item.code,
              from,
              to,
              review.reason,
            ),
      );
    }
  // Findings that change no score are on record and told too.
  for (const reviews of byCouncil.values())
    for (const r of reviews.reviews)
      if (r.kind === 'inspection' && r.criterion === FINDING_ONLY && r.finding)
        add(
          r.unitCode,
          '',
          REVIEW_TEXT.findingFor(r.council, r.date ? formatDate(r.date) : '', r.team ?? '', r.finding),
        );
  return notes;
}
