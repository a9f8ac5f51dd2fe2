import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { SluiceError } from '../../core/errors.js';
import type { SourceSplit } from '../../core/plugin.js';
import type { FileSourceSettings } from './file-source-settings.js';

/**
 * A LocalFile split: one file, with the position after the last row a reader returned from it.
 * `offset` counts bytes of the file's content (after gzip decompression), so a restored reader
 * seeks there (or, for gzip, decompresses and skips that many bytes).
 */
export interface FileSplit extends SourceSplit {
  path: string;
  /** Content bytes already consumed. */
  offset: number;
  /** Line number (1-based) where the next record starts, for error messages. */
  line: number;
  /** Records already consumed, header lines included (they are skipped while this is below skip_header_row_number). */
  records: number;
}

/**
 * One split per file, in path order: `path` itself when it is a file, else every file below it
 * (SeaTunnel's AbstractReadStrategy.getFileNamesByPath): hidden directories (such as the sink's
 * `.sluice-staging`) are not entered; hidden files, `_SUCCESS` and empty files are skipped;
 * `file_filter_pattern` must match the file name (or the path, when the pattern starts with `path`).
 */
export async function planFileSplits(settings: FileSourceSettings, tablePath: string): Promise<FileSplit[]> {
  let root;
  try {
    root = await stat(settings.path);
  } catch (error) {
    throw new SluiceError('PLUGIN_FAILED', `LocalFile: path ${settings.path} cannot be read: ${(error as Error).message}`, { cause: error });
  }
  const files: string[] = [];
  if (root.isFile()) files.push(settings.path);
  else await collect(settings.path, settings, files);
  files.sort();
  return files.map((path) => ({ splitId: path, tablePath, path, offset: 0, line: 1, records: 0 }));
}

async function collect(dir: string, settings: FileSourceSettings, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      await collect(path, settings, out);
      continue;
    }
    if (!entry.isFile() || entry.name === '_SUCCESS') continue;
    if (settings.filterPattern !== undefined && !settings.filterPattern.test(filterSubject(settings, path))) continue;
    if ((await stat(path)).size === 0) continue;
    out.push(path);
  }
}

function filterSubject(settings: FileSourceSettings, path: string): string {
  const prefix = settings.filterPathPrefix;
  return prefix === undefined ? basename(path) : `${prefix.replace(/\/+$/, '')}/${relative(settings.path, path)}`;
}
