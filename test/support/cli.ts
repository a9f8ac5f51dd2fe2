import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundled CLI, as `npx sluice` runs it (dist/bin, written by `npm run build`). */
export const CLI = fileURLToPath(new URL('../../bin/sluice.js', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A fresh empty temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sluice-test-'));
}

/** Writes config text to a fresh temp file and returns its path (the extension picks the format). */
export function configFile(text: string, extension = '.conf'): string {
  const file = join(tempDir(), `job${extension}`);
  writeFileSync(file, text);
  return file;
}

/** Runs `sluice <args>` to completion. `onStdout` sees output as it arrives (to send a signal, say). */
export function sluice(
  args: string[],
  options: { env?: Record<string, string>; onStdout?: (text: string, child: ReturnType<typeof spawn>) => void; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      options.onStdout?.(stdout, child);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Runs a job given as config text. */
export function runJob(text: string, args: string[] = [], extension = '.conf'): Promise<CliResult> {
  return sluice(['run', configFile(text, extension), ...args]);
}

export interface PrintedRow {
  subtask: number;
  tableId: string;
  kind: string;
  /** The values as Console printed them, split on ", ". */
  values: string[];
}

/** The rows a Console sink printed (`subtaskIndex=0  rowIndex=1:  SeaTunnelRow#tableId=t SeaTunnelRow#kind=INSERT : a, b`). */
export function printedRows(stdout: string): PrintedRow[] {
  const rows: PrintedRow[] = [];
  const pattern = /subtaskIndex=(\d+)\s+rowIndex=\d+:\s+SeaTunnelRow#tableId=(\S*) SeaTunnelRow#kind=(\w+) : ?(.*)$/;
  for (const line of stdout.split('\n')) {
    const match = pattern.exec(line);
    if (match) rows.push({ subtask: Number(match[1]), tableId: match[2]!, kind: match[3]!, values: match[4] === '' ? [] : match[4]!.split(', ') });
  }
  return rows;
}

/** A number from the statistics block, e.g. statistic(stdout, 'Total Read Count'). */
export function statistic(stdout: string, label: string): number {
  const match = new RegExp(`${label.replace(/[()]/g, '\\$&')}\\s*:\\s*(\\d+)`).exec(stdout);
  if (match === null) throw new Error(`no "${label}" in output:\n${stdout}`);
  return Number(match[1]);
}

/** Runs a job, sends SIGINT once `rows` rows were printed, and waits for the exit. */
export async function stopOnceRowsArePrinted(file: string, rows: number, args: string[] = []): Promise<CliResult> {
  let signalled = false;
  const result = await sluice(['run', file, ...args], {
    onStdout: (text, child) => {
      if (!signalled && printedRows(text).length >= rows) {
        signalled = true;
        child.kill('SIGINT');
      }
    },
  });
  if (!signalled) throw new Error(`the job ended before printing ${rows} rows:\n${result.stdout}\n${result.stderr}`);
  return result;
}
