import type { SourcePosition } from './job-config.js';

/**
 * The syntax tree of a HOCON or JSON config, as written: object fields keep their order, duplicate
 * keys stay separate entries and path keys (`row.num = 5`) stay paths. Merging duplicates and
 * expanding paths is left to `objectToValue`, because SeaTunnel's plugin lists (`source { A {} A {} }`)
 * must keep their duplicates while everything inside a plugin block merges as HOCON does.
 */
export type ConfigNode = ObjectNode | ArrayNode | ScalarNode;

export interface ObjectNode {
  kind: 'object';
  entries: ConfigEntry[];
  /** Where the object starts: its `{`, or the first field of a root object without braces. */
  position: SourcePosition;
}

export interface ArrayNode {
  kind: 'array';
  items: ConfigNode[];
  position: SourcePosition;
}

export type ScalarValue = string | number | bigint | boolean | null;

export interface ScalarNode {
  kind: 'scalar';
  /** Integers beyond 2^53 are bigint so that no digit is lost. */
  value: ScalarValue;
  position: SourcePosition;
  /** The value's source text, so renderers can write numbers and unquoted text back unchanged. */
  raw?: string;
}

export interface ConfigEntry {
  /** The key split into path segments: `row.num` is `['row', 'num']`, `"row.num"` is `['row.num']`. */
  path: string[];
  value: ConfigNode;
  /** Where the key starts. */
  position: SourcePosition;
  /** Written with `+=`: the value is appended to the array under the same key. */
  append?: boolean;
}
