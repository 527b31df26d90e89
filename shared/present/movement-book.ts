/**
 * The movement workbook (“Cấu hình phong trào”): the movement file as tables the emulation office
 * edits in Excel or Google Sheets. `movementBookModel` writes a movement out; `readMovementBook`
 * reads it back with cell-precise Vietnamese problems and, when there are none, the same Movement
 * the JSON file gives (validated by the same schema). Pure: grids in, data out.
 */

import { a1, type Cell, cellAt, findTab, type Grid, type WorkbookGrids } from '../domain/grid.ts';
import type { Problem, ProblemCode } from '../domain/problems.ts';
import { cellText, isBlank, matchKey } from '../domain/text.ts';
import { type Condition, type Movement, movementSchema, type sourceSchema } from '../movement/movement.ts';
import { MOVEMENT_BOOK as T } from '../text/movement-book.ts';
import { NO, YES } from '../text/sheets.ts';
import { HEADER_STYLE, wrappedHeight, wrappedHeights } from './print-layout.ts';
import type { SheetTab, WorkbookModel } from './sheet-model.ts';

type Source = ReturnType<typeof sourceSchema.parse>;
type Choices = Readonly<Record<string, string>>;

/** How a column's cells are written and read. */
type Kind =
  | { readonly t: 'text' | 'long' | 'int' | 'decimal' | 'date' | 'dayMonth' | 'yesNo' | 'fraction' }
  | { readonly t: 'codes' | 'list' }
  | { readonly t: 'choice'; readonly options: Choices };

type Value =
  | string
  | number
  | boolean
  | readonly string[]
  | { readonly numerator: number; readonly denominator: number }
  | { readonly day: number; readonly month: number };

interface Column {
  readonly key: string;
  readonly header: string;
  readonly kind: Kind;
  readonly width: number;
  readonly required?: boolean;
}

interface Table {
  readonly tab: string;
  readonly columns: readonly Column[];
  readonly withSource?: boolean;
}

const K = {
  text: { t: 'text' },
  long: { t: 'long' },
  int: { t: 'int' },
  decimal: { t: 'decimal' },
  date: { t: 'date' },
  dayMonth: { t: 'dayMonth' },
  yesNo: { t: 'yesNo' },
  fraction: { t: 'fraction' },
  codes: { t: 'codes' },
  list: { t: 'list' },
} as const satisfies Record<string, Kind>;
const choice = (options: Choices): Kind => ({ t: 'choice', options });

const SOURCE_COLUMNS: readonly Column[] = [
  { key: 'srcDocument', header: T.source.document, kind: K.text, width: 30, required: true },
  { key: 'srcArticle', header: T.source.article, kind: K.text, width: 14 },
  { key: 'srcStatus', header: T.source.status, kind: choice(T.sourceStatus), width: 22, required: true },
  { key: 'srcNote', header: T.source.note, kind: K.long, width: 60 },
];

const col = (key: string, header: string, kind: Kind, width: number, required = false): Column => ({
  key,
  header,
  kind,
  width,
  required,
});

const C = T.columns;
const TABLES = {
  ratings: {
    tab: T.tabs.ratings,
    columns: [
      col('code', C.ratings.code, K.text, 14, true),
      col('label', C.ratings.label, K.text, 36, true),
      col('rank', C.ratings.rank, K.int, 16, true),
    ],
  },
  disciplines: {
    tab: T.tabs.disciplines,
    columns: [
      col('code', C.disciplines.code, K.text, 10, true),
      col('label', C.disciplines.label, K.text, 30, true),
      col('isDiscipline', C.disciplines.isDiscipline, K.yesNo, 12, true),
    ],
  },
  catalogs: {
    tab: T.tabs.catalogs,
    withSource: true,
    columns: [
      col('fromYear', C.catalogs.fromYear, K.int, 12, true),
      col('toYear', C.catalogs.toYear, K.int, 12, true),
    ],
  },
  criteria: {
    tab: T.tabs.criteria,
    columns: [
      col('catalog', C.criteria.catalog, K.int, 11, true),
      col('subject', C.criteria.subject, choice(T.choices.subject), 11, true),
      col('kind', C.criteria.kind, choice(T.choices.criterionKind), 11, true),
      col('code', C.criteria.code, K.text, 9, true),
      col('title', C.criteria.title, K.long, 50, true),
      col('maxPoints', C.criteria.maxPoints, K.decimal, 9),
      col('leaderOnly', C.criteria.leaderOnly, K.yesNo, 11),
      col('status', C.criteria.status, choice(T.choices.weightStatus), 11, true),
      col('planRef', C.criteria.planRef, K.text, 10),
      col('enabled', C.criteria.enabled, K.yesNo, 9),
      col('note', C.criteria.note, K.long, 40),
    ],
  },
  quotas: {
    tab: T.tabs.quotas,
    withSource: true,
    columns: [
      col('id', C.quotas.id, K.text, 18, true),
      col('validFrom', C.quotas.validFrom, K.date, 12, true),
      col('validTo', C.quotas.validTo, K.date, 12),
      col('collective', C.quotas.collective, K.fraction, 12, true),
      col('individual', C.quotas.individual, K.fraction, 12, true),
      col('rounding', C.quotas.rounding, choice(T.choices.rounding), 16, true),
      col('roundingNote', C.quotas.roundingNote, K.long, 40),
      col('collectiveBase', C.quotas.collectiveBase, K.long, 30, true),
      col('individualBase', C.quotas.individualBase, K.long, 30, true),
    ],
  },
  eligibility: {
    tab: T.tabs.eligibility,
    withSource: true,
    columns: [
      col('id', C.eligibility.id, K.text, 18, true),
      col('validFrom', C.eligibility.validFrom, K.date, 12, true),
      col('validTo', C.eligibility.validTo, K.date, 12),
      col('minimumRating', C.eligibility.minimumRating, K.text, 12, true),
      col('disciplineDisqualifies', C.eligibility.disciplineDisqualifies, K.yesNo, 12, true),
      col('individualVeto', C.eligibility.individualVeto, K.yesNo, 14, true),
      col('collectiveVeto', C.eligibility.collectiveVeto, K.yesNo, 14, true),
    ],
  },
  forms: {
    tab: T.tabs.forms,
    withSource: true,
    columns: [
      col('code', C.forms.code, K.text, 12, true),
      col('name', C.forms.name, K.long, 40, true),
      col('shortName', C.forms.shortName, K.text, 22),
      col('collective', C.forms.collective, K.yesNo, 10, true),
      col('individual', C.forms.individual, K.yesNo, 10, true),
    ],
  },
  campaigns: {
    tab: T.tabs.campaigns,
    withSource: true,
    columns: [
      col('kind', C.campaigns.kind, choice(T.choices.campaign), 11, true),
      col('fromYear', C.campaigns.fromYear, K.int, 11, true),
      col('toYear', C.campaigns.toYear, K.int, 11, true),
      col('reviewYear', C.campaigns.reviewYear, K.int, 9),
      col('reviewDate', C.campaigns.reviewDate, K.date, 12),
      col('awardForms', C.campaigns.awardForms, K.codes, 28, true),
    ],
  },
  legal: {
    tab: T.tabs.legal,
    withSource: true,
    columns: [
      col('text', C.legal.text, K.long, 60, true),
      col('validFrom', C.legal.validFrom, K.date, 12, true),
      col('validTo', C.legal.validTo, K.date, 12),
    ],
  },
  rules: {
    tab: T.tabs.rules,
    withSource: true,
    columns: [
      col('id', C.rules.id, K.text, 14, true),
      col('awardForm', C.rules.awardForm, K.text, 12),
      col('subject', C.rules.subject, choice(T.choices.subject), 10),
      col('validFrom', C.rules.validFrom, K.date, 12),
      col('validTo', C.rules.validTo, K.date, 12),
      col('number', C.rules.number, K.text, 8, true),
      col('kind', C.rules.kind, choice(T.choices.condition), 22, true),
      col('awards', C.rules.awards, K.codes, 16),
      col('count', C.rules.count, K.int, 9),
      col('rating', C.rules.rating, K.text, 9),
      col('afterAward', C.rules.afterAward, K.yesNo, 10),
      col('label', C.rules.label, K.long, 44, true),
    ],
  },
} as const satisfies Record<string, Table>;

/** The rows of the key/value tab “Phong trào”: item, kind, required, and the source it carries. */
const GENERAL_ITEMS = [
  ['id', K.text, true],
  ['name', K.long, true],
  ['planNumber', K.text, true],
  ['planDate', K.date, true],
  ['planIssuer', K.text, true],
  ['periodFrom', K.date, true],
  ['periodTo', K.date, true],
  ['yearStart', K.dayMonth, true, 'source'],
  ['deadline', K.dayMonth, false, 'source'],
  ['roundPolicy', choice(T.choices.roundPolicy), true, 'source'],
  ['roundMinYears', K.int, true],
  ['roundNote', K.long, true],
  ['selectionIndividual', K.fraction, false, 'source'],
  ['selectionCollective', K.fraction, false],
  ['selectionRounding', choice(T.choices.rounding), false],
  ['womenPriority', K.yesNo, true, 'source'],
  ['disciplineBreaksChain', K.yesNo, true, 'source'],
  ['pendingBlocks', K.list, false],
] as const satisfies readonly (readonly [keyof typeof T.generalItems, Kind, boolean, 'source'?])[];
type GeneralKey = (typeof GENERAL_ITEMS)[number][0];
/** Rows whose source is needed only when a value is given (an optional rule). */
const OPTIONAL_GROUPS: readonly GeneralKey[] = ['selectionIndividual', 'deadline'];
const GENERAL_WIDTHS = [44, 40, ...SOURCE_COLUMNS.map((c) => c.width)];

// ————————————————————————————————————————— writing

const pad = (n: number) => String(n).padStart(2, '0');
const OPEN_END = '9999-12-31';

/** A value as the office reads it in the cell. */
function show(kind: Kind, value: Value | undefined | null): Cell {
  if (value === undefined || value === null) return null;
  switch (kind.t) {
    case 'date': {
      const iso = String(value);
      if (iso === OPEN_END) return null;
      return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    }
    case 'dayMonth': {
      const v = value as { day: number; month: number };
      return `${pad(v.day)}/${pad(v.month)}`;
    }
    case 'yesNo':
      return value ? YES : NO;
    case 'fraction': {
      const v = value as { numerator: number; denominator: number };
      return `${v.numerator}/${v.denominator}`;
    }
    case 'codes':
      return (value as readonly string[]).join(', ');
    case 'list':
      return (value as readonly string[]).join('; ');
    case 'choice':
      return kind.options[String(value)] ?? String(value);
    default:
      return value as Cell;
  }
}

/** The values a dropdown offers for a column of this kind, if it has one. */
const choicesOf = (kind: Kind): readonly string[] | null =>
  kind.t === 'choice' ? Object.values(kind.options) : kind.t === 'yesNo' ? [YES, NO] : null;

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
    ],
  };
}

/** Every tab the reader needs (one read of the workbook). */
export const MOVEMENT_BOOK_TABS: readonly string[] = [
  T.tabs.general,
  ...Object.values(TABLES).map((table) => table.tab),
];

// ————————————————————————————————————————— reading

interface Where {
  readonly tab: string;
  readonly cell: string;
}

class Problems {
  readonly list: Problem[] = [];
  add(where: Where, message: string, code: ProblemCode = 'MOVEMENT_INVALID') {
    this.list.push({ severity: 'error', tab: where.tab, cell: where.cell, code, message });
  }
}

type Parsed = { ok: true; value: Value } | { ok: false; message: string };

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function isoOf(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}

function toFraction(x: number): { numerator: number; denominator: number } | undefined {
  if (!(x >= 0 && x <= 1)) return undefined;
  for (let d = 1; d <= 10_000; d++) {
    const n = Math.round(x * d);
    if (Math.abs(n / d - x) < 1e-9) return { numerator: n, denominator: d };
  }
  return undefined;
}

const splitList = (text: string, separators: RegExp) =>
  text
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);

/** One cell by its column's kind; blank cells are handled by the caller. */
function parseCell(kind: Kind, cell: Cell): Parsed {
  const text = cellText(cell);
  const M = T.messages;
  switch (kind.t) {
    case 'text':
    case 'long':
      return { ok: true, value: text };
    case 'int': {
      const n = typeof cell === 'number' ? cell : Number(text.replace(/\s/g, ''));
      return Number.isInteger(n) ? { ok: true, value: n } : { ok: false, message: M.notWhole(text) };
    }
    case 'decimal': {
      const n = typeof cell === 'number' ? cell : Number(text.replace(/\s/g, '').replace(',', '.'));
      return Number.isFinite(n) && text !== ''
        ? { ok: true, value: n }
        : { ok: false, message: M.notNumber(text) };
    }
    case 'date': {
      if (typeof cell === 'number' && Number.isFinite(cell)) {
        const d = new Date(EXCEL_EPOCH + Math.round(cell) * 86_400_000);
        return { ok: true, value: d.toISOString().slice(0, 10) };
      }
      const vn = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(text);
      const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      const value = vn
        ? isoOf(Number(vn[3]), Number(vn[2]), Number(vn[1]))
        : iso
          ? isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]))
          : undefined;
      return value ? { ok: true, value } : { ok: false, message: M.notDate(text) };
    }
    case 'dayMonth': {
      const dm = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})$/.exec(text);
      const day = Number(dm?.[1]);
      const month = Number(dm?.[2]);
      return dm && month >= 1 && month <= 12 && day >= 1 && day <= 28
        ? { ok: true, value: { day, month } }
        : { ok: false, message: M.notDayMonth(text) };
    }
    case 'yesNo': {
      const key = matchKey(text);
      if (key === matchKey(YES)) return { ok: true, value: true };
      if (key === matchKey(NO)) return { ok: true, value: false };
      return { ok: false, message: M.notChoice(text, [YES, NO]) };
    }
    case 'fraction': {
      if (typeof cell === 'number') {
        const f = toFraction(cell);
        return f ? { ok: true, value: f } : { ok: false, message: M.notFraction(text) };
      }
      const frac = /^(\d+)\s*\/\s*(\d+)$/.exec(text);
      if (frac && Number(frac[2]) > 0 && Number(frac[1]) <= Number(frac[2]))
        return { ok: true, value: { numerator: Number(frac[1]), denominator: Number(frac[2]) } };
      const percent = /^(\d+(?:[.,]\d+)?)\s*%$/.exec(text);
      const f = percent ? toFraction(Number(percent[1]?.replace(',', '.')) / 100) : undefined;
      return f ? { ok: true, value: f } : { ok: false, message: M.notFraction(text) };
    }
    case 'codes':
      return { ok: true, value: splitList(text, /[,;\n]/).map((c) => c.toUpperCase()) };
    case 'list':
      return { ok: true, value: splitList(text, /[;\n]/) };
    case 'choice': {
      const key = matchKey(text);
      const found = Object.entries(kind.options).find(
        ([value, label]) => matchKey(label) === key || matchKey(value) === key,
      );
      return found
        ? { ok: true, value: found[0] }
        : { ok: false, message: M.notChoice(text, Object.values(kind.options)) };
    }
  }
}

interface Row {
  readonly row: number;
  readonly values: Record<string, Value | undefined>;
  readonly at: (key: string) => Where;
  /** Whether a cell of this row could not be read (its value is missing: no further checks on it). */
  readonly failed: ReadonlySet<string>;
}

function tabGrid(
  grids: WorkbookGrids,
  tab: string,
  problems: Problems,
): { name: string; grid: Grid } | undefined {
  const name = findTab(grids, tab, matchKey);
  const grid = name ? grids[name] : undefined;
  if (!name || !grid) {
    problems.add({ tab, cell: '' }, T.messages.tabMissing(tab), 'TAB_MISSING');
    return undefined;
  }
  return { name, grid };
}

function readTable(grids: WorkbookGrids, table: Table, problems: Problems): Row[] {
  const found = tabGrid(grids, table.tab, problems);
  if (!found) return [];
  const { name, grid } = found;
  const columns = [...table.columns, ...(table.withSource ? SOURCE_COLUMNS : [])];
  const headerRow = Math.max(
    0,
    grid
      .slice(0, 5)
      .findIndex((r) =>
        r.some((c) => typeof c === 'string' && matchKey(c) === matchKey(columns[0]?.header ?? '')),
      ),
  );
  const headers = grid[headerRow] ?? [];
  const index = new Map<string, number>();
  for (const c of columns) {
    const i = headers.findIndex((h) => typeof h === 'string' && matchKey(h) === matchKey(c.header));
    if (i >= 0) index.set(c.key, i);
    else if (c.required)
      problems.add(
        { tab: name, cell: a1(headerRow, headers.length) },
        T.messages.headerMissing(c.header),
        'HEADER_MISSING',
      );
  }
  const rows: Row[] = [];
  for (let r = headerRow + 1; r < grid.length; r++) {
    const cells = [...index.values()].map((i) => cellAt(grid, r, i));
    if (cells.every(isBlank)) continue;
    const values: Record<string, Value | undefined> = {};
    const failed = new Set<string>();
    for (const c of columns) {
      const i = index.get(c.key);
      if (i === undefined) continue;
      const cell = cellAt(grid, r, i);
      if (isBlank(cell)) continue;
      const parsed = parseCell(c.kind, cell);
      if (parsed.ok) values[c.key] = parsed.value;
      else {
        failed.add(c.key);
        problems.add({ tab: name, cell: a1(r, i) }, parsed.message, 'INVALID_CHOICE');
      }
    }
    rows.push({
      row: r,
      values,
      failed,
      at: (key) => ({ tab: name, cell: a1(r, index.get(key) ?? 0) }),
    });
  }
  return rows;
}

/** Reports a required cell left blank (for the columns the caller names); true when all are there. */
function need(row: Row, columns: readonly Column[], keys: readonly string[], problems: Problems): boolean {
  let ok = true;
  for (const key of keys) {
    if (row.values[key] !== undefined) continue;
    ok = false;
    if (row.failed.has(key)) continue;
    const header = columns.find((c) => c.key === key)?.header ?? key;
    problems.add(row.at(key), T.messages.required(header), 'REQUIRED');
  }
  return ok;
}

const requiredKeys = (table: Table) =>
  [...table.columns, ...(table.withSource ? SOURCE_COLUMNS : [])].filter((c) => c.required).map((c) => c.key);

function sourceOf(row: Row): Source {
  const v = row.values;
  return {
    document: String(v.srcDocument ?? ''),
    ...(v.srcArticle ? { article: String(v.srcArticle) } : {}),
    status: (v.srcStatus ?? 'proposed') as Source['status'],
    ...(v.srcNote ? { note: String(v.srcNote) } : {}),
  };
}

/** Each row that has every required cell (the rest reported). */
function complete(rows: readonly Row[], table: Table, problems: Problems, keys = requiredKeys(table)): Row[] {
  const columns = [...table.columns, ...(table.withSource ? SOURCE_COLUMNS : [])];
  return rows.filter((row) => need(row, columns, keys, problems));
}

function unique(rows: readonly Row[], key: string, what: string, problems: Problems) {
  const first = new Map<string, Row>();
  for (const row of rows) {
    const value = String(row.values[key] ?? '').toUpperCase();
    if (!value) continue;
    const earlier = first.get(value);
    if (earlier)
      problems.add(
        row.at(key),
        T.messages.duplicate(what, value, `${earlier.at(key).tab}!${earlier.at(key).cell}`),
      );
    else first.set(value, row);
  }
}

function readGeneral(grids: WorkbookGrids, problems: Problems) {
  const found = tabGrid(grids, T.tabs.general, problems);
  const values: Partial<Record<GeneralKey, Value>> = {};
  const sources: Partial<Record<GeneralKey, Source>> = {};
  const where: Partial<Record<GeneralKey, Where>> = {};
  if (!found) return { values, sources, where };
  const { name, grid } = found;
  for (const [key, kind, required, withSource] of GENERAL_ITEMS) {
    const label = T.generalItems[key];
    const r = grid.findIndex((row) => typeof row[0] === 'string' && matchKey(row[0]) === matchKey(label));
    if (r < 0) {
      problems.add({ tab: name, cell: 'A1' }, T.messages.itemMissing(label), 'HEADER_MISSING');
      continue;
    }
    where[key] = { tab: name, cell: a1(r, 1) };
    const cell = cellAt(grid, r, 1);
    if (isBlank(cell)) {
      if (required) problems.add({ tab: name, cell: a1(r, 1) }, T.messages.required(label), 'REQUIRED');
    } else {
      const parsed = parseCell(kind, cell);
      if (parsed.ok) values[key] = parsed.value;
      else problems.add({ tab: name, cell: a1(r, 1) }, parsed.message, 'INVALID_CHOICE');
    }
    if (withSource && !isBlank(cellAt(grid, r, 2))) {
      const status = parseCell(SOURCE_COLUMNS[2]?.kind ?? K.text, cellAt(grid, r, 4));
      if (!status.ok || isBlank(cellAt(grid, r, 4))) {
        problems.add(
          { tab: name, cell: a1(r, 4) },
          status.ok ? T.messages.required(T.source.status) : status.message,
          status.ok ? 'REQUIRED' : 'INVALID_CHOICE',
        );
        continue;
      }
      const article = cellText(cellAt(grid, r, 3));
      const note = cellText(cellAt(grid, r, 5));
      sources[key] = {
        document: cellText(cellAt(grid, r, 2)),
        ...(article ? { article } : {}),
        status: status.value as Source['status'],
        ...(note ? { note } : {}),
      };
    } else if (withSource && !(OPTIONAL_GROUPS.includes(key) && values[key] === undefined)) {
      problems.add({ tab: name, cell: a1(r, 2) }, T.messages.required(T.source.document), 'REQUIRED');
    }
  }
  return { values, sources, where };
}

function readCondition(
  row: Row,
  problems: Problems,
  forms: ReadonlySet<string>,
  ratings: ReadonlySet<string>,
): Condition | undefined {
  const v = row.values;
  const label = String(v.label ?? '');
  const awards = (v.awards as readonly string[] | undefined) ?? [];
  const count = v.count as number | undefined;
  const rating = v.rating === undefined ? undefined : String(v.rating).toUpperCase();
  const M = T.messages;
  let ok = true;
  for (const code of awards)
    if (!forms.has(code)) {
      problems.add(row.at('awards'), M.unknownForm(code));
      ok = false;
    }
  if (rating !== undefined && !ratings.has(rating)) {
    problems.add(row.at('rating'), M.unknownRating(rating));
    ok = false;
  }
  const needAwards = () => {
    if (!awards.length && !row.failed.has('awards'))
      problems.add(row.at('awards'), M.needAwards(), 'REQUIRED');
    return awards.length > 0;
  };
  const needCount = () => {
    if (count === undefined && !row.failed.has('count'))
      problems.add(row.at('count'), M.needCount(), 'REQUIRED');
    return count !== undefined && count > 0;
  };
  const needRating = () => {
    if (rating === undefined && !row.failed.has('rating'))
      problems.add(row.at('rating'), M.needRating(), 'REQUIRED');
    return rating !== undefined;
  };
  switch (v.kind) {
    case 'holdsAward':
      return needAwards() && ok ? { kind: 'holdsAward', awards: [...awards], label } : undefined;
    case 'consecutiveYears': {
      const c = needCount();
      const r = needRating();
      return c && r && ok
        ? {
            kind: 'consecutiveYears',
            years: count as number,
            minimumRating: rating as string,
            afterAward: v.afterAward === true,
            label,
          }
        : undefined;
    }
    case 'awardCount':
    case 'consecutiveAward': {
      const a = needAwards();
      const c = needCount();
      return a && c && ok
        ? { kind: v.kind, award: awards[0] as string, count: count as number, label }
        : undefined;
    }
    case 'ratingCount': {
      const c = needCount();
      const r = needRating();
      return c && r && ok
        ? { kind: 'ratingCount', rating: rating as string, count: count as number, label }
        : undefined;
    }
    case 'manual':
      return { kind: 'manual', label };
    default:
      return undefined;
  }
}

export interface MovementBookResult {
  /** The movement, when the workbook has no problem; otherwise null. */
  readonly movement: Movement | null;
  readonly problems: readonly Problem[];
}

/** Reads a movement workbook: every problem with its tab and cell, and the movement when there are none. */
export function readMovementBook(grids: WorkbookGrids): MovementBookResult {
  const problems = new Problems();
  const M = T.messages;
  const general = readGeneral(grids, problems);
  const g = general.values;

  const ratings = complete(readTable(grids, TABLES.ratings, problems), TABLES.ratings, problems);
  unique(ratings, 'code', C.ratings.code, problems);
  const ratingCodes = new Set(ratings.map((r) => String(r.values.code).toUpperCase()));
  const disciplines = complete(readTable(grids, TABLES.disciplines, problems), TABLES.disciplines, problems);
  unique(disciplines, 'code', C.disciplines.code, problems);
  if (disciplines.length && disciplines.filter((d) => d.values.isDiscipline === false).length !== 1) {
    const where = disciplines[0]?.at('isDiscipline');
    if (where) problems.add(where, M.noDiscipline());
  }

  const forms = complete(readTable(grids, TABLES.forms, problems), TABLES.forms, problems);
  unique(forms, 'code', C.forms.code, problems);
  const formCodes = new Set(forms.map((f) => String(f.values.code).toUpperCase()));
  const checkForms = (row: Row, key: string, codes: readonly string[]) => {
    for (const code of codes) if (!formCodes.has(code)) problems.add(row.at(key), M.unknownForm(code));
  };

  const catalogRows = complete(readTable(grids, TABLES.catalogs, problems), TABLES.catalogs, problems);
  unique(catalogRows, 'fromYear', C.catalogs.fromYear, problems);
  for (const row of catalogRows)
    if ((row.values.toYear as number) < (row.values.fromYear as number))
      problems.add(row.at('toYear'), M.toBeforeFrom());
  type CatalogDraft = {
    fromYear: number;
    toYear: number;
    source: Source;
    collective: { items: unknown[]; vetoItems: unknown[] };
    individual: { items: unknown[]; vetoItems: unknown[] };
  };
  const catalogs = new Map<number, CatalogDraft>(
    catalogRows.map((row) => [
      row.values.fromYear as number,
      {
        fromYear: row.values.fromYear as number,
        toYear: row.values.toYear as number,
        source: sourceOf(row),
        collective: { items: [], vetoItems: [] },
        individual: { items: [], vetoItems: [] },
      },
    ]),
  );
  const criteria = complete(readTable(grids, TABLES.criteria, problems), TABLES.criteria, problems);
  const codesByCatalog = new Map<number, Row[]>();
  for (const row of criteria) {
    const v = row.values;
    const catalog = catalogs.get(v.catalog as number);
    if (!catalog) {
      problems.add(row.at('catalog'), M.unknownCatalog(String(v.catalog)));
      continue;
    }
    const code = String(v.code).toUpperCase().replace(/\s/g, '');
    const list = codesByCatalog.get(catalog.fromYear) ?? [];
    list.push(row);
    codesByCatalog.set(catalog.fromYear, list);
    const subject = catalog[v.subject as 'collective' | 'individual'];
    if (v.kind === 'scored') {
      if (!need(row, TABLES.criteria.columns, ['maxPoints'], problems)) continue;
      subject.items.push({
        code,
        title: v.title,
        maxPoints: v.maxPoints,
        leaderOnly: v.leaderOnly === true,
        weightStatus: v.status,
        ...(v.planRef ? { planRef: String(v.planRef) } : {}),
      });
    } else
      subject.vetoItems.push({
        code,
        title: v.title,
        ...(v.planRef ? { planRef: String(v.planRef) } : {}),
        enabled: v.enabled !== false,
        status: v.status,
        ...(v.note ? { note: String(v.note) } : {}),
      });
  }
  for (const rows of codesByCatalog.values()) {
    unique(rows, 'code', C.criteria.code, problems);
    const codes = rows.map((r) => String(r.values.code).toUpperCase().replace(/\s/g, ''));
    rows.forEach((row, i) => {
      const a = codes[i] ?? '';
      for (const b of codes)
        if (a !== b && b.startsWith(a) && /^\d$/.test(b.charAt(a.length)))
          problems.add(row.at('code'), M.prefix(a, b));
    });
  }

  const dated = (rows: readonly Row[]) => {
    for (const row of rows)
      if (row.values.validTo !== undefined && String(row.values.validTo) < String(row.values.validFrom))
        problems.add(row.at('validTo'), M.toBeforeFrom());
  };
  const quotas = complete(readTable(grids, TABLES.quotas, problems), TABLES.quotas, problems);
  dated(quotas);
  const eligibility = complete(readTable(grids, TABLES.eligibility, problems), TABLES.eligibility, problems);
  dated(eligibility);
  for (const row of eligibility) {
    const code = String(row.values.minimumRating).toUpperCase();
    if (!ratingCodes.has(code)) problems.add(row.at('minimumRating'), M.unknownRating(code));
  }
  const campaigns = complete(readTable(grids, TABLES.campaigns, problems), TABLES.campaigns, problems);
  for (const row of campaigns) {
    checkForms(row, 'awardForms', row.values.awardForms as readonly string[]);
    if ((row.values.toYear as number) < (row.values.fromYear as number))
      problems.add(row.at('toYear'), M.toBeforeFrom());
  }
  const legal = complete(readTable(grids, TABLES.legal, problems), TABLES.legal, problems);
  dated(legal);

  // Award rules: a rule's first row carries its form, subject, dates and source; the next rows of
  // the same id add conditions; “1.1”, “1.2” are the options of condition 1 (“Một trong các …”).
  const ruleRows = complete(readTable(grids, TABLES.rules, problems), TABLES.rules, problems, [
    'id',
    'number',
    'kind',
    'label',
  ]);
  const rules: { id: string; first: Row; conditions: Condition[]; options: Map<string, Condition[]> }[] = [];
  for (const row of ruleRows) {
    const id = String(row.values.id);
    let rule = rules.find((r) => r.id === id);
    if (!rule) {
      const columns = [...TABLES.rules.columns, ...SOURCE_COLUMNS];
      if (!need(row, columns, ['awardForm', 'subject', 'validFrom', 'srcDocument', 'srcStatus'], problems))
        continue;
      const form = String(row.values.awardForm).toUpperCase();
      if (!formCodes.has(form)) problems.add(row.at('awardForm'), M.unknownForm(form));
      dated([row]);
      rule = { id, first: row, conditions: [], options: new Map() };
      rules.push(rule);
    }
    const number = String(row.values.number).trim();
    const top = /^(\d+)$/.exec(number);
    const option = /^(\d+)\.(\d+)$/.exec(number);
    if (!top && !option) {
      problems.add(row.at('number'), M.badNumber(number));
      continue;
    }
    if (row.values.kind === 'anyOf') {
      if (!top) {
        problems.add(row.at('number'), M.orphanOption(number));
        continue;
      }
      rule.options.set(number, []);
      rule.conditions.push({ kind: 'anyOf', label: String(row.values.label), options: [] });
      continue;
    }
    const condition = readCondition(row, problems, formCodes, ratingCodes);
    if (!condition) continue;
    if (option) {
      const list = rule.options.get(option[1] ?? '');
      if (!list) {
        problems.add(row.at('number'), M.orphanOption(number));
        continue;
      }
      list.push(condition);
    } else rule.conditions.push(condition);
  }
  // Attach options to their anyOf, in the order written.
  for (const rule of rules) {
    const anyOfs = [...rule.options.entries()];
    rule.conditions = rule.conditions.map((c) => {
      if (c.kind !== 'anyOf') return c;
      const [, options] = anyOfs.shift() ?? ['', []];
      return { ...c, options: options as Exclude<Condition, { kind: 'anyOf' }>[] };
    });
  }

  if (problems.list.length) return { movement: null, problems: problems.list };

  // Every cell read: assemble, then let the movement schema judge what remains (dates in order,
  // anyOf with fewer than two options, …), each issue placed at the cell it came from.
  const where = new Map<string, Where>();
  const mark = (path: string, row: Row, keys: Record<string, string>) => {
    where.set(path, row.at(Object.values(keys)[0] ?? ''));
    for (const [field, key] of Object.entries(keys)) where.set(`${path}.${field}`, row.at(key));
  };
  const sel = g.selectionIndividual && g.selectionCollective;
  const raw = {
    id: g.id,
    name: g.name,
    plan: { number: g.planNumber, date: g.planDate, issuer: g.planIssuer },
    legalBases: legal.map((row, i) => {
      mark(`legalBases.${i}`, row, { text: 'text', validFrom: 'validFrom', validTo: 'validTo' });
      return {
        text: row.values.text,
        validFrom: row.values.validFrom,
        ...(row.values.validTo ? { validTo: row.values.validTo } : {}),
        source: sourceOf(row),
      };
    }),
    period: { from: g.periodFrom, to: g.periodTo },
    ...(g.deadline
      ? {
          submissionDeadline: {
            month: (g.deadline as { month: number }).month,
            day: (g.deadline as { day: number }).day,
            source: general.sources.deadline,
          },
        }
      : {}),
    emulationYear: {
      startMonth: (g.yearStart as { month: number } | undefined)?.month,
      startDay: (g.yearStart as { day: number } | undefined)?.day,
      source: general.sources.yearStart,
    },
    ratings: ratings.map((row) => ({
      code: String(row.values.code).toUpperCase(),
      label: row.values.label,
      rank: row.values.rank,
    })),
    disciplines: disciplines.map((row) => ({
      code: String(row.values.code).toUpperCase(),
      label: row.values.label,
      isDiscipline: row.values.isDiscipline,
    })),
    catalogs: [...catalogs.values()].map((c, i) => {
      const row = catalogRows.find((r) => r.values.fromYear === c.fromYear);
      if (row) mark(`catalogs.${i}`, row, { fromYear: 'fromYear', toYear: 'toYear' });
      return c;
    }),
    quotaPolicies: quotas.map((row, i) => {
      mark(`quotaPolicies.${i}`, row, {
        id: 'id',
        validFrom: 'validFrom',
        validTo: 'validTo',
        collective: 'collective',
        individual: 'individual',
      });
      const v = row.values;
      return {
        id: v.id,
        validFrom: v.validFrom,
        validTo: v.validTo ?? OPEN_END,
        collective: v.collective,
        individual: v.individual,
        rounding: v.rounding,
        ...(v.roundingNote ? { roundingNote: v.roundingNote } : {}),
        collectiveBase: v.collectiveBase,
        individualBase: v.individualBase,
        source: sourceOf(row),
      };
    }),
    eligibilityPolicies: eligibility.map((row, i) => {
      mark(`eligibilityPolicies.${i}`, row, { id: 'id', validFrom: 'validFrom', validTo: 'validTo' });
      const v = row.values;
      return {
        id: v.id,
        validFrom: v.validFrom,
        validTo: v.validTo ?? OPEN_END,
        individual: {
          minimumRating: String(v.minimumRating).toUpperCase(),
          disciplineDisqualifies: v.disciplineDisqualifies,
          vetoDisqualifies: v.individualVeto,
        },
        collective: { vetoDisqualifies: v.collectiveVeto },
        source: sourceOf(row),
      };
    }),
    awardForms: forms.map((row, i) => {
      mark(`awardForms.${i}`, row, {
        code: 'code',
        name: 'name',
        shortName: 'shortName',
        subjects: 'collective',
      });
      const v = row.values;
      return {
        code: String(v.code).toUpperCase(),
        name: v.name,
        ...(v.shortName ? { shortName: v.shortName } : {}),
        subjects: [...(v.collective ? ['collective'] : []), ...(v.individual ? ['individual'] : [])],
        source: sourceOf(row),
      };
    }),
    campaigns: campaigns.map((row, i) => {
      mark(`campaigns.${i}`, row, {
        kind: 'kind',
        fromYear: 'fromYear',
        toYear: 'toYear',
        awardForms: 'awardForms',
      });
      const v = row.values;
      return {
        kind: v.kind,
        fromYear: v.fromYear,
        toYear: v.toYear,
        ...(v.reviewYear !== undefined ? { reviewYear: v.reviewYear } : {}),
        ...(v.reviewDate !== undefined ? { reviewDate: v.reviewDate } : {}),
        awardForms: v.awardForms,
        source: sourceOf(row),
      };
    }),
    roundRanking: {
      policy: g.roundPolicy,
      minYears: g.roundMinYears,
      ...(sel
        ? {
            selection: {
              individual: g.selectionIndividual,
              collective: g.selectionCollective,
              rounding: g.selectionRounding ?? 'down',
              source: general.sources.selectionIndividual,
            },
          }
        : {}),
      note: g.roundNote,
      source: general.sources.roundPolicy,
    },
    awardRules: rules.map((rule, i) => {
      mark(`awardRules.${i}`, rule.first, {
        id: 'id',
        awardForm: 'awardForm',
        validFrom: 'validFrom',
        validTo: 'validTo',
        conditions: 'kind',
      });
      const v = rule.first.values;
      return {
        id: rule.id,
        awardForm: String(v.awardForm).toUpperCase(),
        subject: v.subject,
        validFrom: v.validFrom,
        validTo: v.validTo ?? OPEN_END,
        source: sourceOf(rule.first),
        conditions: rule.conditions,
      };
    }),
    blockingRules: {
      source: general.sources.disciplineBreaksChain,
      disciplineBreaksChain: g.disciplineBreaksChain,
      pendingBlocks: g.pendingBlocks ?? [],
    },
    tieBreakers: { womenPriority: { enabled: g.womenPriority, source: general.sources.womenPriority } },
  };
  const generalPaths: Record<string, GeneralKey> = {
    id: 'id',
    name: 'name',
    plan: 'planNumber',
    'plan.date': 'planDate',
    'plan.issuer': 'planIssuer',
    period: 'periodFrom',
    'period.to': 'periodTo',
    emulationYear: 'yearStart',
    submissionDeadline: 'deadline',
    roundRanking: 'roundPolicy',
    'roundRanking.minYears': 'roundMinYears',
    'roundRanking.selection': 'selectionIndividual',
    blockingRules: 'disciplineBreaksChain',
    'blockingRules.pendingBlocks': 'pendingBlocks',
    tieBreakers: 'womenPriority',
  };
  for (const [path, key] of Object.entries(generalPaths)) {
    const at = general.where[key];
    if (at) where.set(path, at);
  }
  const parsed = movementSchema.safeParse(raw);
  if (parsed.success) return { movement: parsed.data, problems: [] };
  const list = parsed.error.issues.map((issue): Problem => {
    const segments = issue.path.map(String);
    let at: Where | undefined;
    for (let n = segments.length; n >= 0 && !at; n--) at = where.get(segments.slice(0, n).join('.'));
    return {
      severity: 'error',
      tab: at?.tab ?? T.tabs.general,
      cell: at?.cell ?? '',
      code: 'MOVEMENT_INVALID',
      message: M.invalid(`${segments.join('.') || 'phong trào'}: ${issue.message}`),
    };
  });
  return { movement: null, problems: list };
}
