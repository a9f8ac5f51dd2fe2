import type { ConfigEntry, ConfigNode, ObjectNode } from './config-node.js';
import type { SourcePosition } from './job-config.js';
import { isRecord, setOwn } from './plain-record.js';

/**
 * Converts an object of the syntax tree to plain values with HOCON's merge rules: path keys expand
 * to nested objects (`row.num = 5` is `row { num = 5 }`), a later object under the same key merges
 * into an earlier object, any other later value replaces the earlier one, and `+=` appends to an
 * array. Records where each value was written in `positions` under its path, `path` being the
 * object's own (`source[0]` gives `source[0].row.num`, array items `source[0].fields[2]`).
 */
export function objectToValue(node: ObjectNode, path: string, positions: Map<string, SourcePosition>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  mergeEntries(result, node.entries, path, positions);
  return result;
}

/** `source[0]` + `row` → `source[0].row`; the root path is ''. */
export function childPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function mergeEntries(target: Record<string, unknown>, entries: readonly ConfigEntry[], path: string, positions: Map<string, SourcePosition>): void {
  for (const entry of entries) assign(target, entry.path, entry, path, positions);
}

function assign(target: Record<string, unknown>, segments: readonly string[], entry: ConfigEntry, path: string, positions: Map<string, SourcePosition>): void {
  const [key, ...rest] = segments;
  const keyPath = childPath(path, key);
  const existing = Object.hasOwn(target, key) ? target[key] : undefined;
  if (rest.length > 0) {
    let child = existing;
    if (!isRecord(child)) {
      child = {};
      setOwn(target, key, child);
      positions.set(keyPath, entry.position);
    }
    assign(child as Record<string, unknown>, rest, entry, keyPath, positions);
    return;
  }
  const { value } = entry;
  if (value.kind === 'object' && isRecord(existing) && !entry.append) {
    mergeEntries(existing, value.entries, keyPath, positions);
    return;
  }
  positions.set(keyPath, value.position);
  const converted = nodeToValue(value, keyPath, positions);
  setOwn(target, key, entry.append ? [...(Array.isArray(existing) ? existing : []), converted] : converted);
}

function nodeToValue(node: ConfigNode, path: string, positions: Map<string, SourcePosition>): unknown {
  switch (node.kind) {
    case 'object':
      return objectToValue(node, path, positions);
    case 'array':
      return node.items.map((item, index) => {
        const itemPath = `${path}[${index}]`;
        positions.set(itemPath, item.position);
        return nodeToValue(item, itemPath, positions);
      });
    case 'scalar':
      return node.value;
  }
}
