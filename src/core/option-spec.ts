/**
 * A plugin declares every option it reads. One declaration validates configs, fills defaults,
 * generates the plugin's docs page and answers `sluice plugins <name>`.
 */
export type OptionType =
  | 'string'
  | 'int' // a whole number that fits in 32 bits
  | 'long' // a whole number that fits in 64 bits; read as number when safe, else bigint
  | 'double'
  | 'boolean'
  | 'enum' // one of `values`, compared case-insensitively, normalised to the declared spelling
  | 'list' // an array; `elementType` (when given) checks each element
  | 'object' // a nested config object, passed through as parsed
  | 'any'; // anything: the plugin checks it itself

export interface OptionSpec {
  /** As SeaTunnel spells it, dotted for nested keys: `row.num`, `log.print.data`. */
  key: string;
  type: OptionType;
  description: string;
  default?: unknown;
  required?: boolean;
  /** A value for the docs, written as it would appear in HOCON. */
  example?: string;
  /** For `enum`. */
  values?: readonly string[];
  /** For `list`. */
  elementType?: Exclude<OptionType, 'list' | 'enum'>;
  /** Inclusive numeric bounds. */
  min?: number;
  max?: number;
  /** Older spellings that are still accepted. */
  fallbackKeys?: readonly string[];
  /** Masked in every response and log; encrypted by `sluice encrypt`. */
  sensitive?: boolean;
}

/**
 * Validated option values of one plugin instance, keyed by the declared `key`. Every declared key is
 * present: the configured value coerced to its type, else the default, else undefined.
 */
export type OptionValues = Readonly<Record<string, unknown>>;
