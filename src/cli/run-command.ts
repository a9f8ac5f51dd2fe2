import { formatProblem } from '../core/errors.js';
import { JobIdGenerator } from '../core/job-id.js';
import { JobRun } from '../engine/job-run.js';
import type { LogLine } from '../engine/messages.js';
import type { JobPlan } from '../plan/job-plan.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { jobStatistics } from './job-statistics.js';
import { loadJob, parseVariables } from './load-job.js';
import { formatLogLine } from './log-printer.js';
import { ProgressLine } from './progress-line.js';

export interface RunFlags {
  variable: string[];
  name?: string;
  check?: boolean;
}

/** `sluice run <config>`: runs a job in this process with embedded state, like SeaTunnel's local mode. */
export async function runCommand(file: string, flags: RunFlags): Promise<number> {
  const { plan, warnings } = await loadJob(file, { variables: parseVariables(flags.variable), jobName: flags.name });
  for (const warning of warnings) process.stderr.write(`warning: ${formatProblem(warning)}\n`);
  if (flags.check) {
    process.stdout.write(`${describePlan(plan)}\nConfig file ${file} is valid.\n`);
    return EXIT.ok;
  }

  const jobId = new JobIdGenerator().next();
  let progress: ProgressLine | undefined;
  const print = (lines: LogLine[]): void => {
    progress?.stop();
    process.stdout.write(lines.map((line) => `${formatLogLine(line)}\n`).join(''));
    progress?.start();
  };
  const job = new JobRun(plan, { jobId, onLog: print, metricsInterval: process.stderr.isTTY ? 250 : 1000 });
  if (process.stderr.isTTY) {
    progress = new ProgressLine(job, process.stderr);
    progress.start();
  }

  let stoppedBySignal = false;
  const stop = (): void => {
    if (stoppedBySignal) process.exit(EXIT.stopped);
    stoppedBySignal = true;
    print([{ time: Date.now(), level: 'INFO', source: 'sluice', message: `Stopping job ${jobId}; press Ctrl-C again to exit at once` }]);
    job.cancel();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  print([{ time: Date.now(), level: 'INFO', source: 'sluice', message: `Job ${plan.jobName} (${jobId}) started: ${plan.pipelines.length} pipeline(s), ${plan.vertices.length} vertices` }]);
  const status = await job.start();
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  progress?.stop();
  progress = undefined;
  print([{ time: Date.now(), level: status === 'FINISHED' ? 'INFO' : 'ERROR', source: 'sluice', message: `Job ${jobId} ended with state ${status}` }]);
  process.stdout.write(`${jobStatistics(job)}\n`);
  if (job.error !== undefined) process.stderr.write(`Job ${jobId} failed: ${job.error}\n`);
  return exitCodeFor(status, stoppedBySignal);
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
