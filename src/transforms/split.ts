import { formatDataType, type DataType } from '../core/data-type.js';
import { OptionError } from '../core/errors.js';
import type { OptionValues } from '../core/option-spec.js';
import type { BoundTransform, TransformPlugin } from '../core/plugin.js';
import type { Row } from '../core/row.js';
import type { Column, TableSchema } from '../core/table.js';
import { fieldIndex } from './shared/field-index.js';
import { javaDoubleToString, javaFloatToString } from './shared/java-number-format.js';
import { compileJavaRegex, globalOf, JavaRegexError } from './shared/java-regex.js';
import { javaSplit } from './shared/java-split.js';
import { placeOutputColumns } from './shared/output-columns.js';

/**
 * SeaTunnel's `Split` transform (`transform/split/SplitTransform.java`): splits a field into the
 * string columns `output_fields`, appended (a name the table already has is overwritten and becomes
 * a string column, as SeaTunnel's MultipleFieldOutputTransform does).
 *
 * The split is Java's `value.toString().split(separator, output_fields.length)`, so:
 * - `separator` is a Java regex: `"."` or `"|"` split at every character, write `"\\."` or
 *   `"[|]"` for the literal character (most separators, like `" "` or `","`, mean themselves);
 * - fewer parts than output fields: the remaining fields are null;
 * - more parts: the last output field takes the rest of the text, separators included
 *   (`"a,b,c"` into two fields gives `a` and `b,c`);
 * - empty parts are kept (`"a,,b"` gives `a`, ``, `b`); a null field gives all nulls.
 *
 * The field may be of any scalar type; numbers, dates and times are split as the text Java prints
 * for them (`1.0E10`, `2024-05-20`). Bytes, arrays, maps and rows are refused.
 */
export const splitTransform: TransformPlugin = {
  name: 'Split',
  type: 'transform',
  description: 'Splits a field by a separator (a Java regex) into new string columns.',
  options: [
    { key: 'separator', type: 'string', required: true, description: 'Where to split: a Java regular expression (" ", ",", "\\\\|").', example: '" "' },
    { key: 'split_field', type: 'string', required: true, description: 'The field to split.', example: 'name' },
    {
      key: 'output_fields',
      type: 'list',
      elementType: 'string',
      required: true,
      description: 'The names of the new string columns, one per part; the last one takes the rest of the text.',
      example: '[first_name, second_name]',
    },
  ],
  validate(options) {
    // A missing separator is reported by the config layer as a missing required option.
    if (typeof options['separator'] !== 'string') return [];
    try {
      readSplit(options);
      return [];
    } catch (error) {
      if (error instanceof OptionError) return [{ path: error.option, message: error.message }];
      throw error;
    }
  },
  bind: bindSplit,
};

const UNSPLITTABLE = new Set(['bytes', 'array', 'map', 'row']);

function readSplit(options: OptionValues): { separator: RegExp; outputs: string[] } {
  const outputs = options['output_fields'];
  if (!Array.isArray(outputs) || outputs.length === 0 || outputs.some((name) => typeof name !== 'string' || name === '')) {
    throw new OptionError('output_fields', 'output_fields must be a non-empty list of field names');
  }
  try {
    return { separator: globalOf(compileJavaRegex(options['separator'] as string).regex), outputs: outputs as string[] };
  } catch (error) {
    if (error instanceof JavaRegexError) throw new OptionError('separator', error.message);
    throw error;
  }
}

function bindSplit(options: OptionValues, input: TableSchema): BoundTransform {
  const { separator, outputs } = readSplit(options);
  const field = options['split_field'] as string;
  const index = fieldIndex(input, 'split_field', field);
  const type = (input.columns[index] as Column).type;
  if (UNSPLITTABLE.has(type.kind)) {
    throw new OptionError('split_field', `field "${field}" of table ${input.tablePath} is ${formatDataType(type)}; Split works on strings and other scalar fields`);
  }
  let placed;
  try {
    placed = placeOutputColumns(input, outputs.map((name) => ({ name, type: { kind: 'string' }, nullable: true })));
  } catch (error) {
    throw new OptionError('output_fields', (error as Error).message);
  }
  const { targets } = placed;
  const limit = outputs.length;
  const toText = textOf(type);

  return {
    output: placed.output,
    map(rows: Row[]): Row[] {
      for (let r = 0; r < rows.length; r++) {
        const fields = (rows[r] as Row).fields;
        const value = fields[index];
        if (value == null) {
          for (let i = 0; i < limit; i++) fields[targets[i] as number] = null;
          continue;
        }
        const parts = javaSplit(toText(value), separator, limit);
        for (let i = 0; i < limit; i++) fields[targets[i] as number] = i < parts.length ? parts[i] : null;
      }
      return rows;
    },
  };
}

/** The text Java's toString() gives for a value of `type` (see value.ts for the encodings). */
function textOf(type: DataType): (value: unknown) => string {
  switch (type.kind) {
    case 'double':
      return (value) => javaDoubleToString(value as number);
    case 'float':
      return (value) => javaFloatToString(value as number);
    case 'time':
      return (value) => javaTimeText(value as string);
    case 'timestamp':
      return (value) => {
        const text = value as string;
        return `${text.slice(0, 11)}${javaTimeText(text.slice(11))}`;
      };
    default:
      return (value) => String(value);
  }
}

/**
 * LocalTime.toString: seconds are left out when they and the fraction are zero (`12:34`), and a
 * fraction is written in groups of three digits (`12:34:56.500`).
 */
function javaTimeText(time: string): string {
  const match = /^(\d\d:\d\d):(\d\d)(?:\.(\d+))?$/.exec(time);
  if (match === null) return time;
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  if (fraction === '') return match[2] === '00' ? (match[1] as string) : `${match[1]}:${match[2]}`;
  return `${match[1]}:${match[2]}.${fraction.padEnd(Math.ceil(fraction.length / 3) * 3, '0')}`;
}
