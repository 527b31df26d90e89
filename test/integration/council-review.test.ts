/**
 * Only the council sets its review of a unit's score (issue 33). Council A ranks four units whose
 * self totals are 95, 90, 85 and 80, for one place; the sector's council TC is above it. The third
 * unit typing “reviewed” scores into its own workbook changes nothing and is told so; A's review in
 * its own “Thẩm định” tab changes the ranking on the next run and the unit reads it in its tab; TC's
 * inspection recorded in its “Kiểm tra” tab stands over A's review. On `.xlsx` files and on the
 * Google stand-in, through the real adapters.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { XlsxWorkbooks } from '../../shared/adapters/xlsx/workbooks.ts';
import type { Grid } from '../../shared/domain/grid.ts';
import type { RegistryUnit } from '../../shared/domain/registry.ts';
import type { SheetSink, SheetSource } from '../../shared/ports/index.ts';
import { unitWorkbookModel } from '../../shared/present/unit-template.ts';
import { proposeAwards } from '../../shared/usecases/propose.ts';
import { syncUnits } from '../../shared/usecases/sync.ts';
import { catalog, movement, personRow, unit, YEAR } from '../helpers/fixtures.ts';
import { type Google, peopleOf, startGoogle } from '../helpers/google.ts';
import { useStore } from '../helpers/store.ts';
import { ProtectedCellError } from '../support/google-server.ts';

const store = useStore();
let dir: string | undefined;
let google: Google | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
  await google?.close();
  google = undefined;
});

const SELF: Record<string, number> = { U1: 95, U2: 90, U3: 85, U4: 80 };
/** Full marks but for TT1, which takes what the total lacks (TT1 is worth 25). */
const scores = (total: number) =>
  catalog.collective.items.map((i, k) => (k === 0 ? i.maxPoints - (100 - total) : i.maxPoints));

const units: RegistryUnit[] = [
  unit('TC', { runsCouncil: true, headcount: 10, workbook: null, proposalWorkbook: 'TC' }),
  unit('A', { runsCouncil: true, parentCode: 'TC', headcount: 10, workbook: null, proposalWorkbook: 'A' }),
  ...Object.keys(SELF).map((code) => unit(code, { parentCode: 'A', headcount: 10, workbook: code })),
];
const registry = { units: new Map(units.map((u) => [u.code, u])), problems: [] };

const unitModel = (code: string) =>
  unitWorkbookModel({
    movement,
    catalog,
    year: YEAR,
    unit: { code, name: `Đơn vị ${code}` },
    people: peopleOf(code).map(personRow),
    collectiveScores: scores(SELF[code] ?? 0),
  });

/** A medium (files or the stand-in) and how people edit it. */
interface Medium {
  readonly source: SheetSource;
  readonly sink: SheetSink;
  readonly location: (code: string) => string;
  /** A tab as a person sees it, whole (a read of the unit's own feedback tab takes its top only). */
  tab(location: string, title: string): Promise<Grid>;
  /** A person types `value` at (row, col) of a tab. */
  type(location: string, tab: string, row: number, col: number, value: string | number): Promise<void>;
}

async function scenario(medium: Medium) {
  const db = await store.fresh();
  let day = 10;
  const run = async () => {
    const now = `2025-06-${++day}T01:00:00.000Z`;
    const wired = {
      ...registry,
      units: new Map(
        [...registry.units].map(([c, u]) => [
          c,
          {
            ...u,
            workbook: u.workbook && medium.location(u.workbook),
            proposalWorkbook: u.proposalWorkbook && medium.location(u.proposalWorkbook),
          },
        ]),
      ),
    };
    await syncUnits(
      { source: medium.source, sink: medium.sink, store: db.store },
      { movement, catalog, year: YEAR, registry: wired, now },
    );
    const result = await proposeAwards(
      { source: medium.source, sink: medium.sink, store: db.store },
      {
        movement,
        year: YEAR,
        registry: wired,
        proposalLocation: (c) => wired.units.get(c)?.proposalWorkbook ?? null,
        crossCheckAt: now,
      },
    );
    const a = result.councils.find((c) => c.code === 'A');
    return { proposed: (a?.collectives.proposed ?? []).map((c) => c.id), result };
  };
  const read = (code: string) => medium.source.readWorkbook(medium.location(code));
  /** What a unit's own tab says: its summary and every message (a long one wraps over rows). */
  const feedback = async (code: string) =>
    (await medium.tab(medium.location(code), 'Kiểm tra dữ liệu'))
      .map((r) => `${r[0] ?? ''} ${r[5] ?? ''}`.trim())
      .join(' ');
  /** The row of `unit`/`criterion` in a council's “Thẩm định” tab. */
  const reviewRow = async (council: string, unitCode: string, criterion: string) => {
    const grid = await medium.tab(medium.location(council), 'Thẩm định');
    return grid.findIndex((r) => r[0] === unitCode && r[2] === criterion);
  };
  return { run, read, feedback, reviewRow };
}

async function story(medium: Medium) {
  const s = await scenario(medium);
  expect((await s.run()).proposed).toEqual(['U1']);

  // U3, third, types every criterion's maximum as its “reviewed” score (the review columns of an
  // earlier template): nothing changes, and its tab says its review is not used.
  const u3 = medium.location('U3');
  await medium.type(u3, 'Tập thể', 0, 5, 'Điểm thẩm định');
  for (const [k, item] of catalog.collective.items.entries())
    await medium.type(u3, 'Tập thể', k + 1, 5, item.maxPoints);
  expect((await s.run()).proposed).toEqual(['U1']);
  expect(await s.feedback('U3')).toContain('không được dùng');

  // Council A lowers U1's TT2 by 12 in its own “Thẩm định” tab, with the reason: U2 is first now,
  // and U1 reads the council's score and reason in its own tab.
  const a = medium.location('A');
  const row = await s.reviewRow('A', 'U1', 'TT2');
  expect(row).toBeGreaterThan(0);
  await medium.type(a, 'Thẩm định', row, 6, 8);
  await medium.type(a, 'Thẩm định', row, 7, 'Thiếu hồ sơ minh chứng');
  // And a mistake in another row: named, kept as typed, the rest used.
  const bad = await s.reviewRow('A', 'U4', 'TT3');
  await medium.type(a, 'Thẩm định', bad, 6, 'mười');
  const reviewed = await s.run();
  expect(reviewed.proposed).toEqual(['U2']);
  expect(await s.feedback('U1')).toContain(
    'Hội đồng A thẩm định tiêu chí TT2: điểm tự chấm 20, điểm thẩm định 8',
  );
  expect(await s.feedback('U1')).toContain('Thiếu hồ sơ minh chứng');
  expect(reviewed.result.reviewProblems.get('A')?.map((p) => `${p.tab}!${p.cell}`)).toEqual([
    `Thẩm định!G${bad + 1}`,
  ]);
  const tab = await medium.tab(a, 'Thẩm định');
  expect(tab[bad]?.[6]).toBe('mười');
  expect(String(tab[bad]?.[8])).toContain('không phải là số');
  expect(tab[row]?.slice(6, 8)).toEqual([8, 'Thiếu hồ sơ minh chứng']);
  // The council's summary lists the scores that stand changed.
  const summary = async () => (await medium.tab(a, 'Tổng hợp')).flat().map(String).join(' | ');
  expect(await summary()).toContain('U1 – TT2: 20 → 8 (Thiếu hồ sơ minh chứng)');

  // TC's inspection team lowers U2's TT4 by 10: it stands over A's review; U3 is first now, and U2
  // reads the finding in its own tab.
  const tc = medium.location('TC');
  const inspection: (string | number)[] = [
    'U2',
    '15/05/2025',
    'Đoàn số 2',
    'Chưa tổ chức hội nghị điển hình',
    'TT4',
    10,
    'Không có biên bản hội nghị',
  ];
  const grid = await medium.tab(tc, 'Kiểm tra');
  const first = grid.findIndex((r) => r[0] === 'Mã đơn vị') + 1;
  for (const [col, value] of inspection.entries()) await medium.type(tc, 'Kiểm tra', first, col, value);
  expect((await s.run()).proposed).toEqual(['U3']);
  expect(await summary()).toContain('U2 – TT4: 20 → 10 (Không có biên bản hội nghị)');
  expect(await s.feedback('U2')).toContain(
    'Đoàn kiểm tra Đoàn số 2 của Hội đồng TC (ngày 15/05/2025) điều chỉnh tiêu chí TT4',
  );
  return s;
}

describe('only the council sets its review of a unit’s score', () => {
  it('on .xlsx files', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'thidua-review-'));
    dir = folder;
    const files = new XlsxWorkbooks({ baseDir: folder });
    for (const code of Object.keys(SELF)) await files.writeOwnedWorkbook(`${code}.xlsx`, unitModel(code));
    await story({
      source: files,
      sink: files,
      location: (code) => `${code}.xlsx`,
      tab: async (location, title) => (await files.readWorkbook(location))[title] ?? [],
      // Saved by another program: the file's values, one cell changed (exceljs cannot load the
      // whole-column print area of a unit's “Cá nhân” tab, so no library edits it in place here).
      type: async (location, tab, row, col, value) => {
        const grids = await files.readWorkbook(location);
        const grid = grids[tab] ?? [];
        while (grid.length <= row) grid.push([]);
        const line = grid[row] ?? [];
        while (line.length <= col) line.push(null);
        line[col] = value;
        grid[row] = line;
        grids[tab] = grid;
        await files.writeOwnedWorkbook(location, {
          tabs: Object.entries(grids).map(([title, rows]) => ({ title, rows })),
        });
      },
    });
  });

  it('on Google Sheets (stand-in)', async () => {
    const g = await startGoogle({ speed: 400 });
    google = g;
    // Thidua's account is known (a key names it): its protections have it as the only editor.
    const account = 'thidua@du-an.iam.gserviceaccount.com';
    const { workbooks } = g.workbooks({}, account);
    // Each unit's spreadsheet prepared by `thidua template` (tabs, validation, protection), filled.
    for (const code of Object.keys(SELF)) {
      g.standin.putSpreadsheet(`ss-${code}`, code, { 'Trang tính1': [] });
      await workbooks.createWorkbook(`ss-${code}`, unitModel(code));
    }
    for (const code of ['A', 'TC']) g.standin.putSpreadsheet(`ss-${code}`, code, { 'Trang tính1': [] });
    await story({
      source: workbooks,
      sink: workbooks,
      location: (code) => `ss-${code}`,
      tab: async (location, title) => g.standin.cells(location, title) as Grid,
      type: async (location, tab, row, col, value) => g.standin.userEdit(location, tab, row, col, value),
    });
    // As Sheets applies the protections: a unit's clerk cannot type into what thidua owns in the
    // unit's own spreadsheet (its check tab, the criteria), only into its scores; the council's
    // secretary only into the council's own cells of “Thẩm định”.
    const clerk = 'van-thu@u3.vks.gov.vn';
    const refused = (id: string, tab: string, row: number, col: number, who: string) => {
      try {
        g.standin.userEdit(id, tab, row, col, 1, who);
        return false;
      } catch (error) {
        return error instanceof ProtectedCellError;
      }
    };
    expect(refused('ss-U3', 'Kiểm tra dữ liệu', 3, 0, clerk)).toBe(true);
    expect(refused('ss-U3', 'Tập thể', 1, 0, clerk)).toBe(true); // the criterion's code
    expect(refused('ss-U3', 'Tập thể', 1, 2, clerk)).toBe(true); // its maximum
    expect(refused('ss-U3', 'Tập thể', 1, 3, clerk)).toBe(false); // the self score: the unit's
    const secretary = 'thu-ky@a.vks.gov.vn';
    const row = (await g.standin.cells('ss-A', 'Thẩm định')).findIndex(
      (r) => r[0] === 'U2' && r[2] === 'TT1',
    );
    expect(refused('ss-A', 'Thẩm định', row, 5, secretary)).toBe(true); // the unit's self score
    expect(refused('ss-A', 'Thẩm định', row, 6, secretary)).toBe(false); // the council's score
    expect(refused('ss-A', 'Bản lưu - Thẩm định', row, 6, secretary)).toBe(true); // thidua's copy
  });
});
