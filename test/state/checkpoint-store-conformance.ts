import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { CheckpointStore, CompletedCheckpoint } from '../../src/state/checkpoint-store.js';

/** What every CheckpointStore must do; each implementation's test file runs this suite. */
export function checkpointStoreConformance(makeStore: () => Promise<CheckpointStore> | CheckpointStore): void {
  const checkpoint = (id: number, kind: 'checkpoint' | 'savepoint' = 'checkpoint', jobId = '733584788375666689'): CompletedCheckpoint => ({
    jobId,
    checkpointId: id,
    kind,
    timestamp: 1_700_000_000_000 + id,
    fingerprint: { vertices: [{ id: 1, type: 'source', plugin: 'FakeSource', tables: ['fake'] }] },
    pipelines: { 1: { parallelism: 2, splits: { 1: [{ splitId: `s${id}`, tablePath: 'fake', emitted: id }] }, commits: { 2: [{ staged: `f${id}` }] }, finished: false } },
  });

  it('returns the newest checkpoint or savepoint of a job, exactly as saved', async () => {
    const store = await makeStore();
    assert.equal(await store.latest('1'), undefined);
    await store.save(checkpoint(1), 3);
    await store.save(checkpoint(2, 'savepoint'), 3);
    await store.save(checkpoint(3), 3);
    assert.deepEqual(await store.latest('733584788375666689'), checkpoint(3));
    assert.equal(await store.latest('2'), undefined);
  });

  it('keeps max-retained checkpoints and every savepoint', async () => {
    const store = await makeStore();
    for (let id = 1; id <= 6; id++) await store.save(checkpoint(id, id === 2 ? 'savepoint' : 'checkpoint'), 2);
    const kept = (await store.list('733584788375666689')).map((info) => `${info.kind}-${info.checkpointId}`);
    assert.deepEqual(kept, ['checkpoint-6', 'checkpoint-5', 'savepoint-2']);
  });

  it('discards checkpoints but keeps savepoints, and disposes of one by its path', async () => {
    const store = await makeStore();
    await store.save(checkpoint(1, 'savepoint'), 3);
    const stored = await store.save(checkpoint(2), 3);
    await store.discardCheckpoints('733584788375666689');
    assert.deepEqual((await store.list('733584788375666689')).map((info) => info.kind), ['savepoint']);
    assert.equal(await store.dispose(stored.path), false);
    const [savepoint] = await store.list('733584788375666689');
    assert.equal(await store.dispose(savepoint!.path), true);
    assert.equal(await store.latest('733584788375666689'), undefined);
  });

  it('refuses job ids that are not ids', async () => {
    const store = await makeStore();
    await assert.rejects(store.save(checkpoint(1, 'checkpoint', '../../etc'), 3), /invalid job id/);
  });
}
