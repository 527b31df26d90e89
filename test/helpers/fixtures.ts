/** Test fixtures: the default movement, and unit workbooks as grids built from the real template. */

import { modelGrids } from '../../shared/adapters/memory/workbooks.ts';
import type { Cell, WorkbookGrids } from '../../shared/domain/grid.ts';
import type { RegistryUnit } from '../../shared/domain/registry.ts';
import { type Catalog, catalogFor, type Movement, parseMovement } from '../../shared/movement/movement.ts';
import movementJson from '../../shared/movement/movement-2019-2025.json' with { type: 'json' };
import { unitWorkbookModel } from '../../shared/present/unit-template.ts';

export const movement: Movement = parseMovement(movementJson);
export const YEAR = 2024;
export const catalog: Catalog = catalogFor(movement, YEAR) as Catalog;

/** The movement with its collective veto (LTT1, off by default) switched on, as the office may. */
export const vetoMovement: Movement = {
  ...movement,
  catalogs: movement.catalogs.map((c) => ({
    ...c,
    collective: { ...c.collective, vetoItems: c.collective.vetoItems.map((v) => ({ ...v, enabled: true })) },
  })),
};
export const vetoCatalog: Catalog = catalogFor(vetoMovement, YEAR) as Catalog;

/** A model's tabs as the grids a reader gets back (formulas as their computed results). */
export const gridsOf = modelGrids;

export interface PersonRow {
  staffId: string;
  name: string;
  leader?: boolean;
  gender?: 'Nam' | 'Nữ';
  rating?: string;
  discipline?: string;
  /** CN1..CN7 (and CN8 for leaders); defaults to full marks. */
  scores?: Cell[];
}

export function personRow(p: PersonRow, index = 0): Cell[] {
  const items = catalog.individual.items;
  const scores = p.scores ?? items.map((item) => (item.leaderOnly && !p.leader ? null : item.maxPoints));
  return [
    index + 1,
    p.staffId,
    p.name,
    p.leader ? 'Trưởng phòng' : 'Kiểm sát viên',
    p.leader ? 'Có' : 'Không',
    p.gender ?? 'Nam',
    p.rating ?? 'Hoàn thành tốt nhiệm vụ',
    p.discipline ?? 'Không',
    ...scores,
    null,
    '',
  ];
}

export const unit = (code: string, extra: Partial<RegistryUnit> = {}): RegistryUnit => ({
  code,
  name: `Đơn vị ${code}`,
  parentCode: null,
  level: '',
  cluster: null,
  runsCouncil: false,
  workbook: `bang-diem/${code}.xlsx`,
  headcount: null,
  proposalWorkbook: null,
  documentsFolder: null,
  statusWorkbook: null,
  ...extra,
});

/** A valid workbook of `code` with the given people (as the template would be filled in). */
export function unitGrids(
  code: string,
  people: PersonRow[],
  collective?: Cell[],
  withVeto = false,
): WorkbookGrids {
  return gridsOf(
    unitWorkbookModel({
      movement: withVeto ? vetoMovement : movement,
      catalog: withVeto ? vetoCatalog : catalog,
      year: YEAR,
      unit: { code, name: `Đơn vị ${code}` },
      people: people.map(personRow),
      collectiveScores: collective ?? [
        ...catalog.collective.items.map((i) => i.maxPoints - 2),
        ...(withVeto ? ['Không'] : []),
      ],
    }),
  );
}

/** Sets one cell (0-based) of a tab in place, growing rows as needed. */
export function setCell(
  grids: WorkbookGrids,
  tab: string,
  row: number,
  col: number,
  value: Cell,
): WorkbookGrids {
  const grid = grids[tab] ?? [];
  while (grid.length <= row) grid.push([]);
  const r = grid[row] ?? [];
  while (r.length <= col) r.push(null);
  r[col] = value;
  grid[row] = r;
  grids[tab] = grid;
  return grids;
}
