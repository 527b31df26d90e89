/**
 * A council's choice saved while thidua writes its proposal workbook is never lost (issue 32,
 * point 4). On Google (official client, stand-in) the choice lands just before the write takes
 * effect — the stand-in's `beforeEffect` — in a row that stays, in a row the new list moves, and on
 * every write of a run; then during a publication. In `.xlsx` it is saved while thidua renders the
 * file it is about to put in place.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoPublications } from '../../shared/adapters/dynamodb/publications.ts';
import { parseWorkbook } from '../../shared/adapters/xlsx/parse.ts';
import { renderWorkbook, XlsxWorkbooks } from '../../shared/adapters/xlsx/workbooks.ts';
import type { Grid } from '../../shared/domain/grid.ts';
import type { RegistryUnit } from '../../shared/domain/registry.ts';
import { proposeAwards } from '../../shared/usecases/propose.ts';
import { publishCouncil } from '../../shared/usecases/publish.ts';
import { syncUnits } from '../../shared/usecases/sync.ts';
import { catalog, movement, type PersonRow, unit, YEAR } from '../helpers/fixtures.ts';
import { type Google, peopleOf, seedSector, startGoogle } from '../helpers/google.ts';
import { editXlsx } from '../helpers/office.ts';
import { useStore } from '../helpers/store.ts';
import { writeUnitXlsx } from '../reliability/helpers.ts';

const store = useStore();
let google: Google | undefined;
let dir: string | undefined;
afterEach(async () => {
  await google?.close();
  google = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

const TIES = 'Đồng điểm tại ngưỡng';
const CHOICE = 8;
const PROPOSAL = 'ss-proposal-HD';

/**
 * Three units under council HD, 60 people, six places: U002's best and the three next are
 * proposed; U000-1, U001-1 and U002-2 (equal points) are tied for the last two places.
 */
const people = (code: string) => peopleOf(code, 5, code === 'U002' ? 10 : 9);
/** The column of the criterion `peopleOf` varies, in the unit's “Cá nhân” tab. */
const VARIED = 14;

/** The row of `id` in the tie tab, and its choice. */
function tieRow(grid: readonly (readonly unknown[])[], id: string) {
  const row = grid.findIndex((r) => r[2] === id);
  return { row, choice: grid[row]?.[CHOICE] ?? null };
}

async function googleCouncil() {
  google = await startGoogle({ speed: 200 });
  const db = await store.fresh();
  const registry = seedSector(google.standin, 3, people);
  const { workbooks } = google.workbooks();
  const g = google;
  let day = 10;
  const sync = () =>
    syncUnits(
      { source: workbooks, sink: workbooks, store: db.store },
      { movement, catalog, year: YEAR, registry, now: `2025-06-${++day}T01:00:00.000Z` },
    );
  const propose = () =>
    proposeAwards(
      { source: workbooks, sink: workbooks, store: db.store },
      {
        movement,
        year: YEAR,
        registry,
        proposalLocation: (c) => registry.units.get(c)?.proposalWorkbook ?? null,
      },
    );
  const ties = () => g.standin.cells(PROPOSAL, TIES) as Grid;
  /** The council types into the tie tab, as in its browser. */
  const choose = (id: string, value: string) => {
    const { row } = tieRow(ties(), id);
    g.standin.userEdit(PROPOSAL, TIES, row, CHOICE, value);
  };
  /** `then` runs just before thidua's next write of the proposal takes effect (once). */
  const duringNextWrite = (then: () => void) => {
    let done = false;
    g.standin.beforeEffect = (call) => {
      if (done || call.spreadsheetId !== PROPOSAL || call.api !== 'spreadsheets.batchUpdate') return;
      done = true;
      then();
    };
  };
  const proposed = (result: Awaited<ReturnType<typeof propose>>) =>
    (result.councils.find((c) => c.code === 'HD')?.individuals.proposed ?? []).map((c) => c.id).sort();
  await sync();
  const first = await propose();
  expect(first.councils[0]?.individuals.tiedAtLine.map((c) => c.id).sort()).toEqual([
    'U000-1',
    'U001-1',
    'U002-2',
  ]);
  return {
    standin: g.standin,
    db,
    registry,
    workbooks,
    sync,
    propose,
    ties,
    choose,
    duringNextWrite,
    proposed,
  };
}

describe('a council’s choice saved while thidua writes its proposal (Google)', () => {
  it('in a row that stays: seen in the write’s own answer, kept in the workbook and used', async () => {
    const c = await googleCouncil();
    // A unit's change far from the line makes the proposal be written again…
    c.standin.userEdit('ss-U002', 'Cá nhân', 5, VARIED, 5);
    await c.sync();
    // …and the council chooses just as that write lands.
    c.duringNextWrite(() => {
      c.choose('U000-1', 'Có');
      c.choose('U001-1', 'Có');
    });
    const result = await c.propose();
    expect(c.proposed(result)).toEqual(expect.arrayContaining(['U000-1', 'U001-1']));
    expect(c.proposed(result)).not.toContain('U002-2');
    expect(result.late.size).toBe(0);
    expect(tieRow(c.ties(), 'U000-1').choice).toBe('Có');
    expect(tieRow(c.ties(), 'U001-1').choice).toBe('Có');
    // Kept: the next run (no one typing) proposes the same, and reads nothing of the workbook.
    const reads = c.standin.count({ api: 'spreadsheets.get', spreadsheetId: PROPOSAL, gridData: true });
    c.standin.beforeEffect = undefined;
    expect(c.proposed(await c.propose())).toEqual(c.proposed(result));
    expect(c.standin.count({ api: 'spreadsheets.get', spreadsheetId: PROPOSAL, gridData: true })).toBe(reads);
  });

  it('in a row the new list moves: the choice follows its person, not the row', async () => {
    const c = await googleCouncil();
    // U000-2 rises by one point and joins the tie, in U002-2's row: U002-2 moves down by one.
    c.standin.userEdit('ss-U000', 'Cá nhân', 3, VARIED, 8);
    await c.sync();
    const before = c.ties();
    c.duringNextWrite(() => {
      c.choose('U001-1', 'Có');
      c.choose('U002-2', 'Có');
    });
    const result = await c.propose();
    const after = c.ties();
    expect(tieRow(after, 'U002-2').row).not.toBe(tieRow(before, 'U002-2').row);
    expect(tieRow(after, 'U001-1').choice).toBe('Có');
    expect(tieRow(after, 'U002-2').choice).toBe('Có');
    // The person now in U002-2's old row got nobody's choice.
    const moved = after[tieRow(before, 'U002-2').row]?.[2];
    expect(moved).toBe('U000-2');
    expect(tieRow(after, String(moved)).choice).toBe(null);
    expect(c.proposed(result)).toEqual(expect.arrayContaining(['U001-1', 'U002-2']));
    expect(result.late.size).toBe(0);
  });

  it('saved anew at every write of a run: each is seen, and the last one’s cell is named', async () => {
    const c = await googleCouncil();
    c.standin.userEdit('ss-U002', 'Cá nhân', 5, VARIED, 5);
    await c.sync();
    // Each time thidua writes, someone saves a new choice.
    const edits = [
      ['U000-1', 'Có'],
      ['U001-1', 'Có'],
      ['U002-2', 'Không'],
      ['U000-1', 'Không'],
    ] as const;
    let write = 0;
    c.standin.beforeEffect = (call) => {
      if (call.spreadsheetId !== PROPOSAL || call.api !== 'spreadsheets.batchUpdate') return;
      const [id, value] = edits[write++] ?? [];
      if (id && value) c.choose(id, value);
    };
    const result = await c.propose();
    expect(write).toBe(4); // four writes, each seeing the choice saved during the one before
    // The first three are in the workbook; the last, saved during the last write, is named.
    expect(tieRow(c.ties(), 'U001-1').choice).toBe('Có');
    expect(tieRow(c.ties(), 'U002-2').choice).toBe('Không');
    expect(tieRow(c.ties(), 'U000-1').choice).toBe('Có');
    const cell = `I${tieRow(c.ties(), 'U000-1').row + 1}`;
    expect(result.late.get('HD')).toEqual([cell]);
  });

  it('during a publication: not in the list published, and named in its summary and to the caller', async () => {
    const c = await googleCouncil();
    c.choose('U000-1', 'Có');
    c.choose('U001-1', 'Có');
    await c.propose();
    const publications = new DynamoPublications(c.db.client, c.db.table);
    // Someone changes their mind as the secretary publishes.
    c.duringNextWrite(() => c.choose('U002-2', 'Có'));
    const result = await publishCouncil(
      { store: c.db.store, publications, source: c.workbooks, sink: c.workbooks },
      {
        movement,
        year: YEAR,
        round: 'annual',
        registry: c.registry,
        councilCode: 'HD',
        by: 'Thư ký',
        why: '',
        now: '2025-06-20T02:00:00.000Z',
        location: PROPOSAL,
      },
    );
    expect(result.outcome).toBe('published');
    const cell = `${TIES}!I${tieRow(c.ties(), 'U002-2').row + 1}`;
    expect('late' in result && result.late).toEqual([cell]);
    expect(result.proposal.individuals.proposed.map((p) => p.id)).not.toContain('U002-2');
    const summary = c.standin.cells(PROPOSAL, 'Tổng hợp').flat().map(String);
    expect(summary.some((text) => text.includes(cell) && text.includes('trong lúc khóa sổ'))).toBe(true);
  });
});

describe('a council’s choice saved while thidua writes its proposal file (.xlsx)', () => {
  it('is read from the file thidua replaced and kept in the one it puts in place', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'thidua-window-'));
    dir = folder;
    const db = await store.fresh();
    const units: RegistryUnit[] = [
      unit('HD', { runsCouncil: true, headcount: 30, workbook: null, proposalWorkbook: 'HD.xlsx' }),
      ...['U000', 'U001', 'U002'].map((code) => unit(code, { parentCode: 'HD', headcount: 10 })),
    ];
    const registry = { units: new Map(units.map((u) => [u.code, u])), problems: [] };
    const files = new XlsxWorkbooks({ baseDir: folder });
    const writeUnit = (code: string, rows: PersonRow[]) => writeUnitXlsx(files, code, rows);
    for (const code of ['U000', 'U001', 'U002']) await writeUnit(code, people(code));
    // The council's save, made while thidua renders the file it is about to put in place.
    let saveDuringRender: (() => Promise<void>) | undefined;
    const writing = new XlsxWorkbooks({
      baseDir: folder,
      work: {
        parse: parseWorkbook,
        render: async (model) => {
          const save = saveDuringRender;
          saveDuringRender = undefined;
          await save?.();
          return renderWorkbook(model);
        },
      },
    });
    let day = 10;
    const sync = () =>
      syncUnits(
        { source: files, sink: files, store: db.store },
        { movement, catalog, year: YEAR, registry, now: `2025-06-${++day}T01:00:00.000Z` },
      );
    const propose = () =>
      proposeAwards(
        { source: writing, sink: writing, store: db.store },
        {
          movement,
          year: YEAR,
          registry,
          proposalLocation: (c) => registry.units.get(c)?.proposalWorkbook ?? null,
        },
      );
    await sync();
    await propose();
    const ties = async () => ((await files.readWorkbook('HD.xlsx'))[TIES] ?? []) as Grid;
    const before = await ties();
    saveDuringRender = () =>
      editXlsx(join(folder, 'HD.xlsx'), (book) => {
        const sheet = book.getWorksheet(TIES);
        for (const id of ['U000-1', 'U001-1'])
          if (sheet) sheet.getCell(tieRow(before, id).row + 1, CHOICE + 1).value = 'Có';
      });
    // A unit's change far from the line makes the proposal be written again.
    await writeUnit(
      'U002',
      people('U002').map((p, i) =>
        i === 4 ? { ...p, scores: (p.scores ?? []).map((v, j) => (j === 6 ? 5 : v)) } : p,
      ),
    );
    await sync();
    const result = await propose();
    expect(saveDuringRender).toBeUndefined(); // the council saved, during the write
    const after = await ties();
    expect(tieRow(after, 'U000-1').choice).toBe('Có');
    expect(tieRow(after, 'U001-1').choice).toBe('Có');
    const proposed = (result.councils.find((c) => c.code === 'HD')?.individuals.proposed ?? []).map(
      (c) => c.id,
    );
    expect(proposed).toEqual(expect.arrayContaining(['U000-1', 'U001-1']));
    expect(proposed).not.toContain('U002-2');
    expect(result.late.size).toBe(0);
  });
});
