import { javaSplit } from '../../shared/java-split.js';
import { globalOf, type JavaRegex } from '../../shared/java-regex.js';
import { derived, type Operand } from '../operand.js';
import { SqlError, SqlEvaluationError } from '../sql-error.js';
import { BOOLEAN, STRING } from '../sql-types.js';
import { intArg, optional, textArg } from './arguments.js';
import { javaPattern, javaReplacer, textCache } from './sql-regex.js';
import type { CallContext, SqlFunction } from './sql-function.js';

/**
 * Regular-expression functions (SeaTunnel's StringFunction): Java regex syntax, translated once
 * per pattern, H2's flags (i, c, n, m). NULL in gives NULL out.
 */

/** A regex argument: compiled now when constant (errors point at it), else per row through a cache. */
function regexArg(args: readonly Operand[], patternIndex: number, flagsIndex: number | undefined, context: CallContext): (f: unknown[]) => JavaRegex | null {
  const pattern = args[patternIndex] as Operand;
  const flags = flagsIndex === undefined ? undefined : args[flagsIndex];
  const patternText = textArg(pattern, context);
  const flagsText = flags === undefined ? () => null : textArg(flags, context);
  if (pattern.constant && (flags === undefined || flags.constant)) {
    if (pattern.value === null) return () => null;
    try {
      const regex = javaPattern(String(pattern.value), (flags?.value ?? null) as string | null);
      return () => regex;
    } catch (error) {
      if (error instanceof SqlEvaluationError) throw new SqlError(error.message, pattern.node.pos);
      throw error;
    }
  }
  const compile = textCache((key) => {
    const cut = key.indexOf('\u0000');
    return javaPattern(key.slice(cut + 1), key.slice(0, cut));
  });
  return (f) => {
    const p = patternText(f);
    return p == null ? null : compile(`${(flagsText(f) as string | null) ?? ''}\u0000${p as string}`);
  };
}

export const REGEX_FUNCTIONS: readonly SqlFunction[] = [
  {
    names: ['REGEXP_REPLACE'],
    minArgs: 3,
    maxArgs: 4,
    signature: 'REGEXP_REPLACE(string, regex, replacement[, flags])',
    compile: (args, c) => {
      const text = textArg(args[0] as Operand, c);
      const regex = regexArg(args, 1, args.length > 3 ? 3 : undefined, c);
      const replacementArg = args[2] as Operand;
      const replacement = textArg(replacementArg, c);
      let fixed: ((input: string) => string) | undefined;
      const regexNow = (args[1] as Operand).constant && (args.length < 4 || (args[3] as Operand).constant) ? regex([]) : undefined;
      if (regexNow != null && replacementArg.constant && replacementArg.value != null) {
        try {
          fixed = javaReplacer(regexNow, String(replacementArg.value));
        } catch (error) {
          if (error instanceof SqlEvaluationError) throw new SqlError(error.message, replacementArg.node.pos);
          throw error;
        }
      }
      const perRegex = new WeakMap<JavaRegex, (rep: string) => (input: string) => string>();
      return derived(c.call, STRING, (f) => {
        const s = text(f);
        if (s == null) return null;
        if (fixed !== undefined) return fixed(s as string);
        const r = regex(f);
        const rep = replacement(f);
        if (r == null || rep == null) return null;
        let byReplacement = perRegex.get(r);
        if (byReplacement === undefined) {
          byReplacement = textCache((text) => javaReplacer(r, text));
          perRegex.set(r, byReplacement);
        }
        return byReplacement(rep as string)(s as string);
      }, args);
    },
  },
  {
    names: ['REGEXP_LIKE'],
    minArgs: 2,
    maxArgs: 3,
    signature: 'REGEXP_LIKE(string, regex[, flags])',
    compile: (args, c) => {
      const text = textArg(args[0] as Operand, c);
      const regex = regexArg(args, 1, args.length > 2 ? 2 : undefined, c);
      return derived(c.call, BOOLEAN, (f) => {
        const s = text(f);
        if (s == null) return null;
        const r = regex(f);
        return r == null ? null : r.regex.test(s as string);
      }, args);
    },
  },
  {
    names: ['REGEXP_SUBSTR'],
    minArgs: 2,
    maxArgs: 6,
    signature: 'REGEXP_SUBSTR(string, regex[, position, occurrence, flags, group])',
    compile: (args, c) => {
      const text = textArg(args[0] as Operand, c);
      const regex = regexArg(args, 1, args.length > 4 ? 4 : undefined, c);
      const position = optional(args, 2, null, (arg) => intArg(arg, c));
      const occurrence = optional(args, 3, null, (arg) => intArg(arg, c));
      const group = optional(args, 5, null, (arg) => intArg(arg, c));
      return derived(c.call, STRING, (f) => {
        const s = text(f) as string | null;
        if (s == null) return null;
        const r = regex(f);
        if (r == null) return null;
        const g = (group(f) as number | null) ?? 0;
        if (g > r.groupCount || g < 0) throw new SqlEvaluationError(`REGEXP_SUBSTR: the pattern has no group ${g}`);
        const global = globalOf(r.regex);
        global.lastIndex = Math.max(((position(f) as number | null) ?? 1) - 1, 0);
        const wanted = (occurrence(f) as number | null) ?? 1;
        let match: RegExpExecArray | null = null;
        for (let n = 0; n < Math.max(wanted, 1); n++) {
          match = global.exec(s);
          if (match === null) return null;
          if (match[0] === '') global.lastIndex++;
        }
        return match?.[g] ?? null;
      }, args);
    },
  },
  {
    names: ['SPLIT'],
    minArgs: 2,
    maxArgs: 2,
    signature: 'SPLIT(string, regex)',
    compile: (args, c) => {
      const text = textArg(args[0] as Operand, c);
      const regex = regexArg(args, 1, undefined, c);
      const globals = new WeakMap<JavaRegex, RegExp>();
      return derived(c.call, { kind: 'array', element: STRING }, (f) => {
        const s = text(f) as string | null;
        if (s == null || s === '') return null;
        const r = regex(f);
        if (r == null) return null;
        let global = globals.get(r);
        if (global === undefined) {
          global = globalOf(r.regex);
          globals.set(r, global);
        }
        const parts = javaSplit(s, global, Infinity);
        while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
        return parts;
      }, args);
    },
  },
];
