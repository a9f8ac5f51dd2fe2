import type { DagVertex } from './model.js';

const SECTIONS = ['source', 'transform', 'sink'] as const;

interface PluginBlock {
  section: (typeof SECTIONS)[number];
  index: number;
  name: string;
  options: [string, string][];
}

/**
 * Rebuilds a submittable HOCON config from `/v1/jobs/:id/config`'s `user-config`: flat keys
 * `env.<key>`, `<section>[<i>].plugin_name` and `<section>[<i>].<option>`, values as strings (objects
 * and arrays as JSON). Option defaults are included, which changes nothing; masked secrets stay
 * `******` and must be typed again. `user-config` carries no table wiring (`plugin_input`,
 * `plugin_output` are not plugin options), so it is rebuilt from the DAG: a source's output is named
 * after its table (what FakeSource and the file sources derive their table from), a transform's
 * after itself, and each consumer reads its DAG inputs.
 */
export function configFromUserConfig(userConfig: Record<string, unknown>, vertices: readonly DagVertex[]): string | null {
  const env: [string, string][] = [];
  const plugins = new Map<string, PluginBlock>();
  for (const [key, raw] of Object.entries(userConfig)) {
    const value = typeof raw === 'string' ? raw : JSON.stringify(raw);
    if (key.startsWith('env.')) {
      env.push([key.slice(4), value]);
      continue;
    }
    const match = /^(source|transform|sink)\[(\d+)\]\.(.+)$/.exec(key);
    if (match === null) continue;
    const id = `${match[1]}[${match[2]}]`;
    const plugin = plugins.get(id) ?? { section: match[1] as PluginBlock['section'], index: Number(match[2]), name: '', options: [] };
    plugins.set(id, plugin);
    if (match[3] === 'plugin_name') plugin.name = value;
    else plugin.options.push([match[3]!, value]);
  }
  if (plugins.size === 0) return null;
  addWiring(plugins, vertices);
  const lines: string[] = ['env {', ...env.map(([key, value]) => `  ${key} = ${literal(value)}`), '}'];
  for (const section of SECTIONS) {
    const list = [...plugins.values()].filter((plugin) => plugin.section === section).sort((a, b) => a.index - b.index);
    if (list.length === 0) continue;
    lines.push('', `${section} {`);
    for (const plugin of list) lines.push(`  ${plugin.name} {`, ...plugin.options.map(([key, value]) => `    ${key} = ${literal(value)}`), '  }');
    lines.push('}');
  }
  return `${lines.join('\n')}\n`;
}

function addWiring(plugins: Map<string, PluginBlock>, vertices: readonly DagVertex[]): void {
  const keyOf = new Map<string, string>();
  for (const section of SECTIONS) {
    vertices
      .filter((vertex) => vertex.kind === section)
      .sort((a, b) => Number(a.id) - Number(b.id))
      .forEach((vertex, index) => keyOf.set(vertex.id, `${section}[${index}]`));
  }
  const outputName = (vertex: DagVertex): string => (vertex.kind === 'source' && vertex.tables[0] !== undefined ? vertex.tables[0] : `${vertex.plugin.toLowerCase()}_${vertex.id}`);
  const consumed = new Set(vertices.flatMap((vertex) => vertex.inputs));
  const has = (plugin: PluginBlock, ...keys: string[]): boolean => plugin.options.some(([key]) => keys.includes(key));
  for (const vertex of vertices) {
    const plugin = plugins.get(keyOf.get(vertex.id) ?? '');
    if (plugin === undefined) continue;
    if (consumed.has(vertex.id) && !has(plugin, 'plugin_output', 'result_table_name')) plugin.options.unshift(['plugin_output', outputName(vertex)]);
    const inputs = vertex.inputs.map((id) => vertices.find((candidate) => candidate.id === id)).filter((input): input is DagVertex => input !== undefined);
    if (inputs.length > 0 && !has(plugin, 'plugin_input', 'source_table_name')) {
      const names = inputs.map(outputName);
      plugin.options.unshift(['plugin_input', names.length === 1 ? names[0]! : JSON.stringify(names)]);
    }
  }
}

/** Numbers, booleans, JSON objects and arrays as written; everything else as a quoted string. */
function literal(value: string): string {
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value) || value === 'true' || value === 'false') return value;
  if (/^[[{]/.test(value)) {
    try {
      JSON.parse(value);
      return value;
    } catch {
      // not JSON: a string that starts with a bracket
    }
  }
  return JSON.stringify(value);
}
