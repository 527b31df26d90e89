/**
 * Reads a movement workbook back: every problem with its tab and cell and, when there are none,
 * the same Movement the JSON file gives (validated by the same schema). Pure: grids in, data out.
 * Steps: the general tab → the reference tables (ratings, disciplines, forms) → the catalogs and
 * their criteria → the dated policies → the award rules; then, with no problem so far, the whole
 * is assembled and judged by the movement schema (movement-book-judge.ts).
 */

import type { WorkbookGrids } from '../domain/grid.ts';
import type { Problem } from '../domain/problems.ts';
import type { Condition, Movement } from '../movement/movement.ts';
import { MOVEMENT_BOOK as T } from '../text/movement-book.ts';
import { Problems } from './movement-book.ts';
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
import { type CatalogDraft, judgeMovement, type RuleDraft } from './movement-book-judge.ts';
import { C, SOURCE_COLUMNS, TABLES } from './movement-book-layout.ts';

const M = T.messages;

/** Reads a movement workbook: every problem with its tab and cell, and the movement when there are none. */
export function readMovementBook(grids: WorkbookGrids): {
  movement: Movement | null;
  problems: readonly Problem[];
} {
  const problems = new Problems();
  const general = readGeneral(grids, problems);
  const ref = readReference(grids, problems);
  const catalogs = readCatalogs(grids, problems);
  const policies = readPolicies(grids, problems, ref);
  const rules = readRules(grids, problems, ref);
  if (problems.list.length) return { movement: null, problems: problems.list };
  return judgeMovement({ general, ...ref, ...catalogs, ...policies, rules });
}

type Reference = ReturnType<typeof readReference>;

/** Ratings, disciplines (exactly one “no discipline”) and award forms, each code once. */
function readReference(grids: WorkbookGrids, problems: Problems) {
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
  return { ratings, ratingCodes, disciplines, forms, formCodes };
}

/** The criteria catalogs and their criteria (scored and veto), by the year each starts. */
function readCatalogs(grids: WorkbookGrids, problems: Problems) {
  const catalogRows = complete(readTable(grids, TABLES.catalogs, problems), TABLES.catalogs, problems);
  unique(catalogRows, 'fromYear', C.catalogs.fromYear, problems);
  for (const row of catalogRows)
    if ((row.values.toYear as number) < (row.values.fromYear as number))
      problems.add(row.at('toYear'), M.toBeforeFrom());
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
  return { catalogRows, catalogs };
}

/** A dated row whose end comes before its start is a problem at its end cell. */
function checkDated(problems: Problems, rows: readonly Row[]) {
  for (const row of rows)
    if (row.values.validTo !== undefined && String(row.values.validTo) < String(row.values.validFrom))
      problems.add(row.at('validTo'), M.toBeforeFrom());
}

/** The dated policies: quotas, eligibility, rounds (campaigns) and the legal bases. */
function readPolicies(grids: WorkbookGrids, problems: Problems, ref: Reference) {
  const quotas = complete(readTable(grids, TABLES.quotas, problems), TABLES.quotas, problems);
  checkDated(problems, quotas);
  const eligibility = complete(readTable(grids, TABLES.eligibility, problems), TABLES.eligibility, problems);
  checkDated(problems, eligibility);
  for (const row of eligibility) {
    const code = String(row.values.minimumRating).toUpperCase();
    if (!ref.ratingCodes.has(code)) problems.add(row.at('minimumRating'), M.unknownRating(code));
  }
  const campaigns = complete(readTable(grids, TABLES.campaigns, problems), TABLES.campaigns, problems);
  for (const row of campaigns) {
    for (const code of row.values.awardForms as readonly string[])
      if (!ref.formCodes.has(code)) problems.add(row.at('awardForms'), M.unknownForm(code));
    if ((row.values.toYear as number) < (row.values.fromYear as number))
      problems.add(row.at('toYear'), M.toBeforeFrom());
  }
  const legal = complete(readTable(grids, TABLES.legal, problems), TABLES.legal, problems);
  checkDated(problems, legal);
  // Older workbooks have no tiers tab: their rounds give every proposed candidate the first form.
  const tiers = grids[TABLES.tiers.tab]
    ? complete(readTable(grids, TABLES.tiers, problems), TABLES.tiers, problems)
    : [];
  for (const row of tiers) {
    const form = String(row.values.form).toUpperCase();
    const campaign = campaigns.find((c) => c.values.kind === row.values.kind);
    if (campaign && !(campaign.values.awardForms as readonly string[]).includes(form))
      problems.add(
        row.at('form'),
        M.notTierForm(form, String(T.choices.campaign[row.values.kind as 'final'] ?? '')),
      );
  }
  return { quotas, eligibility, campaigns, legal, tiers };
}

/**
 * Award rules: a rule's first row carries its form, subject, dates and source; the next rows of
 * the same id add conditions; “1.1”, “1.2” are the options of condition 1 (“Một trong các …”).
 */
function readRules(grids: WorkbookGrids, problems: Problems, ref: Reference): RuleDraft[] {
  const ruleRows = complete(readTable(grids, TABLES.rules, problems), TABLES.rules, problems, [
    'id',
    'number',
    'kind',
    'label',
  ]);
  const rules: RuleDraft[] = [];
  for (const row of ruleRows) {
    const id = String(row.values.id);
    let rule = rules.find((r) => r.id === id);
    if (!rule) {
      const columns = [...TABLES.rules.columns, ...SOURCE_COLUMNS];
      if (!need(row, columns, ['awardForm', 'subject', 'validFrom', 'srcDocument', 'srcStatus'], problems))
        continue;
      const form = String(row.values.awardForm).toUpperCase();
      if (!ref.formCodes.has(form)) problems.add(row.at('awardForm'), M.unknownForm(form));
      checkDated(problems, [row]);
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
    const condition = readCondition(row, problems, ref.formCodes, ref.ratingCodes);
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
  return rules;
}
