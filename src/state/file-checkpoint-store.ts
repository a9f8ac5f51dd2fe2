import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { errorMessage, SluiceError } from '../core/errors.js';
import type { CheckpointKind, CheckpointStore, CompletedCheckpoint, StoredCheckpointInfo } from './checkpoint-store.js';
import { writeAtomically } from './write-atomically.js';

const FORMAT = 'sluice-checkpoint/1';
const FILE_NAME = /^(checkpoint|savepoint)-(\d+)\.json$/;

/**
 * Checkpoints as files under `<dataDir>/checkpoints/<jobId>/`, one per checkpoint:
 * `checkpoint-<id>.json` or `savepoint-<id>.json`. Each file is a header line (format, SHA-256 and
 * length of the body) and the body line; it is written to a temporary name, fsynced and renamed, so
 * a crash leaves either the old state or the new one. A file whose header or checksum does not
 * match is reported through `warn` and skipped.
 */
export class FileCheckpointStore implements CheckpointStore {
  private readonly root: string;

  constructor(
    dataDir: string,
    private readonly warn: (message: string) => void = () => undefined,
  ) {
    this.root = resolve(dataDir, 'checkpoints');
  }

  async save(checkpoint: CompletedCheckpoint, maxRetained: number): Promise<StoredCheckpointInfo> {
    const dir = this.jobDir(checkpoint.jobId);
    const path = join(dir, `${checkpoint.kind}-${checkpoint.checkpointId}.json`);
    const body = JSON.stringify(checkpoint);
    const header = JSON.stringify({ format: FORMAT, sha256: sha256(body), length: Buffer.byteLength(body) });
    const text = `${header}\n${body}\n`;
    try {
      await mkdir(dir, { recursive: true });
      await writeAtomically(path, text);
    } catch (error) {
      throw new SluiceError('INTERNAL', `cannot store ${checkpoint.kind} ${checkpoint.checkpointId} of job ${checkpoint.jobId} in ${dir}: ${errorMessage(error)}; check that the data directory is writable (--data-dir)`, { cause: error });
    }
    await this.prune(checkpoint.jobId, maxRetained);
    return { checkpointId: checkpoint.checkpointId, kind: checkpoint.kind, timestamp: checkpoint.timestamp, path, size: Buffer.byteLength(text) };
  }

  async latest(jobId: string): Promise<CompletedCheckpoint | undefined> {
    for (const info of await this.list(jobId)) {
      const checkpoint = await this.read(info.path);
      if (checkpoint !== undefined) return checkpoint;
    }
    return undefined;
  }

  /** Newest first. */
  async list(jobId: string): Promise<StoredCheckpointInfo[]> {
    const dir = this.jobDir(jobId);
    const names = await readdir(dir).catch(() => [] as string[]);
    const infos: StoredCheckpointInfo[] = [];
    for (const name of names) {
      const match = FILE_NAME.exec(name);
      if (match === null) continue;
      const path = join(dir, name);
      const stats = await stat(path).catch(() => undefined);
      if (stats === undefined) continue;
      infos.push({ checkpointId: Number(match[2]), kind: match[1] as CheckpointKind, timestamp: stats.mtimeMs, path, size: stats.size });
    }
    return infos.sort((a, b) => b.checkpointId - a.checkpointId);
  }

  async dispose(path: string): Promise<boolean> {
    const full = resolve(path);
    if (!full.startsWith(this.root + sep) || !FILE_NAME.test(full.slice(full.lastIndexOf(sep) + 1))) {
      throw new SluiceError('JOB_NOT_FOUND', `${path} is not a checkpoint or savepoint of this node`);
    }
    const existed = await stat(full).then(() => true, () => false);
    await rm(full, { force: true });
    return existed;
  }

  async discardCheckpoints(jobId: string): Promise<void> {
    for (const info of await this.list(jobId)) if (info.kind === 'checkpoint') await rm(info.path, { force: true });
  }

  /** The checkpoint in a file, or undefined (with a warning) when the file is partial or corrupt. */
  private async read(path: string): Promise<CompletedCheckpoint | undefined> {
    try {
      const text = await readFile(path, 'utf8');
      const newline = text.indexOf('\n');
      const header = JSON.parse(text.slice(0, newline)) as { format?: string; sha256?: string; length?: number };
      const body = text.slice(newline + 1).replace(/\n$/, '');
      if (header.format !== FORMAT) throw new Error(`unknown format ${JSON.stringify(header.format)}`);
      if (Buffer.byteLength(body) !== header.length || sha256(body) !== header.sha256) throw new Error('checksum mismatch (partial or corrupt file)');
      return JSON.parse(body) as CompletedCheckpoint;
    } catch (error) {
      this.warn(`skipping checkpoint file ${path}: ${errorMessage(error)}`);
      return undefined;
    }
  }

  private async prune(jobId: string, maxRetained: number): Promise<void> {
    const checkpoints = (await this.list(jobId)).filter((info) => info.kind === 'checkpoint');
    for (const info of checkpoints.slice(Math.max(1, maxRetained))) await rm(info.path, { force: true });
  }

  private jobDir(jobId: string): string {
    if (!/^\d+$/.test(jobId)) throw new SluiceError('JOB_NOT_FOUND', `invalid job id "${jobId}"`);
    return join(this.root, jobId);
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
