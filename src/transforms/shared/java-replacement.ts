import type { JavaRegex } from './java-regex.js';

/**
 * A replacement string as `java.util.regex.Matcher.appendReplacement` reads it: `$n` and `${name}`
 * insert groups, `\x` inserts `x` literally, anything else is literal. `$12` means group 12 only if
 * the pattern has 12 groups, else group 1 followed by `2`. A group that did not take part in the
 * match inserts nothing. Java's errors are raised here, once, instead of on the first row.
 *
 * Compiled to a replacer function for `String.prototype.replace`, built once per transform.
 */
export function compileJavaReplacement(replacement: string, pattern: JavaRegex): (match: string, ...rest: unknown[]) => string {
  const parts: (string | number)[] = [];
  let literal = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i] as string;
    if (c === '\\') {
      i++;
      if (i >= replacement.length) throw new Error('the replacement ends with a backslash (character to be escaped is missing)');
      literal += replacement[i];
    } else if (c === '$') {
      i++;
      if (i >= replacement.length) throw new Error('illegal group reference: "$" at the end of the replacement (write \\$ for a dollar sign)');
      let group: number;
      if (replacement[i] === '{') {
        const end = replacement.indexOf('}', i);
        if (end < 0) throw new Error('named group reference is missing its closing "}"');
        const name = replacement.slice(i + 1, end);
        const found = pattern.groupNames.get(name);
        if (found === undefined) throw new Error(`no group named "${name}" in the pattern`);
        group = found;
        i = end;
      } else {
        const first = replacement.charCodeAt(i) - 48;
        if (first < 0 || first > 9) throw new Error(`illegal group reference "$${replacement[i]}" (write \\$ for a dollar sign)`);
        if (first > pattern.groupCount) throw new Error(`no group ${first} in the pattern (it has ${pattern.groupCount})`);
        group = first;
        while (i + 1 < replacement.length) {
          const digit = replacement.charCodeAt(i + 1) - 48;
          if (digit < 0 || digit > 9 || group * 10 + digit > pattern.groupCount) break;
          group = group * 10 + digit;
          i++;
        }
      }
      if (literal !== '') parts.push(literal);
      literal = '';
      parts.push(group);
    } else {
      literal += c;
    }
  }
  if (literal !== '') parts.push(literal);

  if (parts.every((part) => typeof part === 'string')) {
    const text = parts.join('');
    return () => text;
  }
  // `rest` holds the groups 1..n, then offset, input (and the named-groups object).
  return (match: string, ...rest: unknown[]): string => {
    let out = '';
    for (const part of parts) {
      if (typeof part === 'string') out += part;
      else if (part === 0) out += match;
      else {
        const group = rest[part - 1];
        if (typeof group === 'string') out += group;
      }
    }
    return out;
  };
}
