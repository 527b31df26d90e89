/** The movement workbook's layout: its tables, columns and their kinds, the general items, and how a value is shown in a cell. */

import type { Cell } from '../domain/grid.ts';
import type { sourceSchema } from '../movement/movement.ts';
import { MOVEMENT_BOOK as T } from '../text/movement-book.ts';
import { NO, YES } from '../text/sheets.ts';

export type Source = ReturnType<typeof sourceSchema.parse>;
type Choices = Readonly<Record<string, string>>;

/** How a column's cells are written and read. */
export type Kind =
  | { readonly t: 'text' | 'long' | 'int' | 'decimal' | 'date' | 'dayMonth' | 'yesNo' | 'fraction' }
  | { readonly t: 'codes' | 'list' }
  | { readonly t: 'choice'; readonly options: Choices };

export type Value =
  | string
  | number
  | boolean
  | readonly string[]
  | { readonly numerator: number; readonly denominator: number }
  | { readonly day: number; readonly month: number };

export interface Column {
  readonly key: string;
  readonly header: string;
  readonly kind: Kind;
  readonly width: number;
  readonly required?: boolean;
}

export interface Table {
  readonly tab: string;
  readonly columns: readonly Column[];
  readonly withSource?: boolean;
}

export const K = {
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
export const choice = (options: Choices): Kind => ({ t: 'choice', options });

export const SOURCE_COLUMNS: readonly Column[] = [
  { key: 'srcDocument', header: T.source.document, kind: K.text, width: 30, required: true },
  { key: 'srcArticle', header: T.source.article, kind: K.text, width: 14 },
  { key: 'srcStatus', header: T.source.status, kind: choice(T.sourceStatus), width: 22, required: true },
  { key: 'srcNote', header: T.source.note, kind: K.long, width: 60 },
];

export const col = (key: string, header: string, kind: Kind, width: number, required = false): Column => ({
  key,
  header,
  kind,
  width,
  required,
});

export const C = T.columns;
export const TABLES = {
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
      col('impliesRating', C.forms.impliesRating, K.text, 24),
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
      col('initiatives', C.rules.initiatives, K.int, 9),
      col('basis', C.rules.basis, choice(T.choices.basis), 18),
      col('label', C.rules.label, K.long, 44, true),
    ],
  },
  tiers: {
    tab: T.tabs.tiers,
    withSource: true,
    columns: [
      col('kind', C.tiers.kind, choice(T.choices.campaign), 11, true),
      col('subject', C.tiers.subject, choice(T.choices.subject), 10, true),
      col('form', C.tiers.form, K.text, 12, true),
      col('share', C.tiers.share, K.fraction, 12),
      col('count', C.tiers.count, K.int, 12),
      col('rounding', C.tiers.rounding, choice(T.choices.rounding), 16),
      col('sectorLimit', C.tiers.sectorLimit, K.int, 12),
    ],
  },
} as const satisfies Record<string, Table>;

/** The rows of the key/value tab “Phong trào”: item, kind, required, and the source it carries. */
export const GENERAL_ITEMS = [
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
export type GeneralKey = (typeof GENERAL_ITEMS)[number][0];
/** Rows whose source is needed only when a value is given (an optional rule). */
export const OPTIONAL_GROUPS: readonly GeneralKey[] = ['selectionIndividual', 'deadline'];
export const GENERAL_WIDTHS = [44, 40, ...SOURCE_COLUMNS.map((c) => c.width)];

// ————————————————————————————————————————— writing

export const pad = (n: number) => String(n).padStart(2, '0');
export const OPEN_END = '9999-12-31';

/** A value as the office reads it in the cell. */
export function show(kind: Kind, value: Value | undefined | null): Cell {
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
export const choicesOf = (kind: Kind): readonly string[] | null =>
  kind.t === 'choice' ? Object.values(kind.options) : kind.t === 'yesNo' ? [YES, NO] : null;
