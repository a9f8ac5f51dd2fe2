import { getHeapStatistics } from 'node:v8';
import { availableParallelism } from 'node:os';
import { isTerminal } from '../../core/job-status.js';
import type { JobView } from '../../engine/coordinator-job.js';
import type { VertexCounters } from '../../engine/messages.js';
import type { Vertex } from '../../plan/job-plan.js';
import { runningSince } from './flink-status.js';
import type { MetricValues } from './metric-query.js';
import type { MonitoringContext } from './monitoring-context.js';
import { subtaskCounters, vertexParallelism } from './vertex-figures.js';

/**
 * The metrics each component offers, under Flink's names where Flink has one. Rates
 * (`…PerSecond`) are averages since the job started RUNNING, not Flink's one-minute meters.
 * Process figures use Flink's `Status.JVM.*` names with their Node meaning: heap = V8's heap,
 * Scavenge/MarkSweepCompact = V8's minor/major GC, threads = the main thread and one worker per
 * running subtask.
 */

function seconds(job: JobView, now: number): number {
  const since = runningSince(job);
  if (since === undefined) return 0;
  const until = isTerminal(job.status) ? (job.finishTime ?? now) : now;
  return Math.max(0, (until - since) / 1000);
}

function rate(count: number, secs: number): string {
  return String(secs > 0 ? count / secs : 0);
}

/** `/jobs/:jobid/metrics` and the per-job components of `/jobs/metrics`. */
export function jobMetricValues(job: JobView, now: number): MetricValues {
  const values = new Map<string, string>();
  const since = runningSince(job);
  const ended = isTerminal(job.status);
  values.set('uptime', String(ended ? -1 : since === undefined ? 0 : now - since));
  values.set('downtime', String(ended ? -1 : 0));
  const secs = seconds(job, now);
  const { metrics } = job;
  values.set('numRecordsIn', String(metrics.read));
  values.set('numRecordsOut', String(metrics.written));
  values.set('numBytesIn', String(metrics.readBytes));
  values.set('numBytesOut', String(metrics.writtenBytes));
  values.set('numRecordsInPerSecond', rate(metrics.read, secs));
  values.set('numRecordsOutPerSecond', rate(metrics.written, secs));
  values.set('numBytesInPerSecond', rate(metrics.readBytes, secs));
  values.set('numBytesOutPerSecond', rate(metrics.writtenBytes, secs));
  const checkpoints = job.checkpoints;
  if (checkpoints !== undefined) {
    values.set('totalNumberOfCheckpoints', String(checkpoints.counts.triggered));
    values.set('numberOfInProgressCheckpoints', String(checkpoints.counts.inProgress));
    values.set('numberOfCompletedCheckpoints', String(checkpoints.counts.completed));
    values.set('numberOfFailedCheckpoints', String(checkpoints.counts.failed));
    const last = checkpoints.history.find((stats) => stats.status === 'COMPLETED');
    values.set('lastCheckpointDuration', String(last?.durationMs ?? -1));
    values.set('lastCheckpointSize', String(last?.stateSize ?? -1));
    values.set('lastCheckpointFullSize', String(last?.stateSize ?? -1));
    values.set('lastCompletedCheckpointId', String(last?.id ?? -1));
    values.set('lastCheckpointExternalPath', last?.externalPath ?? 'n/a');
    values.set('lastCheckpointRestoreTimestamp', String(checkpoints.restored?.timestamp ?? -1));
  }
  return values;
}

/** One subtask of a vertex (Flink's task metrics); empty when the engine did not report it. */
export function subtaskMetricValues(job: JobView, vertex: Vertex, index: number, now: number): MetricValues {
  const counters = subtaskCounters(job, vertex, index);
  return counters === undefined ? new Map() : counterValues(counters, seconds(job, now));
}

/** Every known subtask of a vertex: index → its metrics. */
export function vertexSubtaskValues(job: JobView, vertex: Vertex, now: number): Map<number, MetricValues> {
  const out = new Map<number, MetricValues>();
  for (let index = 0; index < vertexParallelism(job.plan, vertex); index++) {
    const values = subtaskMetricValues(job, vertex, index, now);
    if (values.size > 0) out.set(index, values);
  }
  return out;
}

function counterValues(counters: VertexCounters, secs: number): MetricValues {
  return new Map([
    ['numRecordsIn', String(counters.rowsIn)],
    ['numRecordsOut', String(counters.rowsOut)],
    ['numBytesIn', String(counters.bytesIn)],
    ['numBytesOut', String(counters.bytesOut)],
    ['numRecordsInPerSecond', rate(counters.rowsIn, secs)],
    ['numRecordsOutPerSecond', rate(counters.rowsOut, secs)],
    ['numBytesInPerSecond', rate(counters.bytesIn, secs)],
    ['numBytesOutPerSecond', rate(counters.bytesOut, secs)],
  ]);
}

/** This process: the task manager's metrics, and the job manager's (which adds the cluster figures). */
export function processMetricValues({ coordinator, health }: MonitoringContext): Map<string, string> {
  const heap = getHeapStatistics();
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  const loop = health.eventLoop();
  const threads = 1 + coordinator.overview().slots.assigned;
  return new Map([
    ['Status.JVM.Memory.Heap.Used', String(heap.used_heap_size)],
    ['Status.JVM.Memory.Heap.Committed', String(heap.total_heap_size)],
    ['Status.JVM.Memory.Heap.Max', String(heap.heap_size_limit)],
    ['Status.JVM.Memory.NonHeap.Used', String(Math.max(0, memory.rss - heap.total_heap_size))],
    ['Status.JVM.Memory.NonHeap.Committed', String(Math.max(0, memory.rss - heap.total_heap_size))],
    ['Status.JVM.Memory.Direct.MemoryUsed', String(memory.arrayBuffers)],
    ['Status.JVM.CPU.Load', String(health.processLoad(availableParallelism()) / 100)],
    ['Status.JVM.CPU.Time', String((cpu.user + cpu.system) * 1000)],
    ['Status.JVM.Threads.Count', String(threads)],
    ['Status.JVM.GarbageCollector.Scavenge.Count', String(health.minorGc.count)],
    ['Status.JVM.GarbageCollector.Scavenge.Time', String(Math.round(health.minorGc.ms))],
    ['Status.JVM.GarbageCollector.MarkSweepCompact.Count', String(health.majorGc.count)],
    ['Status.JVM.GarbageCollector.MarkSweepCompact.Time', String(Math.round(health.majorGc.ms))],
    ['Status.Node.EventLoop.Delay.Mean', String(loop.meanMs)],
    ['Status.Node.EventLoop.Delay.P99', String(loop.p99Ms)],
    ['Status.Node.EventLoop.Utilization', String(loop.utilization)],
    ['Status.Process.Memory.RSS', String(memory.rss)],
  ]);
}

export function jobManagerMetricValues(context: MonitoringContext): MetricValues {
  const values = processMetricValues(context);
  const overview = context.coordinator.overview();
  const slots = clusterSlots(overview.slots);
  values.set('numRegisteredTaskManagers', '1');
  values.set('numRunningJobs', String(overview.active));
  values.set('taskSlotsTotal', String(slots.total));
  values.set('taskSlotsAvailable', String(slots.free));
  return values;
}

/** Slots as Flink counts them. Dynamic slots exist while subtasks use them: all assigned, none free. */
export function clusterSlots(slots: { dynamic: boolean; total?: number; free?: number; assigned: number }): { total: number; free: number } {
  return slots.dynamic ? { total: slots.assigned, free: 0 } : { total: slots.total ?? 0, free: slots.free ?? 0 };
}
