import type { JobStatus } from '../core/job-status.js';

/** What `sluice` exits with. Scripts can rely on these. */
export const EXIT = {
  /** The job FINISHED (or the command succeeded). */
  ok: 0,
  /** The job ended FAILED or in another state than FINISHED, or the command failed. */
  failed: 1,
  /** The config (or the command line) is invalid; nothing ran. */
  invalid: 2,
  /** The job was stopped by Ctrl-C or SIGTERM (canceled, or with a savepoint when it can be restored). */
  stopped: 130,
  /** Standard output was closed by its reader (`sluice plugins | head`): the process ends at once, as SIGPIPE ends other tools. */
  pipeClosed: 141,
} as const;

export function exitCodeFor(status: JobStatus, stoppedBySignal: boolean): number {
  if (status === 'FINISHED') return EXIT.ok;
  return stoppedBySignal && (status === 'CANCELED' || status === 'SAVEPOINT_DONE') ? EXIT.stopped : EXIT.failed;
}
