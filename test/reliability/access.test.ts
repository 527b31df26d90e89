/**
 * Fault 2: a workbook thidua may not open (not shared, access removed, deleted) is not the unit's
 * mistake. It gets its own status, records no version, gets no tab, is shown to the emulation
 * office, and is read as soon as it is shared again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildReport } from '../../shared/usecases/report.ts';
import { syncUnits } from '../../shared/usecases/sync.ts';
import { unitGrids } from '../helpers/fixtures.ts';
import { type Google, peopleOf, seedSector, startGoogle } from '../helpers/google.ts';
import { type TestStore, useStore } from '../helpers/store.ts';
import { syncInput } from './helpers.ts';

const stores = useStore();
let db: TestStore | undefined;
let google: Google | undefined;
afterEach(async () => {
  await google?.close();
});

describe('fault 2: a workbook that answers 403 or 404', () => {
  it('is “không truy cập được”, stores no version, gets no tab, and is read once shared again', async () => {
    // Prepare: U001's owner removed the service account's access; U002's id points nowhere.
    google = await startGoogle({ speed: 400 });
    db = await stores.fresh();
    const registry = seedSector(google.standin, 3);
    google.standin.revoke('ss-U001');
    const { workbooks } = google.workbooks();
    const deps = { source: workbooks, sink: workbooks, store: db.store };

    // Act
    const first = await syncUnits(deps, syncInput(registry));

    // Assess: its own status and message, nothing concluded, no write into the workbook.
    const u001 = first.units.find((u) => u.code === 'U001');
    expect(u001?.status).toBe('inaccessible');
    expect(u001?.problems[0]?.code).toBe('WORKBOOK_INACCESSIBLE');
    expect(u001?.problems[0]?.message).toContain('chưa được chia sẻ');
    expect(google.standin.count({ api: 'values.batchUpdate', spreadsheetId: 'ss-U001' })).toBe(0);
    const state = (await db.store.loadStates(2024, ['U001'])).get('U001');
    expect(state).toMatchObject({ lastStatus: 'inaccessible', readKey: null, acceptedHash: null });
    const report = buildReport({
      movementId: 'm',
      year: 2024,
      now: '2025-06-10T01:00:00.000Z',
      registry,
      units: first.units,
      counters: { storeReads: 0, storeWrites: 0, sheetReads: 0, sheetWrites: 0 },
    });
    expect(report.units.find((u) => u.code === 'U001')?.status).toBe('inaccessible');

    // The office fixes the sharing: the next sync reads it and accepts it.
    google.standin.restore('ss-U001');
    const second = await syncUnits(deps, syncInput(registry, '2025-06-11T01:00:00.000Z'));
    expect(second.units.find((u) => u.code === 'U001')).toMatchObject({ status: 'accepted', read: true });
  });

  it('is “missing” when the id points to no spreadsheet (Sheets answers 404), and is tried again next sync', async () => {
    google = await startGoogle({ speed: 400 });
    db = await stores.fresh();
    const base = seedSector(google.standin, 2);
    const u001 = base.units.get('U001');
    if (!u001) throw new Error('fixture');
    const registry = {
      ...base,
      units: new Map([...base.units, ['U001', { ...u001, workbook: 'ss-deleted' }]]),
    };
    const { workbooks } = google.workbooks();
    const deps = { source: workbooks, sink: workbooks, store: db.store };
    const first = await syncUnits(deps, syncInput(registry));
    // Drive shows neither a file that is gone nor one not shared; Sheets tells them apart (404).
    expect(first.units.find((u) => u.code === 'U001')?.status).toBe('missing');
    const state = (await db.store.loadStates(2024, ['U001'])).get('U001');
    expect(state?.readKey).toBeNull();
    // Created at last: read on the next sync.
    google.standin.putSpreadsheet('ss-deleted', 'U001', unitGrids('U001', peopleOf('U001')));
    const second = await syncUnits(deps, syncInput(registry, '2025-06-11T01:00:00.000Z'));
    expect(second.units.find((u) => u.code === 'U001')).toMatchObject({ status: 'accepted', read: true });
  });
});
