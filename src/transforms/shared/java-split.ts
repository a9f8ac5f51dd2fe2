/**
 * `String.split(regex, limit)` with `limit > 0`, as Java does it: at most `limit` parts, the last
 * part holding the rest of the input (separators included); trailing empty parts are kept; a
 * zero-width match at the very start yields no leading empty part; no match yields the input.
 * `regex` must have the `g` flag; its `lastIndex` is reset.
 */
export function javaSplit(input: string, regex: RegExp, limit: number): string[] {
  const parts: string[] = [];
  let index = 0;
  regex.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (parts.length < limit - 1 && (match = regex.exec(input)) !== null) {
    const start = match.index;
    const end = start + match[0].length;
    // After an empty match Java resumes one character further on; so must we, or loop forever.
    if (end === start) regex.lastIndex = end + (isSurrogatePair(input, end) ? 2 : 1);
    if (start === 0 && end === 0) continue;
    parts.push(input.slice(index, start));
    index = end;
    if (regex.lastIndex > input.length) break;
  }
  if (index === 0 && parts.length === 0) return [input];
  parts.push(input.slice(index));
  return parts;
}

function isSurrogatePair(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff && at + 1 < text.length;
}
