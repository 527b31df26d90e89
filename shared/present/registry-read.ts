/**
 * Reads the unit registry (Danh mục đơn vị) from its grid: columns found by header (or their
 * aliases), rows with an error left out with a problem naming the cell, and units whose parent
 * chain is broken (the domain's rule) left out and said where.
 */
import { a1, cellAt, findTab, type Grid, type WorkbookGrids } from '../domain/grid.ts';
import { cellRef, type Problem } from '../domain/problems.ts';
import {
  brokenChains,
  normalizeUnitCode as normalizeCode,
  type Registry,
  type RegistryUnit,
} from '../domain/registry.ts';
import { isBlank, matchKey, parseAmount } from '../domain/text.ts';
import { MESSAGES, REGISTRY_MESSAGES } from '../text/messages.ts';
import { REGISTRY_ALIASES, REGISTRY_HEADERS, REGISTRY_LEVELS, TABS, YES } from '../text/sheets.ts';
import { cellText } from './cell-text.ts';

function registryProblem(cell: string, detail: string): Problem {
  return {
    severity: 'error',
    tab: TABS.registry,
    cell,
    code: 'REGISTRY_INVALID',
    message: MESSAGES.REGISTRY_INVALID(detail),
  };
}

function findHeader(
  grid: Grid,
): { row: number; columns: Map<keyof typeof REGISTRY_HEADERS, number> } | undefined {
  for (let row = 0; row < Math.min(grid.length, 10); row++) {
    const columns = new Map<keyof typeof REGISTRY_HEADERS, number>();
    const cells = grid[row] ?? [];
    for (const [key, label] of Object.entries(REGISTRY_HEADERS) as [
      keyof typeof REGISTRY_HEADERS,
      string,
    ][]) {
      const names = [label, ...(REGISTRY_ALIASES[key] ?? [])].map(matchKey);
      const col = cells.findIndex((cell) => typeof cell === 'string' && names.includes(matchKey(cell)));
      if (col >= 0) columns.set(key, col);
    }
    if (columns.has('code') && columns.has('parent')) return { row, columns };
  }
  return undefined;
}

/** Parses the registry tab. Rows with errors are left out (with a problem); the rest stand. */
export function parseRegistry(grids: WorkbookGrids): Registry {
  const tab = findTab(grids, TABS.registry, matchKey);
  const grid = tab ? grids[tab] : undefined;
  if (!grid)
    return { units: new Map(), problems: [registryProblem('', REGISTRY_MESSAGES.noTab(TABS.registry))] };
  const header = findHeader(grid);
  if (!header) return { units: new Map(), problems: [registryProblem('A1', REGISTRY_MESSAGES.noHeader())] };

  const problems: Problem[] = [];
  const unplaced: string[] = [];
  const duplicates: string[] = [];
  const units = new Map<string, RegistryUnit>();
  const rowOf = new Map<string, number>();
  const col = (key: keyof typeof REGISTRY_HEADERS) => header.columns.get(key);
  const text = (row: number, key: keyof typeof REGISTRY_HEADERS) => {
    const c = col(key);
    return c === undefined ? '' : cellText(cellAt(grid, row, c));
  };

  for (let row = header.row + 1; row < grid.length; row++) {
    if ((grid[row] ?? []).every(isBlank)) continue;
    const code = normalizeCode(text(row, 'code'));
    if (!code) {
      problems.push(registryProblem(a1(row, col('code') ?? 0), REGISTRY_MESSAGES.noCode()));
      unplaced.push(`${TABS.registry}!${a1(row, col('code') ?? 0)}`);
      continue;
    }
    if (units.has(code)) {
      problems.push(registryProblem(a1(row, col('code') ?? 0), REGISTRY_MESSAGES.duplicateCode(code)));
      duplicates.push(code);
      continue;
    }
    let headcount: number | null = null;
    const headcountCol = col('headcount');
    const rawHeadcount = headcountCol === undefined ? null : cellAt(grid, row, headcountCol);
    if (headcountCol !== undefined && !isBlank(rawHeadcount)) {
      const parsed = parseAmount(rawHeadcount);
      if (!parsed.ok || parsed.hundredths < 0 || parsed.hundredths % 100 !== 0) {
        problems.push(registryProblem(a1(row, headcountCol), REGISTRY_MESSAGES.badHeadcount(code)));
        unplaced.push(code);
        continue;
      }
      headcount = parsed.hundredths / 100;
    }
    const level = text(row, 'level');
    if (level && !REGISTRY_LEVELS.some((l) => matchKey(l) === matchKey(level)))
      problems.push({
        ...registryProblem(
          a1(row, col('level') ?? 0),
          REGISTRY_MESSAGES.unknownLevel(level, code, REGISTRY_LEVELS),
        ),
        severity: 'warning',
      });
    const parent = normalizeCode(text(row, 'parent'));
    units.set(code, {
      code,
      name: text(row, 'name') || code,
      parentCode: parent || null,
      level,
      cluster: text(row, 'cluster') || null,
      runsCouncil: matchKey(text(row, 'council')) === matchKey(YES),
      workbook: text(row, 'workbook') || null,
      headcount,
      proposalWorkbook: text(row, 'proposal') || null,
      documentsFolder: text(row, 'documents') || null,
      statusWorkbook: text(row, 'status') || null,
    });
    rowOf.set(code, row);
  }

  // Unknown parents and cycles make a unit unplaceable: leave it out, say where.
  const invalid = new Set<string>();
  for (const chain of brokenChains(units)) {
    invalid.add(chain.code);
    const detail =
      chain.fault === 'cycle'
        ? REGISTRY_MESSAGES.cycle(chain.code)
        : REGISTRY_MESSAGES.unknownParent(chain.parent, chain.code);
    problems.push(registryProblem(a1(rowOf.get(chain.code) ?? 0, col('parent') ?? 0), detail));
  }
  for (const code of invalid) units.delete(code);
  unplaced.push(...invalid);
  return { units, problems, faults: { unplaced, duplicates } };
}

/** Formats the cell of a registry problem for display. */
export const registryCell = (cell: string) => cellRef(TABS.registry, cell);
