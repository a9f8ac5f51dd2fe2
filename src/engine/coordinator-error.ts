import { SluiceError, type ErrorCode } from '../core/errors.js';

/**
 * Why the coordinator refused a request. API families map reasons to their status codes:
 * SeaTunnel answers most of these 500 (its submit future fails), Flink's family 400/404/409.
 */
export type CoordinatorErrorReason =
  | 'INVALID_REQUEST' // the request itself is malformed (e.g. start with savepoint without a job id)
  | 'ALREADY_SUBMITTED' // the job id has history and the request does not start with a savepoint
  | 'NO_SAVEPOINT' // start with savepoint, but nothing of that job id is stored
  | 'JOB_NOT_FOUND' // no running or finished job has the id
  | 'NOT_RUNNING' // the job exists but is not in a state that allows the operation
  | 'SHUTTING_DOWN'; // the node is closing and takes no new jobs

export class CoordinatorError extends SluiceError {
  readonly reason: CoordinatorErrorReason;

  constructor(reason: CoordinatorErrorReason, message: string, options?: { cause?: unknown }) {
    super(codeOf(reason), message, options);
    this.name = 'CoordinatorError';
    this.reason = reason;
  }
}

function codeOf(reason: CoordinatorErrorReason): ErrorCode {
  return reason === 'JOB_NOT_FOUND' ? 'JOB_NOT_FOUND' : 'INTERNAL';
}
