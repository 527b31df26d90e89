/** The unit score workbook template: info, collective and individual tabs, with validation and protection. */

import { type Cell, columnLetters } from '../domain/grid.ts';
import type { RegistryUnit } from '../domain/registry.ts';
import { formatHundredths } from '../domain/text.ts';
import type { Catalog, Movement } from '../movement/movement.ts';
import { yearLabel } from '../text/common.ts';
import { DOCUMENT_TEXT } from '../text/documents.ts';
import {
  COLLECTIVE_HEADERS,
  GENDERS,
  INDIVIDUAL_HEADERS,
  INFO_LABELS,
  NO,
  TABS,
  VETO_ANSWERS,
  YES,
} from '../text/sheets.ts';
import { TEMPLATE_TEXT } from '../text/templates.ts';
import { feedbackPlaceholder } from './feedback.ts';
import { HEADER_STYLE, wrappedHeight, wrappedHeights } from './print-layout.ts';
import type { SheetTab, WorkbookModel } from './sheet-model.ts';

export const points = (p: number) => formatHundredths(Math.round(p * 100));

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
  return { tabs: [infoTab(input), collectiveTab(input), individualsTab(input), feedbackPlaceholder()] };
}

/** The info tab: the unit, the year, who fills it, and the guide to filling the workbook. */
function infoTab(input: UnitTemplateInput): SheetTab {
  const { movement, year, unit } = input;
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
  return {
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
}

/** The collective tab: one row per criterion of the unit, then the veto questions. */
function collectiveTab({ catalog, collectiveScores }: UnitTemplateInput): SheetTab {
  const collectiveRows: Cell[][] = [
    [
      COLLECTIVE_HEADERS.code,
      COLLECTIVE_HEADERS.title,
      COLLECTIVE_HEADERS.max,
      COLLECTIVE_HEADERS.self,
      COLLECTIVE_HEADERS.evidence,
    ],
  ];
  // The council's review is its own (its proposal workbook's “Thẩm định”): the unit has no column for it.
  const collectiveValidations: NonNullable<SheetTab['validations']>[number][] = [];
  catalog.collective.items.forEach((item, index) => {
    collectiveRows.push([item.code, item.title, item.maxPoints, collectiveScores?.[index] ?? null, null]);
    const rule = { kind: 'decimal' as const, min: 0, max: item.maxPoints };
    const message = TEMPLATE_TEXT.validationScore(points(item.maxPoints));
    collectiveValidations.push({ fromRow: index + 1, toRow: index + 1, col: 3, rule, message });
  });
  catalog.collective.vetoItems.forEach((item, index) => {
    const row = catalog.collective.items.length + 1 + index;
    collectiveRows.push([
      item.code,
      item.title,
      TEMPLATE_TEXT.vetoMax,
      collectiveScores?.[row - 1] ?? NO,
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
  const collectiveWidths = [10, 70, 10, 12, 50];
  const lastCollective = collectiveRows.length - 1;
  return {
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
      { fromRow: 0, toRow: 0, fromCol: 0, toCol: 4, style: HEADER_STYLE },
      {
        fromRow: 1,
        toRow: lastCollective,
        fromCol: 0,
        toCol: 4,
        style: { border: true, wrap: true, valign: 'top' },
      },
      { fromRow: 1, toRow: lastCollective, fromCol: 0, toCol: 0, style: { align: 'center' } },
      { fromRow: 1, toRow: lastCollective, fromCol: 2, toCol: 2, style: { align: 'center' } },
      { fromRow: 1, toRow: lastCollective, fromCol: 3, toCol: 4, style: { fill: 'input' } },
    ],
    rowHeights: wrappedHeights(collectiveRows, collectiveWidths, 0, lastCollective),
    print: { orientation: 'landscape', repeatRows: { from: 0, to: 0 }, footer: DOCUMENT_TEXT.pageFooter },
  };
}

/** The individuals tab: one row per person, a column per criterion, the legend on the right. */
function individualsTab(input: UnitTemplateInput): SheetTab {
  const { movement, catalog } = input;
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
  return {
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
}
