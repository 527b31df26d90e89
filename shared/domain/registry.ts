/**
 * The unit registry (Danh mục đơn vị), owned by the emulation office. It, not the workbook, says
 * which unit a workbook belongs to, which units run a council, and how many people work where.
 */
import { z } from 'zod';
import type { Problem } from './problems.ts';

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

/** A unit whose chain of parents does not reach the top: a parent not listed, or a loop. */
export interface BrokenChain {
  readonly code: string;
  readonly fault: 'unknownParent' | 'cycle';
  /** The parent code that is not in the registry (for `unknownParent`). */
  readonly parent: string;
}

/**
 * The units that cannot be placed under a council: walking up their parents meets a code the
 * registry does not hold, or comes back to itself. In registry order; one entry per unit.
 */
export function brokenChains(units: ReadonlyMap<string, RegistryUnit>): BrokenChain[] {
  const broken: BrokenChain[] = [];
  for (const unit of units.values()) {
    const seen = new Set<string>([unit.code]);
    let current = unit.parentCode;
    while (current) {
      const parent = units.get(current);
      if (!parent) {
        broken.push({ code: unit.code, fault: 'unknownParent', parent: current });
        break;
      }
      if (seen.has(current)) {
        broken.push({ code: unit.code, fault: 'cycle', parent: current });
        break;
      }
      seen.add(current);
      current = parent.parentCode;
    }
  }
  return broken;
}

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
