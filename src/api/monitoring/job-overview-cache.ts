import type { JobView } from '../../engine/coordinator-job.js';
import { jobDetailsJson } from './job-details-json.js';

interface Rendered {
  status: string;
  finishTime: number | undefined;
  json: string;
}

/**
 * The JSON of ended jobs as /jobs/overview lists them, rendered once per job: an ended job's entry
 * never changes (its duration is fixed), and the history may hold thousands. Entries of jobs that
 * left the history are dropped on the next render. Owned by the monitoring context.
 */
export class JobOverviewCache {
  private entries = new Map<string, Rendered>();

  /** `{"jobs":[…]}` for running jobs (rendered fresh) followed by ended ones (cached). */
  render(running: readonly JobView[], ended: readonly JobView[], now: number): string {
    const parts: string[] = running.map((job) => JSON.stringify(jobDetailsJson(job, now)));
    const next = new Map<string, Rendered>();
    for (const job of ended) {
      let rendered = this.entries.get(job.jobId);
      if (rendered === undefined || rendered.status !== job.status || rendered.finishTime !== job.finishTime) {
        rendered = { status: job.status, finishTime: job.finishTime, json: JSON.stringify(jobDetailsJson(job, now)) };
      }
      next.set(job.jobId, rendered);
      parts.push(rendered.json);
    }
    this.entries = next;
    return `{"jobs":[${parts.join(',')}]}`;
  }
}
