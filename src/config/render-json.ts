import type { ConfigNode, ObjectNode, ScalarNode } from './config-node.js';

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * Writes a syntax tree as JSON with two-space indents: field order and duplicate keys as parsed,
 * numbers as written (big integers stay exact), path keys as nested objects.
 */
export function renderJson(root: ObjectNode): string {
  return `${renderNode(root, '')}\n`;
}

function renderNode(node: ConfigNode, indent: string): string {
  const inner = `${indent}  `;
  switch (node.kind) {
    case 'object': {
      if (node.entries.length === 0) return '{}';
      const fields = node.entries.map((entry) => `${inner}${renderPath(entry.path, entry.value, inner)}`);
      return `{\n${fields.join(',\n')}\n${indent}}`;
    }
    case 'array':
      if (node.items.length === 0) return '[]';
      return `[\n${node.items.map((item) => `${inner}${renderNode(item, inner)}`).join(',\n')}\n${indent}]`;
    case 'scalar':
      return renderScalar(node);
  }
}

function renderPath(path: readonly string[], value: ConfigNode, indent: string): string {
  const [key, ...rest] = path;
  if (rest.length === 0) return `${JSON.stringify(key)}: ${renderNode(value, indent)}`;
  const inner = `${indent}  `;
  return `${JSON.stringify(key)}: {\n${inner}${renderPath(rest, value, inner)}\n${indent}}`;
}

function renderScalar(node: ScalarNode): string {
  const { value, raw } = node;
  if (typeof value === 'string') return JSON.stringify(value);
  if ((typeof value === 'number' || typeof value === 'bigint') && raw !== undefined && JSON_NUMBER.test(raw)) return raw;
  return String(value);
}
