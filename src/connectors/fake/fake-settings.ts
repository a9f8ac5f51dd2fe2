import type { ConfigProblem } from '../../core/errors.js';
import type { OptionValues } from '../../core/option-spec.js';
import { RANGED_TYPES } from './fake-options.js';

/** A numeric range [min, max) as SeaTunnel's RandomUtils.nextX(min, max) draws from it. */
export interface NumberRange {
  min: number;
  max: number;
}

/** The generation settings of one FakeSource table, read from validated options. */
export interface FakeSettings {
  rowNum: number;
  splitNum: number;
  splitReadInterval: number;
  stringLength: number;
  bytesLength: number;
  arraySize: number;
  mapSize: number;
  stringTemplate: string[] | undefined;
  tinyintTemplate: number[] | undefined;
  smallintTemplate: number[] | undefined;
  intTemplate: number[] | undefined;
  bigintTemplate: bigint[] | undefined;
  floatTemplate: number[] | undefined;
  doubleTemplate: number[] | undefined;
  yearTemplate: number[] | undefined;
  monthTemplate: number[] | undefined;
  dayTemplate: number[] | undefined;
  hourTemplate: number[] | undefined;
  minuteTemplate: number[] | undefined;
  secondTemplate: number[] | undefined;
  tinyint: NumberRange;
  smallint: NumberRange;
  int: NumberRange;
  bigint: { min: bigint; max: bigint };
  float: NumberRange;
  double: NumberRange;
  /** The `rows` option as configured (converted per table by explicit-rows.ts), or undefined. */
  rows: unknown[] | undefined;
}

export function readFakeSettings(options: OptionValues): FakeSettings {
  return {
    rowNum: num(options['row.num']),
    splitNum: num(options['split.num']),
    splitReadInterval: num(options['split.read-interval']),
    stringLength: num(options['string.length']),
    bytesLength: num(options['bytes.length']),
    arraySize: num(options['array.size']),
    mapSize: num(options['map.size']),
    stringTemplate: list(options['string.template'], String),
    tinyintTemplate: list(options['tinyint.template'], Number),
    smallintTemplate: list(options['smallint.template'], Number),
    intTemplate: list(options['int.template'], Number),
    bigintTemplate: list(options['bigint.template'], (v) => BigInt(v as number | bigint)),
    floatTemplate: list(options['float.template'], Number),
    doubleTemplate: list(options['double.template'], Number),
    yearTemplate: list(options['date.year.template'], Number),
    monthTemplate: list(options['date.month.template'], Number),
    dayTemplate: list(options['date.day.template'], Number),
    hourTemplate: list(options['time.hour.template'], Number),
    minuteTemplate: list(options['time.minute.template'], Number),
    secondTemplate: list(options['time.second.template'], Number),
    tinyint: { min: num(options['tinyint.min']), max: num(options['tinyint.max']) },
    smallint: { min: num(options['smallint.min']), max: num(options['smallint.max']) },
    int: { min: num(options['int.min']), max: num(options['int.max']) },
    bigint: { min: BigInt(options['bigint.min'] as number | bigint), max: BigInt(options['bigint.max'] as number | bigint) },
    float: { min: num(options['float.min']), max: num(options['float.max']) },
    double: { min: num(options['double.min']), max: num(options['double.max']) },
    rows: Array.isArray(options['rows']) ? (options['rows'] as unknown[]) : undefined,
  };
}

/**
 * Checks between options of one table: `*.fake.mode = template` needs its template (SeaTunnel's
 * OptionRule.conditional), min <= max (RandomUtils throws otherwise), template values that fit
 * their type, and date/time templates that name real months, days, hours...
 */
export function checkFakeSettings(options: OptionValues, prefix: string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const at = (key: string): string => `${prefix}${key}`;
  for (const type of ['string', ...RANGED_TYPES]) {
    const template = options[`${type}.template`];
    if (options[`${type}.fake.mode`] === 'template' && (!Array.isArray(template) || template.length === 0)) {
      problems.push({ path: at(`${type}.template`), message: `is required when ${type}.fake.mode = template` });
    }
  }
  for (const type of RANGED_TYPES) {
    const min = options[`${type}.min`] as number | bigint;
    const max = options[`${type}.max`] as number | bigint;
    if (min > max) problems.push({ path: at(`${type}.min`), message: `${type}.min (${min}) is larger than ${type}.max (${max})` });
  }
  const limits: [string, bigint, bigint][] = [
    ['tinyint.template', -128n, 127n],
    ['smallint.template', -32768n, 32767n],
    ['date.year.template', 0n, 9999n],
    ['date.month.template', 1n, 12n],
    ['date.day.template', 1n, 31n],
    ['time.hour.template', 0n, 23n],
    ['time.minute.template', 0n, 59n],
    ['time.second.template', 0n, 59n],
  ];
  for (const [key, low, high] of limits) {
    const values = options[key];
    if (!Array.isArray(values)) continue;
    const bad = values.find((v) => BigInt(v as number) < low || BigInt(v as number) > high);
    if (bad !== undefined) problems.push({ path: at(key), message: `${bad} is outside ${low}..${high}` });
  }
  return problems;
}

function num(value: unknown): number {
  return Number(value);
}

function list<T>(value: unknown, map: (v: unknown) => T): T[] | undefined {
  return Array.isArray(value) && value.length > 0 ? value.map(map) : undefined;
}
