import { closeSync, fsyncSync, openSync } from 'node:fs';
import { access, mkdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SluiceError } from '../../core/errors.js';

/** A file staged by `prepareCommit`: where it waits and the name it is published under. Absolute paths. */
export interface StagedFile {
  staged: string;
  final: string;
}

/** The commit info of a LocalFile writer for one checkpoint (plain JSON). */
export interface FileCommitInfo {
  files: StagedFile[];
}

/**
 * Publishes staged files by renaming them to their final names (atomic within a file system).
 * Idempotent: a file whose staged copy is gone and whose final name exists was published by an
 * earlier attempt. A final name that exists while its staged copy also does is never overwritten
 * (it cannot be ours: names carry the writer's random id), and a file that exists under neither
 * name is reported, since its rows would be lost.
 */
export async function commitFiles(commitInfos: readonly unknown[]): Promise<void> {
  const directories = new Set<string>();
  for (const file of stagedFiles(commitInfos)) {
    const staged = await exists(file.staged);
    const published = await exists(file.final);
    if (!staged) {
      if (published) continue;
      throw new SluiceError('PLUGIN_FAILED', `LocalFile: cannot commit ${file.final}: its staged file ${file.staged} is gone and it was never published`);
    }
    if (published) {
      throw new SluiceError('PLUGIN_FAILED', `LocalFile: cannot commit ${file.staged}: ${file.final} already exists and is not this job's output; move it away and restore the job`);
    }
    await mkdir(dirname(file.final), { recursive: true });
    await rename(file.staged, file.final);
    directories.add(dirname(file.final));
  }
  for (const directory of directories) syncDirectory(directory);
}

/** Deletes the staged files of checkpoints that will never complete. Idempotent. */
export async function abortFiles(commitInfos: readonly unknown[]): Promise<void> {
  for (const file of stagedFiles(commitInfos)) await rm(file.staged, { force: true });
}

/** Deletes a job's staging directories (what a crashed attempt staged and nobody will commit). */
export async function discardStagingDirectories(directories: readonly string[]): Promise<void> {
  for (const directory of directories) await rm(directory, { recursive: true, force: true });
}

/** Removes staging directories left empty (and their `.sluice-staging` parent when empty too). */
export async function removeEmptyStagingDirectories(directories: readonly string[]): Promise<void> {
  for (const directory of directories) {
    for (const dir of [directory, dirname(directory)]) {
      try {
        await rmdir(dir);
      } catch {
        break; // not empty (another job's or uncommitted output), or already gone
      }
    }
  }
}

function stagedFiles(commitInfos: readonly unknown[]): StagedFile[] {
  const files: StagedFile[] = [];
  for (const info of commitInfos) {
    if (info === undefined || info === null) continue;
    const list = (info as Partial<FileCommitInfo>).files;
    if (!Array.isArray(list) || list.some((f) => typeof f?.staged !== 'string' || typeof f?.final !== 'string')) {
      throw new SluiceError('PLUGIN_FAILED', `LocalFile: not a LocalFile commit info: ${JSON.stringify(info)}`);
    }
    files.push(...list);
  }
  return files;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Makes renames durable; best effort, as some file systems cannot fsync a directory. */
export function syncDirectory(directory: string): void {
  try {
    const fd = openSync(directory, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // not supported here: the renames are still atomic, only their durability waits for the OS
  }
}
