import { ConfigError, type ConfigProblem } from '../core/errors.js';
import type { PluginType } from '../core/plugin.js';
import { buildPluginConfig } from './build-plugin-config.js';
import { parseHocon } from './hocon-parser.js';
import type { JobConfig, PluginConfig, SourcePosition } from './job-config.js';
import { parseEnvConfig } from './parse-env-config.js';
import { PLUGIN_TYPES, readJobSections } from './read-job-sections.js';
import { shadedKeys } from './shade/apply-shade.js';
import { decryptPluginOptions } from './shade/decrypt-plugin-options.js';
import { findConfigShade } from './shade/find-config-shade.js';
import { createVariableResolver } from './variable-resolver.js';

/** The two job config syntaxes SeaTunnel reads. */
export type ConfigFormat = 'hocon' | 'json';

/** `.json` files (any case) are JSON; everything else (`.conf`, `.hocon`, none) is HOCON, as in SeaTunnel. */
export function formatFromFileName(fileName: string): ConfigFormat {
  return fileName.toLowerCase().endsWith('.json') ? 'json' : 'hocon';
}

export interface ParseJobConfigOptions {
  format: ConfigFormat;
  /** `-i key=value` pairs; they win over environment variables. */
  variables?: Readonly<Record<string, string>>;
  /** Environment variables for `${var}` and the aes256 key; defaults to `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Decrypt sensitive source and sink options with `env.shade.identifier` (default true). */
  decrypt?: boolean;
  /**
   * Return errors in `JobConfig.problems` instead of throwing, when the text is well-formed, so that
   * `validateJobConfig` (and the planner) report them together with theirs: every problem at once.
   * Bad values are then left at their defaults.
   */
  deferErrors?: boolean;
}

/**
 * Reads a job config: parses it, substitutes variables, types `env`, builds the plugin blocks and
 * decrypts sensitive values. Throws ConfigError listing every problem found (unless `deferErrors`);
 * malformed text always throws, with the syntax problems only, since the rest would be guesses.
 * Decryption failures throw SluiceError('ENCRYPTION'). Warnings end up in `problems`. Plugin names
 * and options are checked later, by `validateJobConfig`.
 */
export function parseJobConfig(text: string, options: ParseJobConfigOptions): JobConfig {
  const processEnv = options.env ?? process.env;
  const parsed = parseHocon(text, { json: options.format === 'json', resolve: createVariableResolver(options.variables ?? {}, processEnv) });
  if (parsed.malformed) throw new ConfigError(parsed.problems);

  const sections = readJobSections(parsed.root);
  const positions = new Map<string, SourcePosition>();
  const { env, shadeOptions, problems: envProblems } = parseEnvConfig(sections.env, positions);
  const problems: ConfigProblem[] = [...parsed.problems, ...sections.problems, ...envProblems];
  const plugins: Record<PluginType, PluginConfig[]> = { source: [], transform: [], sink: [] };
  for (const type of PLUGIN_TYPES) {
    sections.plugins[type].forEach((block, index) => {
      const built = buildPluginConfig(block, index, positions);
      plugins[type].push(built.plugin);
      problems.push(...built.problems);
    });
  }
  for (const type of ['source', 'sink'] as const) {
    if (plugins[type].length === 0) problems.push(missingSection(type, sections.sectionPositions.get(type)));
  }
  if (!options.deferErrors && problems.some((problem) => problem.severity !== 'warning')) throw new ConfigError(problems);

  if (options.decrypt ?? true) {
    const { shade, warning } = findConfigShade(env.shadeIdentifier, processEnv, positions.get('env.shade.identifier'));
    if (warning !== undefined) problems.push(warning);
    decryptPluginOptions([...plugins.source, ...plugins.sink], shade, shadedKeys(shade, shadeOptions));
  }
  return { env, ...plugins, positions, problems };
}

function missingSection(type: 'source' | 'sink', position: SourcePosition | undefined): ConfigProblem {
  const name = type === 'source' ? 'Source' : 'Sink';
  const message = `Miss <${name}> config! A job needs at least one ${type} plugin block, e.g. ${type} { ${type === 'source' ? 'FakeSource' : 'Console'} { ... } }`;
  return { path: type, message, ...position };
}
