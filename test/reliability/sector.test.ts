/**
 * Faults 6–9: nothing one unit, the registry or a second run does can skew a council's list.
 *  6. Two runs on one store never interleave (a lease); propose reads the stored states.
 *  7. A staff id listed by two units is ranked by neither, each told which other unit lists it.
 *  8. A missing headcount or a broken registry withholds the councils it touches.
 *  9. A unit that could not be read withholds its councils; the CLI exits non-zero.
 */
import { describe, expect, it } from 'vitest';
import { DynamoLeases } from '../../shared/adapters/dynamodb/leases.ts';
import { MemoryWorkbooks, modelGrids } from '../../shared/adapters/memory/workbooks.ts';
import { withRunLease } from '../../shared/app/lease.ts';
import { because } from '../../shared/domain/reasons.ts';
import { type SheetSource, StoreBusyError } from '../../shared/ports/index.ts';
import { registryWorkbookModel } from '../../shared/present/registry-book.ts';
import { parseRegistry } from '../../shared/present/registry-read.ts';
import { reasonText } from '../../shared/text/proposals.ts';
import { proposeAwards } from '../../shared/usecases/propose.ts';
import { syncUnits } from '../../shared/usecases/sync.ts';
import { movement, unit, unitGrids, YEAR } from '../helpers/fixtures.ts';
import { type TestStore, useStore } from '../helpers/store.ts';
import { feedbackProblems } from '../helpers/tables.ts';
import { people, registryOf, syncInput } from './helpers.ts';

const stores = useStore();
let db: TestStore | undefined;

/** Unit workbooks in memory (the medium is not what these faults are about). */
function sector(registry: ReturnType<typeof registryOf>, rows: Record<string, ReturnType<typeof people>>) {
  const books = new MemoryWorkbooks();
  for (const u of registry.units.values())
    if (u.workbook) books.set(u.workbook, unitGrids(u.code, rows[u.code] ?? people(u.code)));
  return books;
}

const proposeInput = (registry: ReturnType<typeof registryOf>) => ({
  movement,
  year: YEAR,
  registry,
  proposalLocation: (council: string) => `de-nghi-${council}.xlsx`,
});

describe('fault 6: two runs at once', () => {
  it('never interleave on one store: the second is refused with who holds it, the first finishes', async () => {
    db = await stores.fresh();
    const leases = new DynamoLeases(db.client, db.table);
    let release: () => void = () => {};
    const first = withRunLease(
      leases,
      { holder: 'run-1' },
      () => new Promise<string>((r) => (release = () => r('done'))),
    );
    await new Promise((r) => setTimeout(r, 50));
    await expect(withRunLease(leases, { holder: 'run-2' }, async () => 'ran')).rejects.toBeInstanceOf(
      StoreBusyError,
    );
    release();
    expect(await first).toBe('done');
    // Released: the next run takes it.
    expect(await withRunLease(leases, { holder: 'run-3' }, async () => 'ran')).toBe('ran');
  });

  it('takes over a lease whose holder died (expired), never one that is alive', async () => {
    db = await stores.fresh();
    const leases = new DynamoLeases(db.client, db.table);
    const t0 = Date.UTC(2025, 5, 10);
    expect(await leases.acquire({ name: 'job', holder: 'dead', nowMs: t0, ttlMs: 60_000 })).toEqual({
      acquired: true,
    });
    expect(
      (await leases.acquire({ name: 'job', holder: 'b', nowMs: t0 + 59_000, ttlMs: 60_000 })).acquired,
    ).toBe(false);
    expect(await leases.acquire({ name: 'job', holder: 'b', nowMs: t0 + 61_000, ttlMs: 60_000 })).toEqual({
      acquired: true,
    });
    expect(await leases.renew({ name: 'job', holder: 'dead', nowMs: t0 + 62_000, ttlMs: 60_000 })).toBe(
      false,
    );
  });

  it('takes over at once the lease of a run on this machine that was killed', async () => {
    db = await stores.fresh();
    const leases = new DynamoLeases(db.client, db.table);
    const { spawnSync } = await import('node:child_process');
    const { hostname } = await import('node:os');
    const dead = spawnSync('true').pid; // a process that has exited
    await leases.acquire({
      name: 'job',
      holder: `${hostname()} pid ${dead} k1`,
      nowMs: Date.now(),
      ttlMs: 600_000,
    });
    expect(await withRunLease(leases, {}, async () => 'ran')).toBe('ran');
    // A live holder elsewhere is never taken over.
    await leases.acquire({ name: 'job', holder: 'máy khác pid 1 k2', nowMs: Date.now(), ttlMs: 600_000 });
    await expect(withRunLease(leases, {}, async () => 'ran')).rejects.toBeInstanceOf(StoreBusyError);
  });

  it('proposes from what the store holds, not from one sync’s own view', async () => {
    db = await stores.fresh();
    const registry = registryOf([
      unit('HD', { runsCouncil: true, headcount: 0, workbook: null }),
      ...['A', 'B', 'C'].map((c) => unit(c, { parentCode: 'HD', headcount: 10, workbook: c })),
    ]);
    const books = sector(registry, {});
    const deps = { source: books, sink: books, store: db.store };
    // Another writer stored B while this run synced only A and C.
    await syncUnits(deps, { ...syncInput(registry), only: ['B'] });
    await syncUnits(deps, { ...syncInput(registry), only: ['A', 'C'] });
    const result = await proposeAwards(deps, proposeInput(registry));
    const units = new Set(result.councils[0]?.individuals.proposed.map((c) => c.unitCode));
    const ranked = [
      ...(result.councils[0]?.individuals.proposed ?? []),
      ...(result.councils[0]?.individuals.notProposed.map((n) => n.candidate) ?? []),
    ];
    expect(new Set(ranked.map((c) => c.unitCode))).toEqual(new Set(['A', 'B', 'C']));
    expect(units.size).toBeGreaterThan(0);
  });
});

describe('fault 7: the same staff id in two units', () => {
  it('is ranked by neither, never twice, and each is told which other unit lists it', async () => {
    db = await stores.fresh();
    const registry = registryOf([
      unit('HD', { runsCouncil: true, headcount: 0, workbook: null }),
      ...['A', 'B'].map((c) => unit(c, { parentCode: 'HD', headcount: 30, workbook: c })),
    ]);
    // A lists B's best person (B-0, full marks) as its own.
    const star = { staffId: 'B-0', name: 'Trần Thị Giỏi', scores: [20, 20, 15, 15, 15, 5, 10, null] };
    const books = sector(registry, { A: [star, ...people('A')], B: [star, ...people('B').slice(1)] });
    const deps = { source: books, sink: books, store: db.store };
    await syncUnits(deps, syncInput(registry));
    const result = await proposeAwards(deps, {
      ...proposeInput(registry),
      crossCheckAt: '2025-06-10T01:00:00.000Z',
    });
    // The proposals tell both units, from the data they loaded (no second load).
    expect(result.flagged).toEqual(['A', 'B']);
    const tabOf = (code: string) => JSON.stringify(feedbackProblems(books.get(code)?.['Kiểm tra dữ liệu']));
    expect(tabOf('A')).toContain('cũng có trong bảng điểm của đơn vị B');
    expect(tabOf('B')).toContain('cũng có trong bảng điểm của đơn vị A');
    const individuals = result.councils[0]?.individuals;
    expect(individuals?.proposed.some((c) => c.id === 'B-0')).toBe(false);
    const held = individuals?.notProposed.filter((n) => n.candidate.id === 'B-0') ?? [];
    expect(held.map((n) => [n.candidate.unitCode, n.code])).toEqual([
      ['A', 'DUPLICATE_STAFF'],
      ['B', 'DUPLICATE_STAFF'],
    ]);
    expect(reasonText(held.find((n) => n.candidate.unitCode === 'A') ?? because('NOT_CHOSEN'))).toContain(
      'đơn vị B',
    );
    expect(reasonText(held.find((n) => n.candidate.unitCode === 'B') ?? because('NOT_CHOSEN'))).toContain(
      'đơn vị A',
    );
  });
});

describe('fault 8: quota padding and a broken registry', () => {
  it('withholds the council of a unit whose people are ranked but whose headcount is not declared', async () => {
    db = await stores.fresh();
    const registry = registryOf([
      unit('HD', { runsCouncil: true, headcount: 0, workbook: null }),
      unit('A', { parentCode: 'HD', headcount: 30, workbook: 'A' }),
      unit('PAD', { parentCode: 'HD', headcount: null, workbook: 'PAD' }), // 40 zero-score people
    ]);
    const padding = Array.from({ length: 40 }, (_, i) => ({
      staffId: `P-${i}`,
      name: `Người ${i}`,
      scores: [0, 0, 0, 0, 0, 0, 0, null],
    }));
    const books = sector(registry, { PAD: padding });
    const deps = { source: books, sink: books, store: db.store };
    await syncUnits(deps, syncInput(registry));
    const result = await proposeAwards(deps, proposeInput(registry));
    expect(result.withheld.get('HD')?.join(' ')).toContain('người lao động đang công tác của đơn vị PAD');
    expect(result.written.has('HD')).toBe(false);
    expect(books.get('de-nghi-HD.xlsx')).toBeUndefined();
  });

  it('withholds every council when a parent-code typo leaves units unplaced, instead of writing a smaller list', async () => {
    db = await stores.fresh();
    const units = [
      unit('HD', { runsCouncil: true, headcount: 0, workbook: null }),
      unit('A', { parentCode: 'HD', headcount: 10, workbook: 'A' }),
      unit('B', { parentCode: 'HDD', headcount: 10, workbook: 'B' }), // typo
    ];
    const registry = parseRegistry(modelGrids(registryWorkbookModel(units)));
    expect(registry.faults?.unplaced).toEqual(['B']);
    const books = sector(registryOf(units), {});
    const deps = { source: books, sink: books, store: db.store };
    await syncUnits(deps, syncInput(registry));
    const result = await proposeAwards(deps, proposeInput(registry));
    expect(result.withheld.get('HD')?.[0]).toContain('Danh mục đơn vị có lỗi (B)');
    expect(books.get('de-nghi-HD.xlsx')).toBeUndefined();
  });
});

describe('fault 9: a unit that could not be read', () => {
  it('withholds its council (stale data is never proposed as current)', async () => {
    db = await stores.fresh();
    const registry = registryOf([
      unit('HD', { runsCouncil: true, headcount: 0, workbook: null }),
      ...['A', 'B'].map((c) => unit(c, { parentCode: 'HD', headcount: 10, workbook: c })),
      unit('X', { runsCouncil: true, headcount: 0, workbook: null }),
      unit('C', { parentCode: 'X', headcount: 10, workbook: 'C' }),
    ]);
    const books = sector(registry, {});
    const silent: SheetSource = {
      versions: (l) => books.versions(l),
      readWorkbook: async (location, tabs) => {
        if (location === 'B') throw new Error('socket hang up');
        return books.readWorkbook(location, tabs);
      },
    };
    const sync = await syncUnits({ source: silent, sink: books, store: db.store }, syncInput(registry));
    expect(sync.units.find((u) => u.code === 'B')?.status).toBe('failed');
    const result = await proposeAwards(
      { source: books, sink: books, store: db.store },
      { ...proposeInput(registry), unsettled: new Map([['B', 'lỗi kết nối']]) },
    );
    expect(result.withheld.get('HD')?.[0]).toContain('đơn vị B');
    expect(result.withheld.has('X')).toBe(false); // the other council is written
    expect(result.written.has('X')).toBe(true);
  });
});

describe('fault 6: a dispatcher run while the previous run is still working (Lambda)', () => {
  it('dispatches nothing until the previous run’s proposals are made', async () => {
    const { startFunctions, sqsEvent, SYNC, PROPOSE } = await import('../helpers/functions.ts');
    const { dispatch } = await import('../../functions/app/dispatcher.ts');
    const { work } = await import('../../functions/app/worker.ts');
    const { propose } = await import('../../functions/app/propose.ts');
    const { setLogSink } = await import('../../functions/lib/logger.ts');
    const restore = setLogSink(() => {});
    const fx = await startFunctions(stores.server(), { units: 3 });
    try {
      const now = '2025-06-10T01:00:00.000Z';
      const first = await dispatch(fx.rt, { kind: 'scheduled-sync' }, now, 'run-1');
      expect(first.enqueued).toBe(4);
      const second = await dispatch(fx.rt, { kind: 'scheduled-sync' }, now, 'run-2');
      expect(second).toMatchObject({ enqueued: 0, busy: true });
      expect(
        fx.queue.sent.get(SYNC)?.filter((m) => (m as { runId: string }).runId === 'run-2') ?? [],
      ).toEqual([]);

      await work(fx.rt, sqsEvent(fx.queue.sent.get(SYNC) ?? []), now, () => 60_000);
      // A clerk saves while the run's proposals are still to come: the next night reads it.
      fx.google.standin.userEdit('ss-U001', 'Cá nhân', 1, 8, 1);
      await propose(fx.rt, sqsEvent(fx.queue.sent.get(PROPOSE) ?? []));
      const third = await dispatch(fx.rt, { kind: 'scheduled-sync' }, now, 'run-3');
      expect(third.busy).toBeUndefined();
      expect(third.enqueued).toBe(1);
    } finally {
      setLogSink(restore);
      await fx.close();
    }
  });
});

describe('fault 7: each unit is told', () => {
  it('which other unit lists the same staff id, in its own tab, until one of them removes it', async () => {
    const { crossCheckStaff } = await import('../../shared/usecases/cross-check.ts');
    db = await stores.fresh();
    const registry = registryOf([
      unit('HD', { runsCouncil: true, headcount: 0, workbook: null }),
      ...['A', 'B', 'C'].map((c) => unit(c, { parentCode: 'HD', headcount: 30, workbook: c })),
    ]);
    const star = { staffId: 'B-0', name: 'Trần Thị Giỏi', scores: [20, 20, 15, 15, 15, 5, 10, null] };
    const books = sector(registry, { A: [star, ...people('A')], B: [star, ...people('B').slice(1)] });
    const deps = { source: books, sink: books, store: db.store };
    await syncUnits(deps, syncInput(registry));
    const check = await crossCheckStaff(deps, { year: YEAR, registry, now: '2025-06-10T01:00:00.000Z' });
    expect(check).toEqual({ flagged: ['A', 'B'], told: ['A', 'B'] });
    const lines = (code: string) =>
      feedbackProblems(books.get(code)?.['Kiểm tra dữ liệu']).map((p) => `${p.who} | ${p.message}`);
    expect(lines('A').some((l) => l.includes('B-0') && l.includes('đơn vị B'))).toBe(true);
    expect(lines('B').some((l) => l.includes('B-0') && l.includes('đơn vị A'))).toBe(true);
    expect(lines('C').some((l) => l.includes('B-0'))).toBe(false);

    // Nothing changed: nobody is told twice.
    expect(
      (await crossCheckStaff(deps, { year: YEAR, registry, now: '2025-06-11T01:00:00.000Z' })).told,
    ).toEqual([]);
    // A removes the person: both tabs are cleared of the warning.
    books.set('A', unitGrids('A', people('A')));
    await syncUnits(deps, syncInput(registry, '2025-06-12T01:00:00.000Z'));
    const after = await crossCheckStaff(deps, { year: YEAR, registry, now: '2025-06-12T01:00:00.000Z' });
    expect(after).toEqual({ flagged: [], told: ['A', 'B'] });
    expect(lines('B').some((l) => l.includes('B-0'))).toBe(false);
  });
});
