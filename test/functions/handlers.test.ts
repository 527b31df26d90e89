/**
 * The Lambda functions' logic with real event shapes (EventBridge Scheduler input, SQS records)
 * against the embedded store (dynalite) and the Sheets stand-in; the queues are in memory.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { administer } from '../../functions/app/admin.ts';
import { dispatch } from '../../functions/app/dispatcher.ts';
import { propose } from '../../functions/app/propose.ts';
import { work } from '../../functions/app/worker.ts';
import { ConfigError, loadConfig } from '../../functions/lib/config.ts';
import { logger, setLogSink } from '../../functions/lib/logger.ts';
import type { ProposeMessage, SyncMessage } from '../../functions/lib/messages.ts';
import type { MemoryWorkQueue } from '../../functions/lib/queue.ts';
import type { Runtime } from '../../functions/lib/runtime.ts';
import type { EmbeddedStore } from '../../shared/adapters/dynamodb/local.ts';
import { DEFAULT_MOVEMENT_FILE } from '../../shared/movement/files.ts';
import { type Functions, PROPOSE, SYNC, sqsEvent, startFunctions } from '../helpers/functions.ts';
import { type Google, TOKEN } from '../helpers/google.ts';
import { scanAll, startStore, type TestStore } from '../helpers/store.ts';

let server: EmbeddedStore;
beforeAll(async () => {
  server = await startStore();
});
afterAll(async () => {
  await server.close();
});

let fx: Functions;
let google: Google;
let db: TestStore;
let queue: MemoryWorkQueue;
let rt: Runtime;
/** The log lines of the current test: faults the tests cause are logged here, not on the console. */
let logged: { level: string; message: string; [key: string]: unknown }[] = [];
let restoreSink: ((line: string) => void) | undefined;
beforeEach(async () => {
  logged = [];
  restoreSink = setLogSink((line) => logged.push(JSON.parse(line) as (typeof logged)[number]));
  fx = await startFunctions(server);
  ({ google, db, queue, rt } = fx);
});
afterEach(async () => {
  if (restoreSink) setLogSink(restoreSink);
  await fx.close();
});

const sent = <T>(url: string) => (queue.sent.get(url) ?? []) as T[];
const now = '2025-06-10T01:00:00.000Z';

describe('dispatcher → worker → propose', () => {
  it('fans a scheduled sync out, one message per changed unit, and proposes when the last one is done', async () => {
    const result = await dispatch(rt, { kind: 'scheduled-sync' }, now, 'run-1');
    expect(result).toEqual({ runId: 'run-1', enqueued: 7, units: 7 }); // 6 workbooks + the council's own unit (missing)
    const messages = sent<SyncMessage>(SYNC);
    expect(messages.map((m) => m.unit.code)).toEqual(['HD', 'U000', 'U001', 'U002', 'U003', 'U004', 'U005']);
    expect(google.standin.count({ api: 'files.list' })).toBe(1);
    expect(google.standin.count({ api: 'spreadsheets.get', gridData: true, spreadsheetId: 'ss-U000' })).toBe(
      0,
    ); // only listed

    const first = await work(rt, sqsEvent(messages.slice(0, 4)), now);
    expect(first.batchItemFailures).toEqual([]);
    expect(sent(PROPOSE)).toEqual([]); // not all done yet
    const rest = await work(rt, sqsEvent(messages.slice(4)), now);
    expect(rest.batchItemFailures).toEqual([]);
    expect(sent<ProposeMessage>(PROPOSE)).toEqual([{ kind: 'propose', runId: 'run-1', year: 2024 }]);

    const proposals = await propose(rt, sqsEvent(sent(PROPOSE)));
    expect(proposals.batchItemFailures).toEqual([]);
    expect(google.standin.sheetTitles('ss-proposal-HD')).toContain('Cá nhân đề nghị');
    // The sector status, in the office's spreadsheet: every unit, the one without a workbook first.
    const status = google.standin.cells('ss-status', 'Đơn vị');
    const header = status.findIndex((row) => row[0] === 'STT');
    expect(status.slice(header + 1, header + 8).map((row) => [row[1], row[5]])).toEqual([
      ['HD', 'Chưa nộp'],
      ...['U000', 'U001', 'U002', 'U003', 'U004', 'U005'].map((code) => [code, 'Đã tiếp nhận']),
    ]);
    // The council's Tờ trình, Danh sách and Biên bản, as Google Docs in its folder.
    expect(google.standin.documentsIn('folder-HD').map((d) => d.name.split(' ')[0])).toEqual([
      'Tờ',
      'Danh',
      'Biên',
    ]);

    // Our own feedback write changed each workbook's modifiedTime, but Drive vouched that it was
    // the only change (the version read was still there just before, and the last change after
    // it is ours): the next night, with no clerk's edit, enqueues nothing and reads nothing.
    const reads = google.standin.count({ api: 'spreadsheets.get', gridData: true });
    const night = google.standin.calls.length;
    const quiet = await dispatch(rt, { kind: 'scheduled-sync' }, now, 'run-2b');
    expect(google.standin.calls.length - night).toBeLessThanOrEqual(2);
    expect(google.standin.count({ api: 'spreadsheets.get', gridData: true })).toBe(reads);
    expect(quiet).toEqual({ runId: 'run-2b', enqueued: 0, units: 7 });

    // A published council's spreadsheet is left alone by later proposal runs. It publishes once it
    // has decided among those tied at its line: in its spreadsheet, “Không” for every one of them.
    const { publishCouncil, UndecidedTieError } = await import('../../shared/usecases/publish.ts');
    const registry = await rt.loadRegistry();
    const publishHd = () =>
      publishCouncil(
        { store: rt.store, publications: rt.publications, source: rt.workbooks, sink: rt.workbooks },
        {
          movement: rt.movement,
          year: 2024,
          round: 'annual',
          registry,
          councilCode: 'HD',
          location: 'ss-proposal-HD',
          by: 'Thư ký',
          why: '',
          now,
        },
      );
    const ties = google.standin.cells('ss-proposal-HD', 'Đồng điểm tại ngưỡng');
    const tiedRows = ties.flatMap((row, r) =>
      (row[0] === 'Cá nhân' || row[0] === 'Tập thể') && row[2] ? [r] : [],
    );
    expect(tiedRows.length).toBeGreaterThan(0);
    await expect(publishHd()).rejects.toBeInstanceOf(UndecidedTieError);
    for (const r of tiedRows)
      google.standin.userEdit('ss-proposal-HD', 'Đồng điểm tại ngưỡng', r, 8, 'Không');
    expect((await publishHd()).outcome).toBe('published');
    const writesBefore = google.standin.count({ kind: 'write', spreadsheetId: 'ss-proposal-HD' });
    google.standin.userEdit('ss-U001', 'Cá nhân', 1, 8, 1); // a change that moves HD's ranking
    await dispatch(rt, { kind: 'scheduled-sync' }, now, 'run-3');
    await work(rt, sqsEvent(sent<SyncMessage>(SYNC).filter((m) => m.runId === 'run-3')), now);
    await propose(rt, sqsEvent([{ kind: 'propose', runId: 'run-3', year: 2024 }]));
    expect(google.standin.count({ kind: 'write', spreadsheetId: 'ss-proposal-HD' })).toBe(writesBefore);
  });

  it('stores once when the same message arrives twice', async () => {
    await dispatch(rt, { kind: 'scheduled-sync' }, now, 'run-1');
    const message = sent<SyncMessage>(SYNC).find((m) => m.unit.code === 'U002');
    await work(rt, sqsEvent([message]), now);
    const again = await work(rt, sqsEvent([message], 2), now);
    expect(again.batchItemFailures).toEqual([]);
    // The redelivery reads the workbook again (our tab changed it) but stores no second version
    // and writes no second tab.
    const items = await scanAll(db);
    expect(items.filter((i) => i.pk === 'UNIT#U002' && String(i.sk).includes('#SUB#'))).toHaveLength(1);
    expect(google.standin.count({ api: 'spreadsheets.batchUpdate', spreadsheetId: 'ss-U002' })).toBe(1);
  });

  it('reports only the poison message of a batch', async () => {
    await dispatch(rt, { kind: 'scheduled-sync' }, now, 'run-1');
    const [a, b] = sent<SyncMessage>(SYNC).slice(1, 3);
    const result = await work(
      rt,
      sqsEvent([a, '{"kind":"sync-unit","oops":', b, { kind: 'something-else' }]),
      now,
    );
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'm-1-1' }, { itemIdentifier: 'm-3-1' }]);
    const states = await rt.store.loadStates(2024, ['U000', 'U001']);
    expect([...states.values()].map((s) => s.lastStatus)).toEqual(['accepted', 'accepted']);
  });

  it('leaves nothing half-written when a worker dies mid-batch: the next delivery finishes it', async () => {
    await dispatch(rt, { kind: 'scheduled-sync' }, now, 'run-1');
    const messages = sent<SyncMessage>(SYNC).slice(1, 4);
    const store = rt.store;
    let calls = 0;
    const saveStates = store.saveStates.bind(store);
    store.saveStates = async (updates) => {
      // Each unit stores its version, writes its tab, then saves its pointer: the crash is at the
      // second unit's pointer, after its version and its tab.
      if (++calls === 2) throw new Error('simulated crash: Task timed out');
      return saveStates(updates);
    };
    const crashed = await work(rt, sqsEvent(messages), now);
    expect(crashed.batchItemFailures).toEqual([{ itemIdentifier: 'm-1-1' }]);
    expect(logged.filter((l) => l.level === 'ERROR')).toMatchObject([
      { message: 'message failed', messageId: 'm-1-1', detail: 'simulated crash: Task timed out' },
    ]);
    store.saveStates = saveStates;

    const redelivered = await work(rt, sqsEvent(messages, 2), now);
    expect(redelivered.batchItemFailures).toEqual([]);
    const states = await store.loadStates(2024, ['U000', 'U001', 'U002']);
    expect([...states.values()].every((s) => s.acceptedHash !== null)).toBe(true);
    const items = await scanAll(db);
    expect(items.filter((i) => String(i.sk).includes('#SUB#'))).toHaveLength(3);
  });
});

describe('on demand and on schedule', () => {
  it('resyncs one unit with force, then reproposes when it is done', async () => {
    const result = await administer(rt, { action: 'resync-unit', unitCode: 'u003' }, now, 'admin-1');
    expect(result).toEqual({ ok: true, runId: 'admin-1' });
    const [message] = sent<SyncMessage>(SYNC);
    expect(message).toMatchObject({ unit: { code: 'U003' }, force: true, runId: 'admin-1' });
    await work(rt, sqsEvent([message]), now);
    expect(sent<ProposeMessage>(PROPOSE)).toEqual([{ kind: 'propose', runId: 'admin-1', year: 2024 }]);
    expect(await administer(rt, { action: 'resync-unit', unitCode: 'NOPE' }, now, 'admin-2')).toMatchObject({
      ok: false,
    });
    // While that run holds the store, another request waits: it would share the Google quota.
    expect(await administer(rt, { action: 'resync-unit', unitCode: 'u004' }, now, 'admin-4')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('a run is working (admin-1)'),
    });
    await propose(rt, sqsEvent(sent<ProposeMessage>(PROPOSE)));
    expect(await administer(rt, { action: 'resync-unit', unitCode: 'u004' }, now, 'admin-5')).toMatchObject({
      ok: true,
    });
    expect(await administer(rt, { action: 'explode' }, now, 'admin-3')).toMatchObject({ ok: false });
  });

  it('dispatches with their versions the workbooks an incomplete search over all drives left out', async () => {
    const book = google.standin.book('ss-U002');
    book.driveId = 'drive-far';
    google.standin.searchMisses.add('drive-far');
    await dispatch(rt, { kind: 'scheduled-sync' }, now, 'run-i');
    const u002 = sent<SyncMessage>(SYNC).find((m) => m.unit.code === 'U002');
    expect(u002?.version).toBe(new Date(book.modifiedTime).toISOString());
    expect(logged.some((l) => l.message.startsWith('Drive listing incomplete'))).toBe(true);
  });

  it('checks the deployment on demand ({ action: "doctor" }): ready, then each finding with its fix, the workers against the quota', async () => {
    // HD's documents folder in a shared drive the account may add files to: nothing in the way.
    google.standin.putFolder('folder-HD', { driveId: 'drive-vp' });
    const ready = await administer(rt, { action: 'doctor' }, now, 'admin-d');
    expect(ready).toMatchObject({ ok: true, ready: true, account: null });
    // A unit's spreadsheet read-only, and more workers than the account's quota can feed.
    google.standin.share('ss-U002', 'reader');
    const crowded = {
      ...rt,
      config: {
        ...rt.config,
        WORKER_CONCURRENCY: 20,
        ACCOUNT_READS_PER_MINUTE: 60,
        ACCOUNT_WRITES_PER_MINUTE: 60,
      },
    };
    const result = await administer(crowded, { action: 'doctor' }, now, 'admin-d2');
    expect(result).toMatchObject({ ok: true, ready: false });
    const findings = 'findings' in result ? result.findings : [];
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual([
      'TOO_MANY_WORKERS',
      'WORKBOOK_READ_ONLY',
    ]);
    expect(findings.find((f) => f.code === 'TOO_MANY_WORKERS')?.text).toContain(
      'với hạn mức này đặt nhiều nhất 10',
    );
    expect(findings.find((f) => f.code === 'WORKBOOK_READ_ONLY')?.text).toContain(
      'Đơn vị U002 — bảng điểm ss-U002',
    );
    expect(logged.some((l) => l.message === 'deployment checked' && l.ready === false)).toBe(true);
    // Nothing was written, nothing was queued.
    expect(google.standin.calls.filter((c) => c.kind === 'write')).toEqual([]);
    expect(queue.sent.size).toBe(0);
  });

  it('reproposes one council, and runs the fallback proposal on schedule only for a run that never got its proposals', async () => {
    await administer(rt, { action: 'repropose', councilCode: 'HD' }, now, 'admin-1');
    // No run waiting: the fallback asks Google nothing.
    const calls = google.standin.calls.length;
    expect(await dispatch(rt, { kind: 'scheduled-propose' }, now, 'run-8')).toMatchObject({ enqueued: 0 });
    expect(google.standin.calls.length).toBe(calls);
    await propose(rt, sqsEvent(sent<ProposeMessage>(PROPOSE))); // the admin's run is over
    queue.sent.clear();
    // A run whose units were enqueued: while its workers are still at it, the fallback leaves it
    // to them (it would share the quota with them, and its last worker asks for the proposals).
    await dispatch(rt, { kind: 'scheduled-sync' }, now, 'run-1');
    queue.depth.set(SYNC, 3);
    expect(await dispatch(rt, { kind: 'scheduled-propose' }, now, 'run-8b')).toMatchObject({ busy: true });
    expect(sent(PROPOSE)).toEqual([]);
    // Its units never all done (a message in the dead-letter queue): the fallback proposes for
    // it, under its lease, which the proposals release.
    queue.depth.set(SYNC, 0);
    await dispatch(rt, { kind: 'scheduled-propose' }, now, 'run-9');
    expect(sent<ProposeMessage>(PROPOSE)).toEqual([{ kind: 'propose', runId: 'run-1', year: 2024 }]);
    expect(await rt.leases.holderAt('job', Date.parse(now))).toBe('run-1');
    await propose(rt, sqsEvent(sent<ProposeMessage>(PROPOSE)));
    expect(await rt.leases.holderAt('job', Date.parse(now))).toBeNull();
    // Once proposals are made, the next fallback has nothing to do.
    expect(await dispatch(rt, { kind: 'scheduled-propose' }, now, 'run-10')).toMatchObject({ enqueued: 0 });
    await expect(dispatch(rt, { kind: 'nonsense' }, now, 'run-11')).rejects.toThrow();
  });
});

describe('an unchanged night', () => {
  it('costs one Google call: the listing; the registry comes from the store while its spreadsheet is unchanged', async () => {
    await dispatch(rt, { kind: 'scheduled-sync' }, now, 'run-1');
    await work(rt, sqsEvent(sent<SyncMessage>(SYNC)), now);
    await propose(rt, sqsEvent(sent(PROPOSE)));
    // Google cannot vouch for our own feedback writes: the next night reads those workbooks once more.
    queue.sent.clear();
    await dispatch(rt, { kind: 'scheduled-sync' }, now, 'run-2');
    await work(rt, sqsEvent(sent<SyncMessage>(SYNC)), now);
    await propose(rt, sqsEvent(sent(PROPOSE)));
    queue.sent.clear();
    const calls = google.standin.calls.length;
    expect(await dispatch(rt, { kind: 'scheduled-sync' }, now, 'run-3')).toMatchObject({ enqueued: 0 });
    expect(await dispatch(rt, { kind: 'scheduled-propose' }, now, 'run-3p')).toMatchObject({ enqueued: 0 });
    expect(google.standin.calls.slice(calls).map((c) => c.api)).toEqual(['files.list']);
    // The office edits the registry: the next night reads it again.
    google.standin.userEdit('ss-registry', 'Đơn vị', 1, 1, 'Viện kiểm sát nhân dân tỉnh X');
    const before = google.standin.calls.length;
    await dispatch(rt, { kind: 'scheduled-sync' }, now, 'run-4');
    expect(google.standin.calls.slice(before).map((c) => c.api)).toEqual(['files.list', 'spreadsheets.get']);
  });
});

describe('polling Drive for changes (every 2 minutes)', () => {
  it('checks an edited workbook on the next poll; an idle poll is one Google call and no store write; none during a run', async () => {
    await dispatch(rt, { kind: 'scheduled-sync' }, now, 'run-1');
    await work(rt, sqsEvent(sent<SyncMessage>(SYNC)), now);
    await propose(rt, sqsEvent(sent(PROPOSE)));
    // The first poll only learns where Drive's change log stands.
    expect(await dispatch(rt, { kind: 'poll' }, now, 'poll-1')).toMatchObject({ enqueued: 0 });
    const calls = google.standin.calls.length;
    const writes = fx.counters.storeWrites;
    expect(await dispatch(rt, { kind: 'poll' }, now, 'poll-2')).toMatchObject({ enqueued: 0 });
    expect(google.standin.calls.slice(calls).map((c) => c.api)).toEqual(['changes.list']);
    expect(fx.counters.storeWrites - writes).toBe(0);

    // A clerk types a word into a score cell at 9:00.
    google.standin.userEdit('ss-U001', 'Cá nhân', 1, 8, 'tám');
    const later = '2025-06-10T02:00:00.000Z';
    expect(await dispatch(rt, { kind: 'poll' }, later, 'poll-3')).toMatchObject({ enqueued: 1 });
    const polled = sent<SyncMessage>(SYNC).filter((m) => m.runId === 'poll-3');
    expect(polled.map((m) => m.unit.code)).toEqual(['U001']);
    // While that run works, a poll starts nothing (and asks Google nothing).
    const before = google.standin.calls.length;
    expect(await dispatch(rt, { kind: 'poll' }, later, 'poll-4')).toMatchObject({ busy: true, enqueued: 0 });
    expect(google.standin.calls.length).toBe(before);
    expect((await work(rt, sqsEvent(polled), later)).batchItemFailures).toEqual([]);
    const feedback = google.standin.cells('ss-U001', 'Kiểm tra dữ liệu').flat().join(' ');
    expect(feedback).toContain('“tám” không phải là số');
    // The run's proposals follow, and free the store for the next poll.
    const runOf = (runId: string) => sent<ProposeMessage>(PROPOSE).filter((m) => m.runId === runId);
    expect(runOf('poll-3')).toHaveLength(1);
    await propose(rt, sqsEvent(runOf('poll-3')));
    // Drive vouches that our feedback write was the only change: the next poll finds nothing…
    expect(await dispatch(rt, { kind: 'poll' }, later, 'poll-5')).toMatchObject({ enqueued: 0 });
    // …while the clerk's correction, saved after our write, is seen by the poll after it.
    google.standin.userEdit('ss-U001', 'Cá nhân', 1, 8, 9);
    expect(await dispatch(rt, { kind: 'poll' }, later, 'poll-5b')).toMatchObject({ enqueued: 1 });
    await work(rt, sqsEvent(sent<SyncMessage>(SYNC).filter((m) => m.runId === 'poll-5b')), later);
    const corrected = google.standin.cells('ss-U001', 'Kiểm tra dữ liệu').flat().join(' ');
    expect(corrected).not.toContain('“tám” không phải là số');
    await propose(rt, sqsEvent(runOf('poll-5b')));
    expect(await dispatch(rt, { kind: 'poll' }, later, 'poll-6')).toMatchObject({ enqueued: 0 });
    const idleCalls = google.standin.calls.length;
    expect(await dispatch(rt, { kind: 'poll' }, later, 'poll-7')).toMatchObject({ enqueued: 0 });
    expect(google.standin.calls.length - idleCalls).toBe(1);
  });

  it('runs a night refused while a poll’s run held the store at the first poll that finds it free', async () => {
    for (const night of ['run-1', 'run-2']) {
      // The second night reads back the workbooks whose tabs the first one wrote: then all is settled.
      await dispatch(rt, { kind: 'scheduled-sync' }, now, night);
      await work(rt, sqsEvent(sent<SyncMessage>(SYNC)), now);
      await propose(rt, sqsEvent(sent(PROPOSE)));
      queue.sent.clear();
    }
    await dispatch(rt, { kind: 'poll' }, now, 'poll-1');
    // A clerk's edit makes a poll's run; the nightly sync comes while it works and is refused.
    google.standin.userEdit('ss-U002', 'Cá nhân', 1, 8, 3);
    google.standin.userEdit('ss-U004', 'Cá nhân', 1, 8, 4);
    expect(await dispatch(rt, { kind: 'poll' }, now, 'poll-2')).toMatchObject({ enqueued: 2 });
    const pollRun = sent<SyncMessage>(SYNC);
    expect(await dispatch(rt, { kind: 'scheduled-sync' }, now, 'night-1')).toMatchObject({ busy: true });
    // While the poll's run still works, a poll does nothing, not even the owed night.
    expect(await dispatch(rt, { kind: 'poll' }, now, 'poll-3')).toMatchObject({ busy: true, enqueued: 0 });
    await work(rt, sqsEvent(pollRun.slice(0, 1)), now); // meanwhile another clerk saves
    google.standin.userEdit('ss-U005', 'Cá nhân', 1, 8, 5);
    await work(rt, sqsEvent(pollRun.slice(1)), now);
    await propose(rt, sqsEvent(sent(PROPOSE)));
    queue.sent.clear();
    // The store is free: the next poll runs the whole night (a listing of the sector), once; it
    // finds the workbook saved meanwhile.
    const before = google.standin.calls.length;
    const owed = await dispatch(rt, { kind: 'poll' }, now, 'poll-4');
    expect(google.standin.calls.slice(before).map((c) => c.api)).toEqual(['files.list']);
    expect(sent<SyncMessage>(SYNC).map((m) => m.unit.code)).toEqual(['U005']);
    expect(owed).toMatchObject({ runId: 'poll-4', enqueued: 1 });
    await work(rt, sqsEvent(sent<SyncMessage>(SYNC)), now);
    await propose(rt, sqsEvent(sent(PROPOSE)));
    const calls = google.standin.calls.length;
    await dispatch(rt, { kind: 'poll' }, now, 'poll-5'); // a poll again: the night is no longer owed
    const apis = google.standin.calls.slice(calls).map((c) => c.api);
    expect(apis[0]).toBe('changes.list');
    expect(apis).not.toContain('files.list');
  });
});

describe('the office asks for a round', () => {
  it('{"action":"round","round":"final"}: the propose function writes each council’s round list into the shared drive', async () => {
    const withDrive = await startFunctions(server, { sharedDrive: 'shared-folder' });
    try {
      const { rt: r, queue: q, google: g } = withDrive;
      await dispatch(r, { kind: 'scheduled-sync' }, now, 'run-1');
      const syncs = (q.sent.get(SYNC) ?? []) as SyncMessage[];
      expect((await work(r, sqsEvent(syncs), now)).batchItemFailures).toEqual([]);
      // While the night's run holds the store, the round waits; once its proposals are made, it goes.
      expect(await administer(r, { action: 'round', round: 'final' }, now, 'admin-0')).toMatchObject({
        ok: false,
      });
      await propose(r, sqsEvent(q.sent.get(PROPOSE) ?? []));
      q.sent.clear();
      expect(await administer(r, { action: 'round', round: 'final' }, now, 'admin-r')).toEqual({
        ok: true,
        runId: 'admin-r',
      });
      const messages = (q.sent.get(PROPOSE) ?? []) as ProposeMessage[];
      expect(messages).toEqual([{ kind: 'propose', runId: 'admin-r', year: 2024, round: 'final' }]);
      const yearWrites = g.standin.count({ kind: 'write', spreadsheetId: 'ss-proposal-HD' });
      expect((await propose(r, sqsEvent(messages))).batchItemFailures).toEqual([]);
      const made = g.standin.spreadsheetsIn('shared-folder');
      expect(made.map((b) => b.title)).toEqual(['Đề nghị khen thưởng tổng kết 2019–2025 — Đơn vị HD (HD)']);
      expect(g.standin.sheetTitles(made[0]?.id ?? '')).toEqual(
        expect.arrayContaining(['Tổng hợp', 'Cá nhân', 'Tập thể']),
      );
      // The year's lists are left as they are.
      expect(g.standin.count({ kind: 'write', spreadsheetId: 'ss-proposal-HD' })).toBe(yearWrites);
      expect(logged.find((l) => l.message === 'round')).toMatchObject({ round: 'final', written: 1 });
      // The round's run is over: the store is free for the next request.
      expect(await administer(r, { action: 'round', round: 'midterm' }, now, 'admin-m')).toMatchObject({
        ok: true,
      });
      expect(await administer(r, { action: 'round', round: 'yearly' }, now, 'admin-x')).toMatchObject({
        ok: false,
      });
    } finally {
      await withDrive.close();
    }
  });
});

describe('configuration and logging', () => {
  it('names every missing or malformed variable at cold start', () => {
    expect(() => loadConfig({ GOOGLE_ACCESS: 'admin' })).toThrow(ConfigError);
    const messageOf = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    };
    const broken = messageOf({ GOOGLE_ACCESS: 'admin', READS_PER_MINUTE: '-3' });
    for (const name of ['TABLE_NAME', 'REGISTRY_ID', 'GOOGLE_ACCESS', 'READS_PER_MINUTE'])
      expect(broken).toContain(name);
    expect(messageOf({ TABLE_NAME: 'thidua', REGISTRY_ID: 'x', GOOGLE_ACCESS: 'read' })).toContain(
      'GOOGLE_SECRET_ID',
    );
  });

  it('logs structured JSON and never a name or staff id', () => {
    const lines: string[] = [];
    const restore = setLogSink((line) => lines.push(line));
    try {
      logger
        .createChild({ persistentKeys: { unit: 'T01' } })
        .info('unit synced', { staffId: 'CB1', name: 'Nguyễn Văn An', email: 'an@vks.gov.vn', problems: 2 });
    } finally {
      setLogSink(restore);
    }
    const entry = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({
      level: 'INFO',
      message: 'unit synced',
      service: 'thidua',
      unit: 'T01',
      problems: 2,
    });
    expect(entry.staffId).toBe('[redacted]');
    expect(entry.name).toBe('[redacted]');
    expect(lines[0]).not.toContain('Nguyễn');
    expect(lines[0]).not.toContain('an@vks');
  });
});

describe('the deployed handlers (middy wiring, cold start)', () => {
  it('builds the runtime once from the environment and answers an SQS event', async () => {
    const env = {
      TABLE_NAME: db.table,
      DYNAMODB_ENDPOINT: server.endpoint,
      REGISTRY_ID: 'ss-registry',
      GOOGLE_ACCESS_TOKEN: TOKEN,
      GOOGLE_ROOT_URL: google.rootUrl,
      GOOGLE_ACCESS: 'write',
      MOVEMENT_FILE: DEFAULT_MOVEMENT_FILE,
      PROPOSE_QUEUE_URL: PROPOSE,
    };
    Object.assign(process.env, env);
    try {
      const { handler } = await import('../../functions/worker.ts');
      const context = {
        awsRequestId: 'req-1',
        functionName: 'worker',
        getRemainingTimeInMillis: () => 60_000,
      } as unknown as import('aws-lambda').Context;
      const first = await handler(sqsEvent(['not json']), context);
      const second = await handler(sqsEvent(['{"kind":"propose"}']), context);
      expect(first).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-0-1' }] });
      expect(second).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-0-1' }] });
      await expect(handler({ not: 'sqs' }, context)).rejects.toThrow();
      // The malformed event is logged once, at the edge, with what was wrong.
      expect(logged.filter((l) => l.message === 'handler failed')).toMatchObject([
        { level: 'ERROR', function: 'worker', function_request_id: 'req-1', error: 'ZodError' },
      ]);
    } finally {
      for (const key of Object.keys(env)) delete process.env[key];
    }
  });
});
