/**
 * The movement workbook's tables, every cell read, assembled into the movement file's shape and
 * judged by the movement schema, each issue placed back at the cell it came from (dates in order,
 * a “one of” with fewer than two options, …).
 */

import type { Problem } from '../domain/problems.ts';
import { type Condition, type Movement, movementSchema } from '../movement/movement.ts';
import { MOVEMENT_BOOK as T } from '../text/movement-book.ts';
import type { Where } from './movement-book.ts';
import { type Row, type readGeneral, sourceOf } from './movement-book-cells.ts';
import { type GeneralKey, OPEN_END, type Source } from './movement-book-layout.ts';
import { movementIssueText } from './movement-issues.ts';

/** A catalog as its rows and criteria build it, before the schema judges it. */
export interface CatalogDraft {
  fromYear: number;
  toYear: number;
  source: Source;
  collective: { items: unknown[]; vetoItems: unknown[] };
  individual: { items: unknown[]; vetoItems: unknown[] };
}

/** An award rule as its rows build it: the first row, its conditions, the options of its “one of”. */
export interface RuleDraft {
  id: string;
  first: Row;
  conditions: Condition[];
  options: Map<string, Condition[]>;
}

/** Every table of the workbook, read and checked cell by cell. */
export interface MovementTables {
  readonly general: ReturnType<typeof readGeneral>;
  readonly ratings: Row[];
  readonly disciplines: Row[];
  readonly forms: Row[];
  readonly catalogRows: Row[];
  readonly catalogs: Map<number, CatalogDraft>;
  readonly quotas: Row[];
  readonly eligibility: Row[];
  readonly campaigns: Row[];
  readonly legal: Row[];
  readonly tiers: Row[];
  readonly rules: RuleDraft[];
}

/** The movement the tables describe, or the schema's problems at their cells. */
export function judgeMovement(tables: MovementTables): {
  movement: Movement | null;
  problems: readonly Problem[];
} {
  const { raw, where } = assembleMovement(tables);
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
      message: movementIssueText(issue),
    };
  });
  return { movement: null, problems: list };
}

/** The movement file's shape from the tables, and where each of its paths came from. */
function assembleMovement(tables: MovementTables) {
  const {
    general,
    ratings,
    disciplines,
    forms,
    catalogRows,
    catalogs,
    quotas,
    eligibility,
    campaigns,
    legal,
    rules,
    tiers,
  } = tables;
  const g = general.values;
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
        impliesRating: 'impliesRating',
      });
      const v = row.values;
      return {
        code: String(v.code).toUpperCase(),
        name: v.name,
        ...(v.shortName ? { shortName: v.shortName } : {}),
        ...(v.impliesRating ? { impliesRating: String(v.impliesRating).toUpperCase() } : {}),
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
        formTiers: tiers
          .filter((t) => t.values.kind === v.kind)
          .map((t, k) => {
            mark(`campaigns.${i}.formTiers.${k}`, t, { form: 'form', share: 'share', count: 'count' });
            const tv = t.values;
            return {
              subject: tv.subject,
              form: String(tv.form).toUpperCase(),
              ...(tv.share !== undefined ? { share: tv.share } : {}),
              ...(tv.count !== undefined ? { count: tv.count } : {}),
              rounding: tv.rounding ?? 'down',
              ...(tv.sectorLimit !== undefined ? { sectorLimit: tv.sectorLimit } : {}),
              source: sourceOf(t),
            };
          }),
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
        basis: v.basis ?? 'merit',
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
  return { raw, where };
}
