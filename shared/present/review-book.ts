/**
 * The council's own tabs in its proposal workbook for reviewing its collectives' scores:
 * “Thẩm định” (one row per collective it ranks and criterion; thidua fills the self score and
 * locks it, the council fills its score and reason) and “Kiểm tra” (its inspection teams'
 * findings on units under it, one adjustment a row). Their read-back is review-book-read.ts.
 */
import type { Cell } from '../domain/grid.ts';
import { type CouncilReviews, FINDING_ONLY } from '../domain/reviews.ts';
import type { Submission } from '../domain/submission.ts';
import { formatDate, formatHundredths } from '../domain/text.ts';
import type { Catalog } from '../movement/movement.ts';
import { REVIEW_TEXT } from '../text/reviews.ts';
import { TEMPLATE_TEXT } from '../text/templates.ts';
import { listTab } from './print-layout.ts';
import type { SheetTab, StyledRange } from './sheet-model.ts';

type ValidationEntry = NonNullable<SheetTab['validations']>[number];

export interface ReviewTabsInput {
  readonly council: string;
  /** The lines above a list (the council, the title, the year). */
  readonly heading: (title: string) => readonly string[];
  readonly catalog: Catalog;
  /** The collectives the council ranks, in order, with their accepted submission. */
  readonly collectives: readonly { readonly code: string; readonly name: string }[];
  readonly submissions: ReadonlyMap<string, Submission>;
  /** What the council recorded so far (its reviews and inspections, and what it typed that could not be used), written back in place. */
  readonly reviews: CouncilReviews;
}

const points = (hundredths: number) => hundredths / 100;

/** Only `open` columns of body rows can be edited (shaded as cells to fill); the rest is locked. */
function withOpenColumns(
  layout: ReturnType<typeof listTab>,
  open: readonly number[],
  validations: ValidationEntry[],
): SheetTab {
  const { tab, bodyFrom, bodyTo } = layout;
  const width = tab.columnWidths?.length ?? 0;
  const body = (r: number) => r >= bodyFrom && r <= bodyTo;
  return {
    ...tab,
    protection: 'header',
    styles: [
      ...(tab.styles ?? []),
      ...open.map(
        (col): StyledRange => ({
          fromRow: bodyFrom,
          toRow: bodyTo,
          fromCol: col,
          toCol: col,
          style: { fill: 'input' },
        }),
      ),
    ],
    lockedCells: tab.rows.flatMap((_, r) =>
      r < (tab.headerRows ?? 0)
        ? []
        : Array.from({ length: width }, (_, col) => ({ row: r, col })).filter(
            (cell) => !(body(r) && open.includes(cell.col)),
          ),
    ),
    validations,
  };
}

/** “Thẩm định”: every criterion of every collective the council ranks, its own score to set. */
export function reviewTab(input: ReviewTabsInput): SheetTab {
  const own = new Map(
    input.reviews.reviews.filter((r) => r.kind === 'review').map((r) => [`${r.unitCode}:${r.criterion}`, r]),
  );
  const drafts = new Map(
    input.reviews.drafts
      .filter((d) => d.tab === 'review')
      .map((d) => [`${String(d.cells[0] ?? '')}:${String(d.cells[1] ?? '')}`, d]),
  );
  const listed = new Set<string>();
  const body: Cell[][] = input.collectives.flatMap((unit) => {
    const items = input.submissions.get(unit.code)?.collective.items;
    if (!items) return [];
    return input.catalog.collective.items.map((item) => {
      const key = `${unit.code}:${item.code}`;
      listed.add(key);
      const review = own.get(key);
      const draft = drafts.get(key);
      const self = items[item.code]?.self;
      return [
        unit.code,
        unit.name,
        item.code,
        item.title,
        item.maxPoints,
        self === undefined ? null : points(self),
        review ? points(review.points) : (draft?.cells[2] ?? null),
        review ? review.reason || null : (draft?.cells[3] ?? null),
        draft?.note ?? null,
      ];
    });
  });
  // What the council typed for a unit it does not rank stays too, with why it is not used.
  for (const [key, draft] of drafts)
    if (!listed.has(key))
      body.push([
        draft.cells[0] ?? null,
        null,
        draft.cells[1] ?? null,
        null,
        null,
        null,
        draft.cells[2] ?? null,
        draft.cells[3] ?? null,
        draft.note,
      ]);
  const layout = listTab({
    title: REVIEW_TEXT.reviewTab,
    heading: input.heading(REVIEW_TEXT.reviewTitle),
    header: REVIEW_TEXT.reviewHeader,
    body,
    widths: [9, 17, 7, 30, 7, 8, 10, 24, 20],
    centered: [0, 2, 4, 5, 6],
    footnotes: body.length ? [REVIEW_TEXT.reviewNote] : [REVIEW_TEXT.noCollectives],
  });
  const max = new Map(input.catalog.collective.items.map((i) => [i.code, i.maxPoints]));
  const validations = body.map(
    (row, i): ValidationEntry => ({
      fromRow: layout.bodyFrom + i,
      toRow: layout.bodyFrom + i,
      col: 6,
      rule: { kind: 'decimal', min: 0, max: max.get(String(row[2])) ?? 0 },
      message: TEMPLATE_TEXT.validationScore(
        formatHundredths(Math.round((max.get(String(row[2])) ?? 0) * 100)),
      ),
    }),
  );
  return body.length ? withOpenColumns(layout, [6, 7], validations) : { ...layout.tab, protection: 'all' };
}

/** “Kiểm tra”: the findings recorded so far, then blank rows for the next. */
export function inspectionTab(input: ReviewTabsInput): SheetTab {
  const recorded: Cell[][] = input.reviews.reviews
    .filter((r) => r.kind === 'inspection')
    .map((r) => [
      r.unitCode,
      r.date ? formatDate(r.date) : null,
      r.team ?? null,
      r.finding ?? null,
      r.criterion === FINDING_ONLY ? null : r.criterion,
      r.criterion === FINDING_ONLY ? null : points(r.points),
      r.reason || null,
      null,
    ]);
  const drafts = input.reviews.drafts
    .filter((d) => d.tab === 'inspection')
    .map((d): Cell[] => [...Array.from({ length: 7 }, (_, i) => d.cells[i] ?? null), d.note]);
  const body = [...recorded, ...drafts, ...Array.from({ length: REVIEW_TEXT.blankRows }, (): Cell[] => [])];
  const layout = listTab({
    title: REVIEW_TEXT.inspectionTab,
    heading: input.heading(REVIEW_TEXT.inspectionTitle),
    header: REVIEW_TEXT.inspectionHeader,
    body,
    widths: [9, 10, 16, 30, 7, 8, 24, 22],
    centered: [0, 1, 4, 5],
    footnotes: [REVIEW_TEXT.inspectionNote],
  });
  return withOpenColumns(layout, [0, 1, 2, 3, 4, 5, 6], []);
}

/**
 * The council's summary lines on reviews: each of its collectives' criteria whose standing score
 * is not the self score (its review, or a higher council's inspection over it), with the reason.
 */
export function reviewSummaryLines(
  input: Pick<ReviewTabsInput, 'catalog' | 'collectives'> & {
    /** The submissions as reviewed (the standing score in `reviewed`). */
    readonly reviewed: ReadonlyMap<string, Submission>;
  },
): [string, Cell][] {
  const changes = input.collectives.flatMap((unit) =>
    input.catalog.collective.items.flatMap((item) => {
      const score = input.reviewed.get(unit.code)?.collective.items[item.code];
      if (!score || score.reviewed === null) return [];
      const reason = score.reviewReason ? ` (${score.reviewReason})` : '';
      return [
        REVIEW_TEXT.summaryChange(
          unit.code,
          item.code,
          formatHundredths(score.self),
          formatHundredths(score.reviewed),
          reason,
        ),
      ];
    }),
  );
  return changes.length ? [[REVIEW_TEXT.summaryLabel, changes.join('; ')]] : [];
}
