/** Splits a dotted table path, honouring quoted parts (`"my.schema".t`, `` `my.db`.t ``). */
export function splitPath(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === '`') {
      if (quoted && text[i + 1] === c) {
        current += c;
        i++;
      } else {
        quoted = !quoted;
      }
    } else if (c === '.' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}
