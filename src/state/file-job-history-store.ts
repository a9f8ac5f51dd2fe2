import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage } from '../core/errors.js';
import { decodeHistoryJson, encodeHistoryJson } from './job-history-codec.js';
import type { JobHistoryStore, JobRecord } from './job-history-store.js';

/**
 * Job history as one JSON file per job in `<dataDir>/jobs/<jobId>.json`. Each save writes a temp
 * file, fsyncs it, renames it over the old one and fsyncs the folder, so a crash leaves the old or
 * the new record. Files are private to the user (0600): an unfinished job's record holds its
 * decrypted options so that it can be resumed.
 */
export class FileJobHistoryStore implements JobHistoryStore {
  readonly dir: string;
  /** The last write queued per job: saves of one job are applied in call order. */
  private readonly queues = new Map<string, Promise<void>>();
  private tempCounter = 0;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'jobs');
  }

  async load(): Promise<{ records: JobRecord[]; warnings: string[] }> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const records: JobRecord[] = [];
    const warnings: string[] = [];
    for (const name of await readdir(this.dir)) {
      const path = join(this.dir, name);
      if (name.endsWith('.tmp')) {
        await rm(path, { force: true }); // a write that a crash interrupted; the record it replaced is intact
        continue;
      }
      if (!/^\d+\.json$/.test(name)) continue;
      try {
        const record = decodeHistoryJson(await readFile(path, 'utf8')) as JobRecord;
        if (typeof record?.jobId !== 'string' || typeof record.status !== 'string') throw new Error('not a job record');
        records.push(record);
      } catch (error) {
        warnings.push(`skipped unreadable job history file ${path}: ${errorMessage(error)}`);
      }
    }
    return { records, warnings };
  }

  save(record: JobRecord): Promise<void> {
    const text = encodeHistoryJson(record);
    return this.enqueue(record.jobId, () => this.write(record.jobId, text));
  }

  remove(jobId: string): Promise<void> {
    return this.enqueue(jobId, () => rm(this.fileOf(jobId), { force: true }));
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.queues.values()]);
  }

  private enqueue(jobId: string, work: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(jobId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.queues.set(jobId, next);
    const forget = (): void => {
      if (this.queues.get(jobId) === next) this.queues.delete(jobId);
    };
    next.then(forget, forget);
    return next;
  }

  private async write(jobId: string, text: string): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const temp = join(this.dir, `${jobId}.json.${process.pid}-${++this.tempCounter}.tmp`);
    const file = await open(temp, 'w', 0o600);
    try {
      await file.writeFile(text, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, this.fileOf(jobId));
    await syncDir(this.dir);
  }

  private fileOf(jobId: string): string {
    if (!/^\d+$/.test(jobId)) throw new Error(`invalid job id ${jobId}`);
    return join(this.dir, `${jobId}.json`);
  }
}

/** Makes a rename durable. Some platforms cannot open a folder for fsync; the rename is still atomic there. */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort (e.g. Windows)
  }
}
