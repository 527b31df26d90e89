/** Pure builders of the sheets thidua writes: templates, feedback tabs, proposal workbooks. */

import type { Eligibility } from '../domain/eligibility.ts';
import { type Cell, columnLetters } from '../domain/grid.ts';
import { LIMITS } from '../domain/limits.ts';
import { cellRef, type Problem } from '../domain/problems.ts';
import {
  type ClusterRanking,
  type CouncilProposal,
  type SubjectProposal,
  unitsWithoutPeople,
} from '../domain/proposals.ts';
import type { RegistryUnit } from '../domain/registry.ts';
import { NO_FORM, type RoundCouncil, type RoundList } from '../domain/rounds.ts';
import { formatDate, formatHundredths } from '../domain/text.ts';
import type { Campaign, Catalog, Movement } from '../movement/movement.ts';
import { yearLabel } from '../text/common.ts';
import { DOCUMENT_TEXT } from '../text/documents.ts';
import { FEEDBACK_TEXT, PROPOSAL_LABELS, PROPOSAL_TEXT, STATUS_LABELS } from '../text/proposals.ts';
import { ELIGIBILITY_TEXT, ROUND_TEXT } from '../text/rounds.ts';
import {
  COLLECTIVE_HEADERS,
  GENDERS,
  HISTORY_HEADERS,
  INDIVIDUAL_HEADERS,
  INFO_LABELS,
  NO,
  REGISTRY_HEADERS,
  REGISTRY_LEVELS,
  REGISTRY_NOTES,
  TABS,
  VETO_ANSWERS,
  YES,
} from '../text/sheets.ts';
import { TEMPLATE_TEXT } from '../text/templates.ts';
import {
  HEADER_STYLE,
  listTab,
  nationalHeading,
  signatureBlock,
  tableStyles,
  wrappedHeight,
  wrappedHeights,
} from './print-layout.ts';
import type { MergedRange, SheetTab, StyledRange, WorkbookModel } from './sheet-model.ts';

export type UnitStatus = keyof typeof STATUS_LABELS;

let VIETNAM_TIME: Intl.DateTimeFormat | undefined;

/** "28/11/2026 07:40" in Viet Nam's time zone, from an ISO instant passed in (no clock here). */
export function formatVietnamTime(iso: string): string {
  if (Number.isNaN(Date.parse(iso))) return iso;
  // One formatter for every call: making one costs more than a unit's whole feedback tab.
  VIETNAM_TIME ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  const parts = VIETNAM_TIME.formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/** The calendar date (YYYY-MM-DD) in Viet Nam of an ISO instant passed in. */
export function vietnamDate(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));
}

const points = (p: number) => formatHundredths(Math.round(p * 100));

/** Rows of people the template checks as they are typed (dropdowns and score ranges reach this far). */
export const TEMPLATE_PERSON_ROWS = 300;
/**
 * Rows prepared for people (shaded, with the total's formula) beyond those pre-filled: a page or
 * two. Prepared rows print even when empty, so not all 300; rows typed below them print too.
 */
const TEMPLATE_PREPARED_ROWS = 40;

export interface UnitTemplateInput {
  readonly movement: Movement;
  readonly catalog: Catalog;
  readonly year: number;
  readonly unit: Pick<RegistryUnit, 'code' | 'name'>;
  /** Pre-filled people rows (example data); empty for a blank template. */
  readonly people?: readonly (readonly Cell[])[];
  readonly collectiveScores?: readonly Cell[];
  readonly info?: { filledBy?: Cell; year?: Cell; unitCode?: Cell };
}

export function individualColumns(catalog: Catalog): string[] {
  return [
    INDIVIDUAL_HEADERS.order,
    INDIVIDUAL_HEADERS.staffId,
    INDIVIDUAL_HEADERS.name,
    INDIVIDUAL_HEADERS.position,
    INDIVIDUAL_HEADERS.leader,
    INDIVIDUAL_HEADERS.gender,
    INDIVIDUAL_HEADERS.rating,
    INDIVIDUAL_HEADERS.discipline,
    ...catalog.individual.items.map((item) => TEMPLATE_TEXT.scoreHeader(item.code, points(item.maxPoints))),
    INDIVIDUAL_HEADERS.total,
    INDIVIDUAL_HEADERS.note,
  ];
}

/** The score workbook of one unit for one year: info, collective criteria, individuals. */
export function unitWorkbookModel(input: UnitTemplateInput): WorkbookModel {
  const { movement, catalog, year, unit } = input;
  const infoWidths = [26, 90];
  const guide = TEMPLATE_TEXT.guideSteps;
  const infoRows: Cell[][] = [
    [TEMPLATE_TEXT.title(movement.name)],
    [],
    [INFO_LABELS.unitCode, input.info?.unitCode ?? unit.code],
    [INFO_LABELS.unitName, unit.name],
    [INFO_LABELS.year, input.info?.year ?? yearLabel(year)],
    [INFO_LABELS.filledBy, input.info?.filledBy ?? null],
    [INFO_LABELS.phone, null],
    [],
    [TEMPLATE_TEXT.guide, guide[0] ?? ''],
    ...guide.slice(1).map((step): Cell[] => [null, step]),
  ];
  const guideFrom = 8;
  const guideTo = infoRows.length - 1;
  const info: SheetTab = {
    title: TABS.info,
    rows: infoRows,
    columnWidths: infoWidths,
    headerRows: 1,
    protection: 'header',
    // Only “Người lập biểu” and the phone are the clerk's to fill; the rest is thidua's.
    lockedCells: [
      2,
      3,
      4,
      5,
      6,
      ...Array.from({ length: guideTo - guideFrom + 1 }, (_, i) => guideFrom + i),
    ].flatMap((row) => [{ row, col: 0 }, ...(row === 5 || row === 6 ? [] : [{ row, col: 1 }])]),
    merges: [{ fromRow: 0, toRow: 0, fromCol: 0, toCol: 1 }],
    styles: [
      {
        fromRow: 0,
        toRow: 0,
        fromCol: 0,
        toCol: 1,
        style: { bold: true, size: 13, wrap: true, align: 'center', valign: 'middle' },
      },
      { fromRow: 2, toRow: 6, fromCol: 0, toCol: 1, style: { border: true, valign: 'middle' } },
      { fromRow: 2, toRow: 6, fromCol: 0, toCol: 0, style: { bold: true, fill: 'header' } },
      { fromRow: 5, toRow: 6, fromCol: 1, toCol: 1, style: { fill: 'input' } },
      {
        fromRow: guideFrom,
        toRow: guideTo,
        fromCol: 0,
        toCol: 1,
        style: { wrap: true, valign: 'top', fill: 'note' },
      },
      { fromRow: guideFrom, toRow: guideFrom, fromCol: 0, toCol: 0, style: { bold: true } },
    ],
    rowHeights: [
      { row: 0, height: wrappedHeight([TEMPLATE_TEXT.title(movement.name)], [116], 1.3) },
      ...wrappedHeights(infoRows, infoWidths, guideFrom, guideTo),
    ],
    print: { orientation: 'portrait', footer: DOCUMENT_TEXT.pageFooter },
  };

  const collectiveRows: Cell[][] = [
    [
      COLLECTIVE_HEADERS.code,
      COLLECTIVE_HEADERS.title,
      COLLECTIVE_HEADERS.max,
      COLLECTIVE_HEADERS.self,
      COLLECTIVE_HEADERS.reviewed,
      COLLECTIVE_HEADERS.evidence,
      COLLECTIVE_HEADERS.reviewReason,
    ],
  ];
  const collectiveValidations: NonNullable<SheetTab['validations']>[number][] = [];
  catalog.collective.items.forEach((item, index) => {
    collectiveRows.push([
      item.code,
      item.title,
      item.maxPoints,
      input.collectiveScores?.[index] ?? null,
      null,
      null,
      null,
    ]);
    const rule = { kind: 'decimal' as const, min: 0, max: item.maxPoints };
    const message = TEMPLATE_TEXT.validationScore(points(item.maxPoints));
    collectiveValidations.push({ fromRow: index + 1, toRow: index + 1, col: 3, rule, message });
    collectiveValidations.push({ fromRow: index + 1, toRow: index + 1, col: 4, rule, message });
  });
  catalog.collective.vetoItems.forEach((item, index) => {
    const row = catalog.collective.items.length + 1 + index;
    collectiveRows.push([
      item.code,
      item.title,
      TEMPLATE_TEXT.vetoMax,
      input.collectiveScores?.[row - 1] ?? NO,
      null,
      null,
      null,
    ]);
    collectiveValidations.push({
      fromRow: row,
      toRow: row,
      col: 3,
      rule: { kind: 'list', values: VETO_ANSWERS },
      message: TEMPLATE_TEXT.vetoNote,
    });
  });
  const collectiveWidths = [10, 60, 10, 12, 12, 34, 34];
  const lastCollective = collectiveRows.length - 1;
  const collective: SheetTab = {
    title: TABS.collective,
    rows: collectiveRows,
    columnWidths: collectiveWidths,
    headerRows: 1,
    protection: 'header',
    validations: collectiveValidations,
    lockedCells: collectiveRows.slice(1).flatMap((_, i) => [0, 1, 2].map((col) => ({ row: i + 1, col }))),
    notes: catalog.collective.vetoItems.map((_, i) => ({
      row: catalog.collective.items.length + 1 + i,
      col: 0,
      text: TEMPLATE_TEXT.vetoNote,
    })),
    styles: [
      { fromRow: 0, toRow: 0, fromCol: 0, toCol: 6, style: HEADER_STYLE },
      {
        fromRow: 1,
        toRow: lastCollective,
        fromCol: 0,
        toCol: 6,
        style: { border: true, wrap: true, valign: 'top' },
      },
      { fromRow: 1, toRow: lastCollective, fromCol: 0, toCol: 0, style: { align: 'center' } },
      { fromRow: 1, toRow: lastCollective, fromCol: 2, toCol: 2, style: { align: 'center' } },
      { fromRow: 1, toRow: lastCollective, fromCol: 3, toCol: 6, style: { fill: 'input' } },
    ],
    rowHeights: wrappedHeights(collectiveRows, collectiveWidths, 0, lastCollective),
    print: { orientation: 'landscape', repeatRows: { from: 0, to: 0 }, footer: DOCUMENT_TEXT.pageFooter },
  };

  const headers = individualColumns(catalog);
  const firstScoreCol = 8;
  const lastScoreCol = firstScoreCol + catalog.individual.items.length - 1;
  const totalCol = lastScoreCol + 1;
  const noteCol = totalCol + 1;
  const people = input.people ?? [];
  const rowCount = Math.max(TEMPLATE_PERSON_ROWS, people.length + 50);
  const prepared = people.length + TEMPLATE_PREPARED_ROWS;
  const listRule = (values: readonly string[]) => ({ kind: 'list' as const, values });
  // The legend of the criteria, right of the table: what each score column is, and whom it applies to.
  const legendCol = noteCol + 2;
  const legend: Cell[][] = [
    [...TEMPLATE_TEXT.legendHeader],
    ...catalog.individual.items.map((item): Cell[] => [
      item.code,
      item.title,
      item.maxPoints,
      item.leaderOnly ? TEMPLATE_TEXT.leadersOnly : TEMPLATE_TEXT.everyone,
    ]),
  ];
  const widths = [6, 12, 24, 18, 11, 9, 27, 16, ...catalog.individual.items.map(() => 10), 10, 24];
  const legendWidths = [9, 56, 9, 16];
  const rows: Cell[][] = [headers, ...people].map((row) => [...row]);
  legend.forEach((line, r) => {
    const row = rows[r] ?? [];
    while (row.length < legendCol) row.push(null);
    row.push(...line);
    rows[r] = row;
  });
  const individuals: SheetTab = {
    title: TABS.individuals,
    rows,
    columnWidths: [...widths, 3, ...legendWidths],
    headerRows: 1,
    protection: 'header',
    notes: catalog.individual.items.map((item, i) => ({
      row: 0,
      col: firstScoreCol + i,
      text: TEMPLATE_TEXT.criterionNote(item.code, item.title, points(item.maxPoints), item.leaderOnly),
    })),
    validations: [
      {
        fromRow: 1,
        toRow: rowCount,
        col: 4,
        rule: listRule([YES, NO]),
        message: TEMPLATE_TEXT.validationList,
      },
      { fromRow: 1, toRow: rowCount, col: 5, rule: listRule(GENDERS), message: TEMPLATE_TEXT.validationList },
      {
        fromRow: 1,
        toRow: rowCount,
        col: 6,
        rule: listRule(movement.ratings.map((r) => r.label)),
        message: TEMPLATE_TEXT.validationList,
      },
      {
        fromRow: 1,
        toRow: rowCount,
        col: 7,
        rule: listRule(movement.disciplines.map((d) => d.label)),
        message: TEMPLATE_TEXT.validationList,
      },
      ...catalog.individual.items.map((item, i) => ({
        fromRow: 1,
        toRow: rowCount,
        col: firstScoreCol + i,
        rule: { kind: 'decimal' as const, min: 0, max: item.maxPoints },
        message: TEMPLATE_TEXT.validationScore(points(item.maxPoints)),
      })),
    ],
    // The total is a convenience for the clerk; thidua recomputes it and never trusts it.
    formulas: Array.from({ length: prepared }, (_, i) => {
      const r = i + 2;
      const range = `${columnLetters(firstScoreCol)}${r}:${columnLetters(lastScoreCol)}${r}`;
      return { row: i + 1, col: totalCol, formula: `IF(COUNT(${range})=0,"",SUM(${range}))` };
    }),
    lockedCells: [
      ...Array.from({ length: prepared }, (_, i) => ({ row: i + 1, col: totalCol })),
      ...legend.slice(1).flatMap((_, i) => [0, 1, 2, 3].map((c) => ({ row: i + 1, col: legendCol + c }))),
      ...legend.slice(1).map((_, i) => ({ row: i + 1, col: legendCol - 1 })),
    ],
    styles: [
      { fromRow: 0, toRow: 0, fromCol: 0, toCol: noteCol, style: HEADER_STYLE },
      { fromRow: 1, toRow: prepared, fromCol: 0, toCol: noteCol, style: { fill: 'input', border: true } },
      {
        fromRow: 1,
        toRow: prepared,
        fromCol: totalCol,
        toCol: totalCol,
        style: { fill: 'header', align: 'center' },
      },
      { fromRow: 0, toRow: 0, fromCol: legendCol, toCol: legendCol + 3, style: HEADER_STYLE },
      {
        fromRow: 1,
        toRow: legend.length - 1,
        fromCol: legendCol,
        toCol: legendCol + 3,
        style: { border: true, wrap: true, valign: 'top', fill: 'note' },
      },
      { fromRow: 1, toRow: legend.length - 1, fromCol: legendCol, toCol: legendCol, style: { bold: true } },
    ],
    rowHeights: [
      { row: 0, height: wrappedHeight(headers, widths) ?? 30 },
      ...legend.slice(1).flatMap((line, i) => {
        const height = wrappedHeight(line, legendWidths);
        return height ? [{ row: i + 1, height }] : [];
      }),
    ],
    print: {
      orientation: 'landscape',
      repeatRows: { from: 0, to: 0 },
      footer: DOCUMENT_TEXT.pageFooter,
      columns: { from: 0, to: noteCol },
    },
  };
  return { tabs: [info, collective, individuals, feedbackPlaceholder()] };
}

/** The registry workbook (Danh mục đơn vị) with its header, a note on what each column takes, and the units given. */
export function registryWorkbookModel(units: readonly RegistryUnit[]): WorkbookModel {
  const keys = Object.keys(REGISTRY_HEADERS) as (keyof typeof REGISTRY_HEADERS)[];
  const header = keys.map((key) => REGISTRY_HEADERS[key]);
  const widths = [14, 44, 14, 18, 24, 12, 34, 18, 34, 30, 30];
  const lastRow = Math.max(units.length + 500, 2000);
  const col = (key: keyof typeof REGISTRY_HEADERS) => keys.indexOf(key);
  const guide = TEMPLATE_TEXT.registryGuide;
  return {
    tabs: [
      {
        title: TABS.registry,
        rows: [
          header,
          ...units.map((u) => [
            u.code,
            u.name,
            u.parentCode,
            u.level,
            u.cluster,
            u.runsCouncil ? YES : NO,
            u.workbook,
            u.headcount,
            u.proposalWorkbook,
            u.documentsFolder ?? null,
            u.statusWorkbook ?? null,
          ]),
        ],
        columnWidths: widths,
        headerRows: 1,
        // The header is locked (the columns are found by it); the rows are the office's to fill.
        protection: 'header',
        notes: keys.map((key, i) => ({ row: 0, col: i, text: REGISTRY_NOTES[key] })),
        validations: [
          {
            fromRow: 1,
            toRow: lastRow,
            col: col('council'),
            rule: { kind: 'list', values: [YES, NO] },
            message: TEMPLATE_TEXT.validationList,
          },
          {
            fromRow: 1,
            toRow: lastRow,
            col: col('level'),
            rule: { kind: 'list', values: REGISTRY_LEVELS },
            message: TEMPLATE_TEXT.validationList,
          },
          {
            fromRow: 1,
            toRow: lastRow,
            col: col('headcount'),
            rule: { kind: 'whole', min: 0, max: 100_000 },
            message: TEMPLATE_TEXT.validationHeadcount,
          },
        ],
        styles: [{ fromRow: 0, toRow: 0, fromCol: 0, toCol: header.length - 1, style: HEADER_STYLE }],
        rowHeights: [{ row: 0, height: wrappedHeight(header, widths) ?? 30 }],
        print: { orientation: 'landscape', repeatRows: { from: 0, to: 0 }, footer: DOCUMENT_TEXT.pageFooter },
      },
      {
        title: TABS.registryGuide,
        rows: [[TEMPLATE_TEXT.registryTitle], [], ...guide.map((line): Cell[] => [line])],
        columnWidths: [110],
        headerRows: 1,
        protection: 'all',
        styles: [
          { fromRow: 0, toRow: 0, fromCol: 0, toCol: 0, style: { bold: true, size: 13 } },
          { fromRow: 2, toRow: guide.length + 1, fromCol: 0, toCol: 0, style: { wrap: true, valign: 'top' } },
        ],
        rowHeights: wrappedHeights([[], [], ...guide.map((line) => [line])], [110], 2, guide.length + 1),
        print: { orientation: 'portrait', footer: DOCUMENT_TEXT.pageFooter },
      },
    ],
  };
}

export interface FeedbackInput {
  readonly status: UnitStatus;
  readonly year: number;
  readonly checkedAt: string;
  readonly problems: readonly Problem[];
  /** Whether an earlier workbook of the unit is accepted (and is what the councils use meanwhile). */
  readonly hasAccepted?: boolean;
  readonly unit?: { readonly code: string; readonly name: string };
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
function feedbackPlaceholder(): SheetTab {
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
  const summary =
    input.status === 'rejected'
      ? input.hasAccepted === false
        ? FEEDBACK_TEXT.notAccepted
        : FEEDBACK_TEXT.keptPrevious
      : errors === 0 && warnings === 0
        ? FEEDBACK_TEXT.allGood
        : '';
  // A label runs over the narrow first columns; its value sits under “Cán bộ”.
  const line = (label: string, value: string): Cell[] => [label, null, null, value];
  const head: Cell[][] = [
    [input.unit ? FEEDBACK_TEXT.titleOf(input.unit.code, input.unit.name) : FEEDBACK_TEXT.title],
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

export interface ProposalRenderInput {
  readonly movement: Movement;
  readonly year: number;
  readonly proposal: CouncilProposal;
  readonly units: ReadonlyMap<string, RegistryUnit>;
  readonly statuses: ReadonlyMap<string, { status: UnitStatus; errors: number }>;
  /** For the sector-level council: collectives ranked within each cluster or block. */
  readonly clusters?: readonly ClusterRanking[];
  /** The council's “Không” in the tie tab, kept when the tab is written again (ids by subject). */
  readonly rejected?: { readonly collective: readonly string[]; readonly individual: readonly string[] };
}

/** Points and shares go out as numbers, so councils can sort and sum them; the locale shows the comma. */
const num = (hundredths: number) => hundredths / 100;
const share = (c: { points: number; max: number }) =>
  c.max === 0 ? 0 : Math.round((c.points * 10_000) / c.max) / 100;

const sourceText = (source: { document: string; article?: string | undefined } | undefined) =>
  source ? `${source.document}${source.article ? `, ${source.article}` : ''}` : ROUND_TEXT.noRule;

/**
 * Label–value rows of a summary (label in the first column, the value merged across the rest,
 * wrapped), with the rows' heights for values longer than a line.
 */
function labelledRows(from: number, widths: readonly number[], pairs: readonly (readonly [string, Cell])[]) {
  const last = widths.length - 1;
  const valueWidth = widths.slice(1).reduce((a, b) => a + b, 0);
  const rows: Cell[][] = pairs.map(([label, value]) => [label, value]);
  const merges: MergedRange[] = pairs.map((_, i) => ({
    fromRow: from + i,
    toRow: from + i,
    fromCol: 1,
    toCol: last,
  }));
  const styles: StyledRange[] = pairs.flatMap((_, i): StyledRange[] => [
    {
      fromRow: from + i,
      toRow: from + i,
      fromCol: 0,
      toCol: 0,
      style: { bold: true, valign: 'top', wrap: true },
    },
    {
      fromRow: from + i,
      toRow: from + i,
      fromCol: 1,
      toCol: last,
      style: { wrap: true, valign: 'top', align: 'left' },
    },
  ]);
  const rowHeights = pairs.flatMap(([label, value], i) => {
    const height = wrappedHeight([label, value], [widths[0] ?? 10, valueWidth]);
    return height ? [{ row: from + i, height }] : [];
  });
  return { rows, merges, styles, rowHeights };
}

/**
 * The summary of a proposal or a round, as a document: the heading of Nghị định 30/2020 (the
 * council's unit and the council; quốc hiệu, tiêu ngữ), the title, label–value lines, a bordered
 * table, and the signature block. Prints on A4 one page wide.
 */
function summaryTab(input: {
  readonly councilName: string;
  readonly title: string;
  readonly subtitle: string;
  readonly widths: readonly number[];
  readonly lines: readonly (readonly [string, Cell])[];
  /** Lines that head a part of the summary (bold, across the page), by their place in `lines`. */
  readonly sections?: readonly number[];
  readonly header: readonly string[];
  readonly body: readonly (readonly Cell[])[];
  readonly centered?: readonly number[];
}): SheetTab {
  const cols = input.widths.length;
  const last = cols - 1;
  const heading = nationalHeading(input.councilName, cols);
  const rows: Cell[][] = [
    ...heading.rows,
    [],
    [input.title],
    [DOCUMENT_TEXT.council(input.councilName)],
    [input.subtitle],
    [],
  ];
  const merges: MergedRange[] = [...heading.merges];
  const styles: StyledRange[] = [...heading.styles];
  const rowHeights: { row: number; height: number }[] = [{ row: 0, height: 30 }];
  for (const r of [3, 4, 5]) {
    merges.push({ fromRow: r, toRow: r, fromCol: 0, toCol: last });
    styles.push({
      fromRow: r,
      toRow: r,
      fromCol: 0,
      toCol: last,
      style:
        r === 3
          ? { bold: true, size: 13, align: 'center' }
          : r === 4
            ? { bold: true, align: 'center' }
            : { italic: true, align: 'center' },
    });
  }
  const labelled = labelledRows(rows.length, input.widths, input.lines);
  for (const i of input.sections ?? []) {
    const r = rows.length + i;
    labelled.merges.splice(i, 1, { fromRow: r, toRow: r, fromCol: 0, toCol: last });
    styles.push({ fromRow: r, toRow: r, fromCol: 0, toCol: last, style: { bold: true } });
  }
  rows.push(...labelled.rows, []);
  merges.push(...labelled.merges);
  styles.unshift(...labelled.styles);
  rowHeights.push(...labelled.rowHeights);
  const headerRow = rows.length;
  rows.push([...input.header], ...input.body.map((r) => [...r]));
  styles.push(...tableStyles(headerRow, headerRow + input.body.length, last, input.centered));
  rowHeights.push(...wrappedHeights(rows, input.widths, headerRow, rows.length - 1));
  const block = signatureBlock(rows.length, cols);
  rows.push(...block.rows);
  merges.push(...block.merges);
  styles.push(...block.styles);
  rowHeights.push(...block.heights);
  const width = input.widths.reduce((a, b) => a + b, 0);
  return {
    title: PROPOSAL_LABELS.summaryTab,
    rows,
    columnWidths: input.widths,
    protection: 'all',
    styles,
    merges,
    rowHeights,
    print: {
      orientation: width > 100 ? 'landscape' : 'portrait',
      repeatRows: { from: headerRow, to: headerRow },
      footer: DOCUMENT_TEXT.pageFooter,
    },
  };
}

/** A list tab the council reads (and, with `signature`, signs): read-only. */
function readOnlyList(input: Parameters<typeof listTab>[0]): SheetTab {
  return { ...listTab(input).tab, protection: 'all' };
}

/** Collectives under “Đơn vị” show nothing: the collective is the unit. */
const unitColumn = (c: { subject: string; unitName: string }) =>
  c.subject === 'collective' ? '' : c.unitName;

/** The council's proposal workbook: summary, proposed collectives and people, ties, and the rest with reasons. */
export function proposalWorkbookModel(input: ProposalRenderInput): WorkbookModel {
  const { proposal: p, movement, year, units, statuses } = input;
  const policyNote = movement.quotaPolicies[0]?.source;
  const rounding = PROPOSAL_TEXT.rounding[p.individuals.quota.rounding];
  const councilLine = DOCUMENT_TEXT.councilUpper(p.name);
  const yearLine = DOCUMENT_TEXT.year(year);
  // Every ranked collective's rank (proposed, tied, or below the line), for the summary.
  const collectiveRank = new Map<string, number>([
    ...p.collectives.proposed.map((c) => [c.id, c.rank] as const),
    ...p.collectives.tiedAtLine.map((c) => [c.id, c.rank] as const),
    ...p.collectives.notProposed.flatMap((n) => (n.rank === null ? [] : [[n.candidate.id, n.rank] as const])),
    ...(p.collectives.decision?.tied ?? []).map((c) => [c.id, c.rank] as const),
  ]);
  const proposedRanks = new Map<string, number[]>();
  for (const c of p.individuals.proposed)
    proposedRanks.set(c.unitCode, [...(proposedRanks.get(c.unitCode) ?? []), c.rank]);
  const unitCodes = [...new Set([...p.collectiveUnits, ...p.individualUnits])].sort();
  const subjectLines = (label: string, base: string, s: SubjectProposal): (readonly [string, Cell])[] => [
    [label, ''],
    [PROPOSAL_TEXT.base, base],
    [PROPOSAL_TEXT.arithmetic, `${s.quotaText} (${rounding})`],
    [PROPOSAL_TEXT.quota, s.quota.quota],
    [PROPOSAL_TEXT.proposedCount, s.proposed.length],
    [PROPOSAL_TEXT.tiedCount, s.tiedAtLine.length],
    ...(s.quota.quota === 0 ? [[PROPOSAL_TEXT.note, PROPOSAL_LABELS.quotaZero] as const] : []),
  ];
  const lines: (readonly [string, Cell])[] = [
    [PROPOSAL_TEXT.movement, movement.name],
    [PROPOSAL_TEXT.quotaPolicy, policyNote ? sourceText(policyNote) : ''],
    ...subjectLines(
      PROPOSAL_TEXT.collectives,
      PROPOSAL_TEXT.collectiveBase(p.collectives.quota.base),
      p.collectives,
    ),
    ...subjectLines(
      PROPOSAL_TEXT.individuals,
      PROPOSAL_TEXT.individualBase(p.individuals.quota.base, p.headcountFromListing.length),
      p.individuals,
    ),
  ];
  const collectiveSection = 2;
  const individualSection = collectiveSection + subjectLines('', '', p.collectives).length;
  const summary = summaryTab({
    councilName: p.name,
    title: PROPOSAL_TEXT.summaryTitle,
    subtitle: yearLine,
    widths: [17, 30, 10, 14, 22, 7],
    lines,
    sections: [collectiveSection, individualSection],
    header: PROPOSAL_TEXT.unitsHeader,
    body: unitCodes.map((code) => {
      const status = statuses.get(code);
      return [
        code,
        units.get(code)?.name ?? code,
        p.collectiveUnits.includes(code) ? (collectiveRank.get(code) ?? '') : '',
        p.individualUnits.includes(code) ? (proposedRanks.get(code) ?? []).join(', ') : '',
        STATUS_LABELS[status?.status ?? 'missing'],
        status?.errors ?? 0,
      ];
    }),
    centered: [0, 2, 3, 5],
  });
  const collectives = readOnlyList({
    title: PROPOSAL_LABELS.collectivesTab,
    heading: [councilLine, PROPOSAL_TEXT.collectivesTitle, yearLine],
    header: PROPOSAL_TEXT.collectiveHeader,
    body: p.collectives.proposed.map((c, i) => [
      i + 1,
      c.rank,
      c.name,
      num(c.points),
      num(c.max),
      share(c),
      p.collectives.awardForm,
    ]),
    widths: [6, 7, 36, 8, 9, 9, 25],
    centered: [0, 1, 3, 4, 5],
    signature: true,
  });
  const individuals = readOnlyList({
    title: PROPOSAL_LABELS.individualsTab,
    heading: [councilLine, PROPOSAL_TEXT.individualsTitle, yearLine],
    header: PROPOSAL_TEXT.individualHeader,
    body: p.individuals.proposed.map((c, i) => [
      i + 1,
      c.rank,
      c.name,
      c.position,
      c.unitName,
      num(c.points),
      num(c.max),
      share(c),
      c.rating,
      p.individuals.awardForm,
    ]),
    widths: [5, 6, 22, 15, 28, 7, 8, 7, 16, 30],
    centered: [0, 1, 5, 6, 7],
    signature: true,
  });
  // The council records its choice among those tied in the last column; thidua reads it back.
  const rejected = {
    collective: new Set(input.rejected?.collective ?? []),
    individual: new Set(input.rejected?.individual ?? []),
  };
  const sectionRows: number[] = [];
  const tiedRows = (label: string, s: SubjectProposal, no: ReadonlySet<string>): Cell[][] => {
    const tied = s.decision?.tied ?? s.tiedAtLine;
    if (tied.length === 0) return [];
    const places = s.placesForTied + (s.decision && !s.decision.overflow ? s.decision.chosen.length : 0);
    const heading = !s.decision
      ? PROPOSAL_TEXT.tiedPlaces(label, places, tied.length)
      : s.decision.overflow
        ? PROPOSAL_TEXT.tiedOverflow(label, s.decision.chosen.length, places)
        : PROPOSAL_TEXT.tiedChosen(label, s.decision.chosen.length, places);
    return [
      [heading],
      ...tied.map((c) => [
        label,
        c.rank,
        c.id,
        c.name,
        unitColumn(c),
        num(c.points),
        num(c.max),
        share(c),
        s.decision?.chosen.includes(c.id) ? YES : no.has(c.id) ? NO : null,
      ]),
    ];
  };
  const tiedBody = [
    ...tiedRows(PROPOSAL_TEXT.collectives, p.collectives, rejected.collective),
    ...tiedRows(PROPOSAL_TEXT.individuals, p.individuals, rejected.individual),
  ];
  tiedBody.forEach((row, i) => {
    if (row.length === 1) sectionRows.push(i);
  });
  const tiedLayout = listTab({
    title: PROPOSAL_LABELS.tiedTab,
    heading: [councilLine, PROPOSAL_TEXT.tiedTitle, yearLine],
    header: PROPOSAL_TEXT.tiedHeader,
    body: tiedBody,
    widths: [9, 6, 11, 22, 28, 7, 8, 8, 12],
    centered: [1, 2, 5, 6, 7, 8],
    footnotes: tiedBody.length ? [PROPOSAL_LABELS.tiedNote] : [PROPOSAL_TEXT.noTies],
    sections: sectionRows,
  });
  const choiceCol = PROPOSAL_TEXT.tiedHeader.length - 1;
  const tiedTab = tiedLayout.tab;
  const candidateRow = (r: number) =>
    r >= tiedLayout.bodyFrom && r <= tiedLayout.bodyTo && !!tiedTab.rows[r]?.[2];
  const tied: SheetTab = {
    ...tiedTab,
    // Only the choice column of a tied candidate is open to the council (shaded as a cell to fill).
    protection: 'header',
    styles: [
      ...(tiedTab.styles ?? []),
      ...tiedTab.rows.flatMap((_, r): StyledRange[] =>
        candidateRow(r)
          ? [{ fromRow: r, toRow: r, fromCol: choiceCol, toCol: choiceCol, style: { fill: 'input' } }]
          : [],
      ),
    ],
    lockedCells: tiedTab.rows.flatMap((_, r) =>
      r < (tiedTab.headerRows ?? 0)
        ? []
        : Array.from({ length: choiceCol + 1 }, (_, col) => ({ row: r, col })).filter(
            (cell) => !(cell.col === choiceCol && candidateRow(r)),
          ),
    ),
    validations: tiedTab.rows.flatMap((_, r) =>
      candidateRow(r)
        ? [
            {
              fromRow: r,
              toRow: r,
              col: choiceCol,
              rule: { kind: 'list' as const, values: [YES, NO] },
              message: TEMPLATE_TEXT.validationList,
            },
          ]
        : [],
    ),
  };
  const notProposedRows = (label: string, s: SubjectProposal): Cell[][] =>
    s.notProposed.map((n) => [
      label,
      n.candidate.id,
      n.candidate.name,
      unitColumn(n.candidate),
      n.rank,
      n.code === 'NO_SUBMISSION' ? '' : share(n.candidate),
      n.reason,
    ]);
  // People of a unit with no accepted workbook are not known to thidua: the unit is listed for them.
  const unlisted = unitsWithoutPeople(p).map((code): Cell[] => [
    PROPOSAL_TEXT.individuals,
    '',
    PROPOSAL_TEXT.unitPeople,
    units.get(code)?.name ?? code,
    null,
    '',
    PROPOSAL_TEXT.unitNotAccepted(STATUS_LABELS[statuses.get(code)?.status ?? 'missing']),
  ]);
  const notProposed = readOnlyList({
    title: PROPOSAL_LABELS.notProposedTab,
    heading: [councilLine, PROPOSAL_TEXT.notProposedTitle, yearLine],
    header: PROPOSAL_TEXT.notProposedHeader,
    body: [
      ...notProposedRows(PROPOSAL_TEXT.collectives, p.collectives),
      ...notProposedRows(PROPOSAL_TEXT.individuals, p.individuals),
      ...unlisted,
    ],
    widths: [9, 10, 22, 28, 6, 8, 52],
    centered: [1, 4, 5],
  });
  const clusterTab: SheetTab[] = input.clusters?.length
    ? [
        readOnlyList({
          title: PROPOSAL_TEXT.clustersTab,
          heading: [councilLine, PROPOSAL_TEXT.clustersTitle, yearLine],
          header: PROPOSAL_TEXT.clustersHeader,
          body: input.clusters.flatMap((c) => [
            ...c.ranked.map((r) => [c.cluster, r.rank, r.id, r.name, share(r), '']),
            ...c.notRanked.map((n) => [c.cluster, null, n.candidate.id, n.candidate.name, null, n.reason]),
          ]),
          widths: [22, 10, 10, 36, 9, 40],
          centered: [1, 2, 4],
        }),
      ]
    : [];
  return { tabs: [summary, collectives, individuals, tied, notProposed, ...clusterTab] };
}

export interface RoundRenderInput {
  readonly movement: Movement;
  readonly campaign: Campaign;
  readonly council: RoundCouncil;
}

const STATE_TEXT: Record<Eligibility['state'], string> = {
  eligible: ROUND_TEXT.allMet,
  ineligible: ROUND_TEXT.someMissed,
  needsCheck: ROUND_TEXT.toCheck,
};

/** One form's checklist for a candidate, in a cell: the verdict, each condition, the rule's source. */
export function checklistText(e: Eligibility | undefined): string {
  if (!e) return '';
  const conditions = e.conditions.map((c) => `${c.label}: ${ELIGIBILITY_TEXT[c.state]} — ${c.detail}`);
  return [
    `${STATE_TEXT[e.state]}.`,
    ...(conditions.length ? conditions : [e.summary]),
    `${ROUND_TEXT.source}: ${sourceText(e.rule?.source)}`,
  ].join('\n');
}

const yearsText = (years: readonly number[]) => years.map((y) => yearLabel(y)).join(', ');

/**
 * A council's round proposal: a summary, then one list per subject — every candidate ranked by the
 * movement's results, thidua's selection with one suggested form each, and, for every form the round
 * allows, the conditions as the council's checklist.
 */
export function roundWorkbookModel(input: RoundRenderInput): WorkbookModel {
  const { movement, campaign, council } = input;
  const kind = ROUND_TEXT.kinds[campaign.kind] ?? campaign.kind;
  const councilLine = DOCUMENT_TEXT.councilUpper(council.name);
  const period = DOCUMENT_TEXT.roundYears(kind, campaign.fromYear, campaign.toYear);
  const selection = movement.roundRanking.selection;
  const formName = (list: RoundList, code: string | null) =>
    list.forms.find((f) => f.code === code)?.name ?? '';
  const summaryRows = council.lists.flatMap((list) =>
    list.forms.map((form): Cell[] => {
      const suggested = list.entries.filter((e) => e.form === form.code);
      return [
        list.subject === 'collective' ? PROPOSAL_TEXT.collectives : PROPOSAL_TEXT.individuals,
        form.name,
        suggested.length,
        list.base ? Math.round((suggested.length * 10_000) / list.base) / 100 : 0,
        suggested.filter((e) => e.eligibility.get(form.code)?.state === 'eligible').length,
        suggested.filter((e) => e.eligibility.get(form.code)?.state === 'needsCheck').length,
      ];
    }),
  );
  const summary = summaryTab({
    councilName: council.name,
    title: ROUND_TEXT.title(kind),
    subtitle: period,
    widths: [12, 34, 12, 14, 14, 14],
    lines: [
      [PROPOSAL_TEXT.movement, movement.name],
      [ROUND_TEXT.reviewDate, campaign.reviewDate ? formatDate(campaign.reviewDate) : ''],
      [ROUND_TEXT.ranking, movement.roundRanking.note],
      [ROUND_TEXT.selection, selection?.source.note ?? ROUND_TEXT.noSelection],
      ...council.lists.map((list): [string, Cell] => [
        list.subject === 'collective' ? PROPOSAL_TEXT.collectives : PROPOSAL_TEXT.individuals,
        ROUND_TEXT.listLine(
          list.entries.length,
          list.entries.filter((e) => e.rank !== null).length,
          list.entries.filter((e) => e.form !== null).length,
          list.quotaText,
        ),
      ]),
    ],
    header: ROUND_TEXT.formsHeader,
    body: summaryRows,
    centered: [2, 3, 4, 5],
  });
  const tabs = council.lists.map((list): SheetTab => {
    const collective = list.subject === 'collective';
    const body = list.entries.map((e): Cell[] => [
      e.rank,
      e.candidate.id,
      e.candidate.name,
      ...(collective ? [] : [e.candidate.unitName]),
      e.candidate.max === 0 ? 0 : Math.round((e.candidate.points * 10_000) / e.candidate.max) / 100,
      `${e.years.length}/${e.years.length + e.missingYears.length}${e.missingYears.length ? ` (${ROUND_TEXT.missing}: ${yearsText(e.missingYears)})` : ''}`,
      e.selection === 'proposed'
        ? ROUND_TEXT.proposed
        : e.selection === 'tied'
          ? ROUND_TEXT.tied
          : e.selection === 'listed'
            ? ROUND_TEXT.listed
            : e.reason,
      formName(list, e.suggested),
      e.choice === null ? null : e.choice === NO_FORM ? ROUND_TEXT.noForm : formName(list, e.choice),
      ...list.forms.map((f) => checklistText(e.eligibility.get(f.code))),
    ]);
    const header = [
      ...(collective ? ROUND_TEXT.collectiveHeader : ROUND_TEXT.header),
      ROUND_TEXT.choiceHeader,
      ...list.forms.map((f) => ROUND_TEXT.formColumn(f.name)),
    ];
    const choiceCol = (collective ? ROUND_TEXT.collectiveHeader : ROUND_TEXT.header).length;
    const layout = listTab({
      title: collective ? ROUND_TEXT.collectiveTab : ROUND_TEXT.tab,
      heading: [councilLine, ROUND_TEXT.listTitle(collective), period],
      header,
      body,
      widths: [
        6,
        10,
        collective ? 28 : 20,
        ...(collective ? [] : [22]),
        9,
        12,
        16,
        20,
        20,
        ...list.forms.map(() => 38),
      ],
      centered: [0, 1, collective ? 3 : 4],
      footnotes: [ROUND_TEXT.choiceNote],
      signature: true,
    });
    return councilChoiceColumn(layout, choiceCol, list.entries.length, [
      ...list.forms.map((f) => f.name),
      ROUND_TEXT.noForm,
    ]);
  });
  return { tabs: [summary, ...tabs] };
}

/**
 * A list whose one column the council fills (its decision per row, from a dropdown): that column's
 * cells of the body are open and shaded, everything else stays locked.
 */
function councilChoiceColumn(
  layout: ReturnType<typeof listTab>,
  col: number,
  count: number,
  values: readonly string[],
): SheetTab {
  const tab = layout.tab;
  const open = (r: number) => count > 0 && r >= layout.bodyFrom && r <= layout.bodyTo;
  const width = tab.rows.reduce((n, row) => Math.max(n, row.length), 0);
  return {
    ...tab,
    protection: 'header',
    styles: [
      ...(tab.styles ?? []),
      ...(count > 0
        ? [
            {
              fromRow: layout.bodyFrom,
              toRow: layout.bodyTo,
              fromCol: col,
              toCol: col,
              style: { fill: 'input' as const },
            },
          ]
        : []),
    ],
    lockedCells: tab.rows.flatMap((_, r) =>
      r < (tab.headerRows ?? 0)
        ? []
        : Array.from({ length: width }, (_, c) => ({ row: r, col: c })).filter(
            (cell) => !(cell.col === col && open(r)),
          ),
    ),
    validations: count
      ? [
          {
            fromRow: layout.bodyFrom,
            toRow: layout.bodyTo,
            col,
            rule: { kind: 'list' as const, values },
            message: TEMPLATE_TEXT.validationList,
          },
        ]
      : [],
  };
}

/** The office's award history workbook (Lịch sử khen thưởng). */
export function historyWorkbookModel(rows: readonly (readonly Cell[])[]): WorkbookModel {
  return {
    tabs: [
      {
        title: TABS.history,
        rows: [Object.values(HISTORY_HEADERS), ...rows],
        columnWidths: [12, 14, 30, 14, 40, 22, 20, 16],
        headerRows: 1,
        protection: 'none',
      },
    ],
  };
}
