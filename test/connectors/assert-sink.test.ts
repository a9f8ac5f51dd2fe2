import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSink } from '../../src/connectors/assert/assert-sink.js';
import { fakeSource } from '../../src/connectors/fake/fake-source.js';
import { parseDataType } from '../../src/core/data-type.js';
import { SluiceError } from '../../src/core/errors.js';
import type { Row } from '../../src/core/row.js';
import type { TableSchema } from '../../src/core/table.js';
import { insert, readSource, runSink, withDefaults } from './plugin-harness.js';

function table(tablePath: string, fields: Record<string, unknown>): TableSchema {
  return { tablePath, columns: Object.entries(fields).map(([name, type]) => ({ name, type: parseDataType(type) })) };
}

const users = table('fake', { name: 'string', age: 'int', id: 'bigint', price: 'decimal(10, 2)', note: 'string' });
const alice = insert('fake', 'Alice', 33, 1n, '9.99', null);

async function assertRun(rules: unknown, tables: TableSchema[], writers: Row[][][]): Promise<void> {
  await runSink(assertSink, { rules }, tables, writers);
}

async function failsWith(rules: unknown, rows: Row[], message: string | RegExp, tables = [users]): Promise<void> {
  await assert.rejects(assertRun(rules, tables, [[rows]]), (error: unknown) => {
    assert.ok(error instanceof SluiceError, String(error));
    assert.equal(error.code, 'ASSERTION_FAILED');
    if (typeof message === 'string') assert.equal(error.message, message);
    else assert.match(error.message, message);
    return true;
  });
}

function fieldRule(field_name: string, field_type: unknown, ...field_value: Record<string, unknown>[]): Record<string, unknown> {
  return { field_rules: [{ field_name, field_type, field_value }] };
}

describe('Assert field rules', () => {
  it('passes rows that satisfy every rule type', async () => {
    await assertRun(
      {
        field_rules: [
          { field_name: 'name', field_type: 'string', field_value: [{ rule_type: 'NOT_NULL' }, { rule_type: 'MIN_LENGTH', rule_value: 3 }, { rule_type: 'MAX_LENGTH', rule_value: 5 }, { equals_to: 'Alice' }] },
          { field_name: 'age', field_type: 'int', field_value: [{ rule_type: 'MIN', rule_value: 18 }, { rule_type: 'MAX', rule_value: 33, equals_to: 33 }] },
          { field_name: 'id', field_type: 'bigint', field_value: [{ rule_type: 'NOT_NULL', equals_to: 1 }] },
          { field_name: 'price', field_type: 'decimal(10, 2)', field_value: [{ rule_type: 'MAX', rule_value: 10, equals_to: 9.99 }] },
          { field_name: 'note', field_type: 'bigint', field_value: [{ rule_type: 'NULL' }, { rule_type: 'MAX_LENGTH', rule_value: 0 }, { equals_to: 'ignored for null values' }] },
        ],
      },
      [users],
      [[[alice]]],
    );
  });

  const failures: [string, Record<string, unknown>, string][] = [
    ['NOT_NULL', fieldRule('note', 'string', { rule_type: 'NOT_NULL' }), 'AssertFieldRule(fieldName=note, fieldType=STRING, fieldRules=[AssertFieldRule.AssertRule(ruleType=NOT_NULL, ruleValue=null, equalTo=null)])'],
    ['NULL', fieldRule('name', 'string', { rule_type: 'NULL' }), 'AssertFieldRule(fieldName=name, fieldType=STRING, fieldRules=[AssertFieldRule.AssertRule(ruleType=NULL, ruleValue=null, equalTo=null)])'],
    ['MIN', fieldRule('age', 'int', { rule_type: 'MIN', rule_value: 34 }), 'AssertFieldRule(fieldName=age, fieldType=INT, fieldRules=[AssertFieldRule.AssertRule(ruleType=MIN, ruleValue=34.0, equalTo=null)])'],
    ['MAX', fieldRule('price', 'decimal(10, 2)', { rule_type: 'MAX', rule_value: 9.98 }), 'AssertFieldRule(fieldName=price, fieldType=DECIMAL(10, 2), fieldRules=[AssertFieldRule.AssertRule(ruleType=MAX, ruleValue=9.98, equalTo=null)])'],
    ['MIN on a string is never a number', fieldRule('name', 'string', { rule_type: 'MIN', rule_value: 0 }), 'AssertFieldRule(fieldName=name, fieldType=STRING, fieldRules=[AssertFieldRule.AssertRule(ruleType=MIN, ruleValue=0.0, equalTo=null)])'],
    ['MIN_LENGTH', fieldRule('name', 'string', { rule_type: 'MIN_LENGTH', rule_value: 6 }), 'AssertFieldRule(fieldName=name, fieldType=STRING, fieldRules=[AssertFieldRule.AssertRule(ruleType=MIN_LENGTH, ruleValue=6.0, equalTo=null)])'],
    ['MAX_LENGTH', fieldRule('age', 'int', { rule_type: 'MAX_LENGTH', rule_value: 1 }), 'AssertFieldRule(fieldName=age, fieldType=INT, fieldRules=[AssertFieldRule.AssertRule(ruleType=MAX_LENGTH, ruleValue=1.0, equalTo=null)])'],
    ['equals_to', fieldRule('name', 'string', { rule_type: 'NOT_NULL', equals_to: 'Bob' }), 'AssertFieldRule(fieldName=name, fieldType=STRING, fieldRules=[AssertFieldRule.AssertRule(ruleType=NOT_NULL, ruleValue=null, equalTo=Bob)])'],
    ['field_type int on a bigint column', fieldRule('id', 'int'), 'AssertFieldRule(fieldName=id, fieldType=INT, fieldRules=[])'],
    ['field_type null on a value', fieldRule('name', 'null'), 'AssertFieldRule(fieldName=name, fieldType=NULL, fieldRules=[])'],
    ['decimal of another scale', fieldRule('price', 'decimal(10, 3)'), 'AssertFieldRule(fieldName=price, fieldType=DECIMAL(10, 3), fieldRules=[])'],
    ['decimal of too small a precision', fieldRule('price', 'decimal(2, 2)'), 'AssertFieldRule(fieldName=price, fieldType=DECIMAL(2, 2), fieldRules=[])'],
  ];
  for (const [name, rules, rule] of failures) {
    it(`fails on ${name} with row and rule in SeaTunnel's wording`, async () => {
      await failsWith(rules, [alice], `row :SeaTunnelRow{tableId=fake, kind=+I, fields=[Alice, 33, 1, 9.99, null]} fail rule: ${rule}`);
    });
  }

  it('stops at the first row that breaks a rule', async () => {
    const rows = [alice, insert('fake', 'Al', 20, 2n, '1.00', null), insert('fake', 'X', 1, 3n, '1.00', null)];
    await failsWith(fieldRule('name', 'string', { rule_type: 'MIN_LENGTH', rule_value: 3 }), rows, /^row :SeaTunnelRow\{tableId=fake, kind=\+I, fields=\[Al, 20,/);
  });

  it('checks arrays, maps and rows element by element, types and equals_to', async () => {
    const complex = table('c', {
      c_array: 'array<int>', c_map: 'map<time, string>', c_map_nest: 'map<string, {c_int = int, c_string = string}>', c_bytes: 'bytes',
      c_row: { c_null: 'null', c_string: 'string', c_ts: 'timestamp', c_decimal: 'decimal(30, 8)', c_array: 'array<int>', c_map: 'map<string, string>' },
      c_empty: 'array<string>',
    });
    const row = insert(
      'c', [0, 1, 2], new Map([['12:01:26', 'v0']]), new Map([['k1', [123, 'BBB-BB']]]), new Uint8Array(Buffer.from('miIZj')),
      [null, 'AAA', '2012-12-21T12:34:56', '99999.99999999', [0, 1, 2], new Map([['k0', 'v0']])], [],
    );
    const rules = {
      field_rules: [
        { field_name: 'c_array', field_type: 'array<int>', field_value: [{ rule_type: 'NOT_NULL', equals_to: [0, 1, 2] }] },
        { field_name: 'c_map', field_type: 'map<time, string>', field_value: [{ equals_to: '{ 12:01:26 = v0 }' }] },
        { field_name: 'c_map_nest', field_type: 'map<string, {c_int = int, c_string = string}>', field_value: [{ equals_to: { k1: [123, 'BBB-BB'] } }] },
        { field_name: 'c_bytes', field_type: 'bytes', field_value: [{ equals_to: 'bWlJWmo=' }] },
        {
          field_name: 'c_row',
          field_type: { c_null: 'null', c_string: 'string', c_ts: 'timestamp', c_decimal: 'decimal(30, 8)', c_array: 'array<int>', c_map: 'map<string, string>' },
          field_value: [{ rule_type: 'NOT_NULL', equals_to: [null, 'AAA', '2012-12-21T12:34:56', 99999.99999999, [0, 1, 2], { k0: 'v0' }] }],
        },
        { field_name: 'c_empty', field_type: 'array<bigint>' },
      ],
    };
    await assertRun(rules, [complex], [[[row]]]);
    const wrongNested = structuredClone(rules);
    (wrongNested.field_rules[2] as { field_value: unknown[] }).field_value = [{ equals_to: { k1: [124, 'BBB-BB'] } }];
    await failsWith(wrongNested, [row], /fail rule: AssertFieldRule\(fieldName=c_map_nest/, [complex]);
    await failsWith(fieldRule('c_array', 'array<bigint>'), [row], /fail rule: AssertFieldRule\(fieldName=c_array, fieldType=ARRAY<BIGINT>/, [complex]);
  });
});

describe('Assert row rules and table names', () => {
  const rowRules = (...rules: [string, number][]): unknown => ({ row_rules: rules.map(([rule_type, rule_value]) => ({ rule_type, rule_value })) });
  const three = [alice, alice, alice];
  const four = [alice, alice, alice, alice];

  it('counts rows over all writers together', async () => {
    await assertRun(rowRules(['MIN_ROW', 7], ['MAX_ROW', 7]), [users], [[three], [four.slice(0, 2), four.slice(2)]]);
    await assert.rejects(assertRun(rowRules(['MAX_ROW', 10], ['MIN_ROW', 8]), [users], [[three], [four]]), {
      code: 'ASSERTION_FAILED',
      message: 'row num :7 fail rule: AssertFieldRule.AssertRule(ruleType=MIN_ROW, ruleValue=8.0, equalTo=null)',
    });
    await assert.rejects(assertRun(rowRules(['MAX_ROW', 6]), [users], [[three], [four]]), {
      message: 'row num :7 fail rule: AssertFieldRule.AssertRule(ruleType=MAX_ROW, ruleValue=6.0, equalTo=null)',
    });
  });

  it('a writer that saw nothing counts 0', async () => {
    await assert.rejects(assertRun(rowRules(['MIN_ROW', 1]), [users], [[], []]), { message: /^row num :0 fail rule/ });
  });

  it('table-names must equal the set of table ids seen', async () => {
    const t1 = table('test.table1', { a: 'int' });
    const t2 = table('test.table2', { a: 'int' });
    const rules = { 'table-names': ['test.table1', 'test.table2'] };
    await assertRun(rules, [t1, t2], [[[insert('test.table1', 1)]], [[insert('test.table2', 2)]]]);
    await assert.rejects(assertRun(rules, [t1, t2], [[[insert('test.table1', 1)]], []]), {
      code: 'ASSERTION_FAILED',
      message: 'table names: [test.table1] is not equal to [test.table1, test.table2]',
    });
  });

  it('tables_configs keys rules by table_path', async () => {
    const t1 = table('test.table1', { c_int: 'int' });
    const t2 = table('test.table2', { c_string: 'string' });
    const rules = {
      tables_configs: [
        { table_path: 'test.table1', row_rules: [{ rule_type: 'MIN_ROW', rule_value: 2 }, { rule_type: 'MAX_ROW', rule_value: 2 }], field_rules: [{ field_name: 'c_int', field_type: 'int', field_value: [{ rule_type: 'MAX', rule_value: 5 }] }] },
        { table_path: 'test.table2', row_rules: [{ rule_type: 'MIN_ROW', rule_value: 1 }], field_rules: [{ field_name: 'c_string', field_type: 'string', field_value: [{ rule_type: 'NOT_NULL' }] }] },
      ],
    };
    const rowsOf = (ints: number[], strings: (string | null)[]): Row[] => [...ints.map((v) => insert('test.table1', v)), ...strings.map((v) => insert('test.table2', v))];
    await assertRun(rules, [t1, t2], [[rowsOf([1], ['a'])], [rowsOf([5], [])]]);
    await assert.rejects(assertRun(rules, [t1, t2], [[rowsOf([1], ['a'])]]), { message: /^row num :1 fail rule: .*MIN_ROW, ruleValue=2\.0/ });
    await assert.rejects(assertRun(rules, [t1, t2], [[rowsOf([1, 6], ['a'])]]), { message: /fields=\[6\]\} fail rule: AssertFieldRule\(fieldName=c_int/ });
    await assert.rejects(assertRun(rules, [t1, t2], [[rowsOf([1, 2], [null])]]), { message: /tableId=test\.table2.*fieldName=c_string/ });
  });

  it('top-level rules apply to every input table separately', async () => {
    const t1 = table('t1', { v: 'int' });
    const t2 = table('t2', { v: 'int' });
    await assertRun(rowRules(['MIN_ROW', 1], ['MAX_ROW', 1]), [t1, t2], [[[insert('t1', 1), insert('t2', 1)]]]);
    await assert.rejects(assertRun(rowRules(['MAX_ROW', 1]), [t1, t2], [[[insert('t1', 1), insert('t2', 1), insert('t2', 2)]]]), { message: /^row num :2 /});
  });
});

describe('Assert rule validation and catalog rules', () => {
  const problems = (rules: unknown): string[] => (assertSink.validate?.(withDefaults(assertSink, { rules })) ?? []).map((p) => `${p.path}: ${p.message}`);

  it('rules is a required option; empty rules are a config problem', () => {
    assert.equal(assertSink.options.find((o) => o.key === 'rules')?.required, true);
    assert.deepEqual(problems({}), ['rules: Assert rule config is empty, please add rule config.']);
    assert.deepEqual(problems({ 'table-names': [] }), ['rules: Assert rule config is empty, please add rule config.']);
    assert.deepEqual(problems({ row_rules: [] }), [], 'a present rule list counts as configured, as in SeaTunnel');
  });

  it('reports bad rules with their paths', () => {
    assert.deepEqual(problems({
      row_rules: [{ rule_type: 'MAX_ROWS', rule_value: 1 }, { rule_type: 'MIN_ROW' }],
      field_rules: [{ field_type: 'string' }, { field_name: 'a', field_type: 'strng', field_value: [{ rule_type: 'MIN_ROW', rule_value: 1 }] }],
    }), [
      'rules.row_rules[0].rule_type: expected one of NULL, NOT_NULL, MIN, MAX, MIN_LENGTH, MAX_LENGTH, MAX_ROW, MIN_ROW, got "MAX_ROWS"',
      'rules.row_rules[1].rule_value: is required for MIN_ROW',
      'rules.field_rules[0].field_name: is required',
      'rules.field_rules[1].field_type: invalid type "strng": unknown type "strng"',
      'rules.field_rules[1].field_value[0].rule_type: MIN_ROW belongs in row_rules; as a field rule it fails every row',
    ]);
  });

  it('check() finds unknown fields and equals_to values that do not fit the column', () => {
    const found = assertSink.check?.(withDefaults(assertSink, { rules: { field_rules: [
      { field_name: 'nope', field_type: 'string' },
      { field_name: 'age', field_type: 'int', field_value: [{ equals_to: 'thirty' }] },
    ] } }), [users]) ?? [];
    assert.deepEqual(found.map((p) => p.path), ['rules.field_rules[0].field_name', 'rules.field_rules[1].field_value[0].equals_to']);
    assert.match(found[0]?.message ?? '', /table "fake" has no field "nope" \(fields: name, age, id, price, note\)/);
  });

  const keyed: TableSchema = {
    tablePath: 'test.users',
    columns: [
      { name: 'id', type: { kind: 'bigint' }, nullable: false, columnLength: 20, defaultValue: '0', comment: 'id' },
      { name: 'name', type: { kind: 'string' }, nullable: true, columnLength: 0 },
    ],
    primaryKey: { name: 'primary key', columns: ['id'] },
    constraintKeys: [{ name: 'unique_name', type: 'UNIQUE_KEY', columns: [{ name: 'name', sortType: 'ASC' }] }],
  };
  const catalogProblems = (rule: Record<string, unknown>): string[] =>
    (assertSink.check?.(withDefaults(assertSink, { rules: { catalog_table_rule: rule } }), [keyed]) ?? []).map((p) => p.message);

  it('catalog_table_rule passes a matching table', () => {
    assert.deepEqual(catalogProblems({
      primary_key_rule: { primary_key_name: 'primary key', primary_key_columns: ['id'] },
      constraint_key_rule: [{ constraint_key_name: 'unique_name', constraint_key_type: 'UNIQUE_KEY', constraint_key_columns: [{ constraint_key_column_name: 'name', constraint_key_sort_type: 'ASC' }] }],
      column_rule: [
        { name: 'name', type: 'string' },
        { name: 'id', type: 'bigint', column_length: 20, nullable: false, default_value: '0', comment: 'id' },
      ],
    }), []);
  });

  it('catalog_table_rule reports each mismatch in SeaTunnel\'s words', () => {
    assert.deepEqual(catalogProblems({ primary_key_rule: { primary_key_name: 'pk', primary_key_columns: ['id'] } }), ['table "test.users": primaryKey: primary key is not equal to pk']);
    assert.deepEqual(catalogProblems({ primary_key_rule: { primary_key_name: 'primary key', primary_key_columns: ['id', 'name'] } }), ['table "test.users": primaryKey columns: [id] is not equal to [id, name]']);
    assert.match(catalogProblems({ constraint_key_rule: [{ constraint_key_name: 'unique_name', constraint_key_type: 'UNIQUE_KEY', constraint_key_columns: [{ constraint_key_column_name: 'name', constraint_key_sort_type: 'DESC' }] }] })[0] ?? '', /constraintKeys: .* is not equal to .*sortType=DESC/);
    assert.match(catalogProblems({ column_rule: [{ name: 'id', type: 'bigint' }, { name: 'name', type: 'string' }] })[0] ?? '', /^table "test\.users": columns: \[PhysicalColumn\(name=id, dataType=bigint, columnLength=20, nullable=false/);
    const bare = { tablePath: 'bare', columns: [{ name: 'a', type: { kind: 'int' as const } }] };
    const onBare = assertSink.check?.(withDefaults(assertSink, { rules: { catalog_table_rule: { primary_key_rule: { primary_key_name: 'pk', primary_key_columns: ['a'] } } } }), [bare]) ?? [];
    assert.deepEqual(onBare.map((p) => p.message), ['table "bare": primaryKey is null']);
  });
});

describe('FakeSource into Assert', () => {
  it('runs the SeaTunnel doc example: explicit rows of every type checked with equals_to', async () => {
    const fields = { c_string: 'string', c_decimal: 'decimal(30, 8)', c_bytes: 'bytes', c_time_map: 'map<time, string>', c_row: { a: 'int', b: 'date' } };
    const source = await readSource(fakeSource, {
      schema: { fields },
      rows: [{ kind: 'INSERT', fields: ['AAA', 99999.99999999, 'bWlJWmo=', '{ 12:01:26 = v0 }', [1, '2012-12-21']] }],
      'split.num': 2,
    }, { parallelism: 2, outputName: 'fake' });
    const rules = {
      row_rules: [{ rule_type: 'MIN_ROW', rule_value: 4 }, { rule_type: 'MAX_ROW', rule_value: 4 }],
      field_rules: [
        { field_name: 'c_string', field_type: 'string', field_value: [{ rule_type: 'NOT_NULL', equals_to: 'AAA' }] },
        { field_name: 'c_decimal', field_type: 'decimal(30, 8)', field_value: [{ equals_to: 99999.99999999 }] },
        { field_name: 'c_bytes', field_type: 'bytes', field_value: [{ equals_to: 'bWlJWmo=' }] },
        { field_name: 'c_time_map', field_type: 'map<time, string>', field_value: [{ equals_to: '{ 12:01:26 = v0 }' }] },
        { field_name: 'c_row', field_type: { a: 'int', b: 'date' }, field_value: [{ equals_to: [1, '2012-12-21'] }] },
      ],
    };
    assert.deepEqual(assertSink.check?.(withDefaults(assertSink, { rules }), source.tables), []);
    await assertRun(rules, source.tables, source.byReader.map((rows) => [rows]));
  });
});
