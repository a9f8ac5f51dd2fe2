import type { ConfigEntry, ConfigNode, ObjectNode, ScalarValue } from './config-node.js';

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

/**
 * Writes a syntax tree back as HOCON: field order, duplicate keys and path keys as parsed, unquoted
 * values and numbers as written (their `raw` text), other strings quoted. Comments and layout are
 * not kept. The root is written without braces, two spaces per level.
 */
export function renderHocon(root: ObjectNode): string {
  return `${renderEntries(root.entries, '')}\n`;
}

function renderEntries(entries: readonly ConfigEntry[], indent: string): string {
  return entries.map((entry) => `${indent}${renderEntry(entry, indent)}`).join('\n');
}

function renderEntry(entry: ConfigEntry, indent: string): string {
  const key = entry.path.map((segment) => (BARE_KEY.test(segment) ? segment : JSON.stringify(segment))).join('.');
  const separator = entry.append ? ' += ' : entry.value.kind === 'object' ? ' ' : ' = ';
  return `${key}${separator}${renderValue(entry.value, indent)}`;
}

function renderValue(node: ConfigNode, indent: string): string {
  const inner = `${indent}  `;
  switch (node.kind) {
    case 'object':
      return node.entries.length === 0 ? '{}' : `{\n${renderEntries(node.entries, inner)}\n${indent}}`;
    case 'array':
      if (node.items.every((item) => item.kind === 'scalar')) return `[${node.items.map((item) => renderValue(item, inner)).join(', ')}]`;
      return `[\n${node.items.map((item) => `${inner}${renderValue(item, inner)}`).join(',\n')}\n${indent}]`;
    case 'scalar':
      return node.raw ?? renderScalar(node.value);
  }
}

function renderScalar(value: ScalarValue): string {
  if (typeof value !== 'string') return String(value);
  const multiline = value.includes('\n') && !value.includes('"""') && !value.endsWith('"');
  return multiline ? `"""${value}"""` : JSON.stringify(value);
}
