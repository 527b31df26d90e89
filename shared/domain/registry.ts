/**
 * The unit registry (Danh mục đơn vị), owned by the emulation office. It, not the workbook, says
 * which unit a workbook belongs to, which units run a council, and how many people work where.
 */
import { z } from 'zod';
import { MESSAGES, REGISTRY_MESSAGES } from '../text/messages.ts';
import { REGISTRY_ALIASES, REGISTRY_HEADERS, TABS, YES } from '../text/sheets.ts';
import { a1, cellAt, findTab, type Grid, type WorkbookGrids } from './grid.ts';
import { cellRef, type Problem } from './problems.ts';
import { cellText, isBlank, matchKey, parseAmount } from './text.ts';

export const registryUnitSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  parentCode: z.string().nullable(),
  level: z.string(),
  cluster: z.string().nullable(),
  runsCouncil: z.boolean(),
  workbook: z.string().nullable(),
  headcount: z.number().int().nonnegative().nullable(),
  /** For a unit that runs a council: where its proposal workbook is written (a Google spreadsheet id). */
  proposalWorkbook: z.string().nullable(),
  /** For a unit that runs a council: the Google Drive folder its documents go into (Tờ trình, …). */
  documentsFolder: z.string().nullable().optional(),
  /** For the sector's top unit, on Google: the spreadsheet the sector status is written to. */
  statusWorkbook: z.string().nullable().optional(),
});
export type RegistryUnit = z.infer<typeof registryUnitSchema>;

/**
 * What a registry error leaves unknown. `unplaced`: a row without a code, or a unit whose parent
 * chain is broken (unknown parent, cycle) — which council it belongs to cannot be told, so no
 * council's list can be trusted. `duplicates`: codes listed twice (the first row stands).
 */
export interface RegistryFaults {
  readonly unplaced: readonly string[];
  readonly duplicates: readonly string[];
}

export interface Registry {
  readonly units: ReadonlyMap<string, RegistryUnit>;
  readonly problems: readonly Problem[];
  readonly faults?: RegistryFaults;
}

const normalizeCode = (value: string) => value.toUpperCase().replace(/\s+/g, '');

export { normalizeCode as normalizeUnitCode };

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
    const parent = normalizeCode(text(row, 'parent'));
    units.set(code, {
      code,
      name: text(row, 'name') || code,
      parentCode: parent || null,
      level: text(row, 'level'),
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
  for (const unit of units.values()) {
    const seen = new Set<string>([unit.code]);
    let current = unit.parentCode;
    while (current) {
      const parent = units.get(current);
      if (!parent) {
        invalid.add(unit.code);
        problems.push(
          registryProblem(
            a1(rowOf.get(unit.code) ?? 0, col('parent') ?? 0),
            REGISTRY_MESSAGES.unknownParent(current, unit.code),
          ),
        );
        break;
      }
      if (seen.has(current)) {
        invalid.add(unit.code);
        problems.push(
          registryProblem(
            a1(rowOf.get(unit.code) ?? 0, col('parent') ?? 0),
            REGISTRY_MESSAGES.cycle(unit.code),
          ),
        );
        break;
      }
      seen.add(current);
      current = parent.parentCode;
    }
  }
  for (const code of invalid) units.delete(code);
  unplaced.push(...invalid);
  return { units, problems, faults: { unplaced, duplicates } };
}

/** Formats the cell of a registry problem for display. */
export const registryCell = (cell: string) => cellRef(TABS.registry, cell);

/** The council that ranks a unit as a collective: the nearest unit strictly above it that runs one. */
export function collectiveCouncilOf(units: ReadonlyMap<string, RegistryUnit>, code: string): string | null {
  let current = units.get(code)?.parentCode ?? null;
  while (current) {
    const unit = units.get(current);
    if (!unit) return null;
    if (unit.runsCouncil) return unit.code;
    current = unit.parentCode;
  }
  return null;
}

/** The council that ranks the people of a unit: the nearest unit at or above it that runs one. */
export function individualCouncilOf(units: ReadonlyMap<string, RegistryUnit>, code: string): string | null {
  const unit = units.get(code);
  if (!unit) return null;
  return unit.runsCouncil ? unit.code : collectiveCouncilOf(units, code);
}
