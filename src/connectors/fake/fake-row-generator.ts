import type { DataType } from '../../core/data-type.js';
import type { Row } from '../../core/row.js';
import type { Column, TableSchema } from '../../core/table.js';
import { convertConfigValue } from '../common/config-value.js';
import { currentDate, currentTime, currentTimestamp, daysInMonth, formatYear, twoDigits } from '../common/temporal-text.js';
import type { FastRandom } from './fast-random.js';
import type { FakeSettings, NumberRange } from './fake-settings.js';

/**
 * Random rows for one table, as SeaTunnel's FakeDataGenerator + FakeDataRandomUtils draw them:
 * strings of ASCII letters (`string.length`, or the column's columnLength when > 0), numbers in
 * [min, max), dates in the current year with day 1..28, decimals with `precision - scale` random
 * integer digits and `scale` fraction digits, a column's defaultValue instead of random values.
 *
 * Hot path: rows are filled column by column, each column by a loop specialised to its type, so
 * per-row work is a few array stores and PRNG calls; no closures or promises per row.
 */
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const LETTER_CODES = Array.from(LETTERS, (c) => c.charCodeAt(0));
/** Every two-letter string: one PRNG call and one concatenation give two characters. */
const LETTER_PAIRS: readonly string[] = Array.from({ length: 52 * 52 }, (_, i) => LETTERS.charAt(Math.floor(i / 52)) + LETTERS.charAt(i % 52));
const DIGIT_PAIRS: readonly string[] = Array.from({ length: 100 }, (_, i) => twoDigits(i));
const TWO_POW_53 = 2n ** 53n;
const LONG_MAX = 2n ** 63n - 1n;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

const enum Kind {
  Null,
  Constant,
  Now,
  String,
  Boolean,
  Small,
  Bigint,
  Floating,
  Template,
  Decimal,
  Bytes,
  Date,
  Time,
  Timestamp,
  Array,
  Map,
  Row,
}

interface Plan {
  kind: Kind;
  /** String length, bytes length, array or map size; digits before the point for decimals. */
  size: number;
  /** Fraction digits of decimals; columnScale rounding of floats (-1 = none). */
  scale: number;
  min: number;
  span: number;
  bigMin: bigint;
  bigSpan: bigint;
  template: readonly unknown[];
  value: unknown;
  nowKind: 'date' | 'time' | 'timestamp';
  children: Plan[];
}

export class FakeRowGenerator {
  private readonly plans: Plan[];
  private readonly year = new Date().getFullYear();
  private readonly yearText = formatYear(this.year);
  private readonly byteBuffer: Buffer;
  /**
   * Random 63-bit bigints, refilled 256 at a time: reading a BigUint64Array element makes the
   * bigint in one allocation, where composing it from two 32-bit halves takes five.
   */
  private readonly bigWords = new Uint32Array(512);
  private readonly bigPool = new BigUint64Array(this.bigWords.buffer);
  private bigNext = 256;

  constructor(
    private readonly table: TableSchema,
    private readonly settings: FakeSettings,
    private readonly random: FastRandom,
  ) {
    this.plans = table.columns.map((column) => planColumn(column, column.type, settings, true));
    this.byteBuffer = Buffer.alloc(Math.max(64, settings.stringLength, settings.bytesLength));
  }

  /** Forgets values drawn ahead, so that after `random.reseed` the rows depend on the seed alone. */
  resetDrawn(): void {
    this.bigNext = 256;
  }

  /** `count` new INSERT rows. */
  generate(count: number): Row[] {
    const rows = new Array<Row>(count);
    const width = this.plans.length;
    const tableId = this.table.tablePath;
    for (let i = 0; i < count; i++) rows[i] = { kind: '+I', tableId, fields: new Array<unknown>(width) };
    const now = new Date();
    for (let c = 0; c < width; c++) this.fillColumn(rows, c, this.plans[c] as Plan, now);
    return rows;
  }

  private fillColumn(rows: Row[], c: number, plan: Plan, now: Date): void {
    const n = rows.length;
    const random = this.random;
    switch (plan.kind) {
      case Kind.String:
        if (plan.size <= 16) {
          for (let i = 0; i < n; i++) (rows[i] as Row).fields[c] = this.shortLetters(plan.size);
          return;
        }
        break;
      case Kind.Small: {
        const { min, span } = plan;
        for (let i = 0; i < n; i++) (rows[i] as Row).fields[c] = min + Math.floor((random.u32() / 4294967296) * span);
        return;
      }
      case Kind.Boolean:
        for (let i = 0; i < n; i++) (rows[i] as Row).fields[c] = (random.u32() & 1) === 1;
        return;
      case Kind.Null:
        for (let i = 0; i < n; i++) (rows[i] as Row).fields[c] = null;
        return;
      case Kind.Now: {
        const value = nowText(plan.nowKind, now);
        for (let i = 0; i < n; i++) (rows[i] as Row).fields[c] = value;
        return;
      }
      default:
        break;
    }
    for (let i = 0; i < n; i++) (rows[i] as Row).fields[c] = this.value(plan, now);
  }

  private value(plan: Plan, now: Date): unknown {
    const random = this.random;
    switch (plan.kind) {
      case Kind.Null:
        return null;
      case Kind.Constant:
        return plan.value;
      case Kind.Now:
        return nowText(plan.nowKind, now);
      case Kind.String:
        return plan.size <= 16 ? this.shortLetters(plan.size) : this.longLetters(plan.size);
      case Kind.Template:
        return plan.template[random.below(plan.template.length)];
      case Kind.Boolean:
        return (random.u32() & 1) === 1;
      case Kind.Small:
        return plan.min + Math.floor((random.u32() / 4294967296) * plan.span);
      case Kind.Bigint:
        return this.bigint(plan);
      case Kind.Floating: {
        const v = plan.min + random.unit() * plan.span;
        return plan.scale < 0 ? v : roundTo(v, plan.scale);
      }
      case Kind.Decimal:
        return this.decimal(plan.size, plan.scale);
      case Kind.Bytes: {
        const bytes = new Uint8Array(plan.size);
        for (let i = 0; i < bytes.length; i++) bytes[i] = LETTER_CODES[random.below(52)] as number;
        return bytes;
      }
      case Kind.Date:
        return this.date();
      case Kind.Time:
        return this.time();
      case Kind.Timestamp:
        return `${this.date()}T${this.time()}`;
      case Kind.Array: {
        const element = plan.children[0] as Plan;
        const array = new Array<unknown>(plan.size);
        for (let i = 0; i < plan.size; i++) array[i] = this.value(element, now);
        return array;
      }
      case Kind.Map: {
        const map = new Map<unknown, unknown>();
        for (let i = 0; i < plan.size; i++) map.set(this.value(plan.children[0] as Plan, now), this.value(plan.children[1] as Plan, now));
        return map;
      }
      case Kind.Row:
        return plan.children.map((child) => this.value(child, now));
    }
  }

  private shortLetters(length: number): string {
    const random = this.random;
    let text = '';
    let left = length;
    while (left >= 2) {
      text += LETTER_PAIRS[random.u32() % 2704];
      left -= 2;
    }
    return left === 1 ? text + LETTERS.charAt(random.u32() % 52) : text;
  }

  private longLetters(length: number): string {
    const buffer = length <= this.byteBuffer.length ? this.byteBuffer : Buffer.alloc(length);
    for (let i = 0; i < length; i++) buffer[i] = LETTER_CODES[this.random.u32() % 52] as number;
    return buffer.toString('latin1', 0, length);
  }

  private bigint(plan: Plan): bigint {
    if (plan.bigSpan === 0n) return plan.bigMin;
    if (plan.bigSpan <= TWO_POW_53) return plan.bigMin + BigInt(Math.floor(this.random.unit() * Number(plan.bigSpan)));
    // Bounds are 0..2^63-1 (SeaTunnel's option rule), so spans are below 2^63 and a 63-bit draw
    // covers them; the default range [0, 2^63-1) needs no arithmetic at all.
    const drawn = this.bigint63();
    if (plan.bigSpan === LONG_MAX && plan.bigMin === 0n) return drawn === LONG_MAX ? 0n : drawn;
    return plan.bigMin + (drawn % plan.bigSpan);
  }

  private bigint63(): bigint {
    if (this.bigNext === 256) {
      const words = this.bigWords;
      for (let i = 0; i < 512; i++) words[i] = this.random.u32();
      // Clear bit 63 of each value: its high word is the odd one on little-endian machines,
      // the even one on big-endian ones.
      for (let i = LITTLE_ENDIAN ? 1 : 0; i < 512; i += 2) words[i] = (words[i] as number) & 0x7fffffff;
      this.bigNext = 0;
    }
    return this.bigPool[this.bigNext++] as bigint;
  }

  private decimal(integerDigits: number, scale: number): string {
    let integer = this.digits(integerDigits).replace(/^0+(?=\d)/, '');
    if (integer === '') integer = '0';
    return scale === 0 ? integer : `${integer}.${this.digits(scale)}`;
  }

  private digits(count: number): string {
    let text = '';
    let left = count;
    while (left >= 2) {
      text += DIGIT_PAIRS[this.random.u32() % 100];
      left -= 2;
    }
    return left === 1 ? text + String(this.random.u32() % 10) : text;
  }

  private date(): string {
    const s = this.settings;
    const month = s.monthTemplate === undefined ? 1 + this.random.below(12) : (pick(this.random, s.monthTemplate) as number);
    const day = s.dayTemplate === undefined ? 1 + this.random.below(28) : (pick(this.random, s.dayTemplate) as number);
    if (s.yearTemplate === undefined && s.dayTemplate === undefined) return this.yearText + '-' + twoDigits(month) + '-' + twoDigits(day);
    const year = pick(this.random, s.yearTemplate) ?? this.year;
    // A day template may name the 31st; months without it get their last day instead of failing.
    return `${formatYear(year)}-${twoDigits(month)}-${twoDigits(Math.min(day, daysInMonth(year, month)))}`;
  }

  private time(): string {
    const s = this.settings;
    const hour = pick(this.random, s.hourTemplate) ?? this.random.below(24);
    const minute = pick(this.random, s.minuteTemplate) ?? this.random.below(60);
    const second = pick(this.random, s.secondTemplate) ?? this.random.below(60);
    return twoDigits(hour) + ':' + twoDigits(minute) + ':' + twoDigits(second);
  }
}

function planColumn(column: Column, type: DataType, settings: FakeSettings, topLevel: boolean): Plan {
  const plan: Plan = {
    kind: Kind.Null, size: 0, scale: -1, min: 0, span: 0, bigMin: 0n, bigSpan: 0n, template: [], value: undefined, nowKind: 'date', children: [],
  };
  const defaultValue = column.defaultValue;
  if (topLevel && defaultValue !== undefined && defaultValue !== null && type.kind !== 'null') {
    const keyword = typeof defaultValue === 'string' ? defaultValue.trim().toUpperCase() : '';
    if (['date', 'time', 'timestamp'].includes(type.kind) && keyword === `CURRENT_${type.kind.toUpperCase()}`) {
      plan.kind = Kind.Now;
      plan.nowKind = type.kind as Plan['nowKind'];
    } else {
      plan.kind = Kind.Constant;
      plan.value = convertConfigValue(type, defaultValue);
    }
    return plan;
  }
  const withTemplate = (template: readonly unknown[] | undefined, fallback: () => void): Plan => {
    if (template !== undefined) {
      plan.kind = Kind.Template;
      plan.template = template;
    } else {
      fallback();
    }
    return plan;
  };
  const small = (range: NumberRange, template: number[] | undefined): Plan =>
    withTemplate(template, () => {
      plan.kind = Kind.Small;
      plan.min = range.min;
      plan.span = range.max - range.min;
    });
  switch (type.kind) {
    case 'null':
      return plan;
    case 'string':
      if (settings.stringTemplate !== undefined) return withTemplate(settings.stringTemplate, () => undefined);
      plan.kind = Kind.String;
      plan.size = column.columnLength !== undefined && column.columnLength > 0 ? column.columnLength : settings.stringLength;
      return plan;
    case 'boolean':
      plan.kind = Kind.Boolean;
      return plan;
    case 'tinyint':
      return small(settings.tinyint, settings.tinyintTemplate);
    case 'smallint':
      return small(settings.smallint, settings.smallintTemplate);
    case 'int':
      return small(settings.int, settings.intTemplate);
    case 'bigint':
      return withTemplate(settings.bigintTemplate, () => {
        plan.kind = Kind.Bigint;
        plan.bigMin = settings.bigint.min;
        plan.bigSpan = settings.bigint.max - settings.bigint.min;
      });
    case 'float':
    case 'double': {
      const range = type.kind === 'float' ? settings.float : settings.double;
      return withTemplate(type.kind === 'float' ? settings.floatTemplate : settings.doubleTemplate, () => {
        plan.kind = Kind.Floating;
        plan.min = range.min;
        plan.span = range.max - range.min;
        plan.scale = column.columnScale ?? -1;
      });
    }
    case 'decimal':
      plan.kind = Kind.Decimal;
      plan.size = type.precision - type.scale;
      plan.scale = type.scale;
      return plan;
    case 'bytes':
      plan.kind = Kind.Bytes;
      plan.size = settings.bytesLength;
      return plan;
    case 'date':
      plan.kind = Kind.Date;
      return plan;
    case 'time':
      plan.kind = Kind.Time;
      return plan;
    case 'timestamp':
      plan.kind = Kind.Timestamp;
      return plan;
    case 'array':
      plan.kind = Kind.Array;
      plan.size = settings.arraySize;
      plan.children = [planColumn(column, type.element, settings, false)];
      return plan;
    case 'map':
      plan.kind = Kind.Map;
      plan.size = settings.mapSize;
      plan.children = [planColumn(column, type.key, settings, false), planColumn(column, type.value, settings, false)];
      return plan;
    case 'row':
      plan.kind = Kind.Row;
      plan.children = type.fields.map((field) => planColumn(column, field.type, settings, false));
      return plan;
  }
}

function pick(random: FastRandom, template: number[] | undefined): number | undefined {
  return template === undefined ? undefined : template[random.below(template.length)];
}

function nowText(kind: Plan['nowKind'], now: Date): string {
  return kind === 'date' ? currentDate(now) : kind === 'time' ? currentTime(now) : currentTimestamp(now);
}

/** Half-up rounding to `scale` digits, as BigDecimal.setScale(scale, HALF_UP) on the drawn value. */
function roundTo(value: number, scale: number): number {
  const factor = 10 ** scale;
  if (!Number.isFinite(value) || Math.abs(value * factor) >= 2 ** 52) return value;
  return Math.round(value * factor) / factor;
}
