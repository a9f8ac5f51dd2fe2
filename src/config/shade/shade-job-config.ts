import { ConfigError, type ConfigProblem } from '../../core/errors.js';
import type { ScalarNode } from '../config-node.js';
import type { ConfigFormat } from '../parse-job-config.js';
import { parseHocon } from '../hocon-parser.js';
import type { SourcePosition } from '../job-config.js';
import { parseEnvConfig } from '../parse-env-config.js';
import { readJobSections } from '../read-job-sections.js';
import { renderHocon } from '../render-hocon.js';
import { renderJson } from '../render-json.js';
import { applyShade, shadedKeys } from './apply-shade.js';
import { findConfigShade } from './find-config-shade.js';

export interface ShadeJobConfigOptions {
  format: ConfigFormat;
  /** Supplies the aes256 key; defaults to `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface ShadedJobConfig {
  /** The config re-rendered in its own format: JSON for JSON, HOCON (order and duplicates kept) for HOCON. */
  text: string;
  /** E.g. an unknown `shade.identifier`, which leaves every value as it was. */
  warnings: ConfigProblem[];
}

/** `sluice encrypt`: encrypts the sensitive top-level keys of every source and sink with `env.shade.identifier`. */
export function encryptJobConfig(text: string, options: ShadeJobConfigOptions): ShadedJobConfig {
  return shadeJobConfig('encrypt', text, options);
}

/** `sluice decrypt`: the inverse of `encryptJobConfig`. */
export function decryptJobConfig(text: string, options: ShadeJobConfigOptions): ShadedJobConfig {
  return shadeJobConfig('decrypt', text, options);
}

/**
 * Works on the syntax tree so the output keeps the input's structure. Variables are not
 * substituted: `${...}` is written back as it was, and a sensitive value that is a substitution is
 * left alone (it is not a secret in this file). Only syntax errors stop it; validating the job is
 * `parseJobConfig`'s business.
 */
function shadeJobConfig(direction: 'encrypt' | 'decrypt', text: string, options: ShadeJobConfigOptions): ShadedJobConfig {
  const parsed = parseHocon(text, { json: options.format === 'json' });
  if (parsed.malformed) throw new ConfigError(parsed.problems);
  const sections = readJobSections(parsed.root);
  const positions = new Map<string, SourcePosition>();
  const { env, shadeOptions } = parseEnvConfig(sections.env, positions);
  const { shade, warning } = findConfigShade(env.shadeIdentifier, options.env ?? process.env, positions.get('env.shade.identifier'));
  const keys = shadedKeys(shade, shadeOptions);
  for (const type of ['source', 'sink'] as const) {
    sections.plugins[type].forEach((block, index) => {
      for (const entry of block.node.entries) {
        const [key] = entry.path;
        if (entry.path.length !== 1 || !keys.has(key) || entry.value.kind !== 'scalar') continue;
        const plain = scalarText(entry.value);
        if (plain === undefined || plain.includes('${')) continue;
        const shaded = applyShade(direction, shade, plain, `${type}[${index}].${key}`);
        if (shaded !== plain) entry.value = { kind: 'scalar', value: shaded, position: entry.value.position };
      }
    });
  }
  const rendered = options.format === 'json' ? renderJson(parsed.root) : renderHocon(parsed.root);
  return { text: rendered, warnings: warning === undefined ? [] : [warning] };
}

/** The value as SeaTunnel's `toString()` gives it; numbers as written. Null has none. */
function scalarText(node: ScalarNode): string | undefined {
  if (node.value === null) return undefined;
  if (typeof node.value === 'string') return node.value;
  return node.raw ?? String(node.value);
}
