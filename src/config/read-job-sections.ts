import type { ConfigProblem } from '../core/errors.js';
import type { PluginType } from '../core/plugin.js';
import { closestNames } from '../core/suggest.js';
import type { ConfigEntry, ConfigNode, ObjectNode } from './config-node.js';
import type { SourcePosition } from './job-config.js';

/** One plugin block as written, before its values are merged. */
export interface PluginBlock {
  type: PluginType;
  /** The HOCON block name or the JSON `plugin_name`; '' when a JSON block has none (a problem). */
  name: string;
  /** The block's fields; a JSON block's `plugin_name` is one of them. */
  node: ObjectNode;
  /** The HOCON block name or the JSON object's `{`. */
  position: SourcePosition;
}

export interface JobSections {
  /** The fields of every `env` object in order; they merge like any HOCON object. */
  env: ConfigEntry[];
  plugins: Record<PluginType, PluginBlock[]>;
  /** Where `source`, `transform` and `sink` were first written. */
  sectionPositions: Map<PluginType, SourcePosition>;
  problems: ConfigProblem[];
}

export const PLUGIN_TYPES: readonly PluginType[] = ['source', 'transform', 'sink'];

/**
 * Splits a parsed config into its sections. A plugin section is either HOCON blocks named after
 * their plugin (`source { FakeSource {...} FakeSource {...} }`) or a JSON array of objects with
 * `plugin_name`; either form is accepted in either format. Blocks keep their order and duplicates,
 * also across repeated sections (`source {A {}}` then `source {B {}}` gives A, B), which is where
 * this differs from HOCON's merge.
 */
export function readJobSections(root: ObjectNode): JobSections {
  const sections: JobSections = {
    env: [],
    plugins: { source: [], transform: [], sink: [] },
    sectionPositions: new Map(),
    problems: [],
  };
  for (const entry of root.entries) {
    const [name, ...rest] = entry.path;
    const type = PLUGIN_TYPES.find((candidate) => candidate === name);
    if (name === 'env') readEnv(sections, rest, entry);
    else if (type !== undefined) readPluginSection(sections, type, rest, entry);
    else sections.problems.push(unknownSection(name, entry.position));
  }
  return sections;
}

function readEnv(sections: JobSections, rest: string[], entry: ConfigEntry): void {
  if (rest.length > 0) sections.env.push({ ...entry, path: rest });
  else if (entry.value.kind === 'object') sections.env.push(...entry.value.entries);
  else sections.problems.push(problemAt('env', 'expected an object: env { ... }', entry.value.position));
}

function readPluginSection(sections: JobSections, type: PluginType, rest: string[], entry: ConfigEntry): void {
  if (!sections.sectionPositions.has(type)) sections.sectionPositions.set(type, entry.position);
  if (rest.length > 0) {
    addHoconBlock(sections, type, { ...entry, path: rest });
  } else if (entry.value.kind === 'object') {
    for (const block of entry.value.entries) addHoconBlock(sections, type, block);
  } else if (entry.value.kind === 'array') {
    for (const item of entry.value.items) addJsonBlock(sections, type, item);
  } else {
    const example = `${type} { PluginName { ... } } or "${type}": [{"plugin_name": "PluginName", ...}]`;
    sections.problems.push(problemAt(type, `expected plugin blocks: ${example}`, entry.value.position));
  }
}

/** `FakeSource { ... }` inside a section; `FakeSource.row.num = 5` makes a block of one field. */
function addHoconBlock(sections: JobSections, type: PluginType, entry: ConfigEntry): void {
  const blocks = sections.plugins[type];
  const [name, ...rest] = entry.path;
  let node: ObjectNode = { kind: 'object', entries: [], position: entry.position };
  if (rest.length > 0) {
    node.entries.push({ ...entry, path: rest });
  } else if (entry.value.kind === 'object') {
    node = entry.value;
  } else {
    sections.problems.push(problemAt(`${type}[${blocks.length}]`, `expected a block for plugin "${name}": ${name} { ... }`, entry.value.position));
  }
  blocks.push({ type, name, node, position: entry.position });
}

function addJsonBlock(sections: JobSections, type: PluginType, item: ConfigNode): void {
  const blocks = sections.plugins[type];
  const path = `${type}[${blocks.length}]`;
  if (item.kind !== 'object') {
    sections.problems.push(problemAt(path, 'expected an object with "plugin_name"', item.position));
    blocks.push({ type, name: '', node: { kind: 'object', entries: [], position: item.position }, position: item.position });
    return;
  }
  const nameEntry = item.entries.findLast((entry) => entry.path.length === 1 && entry.path[0] === 'plugin_name');
  let name = '';
  if (nameEntry === undefined) {
    sections.problems.push(problemAt(path, 'missing "plugin_name": every plugin object needs one, e.g. "plugin_name": "FakeSource"', item.position));
  } else if (nameEntry.value.kind !== 'scalar' || typeof nameEntry.value.value !== 'string' || nameEntry.value.value === '') {
    sections.problems.push(problemAt(`${path}.plugin_name`, 'expected the plugin name as a string', nameEntry.value.position));
  } else {
    name = nameEntry.value.value;
  }
  blocks.push({ type, name, node: item, position: item.position });
}

function unknownSection(name: string, position: SourcePosition): ConfigProblem {
  const suggestions = closestNames(name, ['env', ...PLUGIN_TYPES], 1);
  const hint = suggestions.length > 0 ? `did you mean ${suggestions[0]}?` : 'a job config has env, source, transform and sink';
  return { ...problemAt(name, `unknown section "${name}" is ignored; ${hint}`, position), severity: 'warning' };
}

function problemAt(path: string, message: string, position: SourcePosition): ConfigProblem {
  return { path, message, line: position.line, column: position.column };
}
