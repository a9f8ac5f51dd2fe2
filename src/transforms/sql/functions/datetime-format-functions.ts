import type { DataType } from '../../../core/data-type.js';
import { compileDateTimePattern, formatDateTime, parseDateTime, PatternError, type DateTimePattern } from '../datetime-pattern.js';
import { derived, type Evaluator, type Operand } from '../operand.js';
import { SqlError, SqlEvaluationError } from '../sql-error.js';
import { valueText } from '../sql-text.js';
import { BOOLEAN, DATE, isInteger, isTemporal, STRING, TIME, TIMESTAMP } from '../sql-types.js';
import { formatValue, systemZoneParts, zoneResolver, type DateTimeParts } from '../temporal.js';
import { argumentError, constantText, strict1, strict2, textArg } from './arguments.js';
import { partsArg, withTemporalLiterals } from './datetime-functions.js';
import { textCache } from './sql-regex.js';
import type { CallContext, SqlFunction } from './sql-function.js';

/**
 * Date-time formatting and parsing (SeaTunnel's DateTimeFunction): FORMATDATETIME, DATE_FORMAT,
 * PARSEDATETIME / TO_DATE, IS_DATE, FROM_UNIXTIME and TO_CHAR, with java.time
 * DateTimeFormatter patterns (DATE_FORMAT also takes MySQL's `%Y-%m-%d`).
 */

type TemporalKind = 'date' | 'time' | 'timestamp';

const MYSQL_SPECIFIERS: Record<string, string> = {
  Y: 'yyyy', y: 'yy', m: 'MM', c: 'M', d: 'dd', e: 'd', H: 'HH', k: 'H', h: 'hh', I: 'hh', l: 'h', i: 'mm', s: 'ss', S: 'ss',
  f: 'SSSSSS', p: 'a', M: 'MMMM', b: 'MMM', W: 'EEEE', a: 'EEE', j: 'DDD', T: 'HH:mm:ss', r: "hh:mm:ss a",
};

/** MySQL's DATE_FORMAT specifiers (`%Y-%m-%d %H:%i:%s`) as a java.time pattern; text without `%` is taken as a java.time pattern already. */
export function mysqlPattern(text: string): string {
  if (!text.includes('%')) return text;
  let out = '';
  let literal = '';
  const flush = (): void => {
    if (literal !== '') out += `'${literal.replaceAll("'", "''")}'`;
    literal = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const spec = c === '%' ? text[i + 1] : undefined;
    if (spec !== undefined && MYSQL_SPECIFIERS[spec] !== undefined) {
      flush();
      out += MYSQL_SPECIFIERS[spec];
      i++;
    } else if (spec !== undefined) {
      literal += spec;
      i++;
    } else {
      literal += c;
    }
  }
  flush();
  return out;
}

/** A constant pattern argument, compiled now (errors point at it); others compile per distinct text. */
function patternArg(arg: Operand, context: CallContext): (f: unknown[]) => DateTimePattern | null {
  const mysql = context.call.name.toUpperCase() === 'DATE_FORMAT';
  const read = textArg(arg, context);
  const text: Evaluator = mysql ? (f) => {
    const v = read(f);
    return v == null ? null : mysqlPattern(v as string);
  } : read;
  if (arg.constant) {
    if (arg.value == null) return () => null;
    try {
      const pattern = compileDateTimePattern(mysql ? mysqlPattern(String(arg.value)) : String(arg.value));
      return () => pattern;
    } catch (error) {
      if (error instanceof PatternError) throw new SqlError(error.message, arg.node.pos);
      throw error;
    }
  }
  const compile = textCache((key) => {
    try {
      return compileDateTimePattern(key);
    } catch (error) {
      if (error instanceof PatternError) throw new SqlEvaluationError(error.message);
      throw error;
    }
  });
  return (f) => {
    const v = text(f) as string | null;
    return v == null ? null : compile(v);
  };
}

function checkPatternFields(pattern: DateTimePattern, kind: string): string | undefined {
  if (pattern.usesDate && kind === 'time') return `the pattern "${pattern.text}" formats date fields, which a time does not have`;
  if (pattern.usesTime && kind === 'date') return `the pattern "${pattern.text}" formats time fields, which a date does not have`;
  return undefined;
}

function formatdatetime(args: Operand[], c: CallContext): Operand {
  const [value, patternOperand] = args as [Operand, Operand];
  const read = partsArg(value, c);
  const kind = value.type.kind;
  const pattern = patternArg(patternOperand, c);
  if (patternOperand.constant && patternOperand.value != null) {
    const problem = checkPatternFields(pattern([]) as DateTimePattern, kind);
    if (problem !== undefined) throw new SqlError(problem, patternOperand.node.pos);
  }
  return strict2(c, STRING, args, read, (f) => pattern(f), (p, pat) => {
    const problem = checkPatternFields(pat as DateTimePattern, kind);
    if (problem !== undefined) throw new SqlEvaluationError(problem);
    return formatDateTime(pat as DateTimePattern, p as DateTimeParts);
  });
}

/** PARSEDATETIME's result type from its pattern text, as SeaTunnel decides it: `yy` and `mm` a timestamp, `yy` a date, `mm` a time. */
function parsedType(pattern: string, context: CallContext, at: number): DataType {
  if (pattern.includes('yy') && pattern.includes('mm')) return TIMESTAMP;
  if (pattern.includes('yy')) return DATE;
  if (pattern.includes('mm')) return TIME;
  throw new SqlError(`${context.call.name.toUpperCase()} cannot tell what the pattern "${pattern}" parses: it needs yy (a date), mm (a time) or both (a timestamp)`, at);
}

function parsedatetime(args: Operand[], c: CallContext): Operand {
  const [text, patternOperand] = args as [Operand, Operand];
  const patternText = constantText(patternOperand, c, 'the pattern');
  if (patternText === null) return derived(c.call, TIMESTAMP, () => null, args);
  const type = parsedType(patternText, c, patternOperand.node.pos);
  const pattern = patternArg(patternOperand, c)([]) as DateTimePattern;
  return strict1(c, type, args, textArg(text, c), (s) => formatValue(parseDateTime(pattern, s as string), type.kind as TemporalKind));
}

function isDate(args: Operand[], c: CallContext): Operand {
  const [text, patternOperand] = args as [Operand, Operand];
  const read = textArg(text, c);
  const pattern = patternArg(patternOperand, c);
  return derived(c.call, BOOLEAN, (f) => {
    const s = read(f) as string | null;
    const p = pattern(f);
    if (s == null || p == null) return false;
    try {
      parseDateTime(p, s);
      return true;
    } catch {
      return false;
    }
  }, args);
}

function fromUnixtime(args: Operand[], c: CallContext): Operand {
  const seconds = args[0] as Operand;
  if (!isInteger(seconds.type) && seconds.type.kind !== 'null') argumentError(c, seconds, 'whole seconds since 1970-01-01');
  const pattern = patternArg(args[1] as Operand, c);
  const zoneArg = args[2];
  let zone: (f: unknown[]) => ((millis: number) => DateTimeParts) | null = () => systemZoneParts;
  if (zoneArg !== undefined) {
    const text = textArg(zoneArg, c);
    if (zoneArg.constant) {
      try {
        const fixed = zoneArg.value == null ? null : zoneResolver(String(zoneArg.value));
        zone = () => fixed;
      } catch (error) {
        if (error instanceof SqlEvaluationError) throw new SqlError(error.message, zoneArg.node.pos);
        throw error;
      }
    } else {
      const resolve = textCache(zoneResolver);
      zone = (f) => {
        const v = text(f) as string | null;
        return v == null ? null : resolve(v);
      };
    }
  }
  const read = seconds.evaluate;
  return derived(c.call, STRING, (f) => {
    const s = read(f);
    const p = pattern(f);
    const z = zone(f);
    if (s == null || p == null || z == null) return null;
    return formatDateTime(p, z(Number(s) * 1000));
  }, args);
}

function toChar(args: Operand[], c: CallContext): Operand {
  const value = args[0] as Operand;
  if (args.length === 2 && isTemporal(value.type)) return formatdatetime(args, c);
  const type = value.type;
  if (type.kind === 'array' || type.kind === 'map' || type.kind === 'row') argumentError(c, value, 'a number, string or date-time');
  return strict1(c, STRING, args, value.evaluate, (v) => valueText(v, type));
}


export const DATETIME_FORMAT_FUNCTIONS: readonly SqlFunction[] = [
  { names: ['FORMATDATETIME', 'DATE_FORMAT'], minArgs: 2, maxArgs: 2, signature: "FORMATDATETIME(dateAndTime, 'pattern')", compile: withTemporalLiterals([0], formatdatetime) },
  { names: ['PARSEDATETIME', 'TO_DATE'], minArgs: 2, maxArgs: 2, signature: "PARSEDATETIME(string, 'pattern')", compile: parsedatetime },
  { names: ['IS_DATE'], minArgs: 2, maxArgs: 2, signature: "IS_DATE(string, 'pattern')", compile: isDate },
  { names: ['FROM_UNIXTIME'], minArgs: 2, maxArgs: 3, signature: "FROM_UNIXTIME(seconds, 'pattern'[, 'zone'])", compile: fromUnixtime },
  { names: ['TO_CHAR'], minArgs: 1, maxArgs: 2, signature: "TO_CHAR(value[, 'pattern'])", compile: toChar },
];
