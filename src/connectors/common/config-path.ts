/**
 * Reading nested plugin config as the config layer hands it over: HOCON paths such as
 * `row.num = 5` arrive as nested objects (`{row: {num: 5}}`) while JSON keys stay as written
 * (`{"row.num": 5}`). Options the engine validated are flat already; these helpers are for the
 * objects *inside* options (`tables_configs` entries, `schema`, Assert `rules`).
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The value at a dotted key, accepting every mix of flat and nested spellings
 * (`a.b.c`, `{a: {b: {c}}}`, `{"a.b": {c}}`). Undefined when absent.
 */
export function readPath(source: unknown, key: string): unknown {
  if (!isPlainObject(source)) return undefined;
  if (Object.hasOwn(source, key)) return source[key];
  let dot = key.indexOf('.');
  while (dot > 0) {
    const head = key.slice(0, dot);
    if (Object.hasOwn(source, head)) {
      const found = readPath(source[head], key.slice(dot + 1));
      if (found !== undefined) return found;
    }
    dot = key.indexOf('.', dot + 1);
  }
  return undefined;
}

/** A short, user-facing rendering of a config value for error messages. */
export function describeValue(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  try {
    const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}
