import { readFile } from 'node:fs/promises';
import { availableParallelism, freemem, loadavg, totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import type { JobView } from '../../engine/coordinator-job.js';
import { json, type ApiReply } from '../route-kit/api-reply.js';
import type { RouteRequest } from '../route-kit/route-declaration.js';
import type { SeaTunnelContext } from './seatunnel-context.js';

/**
 * GET /system-monitoring-information: one object per node with SeaTunnel's keys, in its order,
 * values as strings (reference 4.7), meaning what they mean in Node: heap = V8's heap, minor GC =
 * scavenges, major GC = mark-sweep and incremental marking, threads = the main thread plus one
 * worker thread per running subtask, `event.q.size` = jobs waiting for slots. Hazelcast-only
 * figures (partitions, client connections, operation queues) are "0". Extra Node keys follow.
 */
export async function systemMonitoring(_request: RouteRequest, { coordinator, node, health }: SeaTunnelContext): Promise<ApiReply> {
  const heap = getHeapStatistics();
  const cores = availableParallelism();
  const swap = await swapSpace();
  const threads = 1 + workerThreads(coordinator.runningJobs());
  const loop = health.eventLoop();
  const overview = coordinator.overview();
  const percent = (part: number, whole: number): string => `${whole > 0 ? ((part / whole) * 100).toFixed(2) : '0.00'}%`;
  const info: Record<string, string> = {
    isMaster: 'true',
    host: node.host,
    port: String(node.port),
    processors: String(cores),
    'physical.memory.total': unit(totalmem()),
    'physical.memory.free': unit(freemem()),
    'swap.space.total': unit(swap.total),
    'swap.space.free': unit(swap.free),
    'heap.memory.used': unit(heap.used_heap_size),
    'heap.memory.free': unit(heap.total_heap_size - heap.used_heap_size),
    'heap.memory.total': unit(heap.total_heap_size),
    'heap.memory.max': unit(heap.heap_size_limit),
    'heap.memory.used/total': percent(heap.used_heap_size, heap.total_heap_size),
    'heap.memory.used/max': percent(heap.used_heap_size, heap.heap_size_limit),
    'minor.gc.count': String(health.minorGc.count),
    'minor.gc.time': `${Math.round(health.minorGc.ms)}ms`,
    'major.gc.count': String(health.majorGc.count),
    'major.gc.time': `${Math.round(health.majorGc.ms)}ms`,
    'load.process': `${health.processLoad(cores).toFixed(2)}%`,
    'load.system': `${((loadavg()[0]! / cores) * 100).toFixed(2)}%`,
    'load.systemAverage': loadavg()[0]!.toFixed(2),
    'thread.count': String(threads),
    'thread.peakCount': String(health.threads(threads)),
    'cluster.timeDiff': '0',
    'event.q.size': String(overview.pending),
    'executor.q.async.size': '0',
    'executor.q.client.size': '0',
    'executor.q.client.query.size': '0',
    'executor.q.client.blocking.size': '0',
    'executor.q.query.size': '0',
    'executor.q.scheduled.size': '0',
    'executor.q.io.size': '0',
    'executor.q.system.size': '0',
    'executor.q.operations.size': '0',
    'executor.q.priorityOperation.size': '0',
    'operations.completed.count': '0',
    'executor.q.mapLoad.size': '0',
    'executor.q.mapLoadAllKeys.size': '0',
    'executor.q.cluster.size': '0',
    'executor.q.response.size': '0',
    'operations.running.count': String(overview.active - overview.pending),
    'operations.pending.invocations.percentage': '0.00%',
    'operations.pending.invocations.count': '0',
    'proxy.count': '0',
    'clientEndpoint.count': '0',
    'connection.active.count': '0',
    'client.connection.count': '0',
    'connection.count': '0',
    'eventLoop.delay.mean': `${loop.meanMs.toFixed(2)}ms`,
    'eventLoop.delay.p99': `${loop.p99Ms.toFixed(2)}ms`,
    'eventLoop.delay.max': `${loop.maxMs.toFixed(2)}ms`,
    'eventLoop.utilization': `${(loop.utilization * 100).toFixed(2)}%`,
    'worker.thread.count': String(threads - 1),
    'process.uptime': `${Math.round(process.uptime())}s`,
    'process.rss': unit(process.memoryUsage.rss()),
  };
  return json([info]);
}

/** Worker threads running now: one per subtask of every started job. */
export function workerThreads(jobs: readonly JobView[]): number {
  return jobs.filter((job) => job.status !== 'PENDING').reduce((sum, job) => sum + job.slots, 0);
}

/** Hazelcast's `numberToUnit`: `16.0G`, `512.3M`, or the plain number below 1k. */
export function unit(bytes: number): string {
  for (let i = 6; i > 0; i--) {
    const step = 1024 ** i;
    if (bytes > step) return `${(bytes / step).toFixed(1)}${'kMGTPE'[i - 1]}`;
  }
  return String(Math.round(bytes));
}

/** Swap from /proc/meminfo (Linux); 0 elsewhere, since Node has no portable call for it. */
async function swapSpace(): Promise<{ total: number; free: number }> {
  try {
    const text = await readFile('/proc/meminfo', 'utf8');
    const kb = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0) * 1024;
    return { total: kb('SwapTotal'), free: kb('SwapFree') };
  } catch {
    return { total: 0, free: 0 };
  }
}
