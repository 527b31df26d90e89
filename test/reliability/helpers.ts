/** Shared set-ups of the fault tests: a small sector of real `.xlsx` files on disk. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { XlsxWorkbooks } from '../../shared/adapters/xlsx/workbooks.ts';
import type { Registry, RegistryUnit } from '../../shared/domain/registry.ts';
import { unitWorkbookModel } from '../../shared/present/unit-template.ts';
import { catalog, movement, type PersonRow, personRow, unit, YEAR } from '../helpers/fixtures.ts';

export const people = (prefix: string, n = 5): PersonRow[] =>
  Array.from({ length: n }, (_, i) => ({
    staffId: `${prefix}-${i}`,
    name: `Nguyễn Văn ${prefix} ${i}`,
    scores: [20, 20, 15, 15, 15, 5, 10 - i, null],
  }));

export const registryOf = (units: readonly RegistryUnit[]): Registry => ({
  units: new Map(units.map((u) => [u.code, u])),
  problems: [],
});

/** A council HD (its own unit has no workbook) over units A, B, C…, each with 5 people and a headcount of 10. */
export function smallSector(codes: readonly string[] = ['A', 'B', 'C']): Registry {
  return registryOf([
    unit('HD', { runsCouncil: true, headcount: 0, workbook: null }),
    ...codes.map((code) => unit(code, { parentCode: 'HD', headcount: 10 })),
  ]);
}

export async function tempDir(name: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `thidua-${name}-`));
}

/** Writes unit `code`'s filled workbook where the registry fixture expects it. */
export async function writeUnitXlsx(workbooks: XlsxWorkbooks, code: string, rows = people(code)) {
  await workbooks.writeOwnedWorkbook(
    `bang-diem/${code}.xlsx`,
    unitWorkbookModel({
      movement,
      catalog,
      year: YEAR,
      unit: { code, name: `Đơn vị ${code}` },
      people: rows.map(personRow),
      collectiveScores: [...catalog.collective.items.map((i) => i.maxPoints - 2), 'Không'],
    }),
  );
}

export const syncInput = (registry: Registry, now = '2025-06-10T01:00:00.000Z') => ({
  movement,
  catalog,
  year: YEAR,
  registry,
  now,
});
