import type { ConfigProblem } from '../core/errors.js';
import type { OptionSpec } from '../core/option-spec.js';
import { closestNames } from '../core/suggest.js';
import { COMMON_PLUGIN_KEYS } from './common-plugin-keys.js';
import type { SourcePosition } from './job-config.js';
import { childPath } from './object-to-value.js';
import { isRecord } from './plain-record.js';

/**
 * Warnings (not errors: SeaTunnel ignores unknown keys) for keys of a plugin block that no option
 * declares, each with the closest declared keys. Not reported: the common plugin keys, keys that
 * lead to a declared dotted key (`row` for `row.num`; what is inside is checked in turn) and keys
 * inside an `object` or `any` option, which the plugin reads itself.
 */
export function unknownOptionWarnings(
  specs: readonly OptionSpec[],
  raw: Readonly<Record<string, unknown>>,
  pathPrefix: string,
  positions: ReadonlyMap<string, SourcePosition>,
): ConfigProblem[] {
  const declared = specs.flatMap((spec) => [spec.key, ...(spec.fallbackKeys ?? [])]);
  const open = specs.filter((spec) => spec.type === 'object' || spec.type === 'any').map((spec) => spec.key);
  const warnings: ConfigProblem[] = [];
  const visit = (object: Readonly<Record<string, unknown>>, prefix: string): void => {
    for (const [key, value] of Object.entries(object)) {
      if (prefix === '' && COMMON_PLUGIN_KEYS.has(key)) continue;
      const path = childPath(prefix, key);
      if (declared.includes(path) || open.some((openKey) => path.startsWith(`${openKey}.`))) continue;
      if (declared.some((declaredKey) => declaredKey.startsWith(`${path}.`))) {
        if (isRecord(value)) visit(value, path);
        continue;
      }
      const suggestions = closestNames(path, declared, 1);
      const hint = suggestions.length > 0 ? `; did you mean ${suggestions[0]}?` : '';
      const fullPath = childPath(pathPrefix, path);
      warnings.push({ path: fullPath, message: `unknown option "${path}" is ignored${hint}`, severity: 'warning', ...positions.get(fullPath) });
    }
  };
  visit(raw, '');
  return warnings;
}
