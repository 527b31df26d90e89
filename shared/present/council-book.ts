/**
 * A council's proposal workbook as the council meets it: its lists (proposal-book.ts) with, for
 * the council at the top of the registry, every cluster's ranking, and the council's own tabs for
 * its reviews and inspections after its ties (review-book.ts).
 */
import { rankClusters } from '../domain/council-choices.ts';
import { collectiveCouncilOf } from '../domain/registry.ts';
import { type CouncilReviews, NO_REVIEWS } from '../domain/reviews.ts';
import type { Submission } from '../domain/submission.ts';
import { compareVietnamese } from '../domain/text.ts';
import { catalogFor } from '../movement/movement.ts';
import { PROPOSAL_LABELS } from '../text/proposals.ts';
import { headingOf, proposalWorkbookModel } from './proposal-book.ts';
import type { ProposalRenderInput } from './proposal-summary.ts';
import { inspectionTab, reviewSummaryLines, reviewTab } from './review-book.ts';
import type { WorkbookModel } from './sheet-model.ts';

/**
 * The workbook of one council from the registry's view: with every cluster's ranking when it is
 * the council at the top of the registry (the sector's), whose proposal those inform.
 */
export function councilWorkbookModel(
  input: Omit<ProposalRenderInput, 'clusters'> & {
    readonly submissions: ReadonlyMap<string, Submission>;
    /** The council's own reviews and inspections (its “Thẩm định” and “Kiểm tra” tabs). */
    readonly reviews?: CouncilReviews;
  },
): WorkbookModel {
  const { submissions, reviews, ...render } = input;
  const { units, proposal } = input;
  const top = units.get(proposal.code)?.parentCode === null;
  const clusters = top
    ? rankClusters({ movement: input.movement, year: input.year, units, submissions })
    : undefined;
  const catalog = catalogFor(input.movement, input.year);
  if (!catalog) return proposalWorkbookModel({ ...render, ...(clusters ? { clusters } : {}) });
  // The council's own tabs, after its ties: the scores it reviews, its inspections' findings.
  const review = {
    council: proposal.code,
    heading: (title: string) => headingOf(input, title),
    catalog,
    collectives: [...units.values()]
      .filter((u) => collectiveCouncilOf(units, u.code) === proposal.code)
      .sort((a, b) => compareVietnamese(a.code, b.code))
      .map((u) => ({ code: u.code, name: u.name })),
    submissions,
    reviews: reviews ?? NO_REVIEWS,
  };
  const reviewLines = reviewSummaryLines({ ...review, reviewed: submissions });
  const model = proposalWorkbookModel({ ...render, reviewLines, ...(clusters ? { clusters } : {}) });
  const at = model.tabs.findIndex((t) => t.title === PROPOSAL_LABELS.tiedTab) + 1;
  return {
    tabs: [...model.tabs.slice(0, at), reviewTab(review), inspectionTab(review), ...model.tabs.slice(at)],
  };
}
