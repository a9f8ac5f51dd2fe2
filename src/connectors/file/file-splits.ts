import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { SluiceError } from '../../core/errors.js';
import type { SourceSplit } from '../../core/plugin.js';
import { delimiterBytes } from './file-format.js';
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
  /** With enable_file_split: the byte range [start, end) of the file this split reads; else the whole file. */
  start?: number;
  end?: number;
}

/** A split handed to a reader (fresh from planning or restored from a checkpoint), with its position filled in. */
export function readerSplit(split: SourceSplit): FileSplit {
  const file = split as FileSplit;
  return { ...file, offset: file.offset ?? 0, line: file.line ?? 1, records: file.records ?? 0 };
}

/**
 * One split per file, in path order (with enable_file_split, large files are cut into byte ranges): `path` itself when it is a file, else every file below it
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
  const splits: FileSplit[] = [];
  for (const path of files) {
    const ranges = settings.splitSize === undefined || isCompressed(settings, path) ? [] : await byteRanges(path, settings.splitSize, delimiterBytes(settings.rowDelimiter, settings.encoding));
    if (ranges.length <= 1) {
      splits.push({ splitId: path, tablePath, path, offset: 0, line: 1, records: 0 });
      continue;
    }
    // Only the range at the start of the file holds its header lines.
    for (const [start, end] of ranges) splits.push({ splitId: `${path}#${start}`, tablePath, path, offset: start, line: 1, records: start === 0 ? 0 : settings.skipHeader, start, end });
  }
  return splits;
}

function isCompressed(settings: FileSourceSettings, path: string): boolean {
  return settings.codec !== 'none' || path.endsWith('.gz');
}

/**
 * Cuts a file into ranges of about `size` bytes, each ending just after a row delimiter (the
 * first one at or after the cut), as SeaTunnel's AccordingToSplitSizeSplitStrategy does.
 */
async function byteRanges(path: string, size: number, delimiter: Buffer): Promise<[number, number][]> {
  const file = await open(path, 'r');
  try {
    const length = (await file.stat()).size;
    const ranges: [number, number][] = [];
    let from = 0;
    while (from < length) {
      const end = from + size >= length ? length : await endOfRecordAt(file, from + size, delimiter, length);
      ranges.push([from, end]);
      from = end;
    }
    return ranges;
  } finally {
    await file.close();
  }
}

const SEARCH_BYTES = 64 * 1024;

/** The offset just after the first `delimiter` at or after `at`, or the file's length. */
async function endOfRecordAt(file: FileHandle, at: number, delimiter: Buffer, length: number): Promise<number> {
  const buffer = Buffer.alloc(SEARCH_BYTES + delimiter.length);
  for (let position = at; position < length; position += SEARCH_BYTES) {
    const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
    const found = buffer.subarray(0, bytesRead).indexOf(delimiter);
    if (found >= 0) return position + found + delimiter.length;
  }
  return length;
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
