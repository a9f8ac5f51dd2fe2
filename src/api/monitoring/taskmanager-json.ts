import { availableParallelism, totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import type { Static } from 'typebox';
import type { MonitoringContext } from './monitoring-context.js';
import { clusterSlots } from './metric-values.js';
import type { TaskManagerDetailsInfo, TaskManagerInfo } from './schemas/cluster-schemas.js';

const MB = 1024 * 1024;

/** The task manager id of this node: its `host:port`. */
export function taskManagerId({ node }: MonitoringContext): string {
  return node.address;
}

/**
 * This node as Flink describes a task manager. Memory figures are V8's heap (Sluice has no managed
 * or network memory); `jmxPort` is -1 (none); `timeSinceLastHeartbeat` is, as in Flink, the time
 * of the last heartbeat — now, for the node answering.
 */
export function taskManagerJson(context: MonitoringContext): Static<typeof TaskManagerInfo> {
  const heap = getHeapStatistics();
  const cores = availableParallelism();
  const overview = context.coordinator.overview();
  const slots = clusterSlots(overview.slots);
  const resource = { cpuCores: cores, taskHeapMemory: Math.round(heap.heap_size_limit / MB), taskOffHeapMemory: 0, managedMemory: 0, networkMemory: 0, extendedResources: {} };
  return {
    id: taskManagerId(context),
    path: `http://${context.node.address}`,
    dataPort: context.node.port,
    jmxPort: -1,
    timeSinceLastHeartbeat: Date.now(),
    slotsNumber: slots.total,
    freeSlots: slots.free,
    totalResource: resource,
    freeResource: { ...resource, cpuCores: Math.max(0, cores - overview.slots.assigned) },
    hardware: { cpuCores: cores, physicalMemory: totalmem(), freeMemory: heap.heap_size_limit - heap.used_heap_size, managedMemory: 0 },
    memoryConfiguration: {
      frameworkHeap: 0,
      taskHeap: heap.heap_size_limit,
      frameworkOffHeap: 0,
      taskOffHeap: 0,
      networkMemory: 0,
      managedMemory: 0,
      jvmMetaspace: 0,
      jvmOverhead: 0,
      totalFlinkMemory: heap.heap_size_limit,
      totalProcessMemory: heap.heap_size_limit,
    },
    blocked: false,
    assignedTasks: overview.slots.assigned,
  };
}

/** `/taskmanagers/:id`: the above, the slots running jobs hold, and memory and GC figures. */
export function taskManagerDetailsJson(context: MonitoringContext): Static<typeof TaskManagerDetailsInfo> {
  const info = taskManagerJson(context);
  const heap = getHeapStatistics();
  const memory = process.memoryUsage();
  const nonHeap = Math.max(0, memory.rss - heap.total_heap_size);
  const { health } = context;
  return {
    ...info,
    allocatedSlots: context.coordinator
      .runningJobs()
      .filter((job) => job.slots > 0)
      .flatMap((job) => Array.from({ length: job.slots }, () => ({ jobId: job.jobId, resource: { ...info.totalResource, cpuCores: 1 } }))),
    metrics: {
      heapUsed: heap.used_heap_size,
      heapCommitted: heap.total_heap_size,
      heapMax: heap.heap_size_limit,
      nonHeapUsed: nonHeap,
      nonHeapCommitted: nonHeap,
      nonHeapMax: -1,
      directCount: 0,
      directUsed: memory.arrayBuffers,
      directMax: -1,
      mappedCount: 0,
      mappedUsed: 0,
      mappedMax: -1,
      garbageCollectors: [
        { name: 'Scavenge', count: health.minorGc.count, time: Math.round(health.minorGc.ms) },
        { name: 'MarkSweepCompact', count: health.majorGc.count, time: Math.round(health.majorGc.ms) },
      ],
    },
  };
}
