import { compileJavaRegex, globalOf, JavaRegexError, type JavaRegex } from '../../shared/java-regex.js';
import { compileJavaReplacement } from '../../shared/java-replacement.js';
import { SqlEvaluationError } from '../sql-error.js';

/**
 * Java regexes for REGEXP_REPLACE, REGEXP_LIKE, REGEXP_SUBSTR and SPLIT, compiled once per
 * pattern: a constant pattern at bind time, others through a small cache per call site.
 * Flags as H2 reads them: `i` case-insensitive, `c` case-sensitive, `n` dot matches newline,
 * `m` multiline; later flags override earlier ones. Case folding is Unicode-aware (SeaTunnel
 * always adds Pattern.UNICODE_CASE).
 */
export function javaPattern(pattern: string, flags: string | null): JavaRegex {
  let ignoreCase = false;
  let dotAll = false;
  let multiline = false;
  for (const flag of flags ?? '') {
    switch (flag) {
      case 'i':
        ignoreCase = true;
        break;
      case 'c':
        ignoreCase = false;
        break;
      case 'n':
        dotAll = true;
        break;
      case 'm':
        multiline = true;
        break;
      default:
        throw new SqlEvaluationError(`unsupported regex flag "${flag}" (use i, c, n or m)`);
    }
  }
  const inline = `${ignoreCase ? 'iu' : ''}${dotAll ? 's' : ''}${multiline ? 'm' : ''}`;
  try {
    return compileJavaRegex(inline === '' ? pattern : `(?${inline})${pattern}`);
  } catch (error) {
    if (error instanceof JavaRegexError) throw new SqlEvaluationError(error.message);
    throw error;
  }
}

/** A per-call-site cache of compiled values keyed by text, bounded so that a pattern per row cannot grow it forever. */
export function textCache<T>(build: (key: string) => T, limit = 64): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let found = cache.get(key);
    if (found === undefined) {
      found = build(key);
      if (cache.size >= limit) cache.clear();
      cache.set(key, found);
    }
    return found;
  };
}

/** Matcher.replaceAll(replacement) of a compiled pattern. */
export function javaReplacer(regex: JavaRegex, replacement: string): (input: string) => string {
  let replacer;
  try {
    replacer = compileJavaReplacement(replacement, regex);
  } catch (error) {
    throw new SqlEvaluationError(`invalid replacement ${JSON.stringify(replacement)}: ${(error as Error).message}`);
  }
  const global = globalOf(regex.regex);
  return (input) => input.replace(global, replacer);
}
