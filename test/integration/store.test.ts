import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKey, proposalKey, unitStateKey, versionKey } from '../../shared/adapters/dynamodb/keys.ts';
import type { EmbeddedStore } from '../../shared/adapters/dynamodb/local.ts';
import type { Submission } from '../../shared/domain/submission.ts';
import type { UnitState } from '../../shared/ports/index.ts';
import { freshStore, injectUnprocessed, startStore } from '../helpers/store.ts';

let server: EmbeddedStore;
beforeAll(async () => {
  server = await startStore();
});
afterAll(async () => {
  await server.close();
});

const submission = (unitCode: string, n = 1): Submission => ({
  unitCode,
  year: 2024,
  filledBy: 'Nguyễn Văn An',
  collective: {
    items: { TT1: { self: 2000, reviewed: null, evidence: 'Quyết định số 1', reviewReason: '' } },
    vetoes: { LTT1: false },
  },
  people: Array.from({ length: n }, (_, i) => ({
    staffId: `CB${i}`,
    name: `Trần Thị Bình ${i}`,
    position: 'Kiểm sát viên',
    isLeader: false,
    gender: 'female' as const,
    rating: 'HTT',
    discipline: 'NONE',
    scores: { CN1: 1850 },
    note: '',
  })),
});

const state = (unitCode: string, acceptedHash: string | null): UnitState => ({
  unitCode,
  year: 2024,
  acceptedHash,
  acceptedAt: acceptedHash ? '2025-06-01T00:00:00.000Z' : null,
  lastStatus: acceptedHash ? 'accepted' : 'rejected',
  problems: [],
  readKey: 'v1',
  checkedAt: '2025-06-01T00:00:00.000Z',
  feedbackDelivered: true,
});

describe('keys', () => {
  it('are built and parsed by one module', () => {
    expect(parseKey(unitStateKey('T01-KV1', 2024))).toEqual({
      kind: 'state',
      unitCode: 'T01-KV1',
      year: 2024,
    });
    expect(parseKey(versionKey('T01-KV1', 2024, 'ab12'))).toEqual({
      kind: 'version',
      unitCode: 'T01-KV1',
      year: 2024,
      hash: 'ab12',
    });
    expect(parseKey(proposalKey('T01', 2024))).toEqual({ kind: 'proposal', councilCode: 'T01', year: 2024 });
    expect(parseKey({ pk: 'OTHER#1', sk: 'x' })).toBeUndefined();
  });
});

describe('DynamoSubmissionStore on dynalite', () => {
  it('retries every UnprocessedItem until all versions are stored', async () => {
    const { client, store, table, counters } = await freshStore(server);
    const stats = injectUnprocessed(client, table, 3);
    const versions = Array.from({ length: 60 }, (_, i) => ({
      unitCode: `U${i}`,
      year: 2024,
      hash: `h${i}`,
      submission: submission(`U${i}`),
    }));
    await store.putVersions(versions);
    expect(stats.injected).toBeGreaterThan(0);
    // 60 items are 3 batches of at most 25; each injected failure costs one more request.
    expect(counters.storeWrites).toBe(3 + 3);
    const loaded = await store.loadVersions(
      2024,
      versions.map((v) => ({ unitCode: v.unitCode, hash: v.hash })),
    );
    expect(loaded.size).toBe(60);
    expect(loaded.get('U7')).toEqual(submission('U7'));
  });

  it('keeps a large unit in one compressed item', async () => {
    const { store } = await freshStore(server);
    await store.putVersions([
      { unitCode: 'BIG', year: 2024, hash: 'big', submission: submission('BIG', 3000) },
    ]);
    const loaded = await store.loadVersions(2024, [{ unitCode: 'BIG', hash: 'big' }]);
    expect(loaded.get('BIG')?.people).toHaveLength(3000);
  });

  it('reads a version stored before genders were codes (the sheets’ “Nam”, “Nữ”) as the codes', async () => {
    const { store } = await freshStore(server);
    const earlier = submission('OLD', 3);
    const people = earlier.people.map((p, i) => ({ ...p, gender: ['Nữ', 'Nam', null][i] }));
    // As an earlier release wrote it: the same item, the sheets' words in the body.
    await store.putVersions([
      {
        unitCode: 'OLD',
        year: 2024,
        hash: 'old',
        submission: { ...earlier, people } as unknown as Submission,
      },
    ]);
    const loaded = await store.loadVersions(2024, [{ unitCode: 'OLD', hash: 'old' }]);
    expect(loaded.get('OLD')?.people.map((p) => p.gender)).toEqual(['female', 'male', null]);
  });

  it('writes state pointers 25 to a request, retrying every UnprocessedItem, the last write winning', async () => {
    const { client, store, table, counters } = await freshStore(server);
    const stats = injectUnprocessed(client, table, 2);
    const first = Array.from({ length: 60 }, (_, i) => ({
      state: state(`U${i}`, `h${i}`),
      expectedAcceptedHash: null,
      isNew: true,
    }));
    expect(await store.saveStates(first)).toEqual([]);
    expect(stats.injected).toBeGreaterThan(0);
    expect(counters.storeWrites).toBe(3 + 2); // 3 batches; each injected failure one more request
    // One run writes at a time (the run lease): the next run's pointer replaces the last one.
    expect(
      await store.saveStates([{ state: state('U7', 'h7b'), expectedAcceptedHash: 'h7', isNew: false }]),
    ).toEqual([]);
    const states = await store.loadStates(
      2024,
      first.map((u) => u.state.unitCode),
    );
    expect(states.size).toBe(60);
    expect(states.get('U7')?.acceptedHash).toBe('h7b');
    expect(states.get('U59')?.acceptedHash).toBe('h59');
  });
});
