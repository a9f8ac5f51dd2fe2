/**
 * Every failure Sluice reports carries a code from this list. The CLI maps codes to exit codes and
 * each REST API family maps them to its own status codes and error bodies.
 */
export type ErrorCode =
  | 'CONFIG_INVALID' // the job config is malformed or fails validation (carries problems)
  | 'ENCRYPTION' // a value could not be encrypted or decrypted (wrong key, bad cipher text)
  | 'PLUGIN_FAILED' // a connector or transform failed while the job ran
  | 'ASSERTION_FAILED' // an Assert sink rule was violated
  | 'JOB_NOT_FOUND'
  | 'INTERNAL';

export class SluiceError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SluiceError';
    this.code = code;
  }
}

/** One thing wrong with a config. `path` is like `source[0].row.num`; line and column are 1-based. */
export interface ConfigProblem {
  path: string;
  message: string;
  line?: number;
  column?: number;
  severity?: 'error' | 'warning';
}

export function formatProblem(problem: ConfigProblem): string {
  const where = problem.line === undefined ? '' : ` (line ${problem.line}, column ${problem.column ?? 1})`;
  const label = problem.path === '' ? '' : `${problem.path}: `;
  return `${label}${problem.message}${where}`;
}

/** A config that cannot run. Holds every problem found, not just the first. */
export class ConfigError extends SluiceError {
  readonly problems: ConfigProblem[];

  constructor(problems: ConfigProblem[]) {
    const errors = problems.filter((p) => p.severity !== 'warning');
    const count = errors.length === 1 ? '1 problem' : `${errors.length} problems`;
    super('CONFIG_INVALID', `Invalid job config, ${count}:\n${errors.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** A plugin that finds its options unusable throws this from bind/tables/check; paths are relative to the plugin. */
export class OptionError extends SluiceError {
  readonly option: string;

  constructor(option: string, message: string) {
    super('CONFIG_INVALID', message);
    this.name = 'OptionError';
    this.option = option;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
