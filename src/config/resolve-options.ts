import type { ConfigProblem } from '../core/errors.js';
import type { OptionSpec, OptionValues } from '../core/option-spec.js';
import { coerceOption } from './coerce-option.js';
import type { SourcePosition } from './job-config.js';
import { childPath } from './object-to-value.js';
import { isRecord, setOwn } from './plain-record.js';
import { unknownOptionWarnings } from './unknown-option-warnings.js';

export interface ResolvedOptions {
  /** Every declared key: the coerced value, else the default, else undefined. */
  values: OptionValues;
  /** Errors for bad or missing values; warnings for keys no spec declares. */
  problems: ConfigProblem[];
}

/**
 * Reads the declared options of one plugin block (or of `env`) from its raw values. A key such as
 * `row.num` is found written literally (`"row.num": 5`, JSON) or as a path (`row { num = 5 }`,
 * HOCON), and under its `fallbackKeys`; null counts as not set. Problems are located with
 * `positions`, under paths that start with `pathPrefix` (`source[0].row.num`). A bad value leaves
 * the option at its default so that later checks can still run.
 */
export function resolveOptions(
  specs: readonly OptionSpec[],
  raw: Readonly<Record<string, unknown>>,
  pathPrefix: string,
  positions: ReadonlyMap<string, SourcePosition>,
): ResolvedOptions {
  const values: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  const locate = (path: string): Partial<SourcePosition> => positions.get(path) ?? positions.get(pathPrefix) ?? {};
  for (const spec of specs) {
    const fallback = spec.default === undefined ? undefined : structuredClone(spec.default);
    setOwn(values, spec.key, fallback);
    const found = findOption(raw, spec);
    if (found === undefined) {
      if (spec.required && spec.default === undefined) {
        problems.push({ path: childPath(pathPrefix, spec.key), message: 'required option is not set', ...locate(pathPrefix) });
      }
      continue;
    }
    const coercion = coerceOption(spec, found.value);
    if (coercion.ok) {
      setOwn(values, spec.key, coercion.value);
      continue;
    }
    for (const problem of coercion.problems) {
      const path = childPath(pathPrefix, found.key) + problem.suffix;
      problems.push({ path, message: problem.message, ...locate(path) });
    }
  }
  problems.push(...unknownOptionWarnings(specs, raw, pathPrefix, positions));
  return { values, problems };
}

function findOption(raw: Readonly<Record<string, unknown>>, spec: OptionSpec): { key: string; value: unknown } | undefined {
  for (const key of [spec.key, ...(spec.fallbackKeys ?? [])]) {
    const value = lookup(raw, key.split('.'));
    if (value !== undefined && value !== null) return { key, value };
  }
  return undefined;
}

/** Finds `a.b.c` as `a.b.c`, `a → b.c`, `a.b → c` or `a → b → c`, longest literal key first. */
function lookup(object: Readonly<Record<string, unknown>>, segments: readonly string[]): unknown {
  for (let length = segments.length; length > 0; length--) {
    const key = segments.slice(0, length).join('.');
    if (!Object.hasOwn(object, key)) continue;
    const value = object[key];
    if (length === segments.length) return value;
    if (isRecord(value)) {
      const nested = lookup(value, segments.slice(length));
      if (nested !== undefined) return nested;
    }
  }
  return undefined;
}
