import type { OptionSpec } from '../../core/option-spec.js';

/**
 * FakeSource options, as SeaTunnel declares them (connector-fake FakeSourceOptions.java and
 * FakeSourceFactory.java): same keys, defaults and bounds. The bounds of `*.min` / `*.max` are
 * SeaTunnel's: every numeric range lies within [0, the type's maximum].
 */
const FAKE_MODES = ['range', 'template'] as const;

function fakeMode(type: string): OptionSpec {
  return {
    key: `${type}.fake.mode`,
    type: 'enum',
    values: FAKE_MODES,
    default: 'range',
    description: `How ${type} values are generated: \`range\` (between ${type}.min and ${type}.max) or \`template\` (picked from ${type}.template, which is then required). A non-empty ${type}.template is used in either mode, as in SeaTunnel.`,
    example: 'template',
  };
}

function template(key: string, elementType: 'string' | 'int' | 'long' | 'double', example: string, what: string): OptionSpec {
  return {
    key,
    type: 'list',
    elementType,
    description: `Values picked at random for ${what}; when set, random generation is replaced by the list.`,
    example,
  };
}

function bound(key: string, type: 'int' | 'long' | 'double', value: number | bigint, max: number | undefined, description: string): OptionSpec {
  const spec: OptionSpec = { key, type, default: value, min: 0, description, example: String(value) };
  // bigint bounds exceed what a JS number holds exactly; the `long` type already limits them to 64 bits.
  if (max !== undefined) spec.max = max;
  return spec;
}

const INT_MAX = 2147483647;
const LONG_MAX = 9223372036854775807n;
const FLOAT_MAX = 3.4028234663852886e38;

export const FAKE_SOURCE_OPTIONS: readonly OptionSpec[] = [
  {
    key: 'schema',
    type: 'object',
    description:
      'The table to generate: `fields { name = type }`, or `columns = [{name, type, nullable, defaultValue, comment, columnLength, columnScale}]` with optional `primaryKey {name, columnNames}` and `constraintKeys [{constraintName, constraintType, constraintColumns [{columnName, sortType}]}]`; `table = "db.t"` names it (else plugin_output, else `default.default.default`). Required unless tables_configs is given.',
    example: 'schema { fields { id = bigint, name = string } }',
  },
  {
    key: 'tables_configs',
    type: 'list',
    elementType: 'object',
    description: 'Several tables from one source: each entry is a complete FakeSource config (its own schema with `table`, row.num, rows, ...). Options outside the entries do not apply inside them.',
    example: 'tables_configs = [{ schema { table = "db.t1", fields { id = int } }, row.num = 3 }]',
  },
  {
    key: 'table-names',
    type: 'list',
    elementType: 'string',
    description: 'Emits the schema under each of these table paths, each with the full row.num rows per reader.',
    example: '["test.table1", "test.table2"]',
  },
  {
    key: 'row.num',
    type: 'int',
    default: 5,
    min: 0,
    description: 'Rows generated per table by each parallel reader (total = row.num × parallelism per table).',
    example: '100',
  },
  {
    key: 'split.num',
    type: 'int',
    default: 1,
    min: 1,
    description: 'Splits per reader and table; each split holds ceil(row.num / split.num) rows, the last one the rest.',
    example: '4',
  },
  {
    key: 'split.read-interval',
    type: 'int',
    default: 1,
    min: 0,
    description: 'Minimum milliseconds between the starts of two split reads in one reader.',
    example: '1000',
  },
  {
    key: 'seed',
    type: 'long',
    description:
      'Sluice only: seeds the random values, so every run, and every resumption from a checkpoint, produces the same rows for the same split. Without it the rows differ on each run.',
    example: '42',
  },
  {
    key: 'rows',
    type: 'list',
    elementType: 'object',
    description:
      'Explicit rows `[{kind = INSERT, fields = [...]}]`, fields in schema order (or an object by field name); every split emits all of them instead of random rows. Bytes as base64, dates/times as text, maps as objects, rows as lists; CURRENT_DATE/CURRENT_TIME/CURRENT_TIMESTAMP take the time of the split read.',
    example: 'rows = [{ kind = INSERT, fields = [1, "A"] }, { kind = DELETE, fields = [1, "A"] }]',
  },
  { key: 'string.length', type: 'int', default: 5, min: 0, description: 'Length of random strings (a column\'s columnLength, when set, wins).', example: '10' },
  { key: 'bytes.length', type: 'int', default: 5, min: 0, description: 'Length of random byte arrays.', example: '10' },
  { key: 'array.size', type: 'int', default: 5, min: 0, description: 'Number of elements of random arrays.', example: '10' },
  { key: 'map.size', type: 'int', default: 5, min: 0, description: 'Number of entries of random maps (fewer when random keys collide).', example: '10' },
  fakeMode('string'),
  fakeMode('tinyint'),
  fakeMode('smallint'),
  fakeMode('int'),
  fakeMode('bigint'),
  fakeMode('float'),
  fakeMode('double'),
  template('string.template', 'string', '["A", "B"]', 'string columns'),
  template('tinyint.template', 'int', '[1, 2, 3]', 'tinyint columns'),
  template('smallint.template', 'int', '[1, 2, 3]', 'smallint columns'),
  template('int.template', 'int', '[1, 2, 3]', 'int columns'),
  template('bigint.template', 'long', '[1, 9223372036854775807]', 'bigint columns'),
  template('float.template', 'double', '[1.5, 2.5]', 'float columns'),
  template('double.template', 'double', '[1.5, 2.5]', 'double columns'),
  template('date.year.template', 'int', '[2022, 2023]', 'the year of dates and timestamps (default: the current year)'),
  template('date.month.template', 'int', '[1, 12]', 'the month of dates and timestamps (default: 1..12)'),
  template('date.day.template', 'int', '[1, 31]', 'the day of dates and timestamps (default: 1..28; clamped to the month length)'),
  template('time.hour.template', 'int', '[0, 12]', 'the hour of times and timestamps (default: 0..23)'),
  template('time.minute.template', 'int', '[0, 30]', 'the minute of times and timestamps (default: 0..59)'),
  template('time.second.template', 'int', '[0, 30]', 'the second of times and timestamps (default: 0..59)'),
  bound('tinyint.min', 'int', 0, 127, 'Smallest random tinyint (inclusive).'),
  bound('tinyint.max', 'int', 127, 127, 'Upper end of random tinyints (exclusive, as RandomUtils.nextInt; equal to min gives min).'),
  bound('smallint.min', 'int', 0, 32767, 'Smallest random smallint (inclusive).'),
  bound('smallint.max', 'int', 32767, 32767, 'Upper end of random smallints (exclusive).'),
  bound('int.min', 'int', 0, INT_MAX, 'Smallest random int (inclusive).'),
  bound('int.max', 'int', INT_MAX, INT_MAX, 'Upper end of random ints (exclusive).'),
  bound('bigint.min', 'long', 0, undefined, 'Smallest random bigint (inclusive).'),
  bound('bigint.max', 'long', LONG_MAX, undefined, 'Upper end of random bigints (exclusive); up to 9223372036854775807.'),
  bound('float.min', 'double', 0, FLOAT_MAX, 'Smallest random float (inclusive).'),
  bound('float.max', 'double', FLOAT_MAX, FLOAT_MAX, 'Upper end of random floats (exclusive).'),
  bound('double.min', 'double', 0, Number.MAX_VALUE, 'Smallest random double (inclusive).'),
  bound('double.max', 'double', Number.MAX_VALUE, Number.MAX_VALUE, 'Upper end of random doubles (exclusive).'),
];

/** The numeric types with a `*.fake.mode`, `*.template` and `*.min`/`*.max`. */
export const RANGED_TYPES = ['tinyint', 'smallint', 'int', 'bigint', 'float', 'double'] as const;
