import { getHeapStatistics } from 'node:v8';
import type { JobStatus } from '../../core/job-status.js';
import { text, type ApiReply } from '../route-kit/api-reply.js';
import type { RouteRequest } from '../route-kit/route-declaration.js';
import type { SeaTunnelContext } from './seatunnel-context.js';

/** `job_count{type=…}` types, as SeaTunnel's telemetry names them (reference 5). */
const JOB_COUNT_TYPES: [string, JobStatus][] = [
  ['canceled', 'CANCELED'], ['cancelling', 'CANCELING'], ['created', 'CREATED'], ['failed', 'FAILED'],
  ['failing', 'FAILING'], ['finished', 'FINISHED'], ['running', 'RUNNING'], ['scheduled', 'SCHEDULED'],
  ['pending', 'PENDING'], ['savepoint_done', 'SAVEPOINT_DONE'],
];

/**
 * GET /hazelcast/rest/instance/metrics (Prometheus text 0.0.4) and …/openmetrics (OpenMetrics
 * 1.0.0): SeaTunnel's node and job counts with the `cluster` label, plus process and per-job row
 * counters, which SeaTunnel's users miss there (issue #10091).
 */
export function instanceMetrics(openMetrics: boolean) {
  return (_request: RouteRequest, { coordinator }: SeaTunnelContext): ApiReply => {
    const lines: string[] = [];
    const metric = (name: string, type: 'gauge' | 'counter', help: string, samples: [Record<string, string>, number][]): void => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [labels, value] of samples) lines.push(`${name}${labelText({ cluster: 'sluice', ...labels })} ${value}`);
    };
    const running = coordinator.runningJobs();
    const finished = coordinator.finishedJobs();
    const all = [...running, ...finished];
    metric('node_count', 'gauge', 'The number of nodes in the cluster.', [[{}, 1]]);
    metric('job_count', 'gauge', 'The number of jobs by state.', JOB_COUNT_TYPES.map(([type, status]) => [{ type }, all.filter((job) => job.status === status).length]));
    const rows = (direction: 'read' | 'written'): [Record<string, string>, number][] =>
      running.map((job) => [{ job_id: job.jobId, job_name: job.jobName }, job.metrics[direction]]);
    metric('job_source_received_count', 'gauge', 'Rows read by the sources of each running job.', rows('read'));
    metric('job_sink_write_count', 'gauge', 'Rows written by the sinks of each running job.', rows('written'));
    const memory = process.memoryUsage();
    metric('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.', [[{}, memory.rss]]);
    metric('nodejs_heap_size_used_bytes', 'gauge', 'V8 heap used in bytes.', [[{}, memory.heapUsed]]);
    metric('nodejs_heap_size_limit_bytes', 'gauge', 'V8 heap size limit in bytes.', [[{}, getHeapStatistics().heap_size_limit]]);
    metric('process_uptime_seconds', 'gauge', 'Seconds since the process started.', [[{}, Math.round(process.uptime())]]);
    if (openMetrics) {
      lines.push('# EOF');
      return text(`${lines.join('\n')}\n`, 'application/openmetrics-text; version=1.0.0; charset=utf-8');
    }
    return text(`${lines.join('\n')}\n`, 'text/plain; version=0.0.4; charset=utf-8');
  };
}

function labelText(labels: Record<string, string>): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([key, value]) => `${key}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`).join(',')}}`;
}
