import { ApiError } from './api-error.js';
import type { HttpClient } from './http-client.js';
import type { ConfigFormat, ConfigProblem, DashboardConfig } from './model.js';
import { paths } from './paths.js';
import { substituteVariables } from './substitute-variables.js';
import { arr, num, obj, str } from './values.js';

export interface SubmitOptions {
  jobId?: string;
  jobName?: string;
  startWithSavepoint?: boolean;
  /** `${name}` substitutions, as `sluice run -i name=value` gives them. */
  variables?: Record<string, string>;
}

export interface Validation {
  /** False when the server has no validate endpoint: problems are then only known on submit. */
  available: boolean;
  problems: ConfigProblem[];
}

export const CONTENT_TYPES: Record<ConfigFormat, string> = { json: 'application/json', hocon: 'application/hocon' };

/** `POST /v1/jobs/validate`: every problem of the config, each at its line; nothing runs. */
export async function validateConfig(http: HttpClient, config: DashboardConfig, text: string, format: ConfigFormat, options: SubmitOptions, signal?: AbortSignal): Promise<Validation> {
  if (!config.monitoring) return { available: false, problems: [] };
  try {
    const answer = await http.answer(paths.validate, { method: 'POST', contentType: CONTENT_TYPES[format], body: substituteVariables(text, options.variables ?? {}, format), query: { jobName: options.jobName }, signal });
    if (answer.status === 404 && typeof answer.body === 'object' && /not found/i.test(JSON.stringify(answer.body))) return { available: false, problems: [] };
    return { available: true, problems: problemsOf(answer.body) };
  } catch (error) {
    if (error instanceof ApiError && error.missingRoute) return { available: false, problems: [] };
    throw error;
  }
}

/**
 * Submits a job: `POST /v1/jobs` with the config as JSON or HOCON by Content-Type, or SeaTunnel's
 * submit-job without the monitoring API. Resolves with the job id (a string, never a number).
 * A refused config throws a SubmitError with its problems.
 */
export async function submitJob(http: HttpClient, config: DashboardConfig, written: string, format: ConfigFormat, options: SubmitOptions): Promise<string> {
  const text = substituteVariables(written, options.variables ?? {}, format);
  const query = { jobId: options.jobId, jobName: options.jobName };
  try {
    if (config.monitoring) {
      try {
        const body = obj(await http.json(paths.jobs, { method: 'POST', contentType: CONTENT_TYPES[format], body: text, query: { ...query, startWithSavepoint: options.startWithSavepoint ? 'true' : undefined } }));
        return jobIdOf(body);
      } catch (error) {
        if (!(error instanceof ApiError && error.missingRoute)) throw error;
      }
    }
    const body = obj(
      await http.json(paths.seaTunnel.submitJob, {
        method: 'POST',
        contentType: format === 'json' ? 'application/json' : 'text/plain',
        body: text,
        query: { ...query, isStartWithSavePoint: options.startWithSavepoint ? 'true' : undefined, format: format === 'hocon' ? 'hocon' : undefined },
      }),
    );
    return jobIdOf(body);
  } catch (error) {
    if (error instanceof ApiError && error.status >= 400 && error.status < 600 && error.status !== 401) throw new SubmitError(error.message, problemsOf({ errors: [error.message] }));
    throw error;
  }
}

export class SubmitError extends Error {
  constructor(
    message: string,
    readonly problems: ConfigProblem[],
  ) {
    super(message);
    this.name = 'SubmitError';
  }
}

function jobIdOf(body: Record<string, unknown>): string {
  const id = str(body.jobid) ?? str(body.jobId) ?? str(body.jid) ?? /jobs\/([^/?#]+)/.exec(str(body.jobUrl) ?? '')?.[1] ?? null;
  if (id === null) throw new Error(`The server accepted the job but returned no job id: ${JSON.stringify(body)}`);
  return id;
}

/**
 * Problems from any answer shape: `problems: [{path, message, line, column, severity}]`, `errors`
 * as such objects, or `errors` as text in which each line reads `path: message (line N, column M)`.
 */
export function problemsOf(body: unknown): ConfigProblem[] {
  const root = obj(body);
  const list = arr(root.problems ?? obj(root.validation).problems);
  if (list.length > 0) return list.map(obj).map(problemOf);
  const errors = arr(root.errors);
  const objects = errors.filter((entry) => typeof entry === 'object' && entry !== null);
  if (objects.length > 0) return objects.map(obj).map(problemOf);
  return errors.flatMap((entry) => problemsFromText(str(entry) ?? ''));
}

function problemOf(problem: Record<string, unknown>): ConfigProblem {
  return {
    path: str(problem.path) ?? '',
    message: str(problem.message) ?? JSON.stringify(problem),
    line: num(problem.line),
    column: num(problem.column),
    severity: problem.severity === 'warning' ? 'warning' : 'error',
  };
}

/** Reads `formatProblem` lines (`  - source[0].row.num: expected an integer (line 3, column 5)`). */
export function problemsFromText(text: string): ConfigProblem[] {
  const lines = text.split('\n').map((line) => line.replace(/^\s*-\s+/, '').trim()).filter((line) => line !== '');
  const detailed = lines.length > 1 && /^Invalid job config/i.test(lines[0]!) ? lines.slice(1) : lines;
  return detailed.map((line) => {
    const where = /\s*\(line (\d+), column (\d+)\)\s*$/.exec(line);
    const body = where === null ? line : line.slice(0, where.index);
    const path = /^([\w.[\]"-]+): /.exec(body);
    return {
      path: path?.[1] ?? '',
      message: path === null ? body : body.slice(path[0].length),
      line: where === null ? null : Number(where[1]),
      column: where === null ? null : Number(where[2]),
      severity: 'error',
    };
  });
}
