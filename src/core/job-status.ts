/** SeaTunnel's job states (JobStatus.java); the source of truth for both REST API families. */
export const JOB_STATUSES = [
  'INITIALIZING',
  'CREATED',
  'PENDING',
  'SCHEDULED',
  'RUNNING',
  'FAILING',
  'FAILED',
  'DOING_SAVEPOINT',
  'SAVEPOINT_DONE',
  'CANCELING',
  'CANCELED',
  'FINISHED',
  'UNKNOWABLE',
] as const;

export type JobStatus = (typeof JOB_STATUSES)[number];

const TERMINAL = new Set<JobStatus>(['FAILED', 'SAVEPOINT_DONE', 'CANCELED', 'FINISHED', 'UNKNOWABLE']);

export function isTerminal(status: JobStatus): boolean {
  return TERMINAL.has(status);
}
