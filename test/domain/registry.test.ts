import { describe, expect, it } from 'vitest';
import { collectiveCouncilOf, individualCouncilOf } from '../../shared/domain/registry.ts';
import { registryWorkbookModel } from '../../shared/present/registry-book.ts';
import { parseRegistry } from '../../shared/present/registry-read.ts';
import { gridsOf, unit } from '../helpers/fixtures.ts';

const sector = [
  unit('TC', { runsCouncil: true }),
  unit('TC-V1', { parentCode: 'TC', headcount: 30 }),
  unit('T01', { parentCode: 'TC', runsCouncil: true, headcount: 40 }),
  unit('T01-P1', { parentCode: 'T01', headcount: 12 }),
  unit('T01-KV1', { parentCode: 'T01', headcount: 20 }),
];

describe('parseRegistry', () => {
  it('reads back what the template writes', () => {
    const registry = parseRegistry(gridsOf(registryWorkbookModel(sector)));
    expect(registry.problems).toEqual([]);
    expect([...registry.units.values()]).toEqual(sector);
  });

  it('leaves out bad rows with a message naming the cell, and keeps the rest', () => {
    const grids = gridsOf(
      registryWorkbookModel([
        ...sector,
        unit('T01-P1'),
        unit('X1', { parentCode: 'NOPE' }),
        unit('C1', { parentCode: 'C2' }),
        unit('C2', { parentCode: 'C1' }),
      ]),
    );
    const registry = parseRegistry(grids);
    expect([...registry.units.keys()].sort()).toEqual(['T01', 'T01-KV1', 'T01-P1', 'TC', 'TC-V1']);
    expect(registry.problems.map((p) => p.cell)).toEqual(['A7', 'C8', 'C9', 'C10']);
    expect(registry.problems[0]?.message).toContain('T01-P1');
  });

  it('normalises codes typed with spaces or in lower case', () => {
    const grids = gridsOf(
      registryWorkbookModel([unit(' tc ', { runsCouncil: true }), unit('tc-v1', { parentCode: 'T C' })]),
    );
    expect([...parseRegistry(grids).units.keys()]).toEqual(['TC', 'TC-V1']);
  });
});

describe('which council ranks whom', () => {
  const units = new Map(sector.map((u) => [u.code, u]));
  it.each([
    ['TC', null, 'TC'],
    ['TC-V1', 'TC', 'TC'],
    ['T01', 'TC', 'T01'],
    ['T01-P1', 'T01', 'T01'],
    ['T01-KV1', 'T01', 'T01'],
  ])('%s: collective by %s, people by %s', (code, collective, individual) => {
    expect(collectiveCouncilOf(units, code)).toBe(collective);
    expect(individualCouncilOf(units, code)).toBe(individual);
  });
});
