/** Reads a movement workbook back: every problem with its tab and cell and, when there are none, the same Movement the JSON file gives (validated by the same schema). Pure: grids in, data out. */

import type { WorkbookGrids } from '../domain/grid.ts';
import type { Problem } from '../domain/problems.ts';
import { type Condition, type Movement, movementSchema } from '../movement/movement.ts';
import { MOVEMENT_BOOK as T } from '../text/movement-book.ts';
import { Problems, type Where } from './movement-book.ts';
import {
  complete,
  need,
  type Row,
  readCondition,
  readGeneral,
  readTable,
  sourceOf,
  unique,
} from './movement-book-cells.ts';
import { C, type GeneralKey, OPEN_END, SOURCE_COLUMNS, type Source, TABLES } from './movement-book-layout.ts';

/** Reads a movement workbook: every problem with its tab and cell, and the movement when there are none. */
export function readMovementBook(grids: WorkbookGrids): {
  movement: Movement | null;
  problems: readonly Problem[];
} {
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
