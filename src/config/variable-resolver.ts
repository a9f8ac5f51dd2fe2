import type { SourcePosition } from './job-config.js';

/** A `${name}`, `${name:default}` or `${?name}` found in the config text. */
export interface Substitution {
  name: string;
  /** The text after the first `:`; `${name:}` has the empty default. */
  defaultValue?: string;
  /** `${?name}`: HOCON's optional substitution, which removes the field when nothing is set. */
  optional: boolean;
  /** The source text, `${...}` included, written back when the substitution stays literal. */
  text: string;
  position: SourcePosition;
}

export type SubstitutionResult =
  | { kind: 'value'; text: string }
  | { kind: 'literal' } // keep `${...}` as written
  | { kind: 'unset' } // an optional substitution with no value
  | { kind: 'missing'; message: string };

export type VariableResolver = (substitution: Substitution) => SubstitutionResult;

/**
 * SeaTunnel sinks fill these in per table at run time (e.g. `table = "${table_name}_copy"`), so
 * they are never substituted, even when a variable of that name is set.
 */
export const RESERVED_PLACEHOLDERS: ReadonlySet<string> = new Set([
  'database_name', 'schema_name', 'table_name', 'schema_full_name', 'table_full_name', 'primary_key', 'unique_key', 'field_names',
]);

/**
 * Resolves substitutions from `variables` (`-i key=value`) first, then from `env` (environment
 * variables), then from the written default. A plain `${name}` with no value anywhere is a problem:
 * SeaTunnel keeps it literally, but a job that silently runs with `${password}` as its password is
 * worse than one that refuses to start.
 */
export function createVariableResolver(
  variables: Readonly<Record<string, string>>,
  env: Readonly<Record<string, string | undefined>>,
): VariableResolver {
  return (substitution) => {
    const { name } = substitution;
    if (RESERVED_PLACEHOLDERS.has(name)) return { kind: 'literal' };
    const value = Object.hasOwn(variables, name) ? variables[name] : env[name];
    if (value !== undefined) return { kind: 'value', text: value };
    if (substitution.defaultValue !== undefined) return { kind: 'value', text: substitution.defaultValue };
    if (substitution.optional) return { kind: 'unset' };
    return { kind: 'missing', message: `variable '${name}' is not set; pass -i ${name}=value or set the environment variable ${name}` };
  };
}
