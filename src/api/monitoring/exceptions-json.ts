import type { Static } from 'typebox';
import type { JobView } from '../../engine/coordinator-job.js';
import type { LogLine } from '../../engine/messages.js';
import { endTime } from './flink-status.js';
import type { JobExceptionsInfoWithHistory } from './schemas/job-schemas.js';

type Entry = Static<typeof JobExceptionsInfoWithHistory>['exceptionHistory']['entries'][number];

export interface ExceptionQuery {
  /** Flink's `maxExceptions` (20). */
  max: number;
  /** Flink's `failureLabelFilter` (`key:value` pairs): Sluice's failures carry no labels, so any filter matches none. */
  labelFilter: string[];
}

/**
 * `/jobs/:jobid/exceptions`: newest first, the job's failure (its `error`) and then the ERROR lines
 * of its log still held in memory (failed attempts before retries, failed checkpoints). Messages
 * only: no stack frames. Log lines are masked by the coordinator.
 */
export function exceptionsJson(job: JobView, log: readonly LogLine[] | undefined, query: ExceptionQuery): Static<typeof JobExceptionsInfoWithHistory> {
  const entries: Entry[] = [];
  if (job.error !== undefined) entries.push(entry('JobFailure', job.error, endTime(job) > 0 ? endTime(job) : Date.now(), `Job ${job.jobName}`));
  for (const line of [...(log ?? [])].reverse()) {
    if (line.level !== 'ERROR' || line.message === job.error) continue;
    entries.push(entry('TaskFailure', line.message, line.time, line.source));
  }
  const matching = query.labelFilter.length > 0 ? [] : entries;
  return { exceptionHistory: { entries: matching.slice(0, query.max), truncated: matching.length > query.max } };
}

function entry(exceptionName: string, message: string, timestamp: number, taskName: string): Entry {
  return { exceptionName, stacktrace: message, timestamp, taskName, failureLabels: {}, concurrentExceptions: [] };
}
