import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FileJobHistoryStore } from '../../src/state/file-job-history-store.js';
import { decodeHistoryJson, encodeHistoryJson } from '../../src/state/job-history-codec.js';
import type { JobRecord } from '../../src/state/job-history-store.js';

function record(jobId: string, overrides: Partial<JobRecord> = {}): JobRecord {
  return {
    jobId,
    jobName: 'job',
    status: 'FINISHED',
    envOptions: { 'job.mode': 'BATCH' },
    createTime: 1,
    finishTime: 2,
    isStartWithSavePoint: false,
    plan: { jobName: 'job', env: {} as JobRecord['plan']['env'], vertices: [], pipelines: [], restorable: true },
    started: true,
    ...overrides,
  };
}

describe('FileJobHistoryStore', () => {
  it('saves, loads, replaces and removes records; files are private', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-history-'));
    const store = new FileJobHistoryStore(dir);
    await store.save(record('733584788375666689', { status: 'RUNNING' }));
    await store.save(record('733584788375666689', { status: 'FINISHED', error: 'x' }));
    await store.save(record('2'));
    const { records, warnings } = await new FileJobHistoryStore(dir).load();
    assert.deepEqual(warnings, []);
    assert.deepEqual(records.map((r) => [r.jobId, r.status]).sort(), [['2', 'FINISHED'], ['733584788375666689', 'FINISHED']]);
    assert.equal(statSync(join(dir, 'jobs', '2.json')).mode & 0o777, 0o600);
    await store.remove('2');
    await store.remove('2');
    assert.deepEqual((await store.load()).records.map((r) => r.jobId), ['733584788375666689']);
    await store.close();
  });

  it('applies saves of one job in call order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-history-'));
    const store = new FileJobHistoryStore(dir);
    await Promise.all(['PENDING', 'RUNNING', 'CANCELING', 'CANCELED'].map((status) => store.save(record('7', { status: status as JobRecord['status'] }))));
    assert.equal((await store.load()).records[0]!.status, 'CANCELED');
  });

  it('skips unreadable files with a warning and deletes interrupted temp files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-history-'));
    const store = new FileJobHistoryStore(dir);
    await store.save(record('1'));
    writeFileSync(join(dir, 'jobs', '2.json'), '{"jobId": "2", "stat');
    writeFileSync(join(dir, 'jobs', '3.json.123-1.tmp'), 'partial');
    const { records, warnings } = await store.load();
    assert.deepEqual(records.map((r) => r.jobId), ['1']);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /2\.json/);
    assert.deepEqual(readdirSync(join(dir, 'jobs')).sort(), ['1.json', '2.json']);
  });

  it('refuses a job id that is not a decimal number (no path tricks)', async () => {
    const store = new FileJobHistoryStore(mkdtempSync(join(tmpdir(), 'sluice-history-')));
    await assert.rejects(store.save(record('../x')), /invalid job id/);
  });
});

describe('job history codec', () => {
  it('round-trips what plans may hold that JSON cannot', () => {
    const value = { big: 2n ** 63n - 1n, bytes: new Uint8Array([1, 2, 255]), date: new Date(0), map: new Map([['a', 1n]]), set: new Set([1]), inf: Infinity, nested: { $sluice: 'plain object', v: 1 }, list: [1, 'x', null] };
    assert.deepEqual(decodeHistoryJson(encodeHistoryJson(value)), value);
  });
});
