import type { JobDetail } from './api/model.js';
import type { VertexRates } from './ui/dag-view.js';

interface Sample {
  t: number;
  read: number | null;
  written: number | null;
  vertices: Map<string, { in: number | null; out: number | null }>;
}

const MAX_SAMPLES = 300;
const MAX_JOBS = 20;

/**
 * Counts sampled on each refresh of a job page, kept while the dashboard is open (and across a
 * change of tab), from which rows per second are derived: the REST APIs give totals, the browser
 * turns consecutive totals into rates. Bounded: the newest 300 samples of the 20 latest jobs.
 */
export class RateHistory {
  private readonly jobs = new Map<string, Sample[]>();

  record(job: JobDetail): void {
    let samples = this.jobs.get(job.id);
    if (samples === undefined) {
      samples = [];
      this.jobs.set(job.id, samples);
      if (this.jobs.size > MAX_JOBS) this.jobs.delete(this.jobs.keys().next().value!);
    }
    const last = samples[samples.length - 1];
    if (last !== undefined && job.now <= last.t) return;
    samples.push({ t: job.now, read: job.rowsRead, written: job.rowsWritten, vertices: new Map(job.vertices.map((v) => [v.id, { in: v.rowsIn, out: v.rowsOut }])) });
    if (samples.length > MAX_SAMPLES) samples.splice(0, samples.length - MAX_SAMPLES);
  }

  /** Rows per second read and written between consecutive samples. */
  series(jobId: string): { read: [number, number][]; written: [number, number][] } {
    const samples = this.jobs.get(jobId) ?? [];
    const read: [number, number][] = [];
    const written: [number, number][] = [];
    for (let i = 1; i < samples.length; i++) {
      const a = samples[i - 1]!;
      const b = samples[i]!;
      const r = rate(a.read, b.read, a.t, b.t);
      const w = rate(a.written, b.written, a.t, b.t);
      if (r !== null) read.push([b.t, r]);
      if (w !== null) written.push([b.t, w]);
    }
    return { read, written };
  }

  /** Each vertex's rows per second in and out over the last two samples. */
  vertexRates(jobId: string): Map<string, VertexRates> {
    const samples = this.jobs.get(jobId) ?? [];
    const result = new Map<string, VertexRates>();
    const b = samples[samples.length - 1];
    const a = samples[samples.length - 2];
    if (a === undefined || b === undefined) return result;
    for (const [id, now] of b.vertices) {
      const before = a.vertices.get(id);
      result.set(id, { rowsInPerSecond: rate(before?.in ?? null, now.in, a.t, b.t), rowsOutPerSecond: rate(before?.out ?? null, now.out, a.t, b.t) });
    }
    return result;
  }
}

function rate(before: number | null, after: number | null, t0: number, t1: number): number | null {
  if (before === null || after === null || t1 <= t0) return null;
  return Math.max(0, ((after - before) * 1000) / (t1 - t0));
}
