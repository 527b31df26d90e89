/**
 * Reads back what a council recorded in its proposal workbook's “Thẩm định” and “Kiểm tra” tabs
 * (review-book.ts): each score it set, checked like any score (a number, within the criterion's
 * maximum, a reason when it differs from the self score, a unit it may review). A bad entry is
 * named by tab and cell and not used; the rest is.
 */
import { a1, cellAt, findTab, type Grid, type WorkbookGrids } from '../domain/grid.ts';
import type { Problem } from '../domain/problems.ts';
import type { RegistryUnit } from '../domain/registry.ts';
import {
  type CouncilReview,
  type CouncilReviews,
  FINDING_ONLY,
  mayReview,
  type ReviewDraft,
} from '../domain/reviews.ts';
import type { Submission } from '../domain/submission.ts';
import { formatHundredths, isBlank, matchKey } from '../domain/text.ts';
import type { Catalog } from '../movement/movement.ts';
import { MESSAGES } from '../text/messages.ts';
import { REVIEW_TEXT } from '../text/reviews.ts';
import { cellText, dateCell } from './cell-text.ts';
import { ProblemList, readScore } from './unit-book-cells.ts';

export interface ReviewReadContext {
  readonly council: string;
  readonly catalog: Catalog;
  readonly units: ReadonlyMap<string, RegistryUnit>;
  readonly submissions: ReadonlyMap<string, Submission>;
}

/** The header row of a tab (the row naming its first column) and each column by its header. */
function table(grid: Grid, header: readonly string[]) {
  const row = grid.findIndex((r) =>
    r.some((c) => typeof c === 'string' && matchKey(c) === matchKey(header[0] ?? '')),
  );
  const cells = grid[row] ?? [];
  const col = (label: string | undefined) =>
    cells.findIndex((c) => typeof c === 'string' && matchKey(c) === matchKey(label ?? ''));
  return { row, col };
}

/** The council's reviews and inspections as its workbook holds them, and what could not be used. */
export function readCouncilReviews(
  grids: WorkbookGrids,
  ctx: ReviewReadContext,
): CouncilReviews & { problems: Problem[] } {
  const problems = new ProblemList();
  const drafts: ReviewDraft[] = [];
  const reviews = [
    ...readReviewTab(grids, ctx, problems, drafts),
    ...readInspectionTab(grids, ctx, problems, drafts),
  ];
  // Entries a council could not use are warnings: the rest of its work is used.
  return { reviews, drafts, problems: problems.items.map((p) => ({ ...p, severity: 'warning' as const })) };
}

/** The message of the problem raised since `from`, if any (what a draft's note says). */
const raisedSince = (problems: ProblemList, from: number) =>
  problems.items
    .slice(from)
    .map((p) => p.message)
    .join(' ');

/** A score for `criterion` of `unit`, checked; null (with the problem named) when it cannot be used. */
function scoreOf(
  ctx: ReviewReadContext,
  problems: ProblemList,
  at: { tab: string; row: number; col: number; reasonCol: number },
  entry: { unit: string; criterion: string; value: Grid[number][number]; reason: string },
): number | null {
  const item = ctx.catalog.collective.items.find((i) => i.code === entry.criterion);
  const cell = a1(at.row, at.col);
  if (!item) {
    problems.warning(
      at.tab,
      a1(at.row, at.col - 1),
      'CRITERION_UNKNOWN',
      MESSAGES.CRITERION_UNKNOWN(entry.criterion),
    );
    return null;
  }
  const points = readScore(
    entry.value,
    Math.round(item.maxPoints * 100),
    { tab: at.tab, cell, code: item.code },
    problems,
  );
  if (points === null) return null;
  const self = ctx.submissions.get(entry.unit)?.collective.items[item.code]?.self;
  if (self !== undefined && self !== points && !entry.reason) {
    problems.warning(
      at.tab,
      a1(at.row, at.reasonCol),
      'REVIEW_REASON_REQUIRED',
      REVIEW_TEXT.reasonRequired(item.code, formatHundredths(self), formatHundredths(points)),
    );
    return null;
  }
  return points;
}

function readReviewTab(
  grids: WorkbookGrids,
  ctx: ReviewReadContext,
  problems: ProblemList,
  drafts: ReviewDraft[],
): CouncilReview[] {
  const tab = findTab(grids, REVIEW_TEXT.reviewTab, matchKey);
  if (!tab) return [];
  const grid = grids[tab] ?? [];
  const h = REVIEW_TEXT.reviewHeader;
  const { row: headerRow, col } = table(grid, h);
  const [unitCol, , criterionCol, , , , pointsCol, reasonCol] = h.map(col);
  if (headerRow < 0 || [unitCol, criterionCol, pointsCol, reasonCol].some((c) => c === undefined || c < 0))
    return [];
  const reviews: CouncilReview[] = [];
  for (let row = headerRow + 1; row < grid.length; row++) {
    const value = cellAt(grid, row, pointsCol ?? -1);
    if (isBlank(value)) continue;
    const unit = cellText(cellAt(grid, row, unitCol ?? -1));
    const criterion = cellText(cellAt(grid, row, criterionCol ?? -1)).toUpperCase();
    const reason = cellText(cellAt(grid, row, reasonCol ?? -1));
    const from = problems.items.length;
    const at = { tab, row, col: pointsCol ?? 0, reasonCol: reasonCol ?? 0 };
    const allowed = mayReview(ctx.units, { unitCode: unit, council: ctx.council, kind: 'review' });
    if (!allowed)
      problems.warning(
        tab,
        a1(row, unitCol ?? 0),
        'REVIEW_NOT_ALLOWED',
        REVIEW_TEXT.notRanked(unit, ctx.council),
      );
    const points = allowed ? scoreOf(ctx, problems, at, { unit, criterion, value, reason }) : null;
    if (points !== null)
      reviews.push({ unitCode: unit, criterion, points, reason, council: ctx.council, kind: 'review' });
    else
      drafts.push({
        tab: 'review',
        cells: [unit, criterion, value, reason],
        note: raisedSince(problems, from),
      });
  }
  return reviews;
}

function readInspectionTab(
  grids: WorkbookGrids,
  ctx: ReviewReadContext,
  problems: ProblemList,
  drafts: ReviewDraft[],
): CouncilReview[] {
  const tab = findTab(grids, REVIEW_TEXT.inspectionTab, matchKey);
  if (!tab) return [];
  const grid = grids[tab] ?? [];
  const h = REVIEW_TEXT.inspectionHeader;
  const { row: headerRow, col } = table(grid, h);
  const cols = h.slice(0, 7).map(col);
  const [unitCol, dateCol, teamCol, findingCol, criterionCol, pointsCol, reasonCol] = cols;
  if (headerRow < 0 || cols.some((c) => c < 0)) return [];
  const text = (row: number, c: number | undefined) => cellText(cellAt(grid, row, c ?? -1));
  const reviews: CouncilReview[] = [];
  for (let row = headerRow + 1; row < grid.length; row++) {
    const unit = text(row, unitCol).toUpperCase();
    // Blank rows, and the note under the table, are not entries.
    if (!unit || matchKey(unit) === matchKey(REVIEW_TEXT.inspectionNote)) continue;
    const from = problems.items.length;
    const draft = () =>
      drafts.push({
        tab: 'inspection',
        cells: cols.map((c) => cellAt(grid, row, c)),
        note: raisedSince(problems, from),
      });
    if (!ctx.units.has(unit)) {
      problems.warning(tab, a1(row, unitCol ?? 0), 'REVIEW_NOT_ALLOWED', REVIEW_TEXT.unknownUnit(unit));
      draft();
      continue;
    }
    if (!mayReview(ctx.units, { unitCode: unit, council: ctx.council, kind: 'inspection' })) {
      problems.warning(
        tab,
        a1(row, unitCol ?? 0),
        'REVIEW_NOT_ALLOWED',
        REVIEW_TEXT.notUnder(unit, ctx.council),
      );
      draft();
      continue;
    }
    const rawDate = cellAt(grid, row, dateCol ?? -1);
    const date = isBlank(rawDate) ? undefined : dateCell(rawDate);
    if (!isBlank(rawDate) && !date) {
      problems.warning(tab, a1(row, dateCol ?? 0), 'DATE_INVALID', REVIEW_TEXT.badDate(cellText(rawDate)));
      draft();
      continue;
    }
    const base = {
      unitCode: unit,
      council: ctx.council,
      kind: 'inspection' as const,
      ...(date ? { date } : {}),
      ...(text(row, teamCol) ? { team: text(row, teamCol) } : {}),
      ...(text(row, findingCol) ? { finding: text(row, findingCol) } : {}),
    };
    const criterion = text(row, criterionCol).toUpperCase();
    const reason = text(row, reasonCol);
    if (!criterion) {
      // A finding with no score to change: on record, and told to the unit.
      if (base.finding) reviews.push({ ...base, criterion: FINDING_ONLY, points: 0, reason });
      continue;
    }
    const at = { tab, row, col: pointsCol ?? 0, reasonCol: reasonCol ?? 0 };
    const points = scoreOf(ctx, problems, at, {
      unit,
      criterion,
      value: cellAt(grid, row, pointsCol ?? -1),
      reason,
    });
    if (points !== null) reviews.push({ ...base, criterion, points, reason });
    else draft();
  }
  return reviews;
}
