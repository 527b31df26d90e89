/** The “Kiểm tra dữ liệu” tab a unit finds in its own workbook: status, last check, each problem with its cell. */

import type { Cell } from '../domain/grid.ts';
import { LIMITS } from '../domain/limits.ts';
import { cellRef, type Problem } from '../domain/problems.ts';
import { yearLabel } from '../text/common.ts';
import { DOCUMENT_TEXT } from '../text/documents.ts';
import { FEEDBACK_TEXT, STATUS_LABELS } from '../text/proposals.ts';
import { TABS } from '../text/sheets.ts';
import type { SheetTab } from './sheet-model.ts';

import { formatVietnamTime } from './time.ts';

export type UnitStatus = keyof typeof STATUS_LABELS;

export interface FeedbackInput {
  readonly status: UnitStatus;
  readonly year: number;
  readonly checkedAt: string;
  readonly problems: readonly Problem[];
  /** Whether an earlier workbook of the unit is accepted (and is what the councils use meanwhile). */
  readonly hasAccepted?: boolean;
  readonly unit?: { readonly code: string; readonly name: string };
  /** A workbook that is not a unit's (the award history): its own title and what its status means. */
  readonly own?: { readonly title: string; readonly summary: string };
}

/** Columns of the feedback tab: STT, level, cell, person, criterion, what to do. Landscape, one page wide. */
const FEEDBACK_WIDTHS = [5, 9, 14, 24, 28, 66] as const;
/** The columns whose long text goes on over the next rows (a cell reference is never cut). */
const FEEDBACK_WRAPPED = new Set([3, 4, 5]);

/**
 * Splits text into lines of at most `width` characters, at spaces where it can. The feedback tab
 * cannot wrap text (its part carries no styles, so a unit's styles stay as they were): long text
 * goes on as many rows as it needs, and prints whole.
 */
export function splitLines(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let w = word; w.length > 0; ) {
      const room = line ? width - line.length - 1 : width;
      if (w.length <= room) {
        line = line ? `${line} ${w}` : w;
        w = '';
      } else if (line) {
        lines.push(line);
        line = '';
      } else {
        lines.push(w.slice(0, width));
        w = w.slice(width);
      }
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** A row whose long cells (in `wrapped` columns) go on over the next rows, cut to their column's width. */
function wrappedRows(
  row: readonly Cell[],
  widths: readonly number[],
  wrapped: ReadonlySet<number>,
): Cell[][] {
  const columns = row.map((value, c) =>
    typeof value === 'string' && wrapped.has(c)
      ? splitLines(value, Math.max(4, (widths[c] ?? 20) - 1))
      : [value],
  );
  const height = Math.max(1, ...columns.map((lines) => lines.length));
  return Array.from({ length: height }, (_, i) => columns.map((lines) => lines[i] ?? null));
}

/** The feedback tab as the template ships it, before the first check (so it exists from the start). */
export function feedbackPlaceholder(): SheetTab {
  return {
    title: TABS.feedback,
    rows: [[FEEDBACK_TEXT.title], [FEEDBACK_TEXT.status, null, null, FEEDBACK_TEXT.notChecked]],
    columnWidths: FEEDBACK_WIDTHS,
    headerRows: 1,
    protection: 'all',
    styles: [{ fromRow: 0, toRow: 1, fromCol: 0, toCol: 0, style: { bold: true } }],
    print: { orientation: 'landscape', footer: DOCUMENT_TEXT.pageFooter },
  };
}

/** Problems listed in the feedback tab at most; the rest are counted (a clerk fixes the first ones first). */
const FEEDBACK_MAX_PROBLEMS = LIMITS.feedbackProblems;

/**
 * The “Kiểm tra dữ liệu” tab: status, time of the check, and each problem with its cell, the
 * person and the criterion it is about, and what to do (no internal codes: those are for the logs).
 */
export function feedbackTab(input: FeedbackInput): SheetTab {
  const errors = input.problems.filter((p) => p.severity === 'error').length;
  const warnings = input.problems.length - errors;
  const summary = input.own
    ? input.own.summary
    : input.status === 'rejected'
      ? input.hasAccepted === false
        ? FEEDBACK_TEXT.notAccepted
        : FEEDBACK_TEXT.keptPrevious
      : errors === 0 && warnings === 0
        ? FEEDBACK_TEXT.allGood
        : '';
  // A label runs over the narrow first columns; its value sits under “Cán bộ”.
  const line = (label: string, value: string): Cell[] => [label, null, null, value];
  const head: Cell[][] = [
    [
      input.own
        ? input.own.title
        : input.unit
          ? FEEDBACK_TEXT.titleOf(input.unit.code, input.unit.name)
          : FEEDBACK_TEXT.title,
    ],
    line(FEEDBACK_TEXT.status, STATUS_LABELS[input.status]),
    line(FEEDBACK_TEXT.year, yearLabel(input.year)),
    line(FEEDBACK_TEXT.checkedAt, formatVietnamTime(input.checkedAt)),
    line(FEEDBACK_TEXT.counts, `${errors} / ${warnings}`),
  ];
  const summaryRows = splitLines(summary, 110).map((line): Cell[] => [line]);
  const headerRow = head.length + summaryRows.length + 1;
  const rows: Cell[][] = [...head, ...summaryRows, [], [...FEEDBACK_TEXT.header]];
  input.problems.slice(0, FEEDBACK_MAX_PROBLEMS).forEach((p, i) => {
    rows.push(
      ...wrappedRows(
        [
          i + 1,
          p.severity === 'error' ? FEEDBACK_TEXT.error : FEEDBACK_TEXT.warning,
          cellRef(p.tab, p.cell),
          p.who ?? '',
          p.criterion ?? '',
          p.message,
        ],
        FEEDBACK_WIDTHS,
        FEEDBACK_WRAPPED,
      ),
    );
  });
  if (input.problems.length > FEEDBACK_MAX_PROBLEMS)
    rows.push([FEEDBACK_TEXT.more(input.problems.length - FEEDBACK_MAX_PROBLEMS)]);
  return {
    title: TABS.feedback,
    rows,
    columnWidths: FEEDBACK_WIDTHS,
    // Frozen down to the table's header, so it stays in sight over a long list.
    headerRows: headerRow + 1,
    protection: 'all',
    styles: [
      { fromRow: 0, toRow: 0, fromCol: 0, toCol: 0, style: { bold: true } },
      { fromRow: 1, toRow: head.length - 1, fromCol: 0, toCol: 0, style: { bold: true } },
      {
        fromRow: headerRow,
        toRow: headerRow,
        fromCol: 0,
        toCol: FEEDBACK_WIDTHS.length - 1,
        style: { bold: true },
      },
    ],
    print: {
      orientation: 'landscape',
      repeatRows: { from: headerRow, to: headerRow },
      footer: DOCUMENT_TEXT.pageFooter,
    },
  };
}
