import type { ConfigFormat } from './model.js';

/** Placeholders SeaTunnel sinks fill per table at run time: never substituted (as the server's resolver). */
const RESERVED = new Set(['database_name', 'schema_name', 'table_name', 'schema_full_name', 'table_full_name', 'primary_key', 'unique_key', 'field_names']);

/**
 * Replaces `${name}`, `${name:default}` and `${?name}` for the variables the user set, as
 * `sluice run -i name=value` would: the REST APIs take no variables, so the dashboard substitutes
 * them before validating and submitting. Substitutions of unset variables are left for the server,
 * which resolves defaults and reports a missing variable at its line. In JSON the value is escaped
 * as string content.
 */
export function substituteVariables(text: string, variables: Readonly<Record<string, string>>, format: ConfigFormat): string {
  if (Object.keys(variables).length === 0) return text;
  return text.replace(/\$\{(\??)([A-Za-z_][\w.-]*)(?::([^}]*))?\}/g, (whole, _optional: string, name: string) => {
    if (RESERVED.has(name) || !Object.hasOwn(variables, name)) return whole;
    const value = variables[name]!;
    return format === 'json' ? JSON.stringify(value).slice(1, -1) : value;
  });
}
