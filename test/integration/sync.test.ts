import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmbeddedStore } from '../../shared/adapters/dynamodb/local.ts';
import { XlsxWorkbooks } from '../../shared/adapters/xlsx/workbooks.ts';
import type { WorkbookGrids } from '../../shared/domain/grid.ts';
import type { Registry, RegistryUnit } from '../../shared/domain/registry.ts';
import { type Counters, newCounters, type SubmissionStore } from '../../shared/ports/index.ts';
import { registryWorkbookModel } from '../../shared/present/registry-book.ts';
import { parseRegistry } from '../../shared/present/registry-read.ts';
import { unitWorkbookModel } from '../../shared/present/unit-template.ts';
import { proposeAwards } from '../../shared/usecases/propose.ts';
import { syncUnits } from '../../shared/usecases/sync.ts';
import { catalog, movement, type PersonRow, personRow, unit, YEAR } from '../helpers/fixtures.ts';
import { freshStore, startStore, type TestStore } from '../helpers/store.ts';
import { feedbackProblems } from '../helpers/tables.ts';

let server: EmbeddedStore;
beforeAll(async () => {
  server = await startStore();
});
afterAll(async () => {
  await server.close();
});

let dir: string;
let db: TestStore;
let counters: Counters;
let workbooks: XlsxWorkbooks;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thidua-sync-'));
  db = await freshStore(server);
  counters = db.counters;
  workbooks = new XlsxWorkbooks({ baseDir: dir, counters });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const units: RegistryUnit[] = [
  unit('HD', { runsCouncil: true, headcount: 30 }),
  unit('A', { parentCode: 'HD', headcount: 10 }),
  unit('B', { parentCode: 'HD', headcount: 10 }),
  unit('C', { parentCode: 'HD', headcount: 10 }),
];
const people = (prefix: string, best = 100): PersonRow[] =>
  Array.from({ length: 5 }, (_, i) => ({
    staffId: `${prefix}${i}`,
    name: `Nguyễn Văn ${prefix}${i}`,
    scores: [20, 20, 15, 15, 15, 5, best === 100 ? 10 : 9 - i, null],
  }));

async function writeUnit(
  code: string,
  rows: PersonRow[],
  mutate?: (people: ReturnType<typeof personRow>[]) => void,
) {
  const filled = rows.map(personRow);
  mutate?.(filled);
  const model = unitWorkbookModel({
    movement,
    catalog,
    year: YEAR,
    unit: { code, name: `Đơn vị ${code}` },
    people: filled,
    collectiveScores: [20, 18, 12, 15, 16, 'Không'],
  });
  await new XlsxWorkbooks({ baseDir: dir }).writeOwnedWorkbook(`bang-diem/${code}.xlsx`, model);
}

async function setup(): Promise<Registry> {
  await new XlsxWorkbooks({ baseDir: dir }).writeOwnedWorkbook('registry.xlsx', registryWorkbookModel(units));
  for (const code of ['HD', 'A', 'B', 'C']) await writeUnit(code, people(code, code === 'A' ? 100 : 90));
  return parseRegistry(await new XlsxWorkbooks({ baseDir: dir }).readWorkbook('registry.xlsx'));
}

const deps = (store: SubmissionStore = db.store) => ({ source: workbooks, sink: workbooks, store });
const input = (registry: Registry, now = '2025-06-10T01:00:00.000Z') => ({
  movement,
  catalog,
  year: YEAR,
  registry,
  now,
});
const reset = () => Object.assign(counters, newCounters());
const withoutFeedback = (grids: WorkbookGrids) =>
  Object.fromEntries(Object.entries(grids).filter(([tab]) => tab !== 'Kiểm tra dữ liệu'));

describe('sync against dynalite and .xlsx workbooks', () => {
  it('accepts, stores and tells each unit; a re-sync of unchanged data reads and writes nothing', async () => {
    const registry = await setup();
    const first = await syncUnits(deps(), input(registry));
    expect(first.units.map((u) => [u.code, u.status])).toEqual([
      ['A', 'accepted'],
      ['B', 'accepted'],
      ['C', 'accepted'],
      ['HD', 'accepted'],
    ]);
    expect(counters.sheetReads).toBe(4);
    const feedback = (await workbooks.readWorkbook('bang-diem/A.xlsx'))['Kiểm tra dữ liệu'];
    expect(feedback?.[1]).toEqual(['Trạng thái', null, null, 'Đã tiếp nhận']);
    expect(feedback?.[3]).toEqual(['Thời điểm kiểm tra', null, null, '10/06/2025 08:00']);

    reset();
    const second = await syncUnits(deps(), input(registry, '2025-06-11T01:00:00.000Z'));
    expect(second.units.every((u) => u.status === 'unchanged' && !u.read)).toBe(true);
    expect(counters).toEqual({ storeReads: 1, storeWrites: 0, sheetReads: 0, sheetWrites: 0 });
  });

  it('keeps the last accepted submission when a resubmission has mistakes, and names each cell', async () => {
    const registry = await setup();
    await syncUnits(deps(), input(registry));
    await writeUnit('A', people('A'), (rows) => {
      const first = rows[0];
      if (first) {
        first[8] = 25; // CN1 is out of 20
        first[6] = 'Xuất sắc';
      }
    });
    const userData = withoutFeedback(await workbooks.readWorkbook('bang-diem/A.xlsx'));

    reset();
    const result = await syncUnits(deps(), input(registry, '2025-06-12T01:00:00.000Z'));
    const a = result.units.find((u) => u.code === 'A');
    expect(a?.status).toBe('rejected');
    expect(a?.problems.map((p) => `${p.tab}!${p.cell}`)).toEqual(['Cá nhân!G2', 'Cá nhân!I2']);
    expect(counters.sheetReads).toBe(1);

    const after = await workbooks.readWorkbook('bang-diem/A.xlsx');
    expect(withoutFeedback(after)).toEqual(userData); // the unit's own cells are untouched
    const feedback = after['Kiểm tra dữ liệu'] ?? [];
    expect(feedback[1]?.[3]).toBe('Chưa tiếp nhận — có lỗi cần sửa');
    expect(feedback.map((row) => row[2])).toEqual(expect.arrayContaining(['Cá nhân!I2', 'Cá nhân!G2']));
    // Each problem names the person and the criterion, in words a clerk acts on (no internal code).
    const listed = feedbackProblems(feedback);
    const score = listed.find((p) => p.cell === 'Cá nhân!I2');
    const first = people('A')[0];
    expect(score?.who).toBe(`${first?.name} (${first?.staffId})`);
    expect(score?.criterion).toBe('CN1 – Chấp hành nghiêm túc kỷ cương, kỷ luật hành chính');
    expect(JSON.stringify(feedback)).not.toMatch(/OUT_OF_RANGE|INVALID_CHOICE|Mã lỗi/);
    expect(score?.message).toBe('Điểm 25 nằm ngoài khoảng cho phép (từ 0 đến 20).');
    expect(feedback.flat().join(' ')).toContain('Bảng điểm được tiếp nhận lần trước vẫn được dùng');

    // The proposal still uses A's accepted data: A's people lead with their full marks.
    const proposal = await proposeAwards(
      { sink: workbooks, source: workbooks, store: db.store },
      { movement, year: YEAR, registry, proposalLocation: (c) => `out/${c}.xlsx` },
    );
    const hd = proposal.councils[0];
    expect(hd?.individuals.quota.quota).toBe(6); // 1/10 of 30 + 10 + 10 + 10 declared
    expect(hd?.individuals.proposed.map((c) => c.unitCode)).toEqual(['A', 'A', 'A', 'A', 'A']);
    expect(hd?.individuals.tiedAtLine.map((c) => c.unitCode).sort()).toEqual(['B', 'C', 'HD']);
    expect(proposal.statuses.get('A')).toMatchObject({ status: 'rejected', errors: 2 });
  });

  it('reports and stores every unit when flushes run beside the workers', async () => {
    const registry = await setup();
    const result = await syncUnits(deps(), { ...input(registry), flushEvery: 1, concurrency: 4 });
    expect(result.units.map((u) => u.code)).toEqual(['A', 'B', 'C', 'HD']);
    expect((await db.store.loadStates(YEAR, ['A', 'B', 'C', 'HD'])).size).toBe(4);
  });

  it('survives a corrupt workbook and a missing one without stopping the others', async () => {
    const registry = await setup();
    await writeFile(join(dir, 'bang-diem/B.xlsx'), 'not a spreadsheet');
    await rm(join(dir, 'bang-diem/C.xlsx'));
    const result = await syncUnits(deps(), input(registry));
    expect(result.units.map((u) => [u.code, u.status, u.problems[0]?.code ?? null])).toEqual([
      ['A', 'accepted', null],
      ['B', 'rejected', 'WORKBOOK_UNREADABLE'],
      ['C', 'missing', 'WORKBOOK_MISSING'],
      ['HD', 'accepted', null],
    ]);
  });

  it('finishes on the next run what a crash between version and pointer left', async () => {
    const registry = await setup();
    let failed = false;
    const crashing: SubmissionStore = {
      loadStates: (y, c) => db.store.loadStates(y, c),
      putVersions: (v) => db.store.putVersions(v),
      loadVersions: (y, r) => db.store.loadVersions(y, r),
      loadProposalRecords: (y, c) => db.store.loadProposalRecords(y, c),
      saveProposalRecords: (y, d) => db.store.saveProposalRecords(y, d),
      saveStates: async (updates) => {
        failed = true;
        throw new Error(`crash before ${updates.length} pointers were written`);
      },
    };
    await expect(syncUnits(deps(crashing), input(registry))).rejects.toThrow('crash');
    expect(failed).toBe(true);
    const result = await syncUnits(deps(), input(registry));
    expect(result.units.every((u) => u.status === 'accepted')).toBe(true);
    const states = await db.store.loadStates(YEAR, ['A', 'B', 'C', 'HD']);
    expect([...states.values()].every((s) => s.acceptedHash !== null)).toBe(true);
  });
});

describe('the council’s choice among people tied at the quota line', () => {
  it('is read from the proposal workbook, taken into the list within the quota, and kept', async () => {
    const registry = await setup();
    await syncUnits(deps(), input(registry));
    const proposeNow = () =>
      proposeAwards(
        { sink: workbooks, source: workbooks, store: db.store },
        { movement, year: YEAR, registry, proposalLocation: (c) => `out/${c}.xlsx` },
      );
    const first = await proposeNow();
    expect(first.councils[0]?.individuals.tiedAtLine.map((c) => c.id).sort()).toEqual(['B0', 'C0', 'HD0']);
    expect(first.councils[0]?.individuals.placesForTied).toBe(1);

    // The secretary marks C0 in the tie tab, as the council decided.
    const mark = async (ids: string[], choice = 'Có') => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(join(dir, 'out/HD.xlsx'));
      const sheet = book.getWorksheet('Đồng điểm tại ngưỡng');
      sheet?.eachRow((row) => {
        if (ids.includes(String(row.getCell(3).value))) row.getCell(9).value = choice;
      });
      await book.xlsx.writeFile(join(dir, 'out/HD.xlsx'));
    };
    await mark(['C0']);
    await mark(['B0'], 'Không');
    reset();
    const decided = await proposeNow();
    const list = decided.councils[0]?.individuals;
    expect(counters.sheetReads).toBe(1); // the edited proposal workbook, once
    expect(list?.proposed.map((c) => c.id)).toContain('C0');
    expect(list?.proposed).toHaveLength(6); // = the quota
    expect(list?.tiedAtLine).toEqual([]);
    expect(
      list?.notProposed
        .filter((n) => n.code === 'NOT_CHOSEN')
        .map((n) => n.candidate.id)
        .sort(),
    ).toEqual(['B0', 'HD0']);
    const tab = (await workbooks.readWorkbook('out/HD.xlsx'))['Đồng điểm tại ngưỡng'] ?? [];
    expect(tab.find((row) => row[2] === 'C0')?.[8]).toBe('Có');
    // The council's “Không” is kept when the tab is written again; a blank stays blank.
    expect(tab.find((row) => row[2] === 'B0')?.[8]).toBe('Không');
    expect(tab.find((row) => row[2] === 'HD0')?.[8] ?? null).toBeNull();

    reset();
    const again = await proposeNow();
    expect(counters.sheetReads).toBe(0); // nothing edited since: the stored choice is used
    expect(again.councils[0]?.individuals.proposed.map((c) => c.id)).toContain('C0');

    // Choosing more than the places left is not applied: the quota is never exceeded.
    await mark(['B0']);
    const overflow = await proposeNow();
    expect(overflow.councils[0]?.individuals.proposed).toHaveLength(5);
    expect(overflow.councils[0]?.individuals.decision?.overflow).toBe(true);
  });
});

describe('published lists become history', () => {
  it('records what a council published as thematic awards, which never count toward a merit chain', async () => {
    const { DynamoPublications } = await import('../../shared/adapters/dynamodb/publications.ts');
    const { publishCouncil, UndecidedTieError } = await import('../../shared/usecases/publish.ts');
    const { publishedAsHistory } = await import('../../shared/usecases/round.ts');
    const { evaluateEligibility } = await import('../../shared/domain/eligibility.ts');
    const registry = await setup();
    await syncUnits(deps(), input(registry));
    const publications = new DynamoPublications(db.client, db.table);
    const now = '2025-06-20T02:00:00.000Z';
    const publish = () =>
      publishCouncil(
        { store: db.store, publications },
        { movement, year: YEAR, round: 'annual', registry, councilCode: 'HD', by: 'Thư ký', why: '', now },
      );
    // Not while the tie at the line is undecided: without a workbook, the ids to decide are named.
    const undecided = await publish().catch((error: unknown) => error);
    expect(undecided).toBeInstanceOf(UndecidedTieError);
    const blank = (undecided as InstanceType<typeof UndecidedTieError>).ties.flatMap((t) => t.blank);
    expect(blank.length).toBeGreaterThan(1);
    // The council decides “Không” for all of them: a decision, and the list publishes as it stands.
    await db.store.saveProposalRecords(
      YEAR,
      new Map([
        [
          'HD',
          {
            digest: '',
            location: 'out/HD.xlsx',
            choices: { collective: [], individual: [], rejected: { collective: [], individual: blank } },
          },
        ],
      ]),
    );
    const published = await publish();
    expect(published).toMatchObject({ outcome: 'published', version: 1 });
    const history = await publishedAsHistory(publications, movement, YEAR, ['HD']);
    expect(history.filter((h) => h.subject === 'individual').map((h) => [h.id, h.award, h.kind])).toEqual(
      ['A0', 'A1', 'A2', 'A3', 'A4'].map((id) => [id, 'BK-VKSTC', 'thematic']),
    );
    const years = new Map(
      [2019, 2020, 2021, 2022, 2023, 2024].map((y) => [y, { rating: 'HTT', disciplined: false }]),
    );
    const verdict = evaluateEligibility(
      movement,
      'BK-TTG',
      'individual',
      { years, history: history.filter((h) => h.id === 'A0') },
      2024,
      '2025-09-02',
    );
    expect(verdict.conditions[0]?.state).toBe('missed');
  });
});
