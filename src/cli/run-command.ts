import { ConfigError, errorMessage, formatProblem, SluiceError } from '../core/errors.js';
import { JobIdGenerator, parseJobId } from '../core/job-id.js';
import { JobRun } from '../engine/job-run.js';
import type { LogLine } from '../engine/messages.js';
import type { JobPlan } from '../plan/job-plan.js';
import type { CompletedCheckpoint } from '../state/checkpoint-store.js';
import { FileCheckpointStore } from '../state/file-checkpoint-store.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { jobStatistics } from './job-statistics.js';
import { loadJob, parseVariables } from './load-job.js';
import { formatLogLine } from './log-printer.js';
import { ProgressLine } from './progress-line.js';

export interface RunFlags {
  variable: string[];
  name?: string;
  check?: boolean;
  /** Where checkpoints and savepoints are kept. */
  dataDir: string;
  /** Run under this job id (SeaTunnel's --set-job-id). */
  jobId?: string;
  /** Resume the job with this id from its latest savepoint or checkpoint. */
  restore?: string;
}

/** `sluice run <config>`: runs a job in this process with embedded state, like SeaTunnel's local mode. */
export async function runCommand(file: string, flags: RunFlags): Promise<number> {
  const { plan, warnings } = await loadJob(file, { variables: parseVariables(flags.variable), jobName: flags.name });
  for (const warning of warnings) process.stderr.write(`warning: ${formatProblem(warning)}\n`);
  if (flags.check) {
    process.stdout.write(`${describePlan(plan)}\nConfig file ${file} is valid.\n`);
    return EXIT.ok;
  }

  const jobId = jobIdFrom(flags);
  let progress: ProgressLine | undefined;
  const print = (lines: LogLine[]): void => {
    progress?.stop();
    process.stdout.write(lines.map((line) => `${formatLogLine(line)}\n`).join(''));
    progress?.start();
  };
  const store = new FileCheckpointStore(flags.dataDir, (message) => print([{ time: Date.now(), level: 'WARN', source: 'sluice', message }]));
  const restoreFrom = flags.restore === undefined ? undefined : await latestCheckpoint(store, jobId, flags.dataDir);
  const job = new JobRun(plan, { jobId, onLog: print, metricsInterval: process.stderr.isTTY ? 250 : 1000, checkpointStore: store, restoreFrom });
  if (process.stderr.isTTY) {
    progress = new ProgressLine(job, process.stderr);
    progress.start();
  }

  let stoppedBySignal = false;
  // The first Ctrl-C or SIGTERM stops the job: with a savepoint when it can be restored later
  // (`sluice run <config> --restore <jobId>`), else by canceling it. The second exits at once.
  const stop = (): void => {
    if (stoppedBySignal) process.exit(EXIT.stopped);
    stoppedBySignal = true;
    if (job.restorable && job.status === 'RUNNING') {
      print([{ time: Date.now(), level: 'INFO', source: 'sluice', message: `Stopping job ${jobId} with a savepoint; resume it with --restore ${jobId}. Press Ctrl-C again to exit at once` }]);
      job.stopWithSavepoint().catch((error: unknown) => {
        print([{ time: Date.now(), level: 'WARN', source: 'sluice', message: `savepoint failed (${errorMessage(error)}); canceling job ${jobId}` }]);
        job.cancel();
      });
    } else {
      print([{ time: Date.now(), level: 'INFO', source: 'sluice', message: `Stopping job ${jobId}; press Ctrl-C again to exit at once` }]);
      job.cancel();
    }
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  print([{ time: Date.now(), level: 'INFO', source: 'sluice', message: `Job ${plan.jobName} (${jobId}) started: ${plan.pipelines.length} pipeline(s), ${plan.vertices.length} vertices` }]);
  const status = await job.start();
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  progress?.stop();
  progress = undefined;
  print([{ time: Date.now(), level: status === 'FINISHED' || status === 'SAVEPOINT_DONE' ? 'INFO' : 'ERROR', source: 'sluice', message: `Job ${jobId} ended with state ${status}` }]);
  process.stdout.write(`${jobStatistics(job)}\n`);
  if (job.error !== undefined) process.stderr.write(`Job ${jobId} failed: ${job.error}\n`);
  return exitCodeFor(status, stoppedBySignal);
}

function jobIdFrom(flags: RunFlags): string {
  if (flags.jobId !== undefined && flags.restore !== undefined && flags.jobId !== flags.restore) {
    throw new ConfigError([{ path: '', message: `--job-id ${flags.jobId} and --restore ${flags.restore} name different jobs; a restored job keeps its id` }]);
  }
  const given = flags.restore ?? flags.jobId;
  if (given === undefined) return new JobIdGenerator().next();
  const id = parseJobId(given);
  if (id === undefined) throw new ConfigError([{ path: '', message: `job id "${given}" must be a whole number between 1 and 2^63-1` }]);
  return id;
}

async function latestCheckpoint(store: FileCheckpointStore, jobId: string, dataDir: string): Promise<{ checkpoint: CompletedCheckpoint; path: string }> {
  const checkpoint = await store.latest(jobId);
  if (checkpoint === undefined) {
    throw new SluiceError('JOB_NOT_FOUND', `job ${jobId} has no savepoint or checkpoint in ${dataDir}; run it without --restore to start from the beginning, or pass the --data-dir it ran with`);
  }
  const info = (await store.list(jobId)).find((i) => i.checkpointId === checkpoint.checkpointId)!;
  return { checkpoint, path: info.path };
}

/** A short description of the DAG, for `--check` and `sluice validate`. */
export function describePlan(plan: JobPlan): string {
  const lines = [`Job ${plan.jobName} (${plan.env.jobMode}), ${plan.pipelines.length} pipeline(s):`];
  for (const vertex of plan.vertices) {
    const tables = (vertex.type === 'source' ? vertex.outputTables : vertex.inputTables).map((t) => t.tablePath).join(', ');
    lines.push(`  ${vertex.id}. ${vertex.name}  parallelism ${vertex.parallelism}  tables [${tables}]`);
  }
  return lines.join('\n');
}
