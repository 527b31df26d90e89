/** The Google adapter with the real Google client against the local stand-in of Sheets and Drive. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedStore } from '../../shared/adapters/dynamodb/local.ts';
import { submissionHash } from '../../shared/domain/submission.ts';
import type { SubmissionStore } from '../../shared/ports/index.ts';
import { readSubmission } from '../../shared/present/unit-book-read.ts';
import { proposeAwards } from '../../shared/usecases/propose.ts';
import { syncUnits } from '../../shared/usecases/sync.ts';
import { catalog, movement, unitGrids, YEAR } from '../helpers/fixtures.ts';
import { type Google, peopleOf, seedSector, startGoogle } from '../helpers/google.ts';
import { freshStore, scanAll, startStore, type TestStore } from '../helpers/store.ts';

let server: EmbeddedStore;
beforeAll(async () => {
  server = await startStore();
});
afterAll(async () => {
  await server.close();
});

let google: Google | undefined;
let db: TestStore | undefined;
afterEach(async () => {
  await google?.close();
  google = undefined;
  db = undefined;
});

const input = (registry: ReturnType<typeof seedSector>, now = '2025-06-10T01:00:00.000Z') => ({
  movement,
  catalog,
  year: YEAR,
  registry,
  now,
});

/** A sector whose council HD keeps its documents in the Drive folder `folder-HD`. */
function withDocumentsFolder(seeded: ReturnType<typeof seedSector>) {
  const hd = seeded.units.get('HD');
  if (!hd) throw new Error('no HD');
  return { ...seeded, units: new Map(seeded.units).set('HD', { ...hd, documentsFolder: 'folder-HD' }) };
}

/** The proposals of `registry`, each written where the registry lists its spreadsheet. */
const proposeListed = (
  deps: Parameters<typeof proposeAwards>[0],
  registry: ReturnType<typeof seedSector>,
  extra: Partial<Parameters<typeof proposeAwards>[1]> = {},
) =>
  proposeAwards(deps, {
    movement,
    year: YEAR,
    registry,
    proposalLocation: (c) => registry.units.get(c)?.proposalWorkbook ?? null,
    ...extra,
  });

describe('sync through Google Sheets (stand-in, real client)', () => {
  it('reads each changed workbook with exactly one batchGet; once its own tab is checked, an unchanged re-sync reads none and writes nothing', async () => {
    google = await startGoogle({ speed: 200 });
    db = await freshStore(server);
    const registry = seedSector(google.standin, 10);
    const { workbooks } = google.workbooks();
    const deps = { source: workbooks, sink: workbooks, store: db.store };

    const first = await syncUnits(deps, input(registry));
    const withWorkbook = (units: typeof first.units) => units.filter((u) => u.code !== 'HD'); // HD has no workbook
    expect(withWorkbook(first.units).every((u) => u.status === 'accepted')).toBe(true);
    for (let i = 0; i < 10; i++)
      expect(
        google.standin.count({ api: 'spreadsheets.get', gridData: true, spreadsheetId: `ss-U00${i}` }),
      ).toBe(1);
    expect(google.standin.count({ api: 'files.list' })).toBe(1);
    expect(google.standin.cells('ss-U003', 'Kiểm tra dữ liệu')[1]).toEqual([
      'Trạng thái',
      null,
      null,
      'Đã tiếp nhận',
    ]);

    // Our feedback write changed every modifiedTime, but Drive vouched that it was the only change
    // since the read: the next sync reads none and writes nothing.
    google.standin.calls.length = 0;
    const second = await syncUnits(deps, input(registry, '2025-06-11T01:00:00.000Z'));
    expect(withWorkbook(second.units).every((u) => u.status === 'unchanged')).toBe(true);
    expect(google.standin.count({ api: 'spreadsheets.get', gridData: true })).toBe(0);
    expect(google.standin.count({ kind: 'write' })).toBe(0);

    google.standin.calls.length = 0;
    db.counters.storeWrites = 0;
    const quiet = await syncUnits(deps, input(registry, '2025-06-11T02:00:00.000Z'));
    expect(withWorkbook(quiet.units).every((u) => u.status === 'unchanged')).toBe(true);
    expect(google.standin.count({ api: 'spreadsheets.get', gridData: true })).toBe(0);
    expect(google.standin.count({ kind: 'write' })).toBe(0);
    expect(db.counters.storeWrites).toBe(0);

    // A clerk edits one workbook: only that one is read again.
    google.standin.userEdit('ss-U004', 'Cá nhân', 1, 8, 18);
    const third = await syncUnits(deps, input(registry, '2025-06-12T01:00:00.000Z'));
    expect(google.standin.count({ api: 'spreadsheets.get', gridData: true })).toBe(1);
    expect(third.units.find((u) => u.code === 'U004')?.status).toBe('accepted');
  });

  it('syncs 200 workbooks through the paced client at a quota of 60 a minute: each read once, each tab written once', async () => {
    // Counts only: how long it took depends on the machine (npm run bench measures that); the
    // pacing itself is checked on a virtual clock in test/reliability/speed.test.ts.
    google = await startGoogle({ speed: 60, quota: { read: 60, write: 60 } });
    db = await freshStore(server);
    const registry = seedSector(google.standin, 200, (code) => peopleOf(code, 2));
    const { workbooks } = google.workbooks({ readsPerMinute: 60, writesPerMinute: 60 });

    const result = await syncUnits(
      { source: workbooks, sink: workbooks, store: db.store },
      { ...input(registry), concurrency: 4 },
    );

    expect(result.units.filter((u) => u.status === 'accepted')).toHaveLength(200);
    const reads = google.standin.count({ kind: 'read', status: 200 });
    const writes = google.standin.count({ api: 'spreadsheets.batchUpdate', status: 200 });
    expect([reads, writes]).toEqual([200, 200]);
    for (const unit of registry.units.values())
      if (unit.workbook)
        expect(
          google.standin.count({
            api: 'spreadsheets.get',
            gridData: true,
            spreadsheetId: unit.workbook,
            status: 200,
          }),
        ).toBe(1);
  });

  it('ends every workbook accepted, rejected or failed under 429 storms, 5xx, slow answers and dropped connections; nothing twice, nothing lost', async () => {
    google = await startGoogle({ speed: 400 });
    db = await freshStore(server);
    const registry = seedSector(google.standin, 30);
    // One workbook with a real mistake, to be rejected whatever the network does.
    google.standin.putSpreadsheet(
      'ss-U007',
      'Bảng điểm U007',
      unitGrids('U007', [...peopleOf('U007'), peopleOf('U007')[0] ?? { staffId: 'x', name: 'x' }]),
    );
    const { workbooks } = google.workbooks({ timeoutMs: 300, maxAttempts: 4, baseBackoffMs: 500 });
    const deps = { source: workbooks, sink: workbooks, store: db.store };

    google.standin.setChaos({
      probability: 0.25,
      kinds: ['429', '500', '503', 'drop-before', 'drop-after', 'slow'],
      seed: 11,
      delayMs: 900,
    });
    const stormy = await syncUnits(deps, input(registry));
    google.standin.setChaos(undefined);
    const units = stormy.units.filter((u) => u.code !== 'HD'); // the council's own unit has no workbook
    expect(units).toHaveLength(30);
    for (const u of units) expect(['accepted', 'rejected', 'failed']).toContain(u.status);
    expect(google.standin.calls.some((c) => c.status === 0)).toBe(true); // connections were dropped
    expect(google.standin.calls.some((c) => c.status === 429)).toBe(true);

    // The calm re-sync uses a client with the usual timeout: a loaded machine must not fail it.
    const calmClient = google.workbooks({ timeoutMs: 5_000 }).workbooks;
    const calm = await syncUnits(
      { source: calmClient, sink: calmClient, store: db.store },
      input(registry, '2025-06-11T01:00:00.000Z'),
    );
    const status = Object.fromEntries(calm.units.map((u) => [u.code, u.status]));
    expect(Object.values(status).filter((s) => s === 'failed')).toEqual([]);
    expect(status.U007).toBe('rejected');

    // Nothing lost: every other unit's accepted version is exactly what its workbook says.
    const states = await db.store.loadStates(YEAR, [...registry.units.keys()]);
    for (const [code, unit] of registry.units) {
      if (!unit.workbook || code === 'U007') continue;
      const expected = readSubmission(unitGrids(code, peopleOf(code)), {
        movement,
        catalog,
        year: YEAR,
        expectedUnitCode: code,
      });
      expect(states.get(code)?.acceptedHash).toBe(expected.submission && submissionHash(expected.submission));
    }
    // Nothing twice: one version item per accepted unit, one feedback tab per workbook, no doubled protection.
    const items = await scanAll(db);
    const versions = items.filter((i) => String(i.sk).includes('#SUB#'));
    expect(versions).toHaveLength(29);
    for (const [, unit] of registry.units) {
      if (!unit.workbook) continue;
      expect(google.standin.sheetTitles(unit.workbook).filter((t) => t === 'Kiểm tra dữ liệu')).toHaveLength(
        1,
      );
      expect(google.standin.protectedRanges(unit.workbook, 'Kiểm tra dữ liệu').length).toBeLessThanOrEqual(1);
    }
    expect(google.standin.cells('ss-U007', 'Kiểm tra dữ liệu')[1]?.[3]).toBe(
      'Chưa tiếp nhận — có lỗi cần sửa',
    );
  });

  it('resumes an interrupted sync without storing again or re-telling what it already stored', async () => {
    google = await startGoogle({ speed: 400 });
    db = await freshStore(server);
    const registry = seedSector(google.standin, 60);
    const { workbooks } = google.workbooks();
    const store = db.store;
    let saves = 0;
    const dying: SubmissionStore = {
      loadStates: (y, c) => store.loadStates(y, c),
      putVersions: (v) => store.putVersions(v),
      loadVersions: (y, r) => store.loadVersions(y, r),
      loadProposalRecords: (y, c) => store.loadProposalRecords(y, c),
      saveProposalRecords: (y, d) => store.saveProposalRecords(y, d),
      saveStates: async (updates) => {
        // Each flush stores its versions, writes its tabs, then saves its pointers: the crash is
        // at the second flush's pointers, its tabs already written.
        if (++saves === 2) throw new Error('Lambda timed out');
        return store.saveStates(updates);
      },
    };
    await expect(
      syncUnits({ source: workbooks, sink: workbooks, store: dying }, input(registry)),
    ).rejects.toThrow('timed out');

    google.standin.calls.length = 0;
    const resumed = await syncUnits({ source: workbooks, sink: workbooks, store }, input(registry));
    // The first flush held 25 units: HD (no workbook) and 24 workbooks. Those are read once more
    // (our tab changed them) but get no second version and no second tab; the 36 others, whose
    // pointers never landed, are stored now and told again (the same tab).
    expect(google.standin.count({ api: 'spreadsheets.batchUpdate' })).toBe(60 - 24);
    expect(resumed.units.filter((u) => u.status === 'unchanged')).toHaveLength(24);
    expect(resumed.units.filter((u) => u.status === 'accepted')).toHaveLength(36);
  });
});

describe('proposals and templates in Google Sheets', () => {
  it('writes a name that looks like a formula as text', async () => {
    google = await startGoogle({ speed: 400 });
    db = await freshStore(server);
    const injected = '=IMPORTXML("http://example.invalid","//a")';
    const registry = seedSector(google.standin, 3, (code) =>
      code === 'U001'
        ? [{ staffId: 'X1', name: injected, scores: [20, 20, 15, 15, 15, 5, 10, null] }]
        : peopleOf(code),
    );
    const { workbooks } = google.workbooks();
    const deps = { source: workbooks, sink: workbooks, store: db.store };
    await syncUnits(deps, input(registry));
    await proposeListed(deps, registry);
    const cells = google.standin.cells('ss-proposal-HD', 'Cá nhân đề nghị').flat();
    expect(cells).toContain(`'${injected}`);
    expect(cells.some((c) => typeof c === 'object' && c !== null)).toBe(false); // no formula anywhere
    expect(google.standin.sheetTitles('ss-proposal-HD')).toEqual([
      'Trang tính1',
      'Tổng hợp',
      'Tập thể đề nghị',
      'Cá nhân đề nghị',
      'Đồng điểm tại ngưỡng',
      'Thẩm định',
      'Kiểm tra',
      'Không đề nghị',
      'Bản lưu - Đồng điểm tại ngưỡng',
      'Bản lưu - Thẩm định',
      'Bản lưu - Kiểm tra',
    ]);
    // The copies thidua takes of the council's tabs at each write are hidden, and only thidua edits them.
    const copies = google.standin.book('ss-proposal-HD').sheets.filter((s) => s.title.startsWith('Bản lưu'));
    expect(copies.map((c) => [c.hidden, c.protectedRanges.length])).toEqual([
      [true, 1],
      [true, 1],
      [true, 1],
    ]);
  });

  it('puts the council’s documents in its Drive folder as Google Docs, one upload each, again only when the list changes', async () => {
    google = await startGoogle({ speed: 400 });
    db = await freshStore(server);
    const registry = withDocumentsFolder(seedSector(google.standin, 3));
    const { workbooks } = google.workbooks();
    const { documents, drive } = google.documents();
    const deps = { source: workbooks, sink: workbooks, store: db.store, documents };
    await syncUnits(deps, input(registry));
    const proposeNow = () => proposeListed(deps, registry, { documentsDate: '2025-06-15' });
    const first = await proposeNow();
    const docs = google.standin.documentsIn('folder-HD');
    expect(docs.map((d) => d.name).sort()).toEqual([
      'Biên bản họp Hội đồng xét đề nghị khen thưởng năm thi đua 2024–2025 — Đơn vị HD',
      'Danh sách đề nghị khen thưởng năm thi đua 2024–2025 — Đơn vị HD',
      'Tờ trình đề nghị khen thưởng năm thi đua 2024–2025 — Đơn vị HD',
    ]);
    expect(first.documents.get('HD')?.sort()).toEqual(docs.map((d) => d.id).sort());
    expect(google.standin.count({ api: 'files.create' })).toBe(3);
    // Read back through Drive's export, as the office would open them.
    const list = docs.find((d) => d.name.startsWith('Danh sách'));
    const text = String((await drive.files.export({ fileId: list?.id ?? '', mimeType: 'text/plain' })).data);
    for (const person of first.councils[0]?.individuals.proposed ?? []) expect(text).toContain(person.name);
    expect(text).toContain('NGƯỜI LẬP BIỂU');

    // Nothing changed: no upload at all.
    await proposeNow();
    expect(google.standin.count({ api: 'files.create' })).toBe(3);
    expect(google.standin.count({ api: 'files.update' })).toBe(0);

    // A unit's scores change the list: the same three documents are updated in place.
    google.standin.userEdit('ss-U000', 'Cá nhân', 1, 8, 5); // U000-0's CN1: 20 → 5
    await syncUnits(deps, input(registry, '2025-06-11T01:00:00.000Z'));
    await proposeNow();
    expect(google.standin.count({ api: 'files.create' })).toBe(3);
    expect(google.standin.count({ api: 'files.update' })).toBe(3);
    expect(google.standin.documentsIn('folder-HD').map((d) => d.uploads)).toEqual([2, 2, 2]);
  });

  it('lists and polls unit spreadsheets kept in a shared drive (Drive leaves them out of the default corpus and of the account’s change log)', async () => {
    google = await startGoogle({ speed: 400 });
    const g = google;
    seedSector(g.standin, 4);
    g.standin.putSpreadsheet('ss-D1', 'Bảng điểm D1', unitGrids('D1', peopleOf('D1')), {
      driveId: 'drive-1',
    });
    const { workbooks } = g.workbooks();
    // The nightly listing sees it.
    expect((await workbooks.listVersions()).has('ss-D1')).toBe(true);
    // The poll: a token for the account's log and one per shared drive; a clerk's edit in the
    // shared drive is found, and an idle poll then costs one call per log.
    const start = await workbooks.changesSince(null);
    g.standin.userEdit('ss-D1', 'Cá nhân', 1, 8, 9);
    const edited = await workbooks.changesSince(start.token);
    expect([...edited.changed.keys()]).toEqual(['ss-D1']);
    const before = g.standin.count({ api: 'changes.list' });
    const idle = await workbooks.changesSince(edited.token);
    expect(idle.changed.size).toBe(0);
    expect(g.standin.count({ api: 'changes.list' }) - before).toBe(2);
    // A token of the earlier format (the account's log only) still works, and learns the drives.
    const old = await workbooks.changesSince(JSON.parse(start.token).user as string);
    g.standin.userEdit('ss-D1', 'Cá nhân', 1, 8, 8);
    expect([...(await workbooks.changesSince(old.token)).changed.keys()]).toContain('ss-D1');
  });

  it('asks for the spreadsheets an incomplete search over all drives left out (incompleteSearch)', async () => {
    google = await startGoogle({ speed: 400 });
    const g = google;
    seedSector(g.standin, 4);
    g.standin.putSpreadsheet('ss-D1', 'Bảng điểm D1', unitGrids('D1', peopleOf('D1')), {
      driveId: 'drive-1',
    });
    g.standin.searchMisses.add('drive-1');
    const { workbooks } = g.workbooks();
    const listed = await workbooks.listVersions();
    expect([listed.has('ss-D1'), listed.incomplete]).toEqual([false, true]);
    // The sync's versions: one listing, then the one it left out by itself — and a wrong id stays absent.
    const wanted = ['ss-U000', 'ss-U001', 'ss-U002', 'ss-U003', 'ss-D1', 'ss-nowhere'];
    const versions = await workbooks.versions(wanted);
    expect([...versions.keys()].sort()).toEqual(['ss-D1', 'ss-U000', 'ss-U001', 'ss-U002', 'ss-U003']);
    expect(g.standin.count({ api: 'files.get' })).toBe(2);
    // What thidua wrote is vouched for the same way.
    expect((await workbooks.writtenVersions(wanted)).has('ss-D1')).toBe(true);
  });

  it('a council whose documents Drive refuses (its folder outside a shared drive) still has its list recorded, and is told why', async () => {
    google = await startGoogle({ speed: 400 });
    db = await freshStore(server);
    const registry = withDocumentsFolder(seedSector(google.standin, 3));
    const { workbooks } = google.workbooks();
    const { documents } = google.documents();
    const deps = { source: workbooks, sink: workbooks, store: db.store, documents };
    await syncUnits(deps, input(registry));
    // Drive answers the service account's upload as it does outside a shared drive.
    google.standin.inject({ kind: 'storageQuotaExceeded', api: 'files.create', count: 10 });
    const refused = await proposeListed(deps, registry, { documentsDate: '2025-06-15' });
    expect(refused.documentFailures.get('HD')?.reason).toBe('noStorage');
    expect(refused.documentFailures.get('HD')?.detail).toContain('storageQuotaExceeded');
    expect(refused.rewritten).toEqual(['HD']); // the proposal is written and recorded
    expect((await db.store.loadProposalRecords(YEAR, ['HD'])).get('HD')?.location).toBe('ss-proposal-HD');
    expect(google.standin.count({ api: 'files.create' })).toBe(1); // one refusal, no retry storm
    // The office's status workbook says so beside the council's list.
    const { writeSectorStatus } = await import('../../shared/usecases/status.ts');
    google.standin.putSpreadsheet('ss-status', 'Tình hình', { 'Trang tính1': [] });
    const status = await writeSectorStatus(
      { store: db.store, sink: workbooks },
      {
        movement,
        year: YEAR,
        registry,
        location: 'ss-status',
        link: () => null,
        time: (iso) => iso,
        documentsFailed: new Set(refused.documentFailures.keys()),
      },
    );
    expect(status.written).toBe(true);
    const sheets = google.standin.sheetTitles('ss-status');
    const cells = sheets.flatMap((t) => google?.standin.cells('ss-status', t) ?? []);
    expect(cells.flat().map(String).join(' | ')).toContain('văn bản chưa ghi được');
    // The folder moved into a shared drive: the next run writes them.
    google.standin.clearFaults();
    const done = await proposeListed(deps, registry, { documentsDate: '2025-06-15' });
    expect(done.documentFailures.size).toBe(0);
    expect(google.standin.documentsIn('folder-HD')).toHaveLength(3);
  });

  it('writes a proposal in one batchUpdate once its tabs are known, finds a deleted tab again, and notices a council edit made right after the write', async () => {
    google = await startGoogle({ speed: 400 });
    db = await freshStore(server);
    const registry = seedSector(google.standin, 3);
    const { workbooks } = google.workbooks();
    // A council member saves in the proposal spreadsheet between thidua's write and its look at
    // the versions, when `edit` is set.
    let edit = false;
    const source = {
      versions: (l: readonly string[]) => workbooks.versions(l),
      readWorkbook: (l: string, t?: readonly string[]) => workbooks.readWorkbook(l, t),
      writtenVersions: async (l: readonly string[]) => {
        if (edit) google?.standin.userEdit('ss-proposal-HD', 'Đồng điểm tại ngưỡng', 0, 0, 'Hội đồng đã xem');
        return workbooks.writtenVersions(l);
      },
    };
    const deps = { source, sink: workbooks, store: db.store };
    const proposeNow = () => proposeListed(deps, registry);
    const calls = (api: string) =>
      google?.standin.count({ api, spreadsheetId: 'ss-proposal-HD', gridData: false }) ?? 0;
    /** Reads of the workbook's cells (the council's choices), not of its tabs' titles. */
    const reads = () =>
      google?.standin.count({ api: 'spreadsheets.get', spreadsheetId: 'ss-proposal-HD', gridData: true }) ??
      0;
    let day = 10;
    const change = async (score: number) => {
      google?.standin.userEdit('ss-U000', 'Cá nhân', 1, 8, score);
      await syncUnits(
        { source: workbooks, sink: workbooks, store: db?.store as SubmissionStore },
        input(registry, `2025-06-${++day}T01:00:00.000Z`),
      );
    };
    await syncUnits({ source: workbooks, sink: workbooks, store: db.store }, input(registry));

    // First write: one look at the tabs, then the new tabs and their content in one batchUpdate.
    await proposeNow();
    expect([calls('spreadsheets.get'), calls('spreadsheets.batchUpdate')]).toEqual([1, 1]);
    // The proposal changes: its tabs are known from the record, so the write is the only call.
    await change(5);
    await proposeNow();
    expect([calls('spreadsheets.get'), calls('spreadsheets.batchUpdate')]).toEqual([1, 2]);
    expect(reads()).toBe(0); // thidua's own write is not taken for the council's

    // Someone deletes a tab: the write that fails on it looks again and puts it back.
    google.standin.userDeleteSheet('ss-proposal-HD', 'Không đề nghị');
    await change(6);
    await proposeNow();
    expect(google.standin.sheetTitles('ss-proposal-HD')).toContain('Không đề nghị');
    expect(calls('spreadsheets.get')).toBe(2);
    expect(reads()).toBe(1); // a person changed it: the council's choices are read

    // A council member saves just after thidua's write: the next run reads the council's choices.
    edit = true;
    await change(7);
    await proposeNow();
    expect(reads()).toBe(1);
    edit = false;
    await proposeNow();
    expect(reads()).toBe(2);
  });

  it('prepares a unit spreadsheet for the template without touching the tabs the unit filled', async () => {
    google = await startGoogle({ speed: 400 });
    const grids = unitGrids('U001', peopleOf('U001'));
    const filled = { 'Cá nhân': grids['Cá nhân'] ?? [] };
    google.standin.putSpreadsheet('ss-U001', 'Bảng điểm U001', filled);
    const before = google.standin.cells('ss-U001', 'Cá nhân');
    const { workbooks } = google.workbooks();
    const { unitWorkbookModel } = await import('../../shared/present/unit-template.ts');
    const model = unitWorkbookModel({
      movement,
      catalog,
      year: YEAR,
      unit: { code: 'U001', name: 'Đơn vị U001' },
    });
    expect(await workbooks.createWorkbook('ss-U001', model)).toBe('created');
    expect(google.standin.cells('ss-U001', 'Cá nhân')).toEqual(before);
    expect(google.standin.sheetTitles('ss-U001')).toEqual([
      'Cá nhân',
      'Thông tin',
      'Tập thể',
      'Kiểm tra dữ liệu',
    ]);
    expect(google.standin.validations('ss-U001', 'Tập thể').length).toBeGreaterThan(0);
    expect(google.standin.protectedRanges('ss-U001', 'Tập thể').length).toBeGreaterThan(0);
    expect(google.standin.cells('ss-U001', 'Thông tin')[2]).toEqual(['Mã đơn vị', 'U001']);
    expect(await workbooks.createWorkbook('ss-U001', model)).toBe('exists');
  });
});

describe('proposal spreadsheets in a shared drive', () => {
  it('creates one per council where the registry lists none, once, even when an answer is lost', async () => {
    google = await startGoogle({ speed: 400 });
    db = await freshStore(server);
    const base = seedSector(google.standin, 3);
    const hd = base.units.get('HD');
    if (!hd) throw new Error('no HD');
    const registry = { ...base, units: new Map([...base.units, ['HD', { ...hd, proposalWorkbook: null }]]) };
    const { googleClients } = await import('../../shared/adapters/google/auth.ts');
    const { GoogleCaller } = await import('../../shared/adapters/google/caller.ts');
    const { GoogleWorkbooks } = await import('../../shared/adapters/google/workbooks.ts');
    const clients = googleClients({
      credentials: { kind: 'accessToken', token: 'stand-in-token' },
      rootUrl: google.rootUrl,
      write: true,
    });
    const workbooks = new GoogleWorkbooks({
      clients,
      caller: new GoogleCaller({ clock: google.clock, timeoutMs: 2000 }),
      sharedDriveFolderId: 'shared-folder',
    });
    const deps = { source: workbooks, sink: workbooks, store: db.store };
    await syncUnits(deps, input(registry));
    const propose = () =>
      proposeAwards(deps, {
        movement,
        year: YEAR,
        registry,
        proposalLocation: () => null,
      });

    google.standin.inject({ kind: 'drop-after', api: 'files.create' }); // created, but the answer is lost
    const first = await propose();
    const location = first.written.get('HD');
    expect(location).toBeDefined();
    expect(google.standin.count({ api: 'files.create', status: 200 })).toBe(1);
    expect(google.standin.sheetTitles(location ?? '')).toContain('Cá nhân đề nghị');

    google.standin.userEdit('ss-U001', 'Cá nhân', 1, 8, 1); // a change that moves the ranking
    await syncUnits(deps, input(registry, '2025-06-11T01:00:00.000Z'));
    const second = await proposeAwards(deps, {
      movement,
      year: YEAR,
      registry,
      proposalLocation: () => null,
    });
    expect(second.written.get('HD')).toBe(location);
    expect(second.rewritten).toEqual(['HD']);
    expect(google.standin.count({ api: 'files.create', status: 200 })).toBe(1);
  });
});

/** The command-line options of a run against the stand-in (the token in a file, never on the line). */
async function googleArgs(rootUrl: string) {
  const { mkdtemp, writeFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = await mkdtemp(join(tmpdir(), 'thidua-google-cli-'));
  const tokenFile = join(dir, 'token');
  await writeFile(tokenFile, 'stand-in-token\n');
  return {
    dir,
    args: [
      '--google',
      '--registry-id',
      'ss-registry',
      '--access-token-file',
      tokenFile,
      '--google-root-url',
      rootUrl,
    ],
  };
}

describe('thidua template --google', () => {
  it('prepares every unit spreadsheet the registry lists; one that cannot be reached does not stop the others', async () => {
    google = await startGoogle({ speed: 400 });
    const { registryWorkbookModel } = await import('../../shared/present/registry-book.ts');
    const { modelGrids } = await import('../../shared/adapters/memory/workbooks.ts');
    const { main } = await import('../../shared/cli/main.ts');
    const { unit } = await import('../helpers/fixtures.ts');
    const units = [
      unit('HD', { runsCouncil: true, workbook: 'ss-HD' }),
      unit('A', { parentCode: 'HD', workbook: 'ss-A' }),
      unit('B', { parentCode: 'HD', workbook: 'ss-B-not-shared' }),
    ];
    google.standin.putSpreadsheet('ss-registry', 'Danh mục', modelGrids(registryWorkbookModel(units)));
    google.standin.putSpreadsheet('ss-HD', 'HD', { 'Trang tính1': [] });
    google.standin.putSpreadsheet('ss-A', 'A', { 'Trang tính1': [] });
    const { args } = await googleArgs(google.rootUrl);
    expect(await main(['template', ...args])).toBe(0);
    expect(google.standin.sheetTitles('ss-A')).toEqual([
      'Trang tính1',
      'Thông tin',
      'Tập thể',
      'Cá nhân',
      'Kiểm tra dữ liệu',
    ]);
    expect(google.standin.cells('ss-A', 'Thông tin')[2]).toEqual(['Mã đơn vị', 'A']);
    expect(google.standin.sheetTitles('ss-HD')).toContain('Cá nhân');
  });
});

describe('thidua run --round final --google', () => {
  it('writes each council’s round list into the shared drive, reads the council’s choice back, and says when it cannot', async () => {
    google = await startGoogle({ speed: 400 });
    const { registryWorkbookModel } = await import('../../shared/present/registry-book.ts');
    const { modelGrids } = await import('../../shared/adapters/memory/workbooks.ts');
    const { main } = await import('../../shared/cli/main.ts');
    const registry = seedSector(google.standin, 3);
    google.standin.putSpreadsheet(
      'ss-registry',
      'Danh mục',
      modelGrids(registryWorkbookModel([...registry.units.values()])),
    );
    const { join } = await import('node:path');
    const { writeFile } = await import('node:fs/promises');
    const { dir, args: googleOptions } = await googleArgs(google.rootUrl);
    // The store holds one year: a movement whose rounds rank on one year, so that the council
    // has a list (with the bundled two, it could rank nobody for want of years: exit 3).
    const oneYear = join(dir, 'phong-trao-mot-nam.json');
    await writeFile(
      oneYear,
      JSON.stringify({ ...movement, roundRanking: { ...movement.roundRanking, minYears: 1 } }),
    );
    const args = [
      'run',
      ...googleOptions,
      '--store',
      join(dir, 'db'),
      '--out',
      join(dir, 'out'),
      '--movement',
      oneYear,
      '--round',
      'final',
    ];
    // No shared drive: nowhere to make the round's spreadsheets — said, and not a success.
    expect(await main(args)).toBe(3);
    expect(await main([...args, '--shared-drive', 'shared-folder'])).toBe(0);
    // The round list of the council, and (the registry naming no status spreadsheet) the sector status.
    const made = google.standin.spreadsheetsIn('shared-folder');
    expect(made.map((b) => b.title).sort()).toEqual([
      'Tình hình nộp bảng điểm — năm thi đua 2024–2025',
      'Đề nghị khen thưởng tổng kết 2019–2025 — Đơn vị HD (HD)',
    ]);
    const id = made.find((b) => b.title.startsWith('Đề nghị'))?.id ?? '';
    expect(google.standin.sheetTitles(id)).toEqual(
      expect.arrayContaining(['Tổng hợp', 'Cá nhân', 'Tập thể']),
    );
    const people = google.standin.cells(id, 'Cá nhân');
    const header = people.findIndex((row) => row.includes('Hội đồng chọn hình thức'));
    const col = people[header]?.indexOf('Hội đồng chọn hình thức') ?? -1;
    const first = people.findIndex((row, r) => r > header && typeof row[1] === 'string' && row[1] !== '');
    const staffId = String(people[first]?.[1]);
    google.standin.userEdit(id, 'Cá nhân', first, col, 'Bằng khen của Thủ tướng Chính phủ');
    expect(await main([...args, '--shared-drive', 'shared-folder'])).toBe(0);
    expect(google.standin.spreadsheetsIn('shared-folder')).toHaveLength(2); // found again, not made twice
    const again = google.standin.cells(id, 'Cá nhân');
    expect(again.find((row) => row[1] === staffId)?.[col]).toBe('Bằng khen của Thủ tướng Chính phủ');
    // A choice saved just as thidua writes the round list again is seen in that write and kept.
    const second = again.findIndex((row, r) => r > first && typeof row[1] === 'string' && row[1] !== '');
    const secondId = String(again[second]?.[1]);
    const g = google;
    let saved = false;
    g.standin.beforeEffect = (call) => {
      if (saved || call.spreadsheetId !== id || call.api !== 'spreadsheets.batchUpdate') return;
      saved = true;
      g.standin.userEdit(id, 'Cá nhân', second, col, 'Không đề nghị');
    };
    expect(await main([...args, '--shared-drive', 'shared-folder'])).toBe(0);
    g.standin.beforeEffect = undefined;
    expect(saved).toBe(true);
    const kept = google.standin.cells(id, 'Cá nhân');
    expect(kept.find((row) => row[1] === secondId)?.[col]).toBe('Không đề nghị');
    expect(kept.find((row) => row[1] === staffId)?.[col]).toBe('Bằng khen của Thủ tướng Chính phủ');
  });
});

describe('thidua run --google', () => {
  it('uploads each council’s documents as Google Docs to the API it was pointed at', async () => {
    google = await startGoogle({ speed: 400 });
    const { registryWorkbookModel } = await import('../../shared/present/registry-book.ts');
    const { modelGrids } = await import('../../shared/adapters/memory/workbooks.ts');
    const { main } = await import('../../shared/cli/main.ts');
    const { join } = await import('node:path');
    const registry = seedSector(google.standin, 3);
    google.standin.putSpreadsheet(
      'ss-registry',
      'Danh mục',
      modelGrids(registryWorkbookModel([...registry.units.values()])),
    );
    const { dir, args } = await googleArgs(google.rootUrl);
    const run = ['run', ...args, '--store', join(dir, 'db'), '--out', join(dir, 'out')];
    expect(await main([...run, '--shared-drive', 'shared-folder'])).toBe(0);
    // Uploads go where the clients were pointed (the stand-in), not to Google's own upload address.
    expect(
      google.standin
        .documentsIn('shared-folder')
        .map((d) => d.name.split(' ')[0])
        .sort(),
    ).toEqual(['Biên', 'Danh', 'Tờ']);
    expect(
      google.standin.calls
        .filter((c) => c.api === 'files.create' && c.path.startsWith('/upload/'))
        .map((c) => [c.path, c.query.find(([k]) => k === 'uploadType')?.[1], c.contentType]),
    ).toEqual(Array(3).fill(['/upload/drive/v3/files', 'multipart', 'multipart/related']));
  });
});
