/**
 * PostgreSQL's text form of arrays (`{1,NULL,3}`, `{"a b","c\"d"}`, `{{1,2},{3,4}}`), as array_out
 * writes it and array_in reads it. Elements are decoded and encoded by the element type's own
 * text functions.
 */
export class ArrayTextError extends Error {}

/** Parses array text into nested JS arrays; `element` decodes each unquoted-or-unescaped element text. */
export function parseArrayText(text: string, element: (text: string) => unknown): unknown[] {
  let pos = 0;
  // Arrays with non-default bounds are written `[0:2]={...}`; the bounds are dropped.
  if (text.startsWith('[')) {
    const eq = text.indexOf('=');
    if (eq < 0) throw new ArrayTextError(`malformed array "${text}"`);
    pos = eq + 1;
  }
  const parseLevel = (): unknown[] => {
    if (text[pos] !== '{') throw new ArrayTextError(`malformed array "${text}": expected "{" at ${pos}`);
    pos++;
    const out: unknown[] = [];
    if (text[pos] === '}') {
      pos++;
      return out;
    }
    for (;;) {
      while (text[pos] === ' ') pos++;
      const char = text[pos];
      if (char === '{') {
        out.push(parseLevel());
      } else if (char === '"') {
        pos++;
        let value = '';
        for (;;) {
          const c = text[pos];
          if (c === undefined) throw new ArrayTextError(`malformed array "${text}": unterminated quote`);
          if (c === '\\') {
            value += text[pos + 1] ?? '';
            pos += 2;
          } else if (c === '"') {
            pos++;
            break;
          } else {
            value += c;
            pos++;
          }
        }
        out.push(element(value));
      } else {
        const start = pos;
        while (pos < text.length && text[pos] !== ',' && text[pos] !== '}') pos++;
        const raw = text.slice(start, pos).trim();
        out.push(raw === 'NULL' ? null : element(raw.includes('\\') ? raw.replace(/\\(.)/g, '$1') : raw));
      }
      while (text[pos] === ' ') pos++;
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === '}') {
        pos++;
        return out;
      }
      throw new ArrayTextError(`malformed array "${text}" at ${pos}`);
    }
  };
  const result = parseLevel();
  if (pos !== text.length) throw new ArrayTextError(`malformed array "${text}": trailing text`);
  return result;
}

/**
 * Formats nested arrays as array text. `element` renders a non-null element; quoting is added
 * here, so every non-null element is quoted (always valid, whatever the element type).
 */
export function formatArrayText(values: readonly unknown[], element: (value: unknown) => string): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    const value = values[i];
    if (value === null || value === undefined) out += 'NULL';
    else if (Array.isArray(value)) out += formatArrayText(value, element);
    else out += quoteElement(element(value));
  }
  return out + '}';
}

function quoteElement(text: string): string {
  if (!/["\\]/.test(text)) return `"${text}"`;
  return `"${text.replace(/["\\]/g, '\\$&')}"`;
}
