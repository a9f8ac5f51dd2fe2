import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FileCheckpointStore } from '../../src/state/file-checkpoint-store.js';
import { tempDir } from '../support/cli.js';
import { checkpointStoreConformance } from './checkpoint-store-conformance.js';

const checkpoint = (id: number) => ({
  jobId: '7',
  checkpointId: id,
  kind: 'checkpoint' as const,
  timestamp: id,
  fingerprint: { vertices: [] },
  pipelines: {},
});

describe('FileCheckpointStore', () => {
  checkpointStoreConformance(() => new FileCheckpointStore(tempDir()));

  it('skips a partial or corrupt file with a warning and falls back to an older checkpoint', async () => {
    const warnings: string[] = [];
    const dir = tempDir();
    const store = new FileCheckpointStore(dir, (message) => warnings.push(message));
    await store.save(checkpoint(1), 5);
    const newest = await store.save(checkpoint(2), 5);
    const text = readFileSync(newest.path, 'utf8');
    writeFileSync(newest.path, text.slice(0, text.length - 10)); // torn write
    assert.equal((await store.latest('7'))?.checkpointId, 1);
    assert.match(warnings[0] ?? '', /skipping checkpoint file .*checkpoint-2\.json: checksum mismatch/);

    writeFileSync(join(dir, 'checkpoints', '7', 'checkpoint-1.json'), 'garbage');
    assert.equal(await store.latest('7'), undefined);
    assert.equal(warnings.length, 3);
  });

  it('writes atomically: no temporary file is left behind', async () => {
    const dir = tempDir();
    const store = new FileCheckpointStore(dir);
    await store.save(checkpoint(1), 5);
    assert.deepEqual(readdirSync(join(dir, 'checkpoints', '7')), ['checkpoint-1.json']);
  });

  it('names the folder when the data directory cannot be written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'checkpoints'), 'a file where the folder should be');
    await assert.rejects(new FileCheckpointStore(dir).save(checkpoint(1), 5), /cannot store checkpoint 1 of job 7 in .*checkpoints.*check that the data directory is writable/);
  });

  it('refuses to dispose of files outside its folder', async () => {
    await assert.rejects(new FileCheckpointStore(tempDir()).dispose('/etc/passwd'), /not a checkpoint or savepoint of this node/);
  });
});
