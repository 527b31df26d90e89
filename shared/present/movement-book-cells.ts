/** Reading the movement workbook's cells back: each by its column's kind, each problem with its tab and cell. */

import { a1, type Cell, cellAt, findTab, type Grid, type WorkbookGrids } from '../domain/grid.ts';
import { isBlank, matchKey } from '../domain/text.ts';
import type { Condition } from '../movement/movement.ts';
import { MOVEMENT_BOOK as T } from '../text/movement-book.ts';
import { NO, YES } from '../text/sheets.ts';
import { cellText, dateCell } from './cell-text.ts';
import type { Problems, Where } from './movement-book.ts';
import {
  type Column,
  GENERAL_ITEMS,
  type GeneralKey,
  K,
  type Kind,
  OPTIONAL_GROUPS,
  SOURCE_COLUMNS,
  type Source,
  type Table,
  type Value,
} from './movement-book-layout.ts';

type Parsed = { ok: true; value: Value } | { ok: false; message: string };

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
      const value = dateCell(cell);
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

export interface Row {
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

export function readTable(grids: WorkbookGrids, table: Table, problems: Problems): Row[] {
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
export function need(
  row: Row,
  columns: readonly Column[],
  keys: readonly string[],
  problems: Problems,
): boolean {
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

export function sourceOf(row: Row): Source {
  const v = row.values;
  return {
    document: String(v.srcDocument ?? ''),
    ...(v.srcArticle ? { article: String(v.srcArticle) } : {}),
    status: (v.srcStatus ?? 'proposed') as Source['status'],
    ...(v.srcNote ? { note: String(v.srcNote) } : {}),
  };
}

/** Each row that has every required cell (the rest reported). */
export function complete(
  rows: readonly Row[],
  table: Table,
  problems: Problems,
  keys = requiredKeys(table),
): Row[] {
  const columns = [...table.columns, ...(table.withSource ? SOURCE_COLUMNS : [])];
  return rows.filter((row) => need(row, columns, keys, problems));
}

export function unique(rows: readonly Row[], key: string, what: string, problems: Problems) {
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

export function readGeneral(grids: WorkbookGrids, problems: Problems) {
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

export function readCondition(
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
    case 'ratingRunWithInitiatives': {
      const c = needCount();
      const r = needRating();
      const initiatives = v.initiatives as number | undefined;
      if (initiatives === undefined && !row.failed.has('initiatives'))
        problems.add(row.at('initiatives'), M.needInitiatives(), 'REQUIRED');
      return c && r && initiatives !== undefined && ok
        ? {
            kind: 'ratingRunWithInitiatives',
            years: count as number,
            rating: rating as string,
            initiatives,
            label,
          }
        : undefined;
    }
    case 'movementYears':
      return needCount() && ok ? { kind: 'movementYears', years: count as number, label } : undefined;
    case 'noDiscipline':
      return { kind: 'noDiscipline', label };
    case 'manual':
      return { kind: 'manual', label };
    default:
      return undefined;
  }
}
