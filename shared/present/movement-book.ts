/** The movement workbook (“Cấu hình phong trào”) written out: the movement file as tables the emulation office edits in Excel or Google Sheets. */

import type { Cell } from '../domain/grid.ts';
import type { Problem, ProblemCode } from '../domain/problems.ts';
import type { Condition, Movement } from '../movement/movement.ts';
import { MOVEMENT_BOOK as T } from '../text/movement-book.ts';
import {
  choicesOf,
  GENERAL_ITEMS,
  GENERAL_WIDTHS,
  type GeneralKey,
  SOURCE_COLUMNS,
  type Source,
  show,
  TABLES,
  type Table,
  type Value,
} from './movement-book-layout.ts';
import { HEADER_STYLE, wrappedHeight, wrappedHeights } from './print-layout.ts';
import type { SheetTab, WorkbookModel } from './sheet-model.ts';

const sourceCells = (source: Source | undefined): Cell[] =>
  source
    ? [source.document, source.article ?? null, T.sourceStatus[source.status], source.note ?? null]
    : [null, null, null, null];

function tableTab(
  table: Table,
  records: readonly object[],
  sources?: readonly (Source | undefined)[],
): SheetTab {
  const columns = [...table.columns, ...(table.withSource ? SOURCE_COLUMNS : [])];
  const widths = columns.map((c) => c.width);
  const header = columns.map((c) => c.header);
  const rows: Cell[][] = records.map((record, i) => [
    ...table.columns.map((c) => show(c.kind, (record as Record<string, Value | undefined>)[c.key])),
    ...(table.withSource ? sourceCells(sources?.[i]) : []),
  ]);
  const last = Math.max(rows.length + 200, 300);
  const validations = columns.flatMap((c, i) => {
    const values = choicesOf(c.kind);
    return values
      ? [
          {
            fromRow: 1,
            toRow: last,
            col: i,
            rule: { kind: 'list' as const, values },
            message: T.messages.notChoice('', values),
          },
        ]
      : [];
  });
  return {
    title: table.tab,
    rows: [header, ...rows],
    columnWidths: widths,
    headerRows: 1,
    protection: 'header',
    validations,
    styles: [
      { fromRow: 0, toRow: 0, fromCol: 0, toCol: columns.length - 1, style: HEADER_STYLE },
      ...(rows.length
        ? [
            {
              fromRow: 1,
              toRow: rows.length,
              fromCol: 0,
              toCol: columns.length - 1,
              style: { border: true, valign: 'top' as const, wrap: true, fill: 'input' as const },
            },
          ]
        : []),
    ],
    rowHeights: [
      { row: 0, height: wrappedHeight(header, widths) ?? 30 },
      ...wrappedHeights([header, ...rows], widths, 1, rows.length),
    ],
    print: { orientation: 'landscape', repeatRows: { from: 0, to: 0 } },
  };
}

function generalValues(m: Movement): Record<GeneralKey, Value | undefined> {
  const s = m.roundRanking.selection;
  return {
    id: m.id,
    name: m.name,
    planNumber: m.plan.number,
    planDate: m.plan.date,
    planIssuer: m.plan.issuer,
    periodFrom: m.period.from,
    periodTo: m.period.to,
    yearStart: { day: m.emulationYear.startDay, month: m.emulationYear.startMonth },
    deadline: m.submissionDeadline
      ? { day: m.submissionDeadline.day, month: m.submissionDeadline.month }
      : undefined,
    roundPolicy: m.roundRanking.policy,
    roundMinYears: m.roundRanking.minYears,
    roundNote: m.roundRanking.note,
    selectionIndividual: s?.individual,
    selectionCollective: s?.collective,
    selectionRounding: s?.rounding,
    womenPriority: m.tieBreakers.womenPriority.enabled,
    disciplineBreaksChain: m.blockingRules.disciplineBreaksChain,
    pendingBlocks: m.blockingRules.pendingBlocks,
  };
}

function generalSources(m: Movement): Partial<Record<GeneralKey, Source>> {
  return {
    yearStart: m.emulationYear.source,
    ...(m.submissionDeadline ? { deadline: m.submissionDeadline.source } : {}),
    roundPolicy: m.roundRanking.source,
    ...(m.roundRanking.selection ? { selectionIndividual: m.roundRanking.selection.source } : {}),
    womenPriority: m.tieBreakers.womenPriority.source,
    disciplineBreaksChain: m.blockingRules.source,
  };
}

function generalTab(m: Movement): SheetTab {
  const values = generalValues(m);
  const sources = generalSources(m);
  const header = [T.general.item, T.general.value, ...SOURCE_COLUMNS.map((c) => c.header)];
  const rows: Cell[][] = GENERAL_ITEMS.map(([key, kind]) => [
    T.generalItems[key],
    show(kind, values[key]),
    ...sourceCells(sources[key]),
  ]);
  const choiceRows = GENERAL_ITEMS.flatMap(([, kind], i) => {
    const values = choicesOf(kind);
    return values
      ? [
          {
            fromRow: i + 1,
            toRow: i + 1,
            col: 1,
            rule: { kind: 'list' as const, values },
            message: T.messages.notChoice('', values),
          },
        ]
      : [];
  });
  const statuses = Object.values(T.sourceStatus);
  return {
    title: T.tabs.general,
    rows: [header, ...rows],
    columnWidths: GENERAL_WIDTHS,
    headerRows: 1,
    protection: 'header',
    lockedCells: rows.map((_, i) => ({ row: i + 1, col: 0 })),
    validations: [
      ...choiceRows,
      {
        fromRow: 1,
        toRow: rows.length,
        col: 4,
        rule: { kind: 'list', values: statuses },
        message: T.messages.notChoice('', statuses),
      },
    ],
    styles: [
      { fromRow: 0, toRow: 0, fromCol: 0, toCol: header.length - 1, style: HEADER_STYLE },
      {
        fromRow: 1,
        toRow: rows.length,
        fromCol: 0,
        toCol: header.length - 1,
        style: { border: true, valign: 'top', wrap: true },
      },
      { fromRow: 1, toRow: rows.length, fromCol: 0, toCol: 0, style: { bold: true } },
      { fromRow: 1, toRow: rows.length, fromCol: 1, toCol: 1, style: { fill: 'input' } },
    ],
    rowHeights: [
      { row: 0, height: wrappedHeight(header, GENERAL_WIDTHS) ?? 30 },
      ...wrappedHeights([header, ...rows], GENERAL_WIDTHS, 1, rows.length),
    ],
    print: { orientation: 'landscape', repeatRows: { from: 0, to: 0 } },
  };
}

function conditionRecord(c: Condition, number: string, rule?: Movement['awardRules'][number]) {
  const base: Record<string, Value | undefined> = {
    id: rule?.id,
    awardForm: rule?.awardForm,
    subject: rule?.subject,
    validFrom: rule?.validFrom,
    validTo: rule?.validTo,
    number,
    kind: c.kind,
    label: c.label,
    basis: rule?.basis,
  };
  switch (c.kind) {
    case 'holdsAward':
      return { ...base, awards: c.awards };
    case 'consecutiveYears':
      return { ...base, count: c.years, rating: c.minimumRating, afterAward: c.afterAward };
    case 'awardCount':
    case 'consecutiveAward':
      return { ...base, awards: [c.award], count: c.count };
    case 'ratingCount':
      return { ...base, count: c.count, rating: c.rating };
    case 'ratingRunWithInitiatives':
      return { ...base, count: c.years, rating: c.rating, initiatives: c.initiatives };
    case 'movementYears':
      return { ...base, count: c.years };
    default:
      return base;
  }
}

/** The movement as the office's workbook. */
export function movementBookModel(m: Movement): WorkbookModel {
  const criteria = m.catalogs.flatMap((catalog) =>
    (['collective', 'individual'] as const).flatMap((subject) => [
      ...catalog[subject].items.map((item) => ({
        catalog: catalog.fromYear,
        subject,
        kind: 'scored',
        code: item.code,
        title: item.title,
        maxPoints: item.maxPoints,
        leaderOnly: item.leaderOnly,
        status: item.weightStatus,
        planRef: item.planRef,
      })),
      ...catalog[subject].vetoItems.map((item) => ({
        catalog: catalog.fromYear,
        subject,
        kind: 'veto',
        code: item.code,
        title: item.title,
        status: item.status,
        planRef: item.planRef,
        enabled: item.enabled,
        note: item.note,
      })),
    ]),
  );
  const rules = m.awardRules.flatMap((rule) =>
    rule.conditions.flatMap((c, i) => {
      const first = i === 0 ? rule : undefined;
      const own = {
        record: {
          ...conditionRecord(c, String(i + 1), rule),
          ...(first
            ? {}
            : { awardForm: undefined, subject: undefined, validFrom: undefined, validTo: undefined }),
        },
        source: first?.source,
      };
      const options =
        c.kind === 'anyOf'
          ? c.options.map((o, j) => ({
              record: { ...conditionRecord(o, `${i + 1}.${j + 1}`), id: rule.id },
              source: undefined,
            }))
          : [];
      return [own, ...options];
    }),
  );
  const guide = T.guide;
  return {
    tabs: [
      {
        title: T.tabs.guide,
        rows: [[T.title], [m.name], [], ...guide.map((line): Cell[] => [line])],
        columnWidths: [110],
        headerRows: 1,
        protection: 'all',
        styles: [
          { fromRow: 0, toRow: 0, fromCol: 0, toCol: 0, style: { bold: true, size: 13 } },
          { fromRow: 1, toRow: 1, fromCol: 0, toCol: 0, style: { italic: true, wrap: true } },
          { fromRow: 3, toRow: guide.length + 2, fromCol: 0, toCol: 0, style: { wrap: true, valign: 'top' } },
        ],
        rowHeights: wrappedHeights(
          [[], [m.name], [], ...guide.map((line) => [line])],
          [110],
          1,
          guide.length + 2,
        ),
        print: { orientation: 'portrait' },
      },
      generalTab(m),
      tableTab(TABLES.ratings, m.ratings),
      tableTab(TABLES.disciplines, m.disciplines),
      tableTab(
        TABLES.catalogs,
        m.catalogs.map((c) => ({ fromYear: c.fromYear, toYear: c.toYear })),
        m.catalogs.map((c) => c.source),
      ),
      tableTab(TABLES.criteria, criteria),
      tableTab(
        TABLES.quotas,
        m.quotaPolicies.map((q) => ({ ...q })),
        m.quotaPolicies.map((q) => q.source),
      ),
      tableTab(
        TABLES.eligibility,
        m.eligibilityPolicies.map((p) => ({
          id: p.id,
          validFrom: p.validFrom,
          validTo: p.validTo,
          minimumRating: p.individual.minimumRating,
          disciplineDisqualifies: p.individual.disciplineDisqualifies,
          individualVeto: p.individual.vetoDisqualifies,
          collectiveVeto: p.collective.vetoDisqualifies,
        })),
        m.eligibilityPolicies.map((p) => p.source),
      ),
      tableTab(
        TABLES.forms,
        m.awardForms.map((f) => ({
          code: f.code,
          name: f.name,
          shortName: f.shortName,
          impliesRating: f.impliesRating,
          collective: f.subjects.includes('collective'),
          individual: f.subjects.includes('individual'),
        })),
        m.awardForms.map((f) => f.source),
      ),
      tableTab(
        TABLES.campaigns,
        m.campaigns.map((c) => ({ ...c })),
        m.campaigns.map((c) => c.source),
      ),
      tableTab(
        TABLES.legal,
        m.legalBases.map((b) => ({ ...b })),
        m.legalBases.map((b) => b.source),
      ),
      tableTab(
        TABLES.rules,
        rules.map((r) => r.record),
        rules.map((r) => r.source),
      ),
      tableTab(
        TABLES.tiers,
        m.campaigns.flatMap((c) => c.formTiers.map((t) => ({ ...t, kind: c.kind }))),
        m.campaigns.flatMap((c) => c.formTiers.map((t) => t.source)),
      ),
    ],
  };
}

/** Every tab the reader needs (one read of the workbook). */
export const MOVEMENT_BOOK_TABS: readonly string[] = [
  T.tabs.general,
  ...Object.values(TABLES).map((table) => table.tab),
];

// ————————————————————————————————————————— reading

export interface Where {
  readonly tab: string;
  readonly cell: string;
}

export class Problems {
  readonly list: Problem[] = [];
  add(where: Where, message: string, code: ProblemCode = 'MOVEMENT_INVALID') {
    this.list.push({ severity: 'error', tab: where.tab, cell: where.cell, code, message });
  }
}
