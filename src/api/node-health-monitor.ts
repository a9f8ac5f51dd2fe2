import { constants, monitorEventLoopDelay, performance, PerformanceObserver, type IntervalHistogram } from 'node:perf_hooks';

export interface GcTotals {
  count: number;
  ms: number;
}

/**
 * Watches what SeaTunnel's health monitor reports, in Node's terms: GC counts and times (V8's
 * scavenges are "minor", mark-sweep-compact and incremental marking "major"), event-loop delay and
 * utilization, and CPU load since the previous sample. Opened by the server, closed with it.
 */
export class NodeHealthMonitor {
  readonly minorGc: GcTotals = { count: 0, ms: 0 };
  readonly majorGc: GcTotals = { count: 0, ms: 0 };
  private readonly observer: PerformanceObserver;
  private readonly delay: IntervalHistogram;
  private lastCpu = process.cpuUsage();
  private lastCpuAt = process.hrtime.bigint();
  private lastLoad = 0;
  private peakThreads = 1;

  constructor() {
    this.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind;
        const totals = kind === constants.NODE_PERFORMANCE_GC_MINOR ? this.minorGc : this.majorGc;
        totals.count += 1;
        totals.ms += entry.duration;
      }
    });
    this.observer.observe({ entryTypes: ['gc'] });
    this.delay = monitorEventLoopDelay({ resolution: 20 });
    this.delay.enable();
  }

  /** Share of one core this process used since the last call (0..cores), as a percentage of all cores. */
  processLoad(cores: number): number {
    const now = process.hrtime.bigint();
    const elapsedMicros = Number(now - this.lastCpuAt) / 1000;
    if (elapsedMicros < 100_000) return this.lastLoad; // too short to measure; repeat the last figure
    const used = process.cpuUsage(this.lastCpu);
    this.lastCpu = process.cpuUsage();
    this.lastCpuAt = now;
    this.lastLoad = ((used.user + used.system) / elapsedMicros / Math.max(1, cores)) * 100;
    return this.lastLoad;
  }

  /** Event-loop delay in ms (mean and p99 since the start) and utilization (0..1) since the start. */
  eventLoop(): { meanMs: number; p99Ms: number; maxMs: number; utilization: number } {
    const nanos = (value: number): number => (Number.isFinite(value) ? value / 1e6 : 0);
    return { meanMs: nanos(this.delay.mean), p99Ms: nanos(this.delay.percentile(99)), maxMs: nanos(this.delay.max), utilization: performance.eventLoopUtilization().utilization };
  }

  /** Records a thread count (main + workers) and returns the peak seen. */
  threads(current: number): number {
    this.peakThreads = Math.max(this.peakThreads, current);
    return this.peakThreads;
  }

  /** Idempotent. */
  close(): void {
    this.observer.disconnect();
    this.delay.disable();
  }
}
