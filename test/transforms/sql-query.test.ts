import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sqlTransform } from '../../src/transforms/sql/sql.js';
import { bindFails, mapFails, PEOPLE, people, sql } from './sql-kit.js';
import { bind, problems, row, table } from './transform-harness.js';

describe('Sql: queries, names and schema', () => {
  it('runs the SeaTunnel docs example: rows keep their kind and table id', () => {
    const result = sql("select id, concat(name, '_') as name, age+1 as age from dual where id>0", PEOPLE(), people());
    assert.deepEqual(result.names, ['id', 'name', 'age']);
    assert.deepEqual(result.types, ['int', 'string', 'int']);
    assert.deepEqual(result.rows, [[1, 'Joy Ding_', 21], [2, 'May Ding_', 22], [3, 'Kin Dom_', 25], [4, '_', null]]);
    assert.deepEqual(result.out.map((r) => r.kind), ['+I', '-U', '+U', '-D']);
    assert.deepEqual(result.out.map((r) => r.tableId), ['fake', 'fake', 'fake', 'fake']);
  });

  it('expands *, alone, with expressions after it, and qualified by the table', () => {
    assert.deepEqual(sql('select * from fake', PEOPLE(), people()).rows[0], [1, 'Joy Ding', 20]);
    const mixed = sql('select *, age * 2 as twice from fake', PEOPLE(), people());
    assert.deepEqual(mixed.names, ['id', 'name', 'age', 'twice']);
    assert.deepEqual(mixed.rows[1], [2, 'May Ding', 21, 42]);
    assert.deepEqual(sql('select fake.*, 1 as one from fake', PEOPLE(), people()).rows[0], [1, 'Joy Ding', 20, 1]);
    bindFails('select other.* from fake', PEOPLE(), 'unknown table "other" at line 1, column 8; the query reads fake');
  });

  it('names unaliased columns as SeaTunnel does: a column by its name, an expression by its text', () => {
    const result = sql("select id, age+1, concat(name, '_'), upper( name ), age > 3, cast(age as bigint) from fake", PEOPLE(), []);
    assert.deepEqual(result.names, ['id', 'age + 1', "concat(name, '_')", 'upper(name)', 'age > 3', 'CAST(age AS bigint)']);
    assert.deepEqual(result.types, ['int', 'int', 'string', 'string', 'boolean', 'bigint']);
  });

  it('takes aliases with and without AS, quoted with backquotes or double quotes', () => {
    const result = sql('select id as `the id`, name "who", age years from fake', PEOPLE(), []);
    assert.deepEqual(result.names, ['the id', 'who', 'years']);
    assert.deepEqual(sql('select `id`, "name" from fake', PEOPLE(), people()).rows[0], [1, 'Joy Ding']);
  });

  it('reads fields of row columns and keys of map columns, and columns qualified by the table', () => {
    const input = table('db.fake', { c_row: { c_inner: { n: 'int', s: 'string' }, c_map: 'map<string, string>' }, id: 'int' });
    const result = sql('select c_row.c_inner.n, c_row.c_inner.s as s, c_row.c_map.k1, fake.id, `db.fake`.id as id2 from fake', input, [
      row([[[7, 'seven'], new Map([['k1', 'v1']])], 1], '+I', 'db.fake'),
      row([null, 2], '+I', 'db.fake'),
    ]);
    assert.deepEqual(result.names, ['n', 's', 'k1', 'id', 'id2']);
    assert.deepEqual(result.types, ['int', 'string', 'string', 'int', 'int']);
    assert.deepEqual(result.rows, [[7, 'seven', 'v1', 1, 1], [null, null, null, 2, 2]]);
    bindFails('select c_row.nope from fake', input, 'unknown field "nope" of c_row at line 1, column 14; its fields are c_inner, c_map');
    bindFails('select id.x from fake', input, 'id is int, which has no field "x" at line 1, column 11');
  });

  it('keeps the primary key when its columns are in the output, and plain columns keep their attributes', () => {
    const input = table('fake', { id: 'int', name: 'string' }, { primaryKey: { name: 'pk', columns: ['id'] } });
    input.columns[1]!.comment = 'who';
    input.columns[1]!.nullable = false;
    const kept = bind(sqlTransform, { query: 'select name as n, id from fake' }, input).output;
    assert.deepEqual(kept.primaryKey, { name: 'pk', columns: ['id'] });
    assert.deepEqual(kept.columns[0], { name: 'n', type: { kind: 'string' }, nullable: false, comment: 'who' });
    assert.equal(bind(sqlTransform, { query: 'select id as key from fake' }, input).output.primaryKey, undefined);
    assert.deepEqual(bind(sqlTransform, { query: 'select upper(name) as u from fake' }, input).output.columns[0], { name: 'u', type: { kind: 'string' }, nullable: true });
  });

  it('copies mutable values that are selected twice, so rows never share them', () => {
    const input = table('t', { b: 'bytes' });
    const bytes = new Uint8Array([1, 2]);
    const [out] = sql('select b, b as c from t', input, [row([bytes], '+I', 't')]).rows;
    assert.deepEqual(out, [bytes, new Uint8Array([1, 2])]);
    assert.notEqual(out?.[0], out?.[1]);
  });

  it('leaves batches alone for select * without WHERE, and folds constants', () => {
    const rows = people();
    const fields = rows[0]!.fields;
    assert.equal(sql('select * from fake', PEOPLE(), rows).out[0]!.fields, fields);
    const folded = sql("select 1 + 2 * 3 as x, 'a' || 'b' as y, upper('q') as z from fake", PEOPLE(), people());
    assert.deepEqual(folded.rows[0], [7, 'ab', 'Q']);
  });

  it('refuses an output column named twice', () => {
    bindFails('select id, name as id from fake', PEOPLE(), 'the output column "id" appears twice at line 1, column 20; give one of them another name with AS');
    bindFails('select *, name from fake', PEOPLE(), /the output column "name" appears twice at line 1, column 11/);
  });
});

describe('Sql: errors point at the query', () => {
  it('names unknown columns with a suggestion', () => {
    bindFails('select nme from fake', PEOPLE(), 'unknown column "nme" at line 1, column 8; did you mean name?');
    bindFails('select id,\n  zzz\nfrom fake', PEOPLE(), 'unknown column "zzz" at line 2, column 3; the input table fake has columns id, name, age');
    bindFails('select id from fake where agee > 1', PEOPLE(), 'unknown column "agee" at line 1, column 27; did you mean age?');
  });

  it('names unknown functions with a suggestion, and wrong argument counts with the signature', () => {
    bindFails('select uper(name) from fake', PEOPLE(), 'unknown function uper at line 1, column 8; did you mean UPPER?');
    bindFails('select lpad(name) from fake', PEOPLE(), 'LPAD takes 2 to 3 arguments, got 1 at line 1, column 8; write LPAD(string, length[, padding])');
    bindFails('select count(*) from fake', PEOPLE(), /aggregate/);
    bindFails('select sum(age) from fake', PEOPLE(), /SUM is an aggregate function; aggregation is not supported .* at line 1, column 8/);
  });

  it('reports syntax errors at the token', () => {
    bindFails('select id + from fake', PEOPLE(), 'expected an expression, found "from" at line 1, column 13');
    bindFails("select 'open from fake", PEOPLE(), 'unterminated string at line 1, column 8');
    bindFails('select id fake', PEOPLE(), 'expected FROM and the input table after the select list at line 1, column 15');
    bindFails('select id, name age, from fake', PEOPLE(), 'expected an expression, found "from" at line 1, column 22');
    bindFails('select id from fake where', PEOPLE(), 'the query ends where an expression was expected at line 1, column 26');
    bindFails('update fake set id = 1', PEOPLE(), 'expected SELECT, found "update" (only SELECT queries are supported) at line 1, column 1');
    bindFails('select (id from fake', PEOPLE(), /expected "\)" to close the parenthesis, found "from" at line 1, column 12/);
  });

  it('refuses what a one-row-at-a-time transform cannot do, saying so', () => {
    bindFails('select id from fake order by id', PEOPLE(), /^ORDER BY is not supported .* at line 1, column 21$/);
    bindFails('select id from fake group by id', PEOPLE(), /^GROUP BY is not supported/);
    bindFails('select id from fake limit 1', PEOPLE(), /^LIMIT is not supported at line 1, column 21$/);
    bindFails('select id from fake join b on a = b', PEOPLE(), /^joins are not supported/);
    bindFails('select id from fake f', PEOPLE(), /^table aliases are not supported/);
    bindFails('select distinct id from fake', PEOPLE(), /^SELECT DISTINCT is not supported/);
    bindFails('select id from (select id from fake)', PEOPLE(), /^subqueries are not supported/);
  });

  it('type-checks operators, conditions and casts', () => {
    bindFails('select name + 1 from fake', PEOPLE(), 'cannot add: "+" needs numbers, got string and int at line 1, column 13; join strings with || or CONCAT'.replace('cannot add: ', ''));
    bindFails("select id from fake where id = 'x'", PEOPLE(), "cannot compare int with string at line 1, column 30; CAST one side to the other's type");
    bindFails('select id from fake where age', PEOPLE(), 'WHERE needs a condition (a boolean), got int at line 1, column 27');
    bindFails('select id from fake where age > 1 and name', PEOPLE(), 'AND needs a condition (a boolean), got string at line 1, column 39');
    bindFails('select cast(id as widget) from fake', PEOPLE(), /^unknown type widget in CAST at line 1, column 19; use STRING, VARCHAR/);
    bindFails('select cast(id as decimal(40, 2)) from fake', PEOPLE(), 'decimal precision must be 1..38, got 40 at line 1, column 19');
    bindFails("select cast('x' as date) from fake", PEOPLE(), "cannot cast 'x' to date at line 1, column 13");
    bindFails("select case when id = 1 then 'a' else 2 end from fake", PEOPLE(), 'CASE results must have one type: string and int do not mix at line 1, column 39');
    bindFails('select upper(c) from t', table('t', { c: 'array<int>' }), 'UPPER expects a string, got array<int> at line 1, column 14');
  });

  it('reports errors at run time with the expression, its place and the reason', () => {
    mapFails('select id, age / (id - 1) as x from fake', PEOPLE(), people(), /Sql: cannot evaluate "age \/ \(id - 1\)" at line 1, column 12 for a row of table fake: division by zero$/);
    mapFails("select id from fake where cast(name as int) > 1", PEOPLE(), people(), /Sql: cannot evaluate the WHERE condition at line 1, column 27 for a row of table fake: cannot cast 'Joy Ding' to int$/);
  });

  it('validate reports syntax errors before the table is known', () => {
    assert.deepEqual(problems(sqlTransform, { query: 'select from fake' }), ['query: expected an expression, found "from" at line 1, column 8']);
    assert.deepEqual(problems(sqlTransform, { query: 'select nope from fake' }), [], 'columns are checked at bind time');
  });
});

describe('Sql: WHERE and three-valued logic', () => {
  const ids = (query: string): unknown[] => sql(query, PEOPLE(), people()).rows.map((r) => r[0]);

  it('keeps only rows whose condition is true: comparisons with NULL are unknown', () => {
    assert.deepEqual(ids('select id from fake where age > 20'), [2, 3]);
    assert.deepEqual(ids('select id from fake where not (age > 20)'), [1]);
    assert.deepEqual(ids('select id from fake where age <> 21'), [1, 3]);
    assert.deepEqual(ids('select id from fake where age = null'), []);
    assert.deepEqual(ids('select id from fake where age <> null'), []);
    assert.deepEqual(ids('select id from fake where age > 20 or name is null'), [2, 3, 4]);
    assert.deepEqual(ids('select id from fake where not (age > 20 and name is not null)'), [1, 4], 'NULL AND false is false');
    assert.deepEqual(ids('select id from fake where (age > 100) is null'), [4]);
  });

  it('AND and OR follow Kleene logic in the select list too', () => {
    const result = sql('select age > 20 and name is null as a, age > 20 or name is null as o, not (age > 20) as n from fake', PEOPLE(), people());
    assert.deepEqual(result.rows, [[false, false, true], [false, true, false], [false, true, false], [null, true, null]]);
  });

  it('IN and NOT IN: NULL when nothing matches and the list holds a NULL', () => {
    assert.deepEqual(ids('select id from fake where id in (1, 3, 99)'), [1, 3]);
    assert.deepEqual(ids('select id from fake where id not in (1, 3)'), [2, 4]);
    assert.deepEqual(ids('select id from fake where id not in (1, null)'), []);
    assert.deepEqual(ids('select id from fake where id in (1, null)'), [1]);
    assert.deepEqual(ids("select id from fake where name in ('Kin Dom', upper('joy ding'), concat('May', ' Ding'))"), [2, 3]);
    assert.deepEqual(ids('select id from fake where age in (age, 0)'), [1, 2, 3]);
    const wide = table('t', { big: 'bigint', price: 'decimal(10, 2)' });
    const rows = () => [row([9007199254740993n, '1.50'], '+I', 't'), row([9007199254740992n, '2.00'], '+I', 't')];
    assert.deepEqual(sql('select big from t where big in (9007199254740993, 5)', wide, rows()).rows, [[9007199254740993n]]);
    assert.deepEqual(sql('select price from t where price in (1.5, 3)', wide, rows()).rows, [['1.50']]);
    assert.deepEqual(sql('select price from t where price in (2, 3)', wide, rows()).rows, [['2.00']]);
    assert.deepEqual(sql('select price from t where price not in (big, 1.5)', wide, rows()).rows, [['2.00']]);
  });

  it('BETWEEN includes both ends; NOT BETWEEN; NULL bounds', () => {
    assert.deepEqual(ids('select id from fake where age between 20 and 21'), [1, 2]);
    assert.deepEqual(ids('select id from fake where age not between 20 and 21'), [3]);
    assert.deepEqual(ids('select id from fake where age between null and 30'), []);
    assert.deepEqual(ids('select id from fake where age not between 22 and null'), [1, 2]);
  });

  it('LIKE: % and _, escapes, regex characters literal, NOT LIKE, case-sensitive', () => {
    const input = table('t', { s: 'string' });
    const texts = ['a.c', 'abc', 'a%c', 'A_c', 'x(1)', 'multi\nline', null];
    const like = (condition: string): unknown[] => sql(`select s from t where ${condition}`, input, texts.map((s) => row([s], '+I', 't'))).rows.map((r) => r[0]);
    assert.deepEqual(like("s like 'a_c'"), ['a.c', 'abc', 'a%c']);
    assert.deepEqual(like("s like 'a.c'"), ['a.c']);
    assert.deepEqual(like("s like 'a\\%c'"), ['a%c']);
    assert.deepEqual(like("s like 'a!%c' escape '!'"), ['a%c']);
    assert.deepEqual(like("s like '_\\_c'"), ['A_c']);
    assert.deepEqual(like("s like 'x(%)'"), ['x(1)']);
    assert.deepEqual(like("s like '%ti%li%'"), ['multi\nline']);
    assert.deepEqual(like("s like 'A%'"), ['A_c']);
    assert.deepEqual(like("s not like 'a%'"), ['A_c', 'x(1)', 'multi\nline']);
    assert.deepEqual(like("s like concat('a', '%')"), ['a.c', 'abc', 'a%c']);
    bindFails("select s from t where s like 'a' escape 'xy'", input, "ESCAPE needs one character, got 'xy' at line 1, column 41");
  });

  it('compares dates and timestamps with each other and with ISO text', () => {
    const input = table('t', { d: 'date', ts: 'timestamp', tm: 'time' });
    const rows = [row(['2024-01-31', '2024-01-31T10:00:00', '10:00:00'], '+I', 't'), row(['2024-02-01', '2024-01-31T10:00:00.000500', '09:59:59.5'], '+I', 't')];
    const pick = (condition: string): unknown[] => sql(`select d from t where ${condition}`, input, rows.map((r) => ({ ...r, fields: [...r.fields] }))).rows.map((r) => r[0]);
    assert.deepEqual(pick("d > '2024-01-31'"), ['2024-02-01']);
    assert.deepEqual(pick("ts = '2024-01-31 10:00:00'"), ['2024-01-31']);
    assert.deepEqual(pick("ts = timestamp '2024-01-31 10:00:00.0005'"), ['2024-02-01']);
    assert.deepEqual(pick('d < ts'), ['2024-01-31']);
    assert.deepEqual(pick("tm < '10:00'"), ['2024-02-01']);
    assert.deepEqual(pick("d between date '2024-02-01' and '2024-12-31'"), ['2024-02-01']);
    bindFails("select d from t where d > '2024-13-01'", input, "'2024-13-01' is not a valid date at line 1, column 27");
  });
});

describe('Sql: CASE and CAST', () => {
  it('searched and simple CASE, with ELSE and without (NULL)', () => {
    const result = sql("select case when age < 21 then 'young' when age < 24 then 'mid' else 'old' end as a, case id when 1 then 'one' when 2 then 'two' end as b from fake", PEOPLE(), people());
    assert.deepEqual(result.rows, [['young', 'one'], ['mid', 'two'], ['old', null], ['old', null]]);
  });

  it('gives CASE the common type of its results, converting each', () => {
    const input = table('t', { i: 'int', b: 'bigint', p: 'decimal(10, 2)' });
    const rows = () => [row([1, 5n, '1.25'], '+I', 't'), row([2, 6n, '2.50'], '+I', 't')];
    const wide = sql('select case when i = 1 then i else b end as x, case when i = 1 then i else p end as y, case when i = 1 then null else 1.5 end as z from t', input, rows());
    assert.deepEqual(wide.types, ['bigint', 'decimal(12, 2)', 'double']);
    assert.deepEqual(wide.rows, [[1n, '1.00', null], [6n, '2.50', 1.5]]);
  });

  it('casts between types as SeaTunnel does, exactly', () => {
    const input = table('t', { s: 'string', d: 'double', p: 'decimal(10, 3)', b: 'bigint', ts: 'timestamp' });
    const result = sql(
      "select cast(s as int), cast(d as bigint), cast(p as decimal(5, 1)), cast(b as string), cast(d as string), cast(ts as date), cast(ts as time), cast(ts as string), cast(s as bytes), cast('2024-01-02 03:04:05' as timestamp), cast(20240102 as date), cast(p as double), cast('true' as boolean) from t",
      input,
      [row([' 42 ', 1e21 / 1e10, '-12.345', 9223372036854775807n, '2024-01-02T03:04:00'], '+I', 't')],
    );
    assert.deepEqual(result.types, ['int', 'bigint', 'decimal(5, 1)', 'string', 'string', 'date', 'time', 'string', 'bytes', 'timestamp', 'date', 'double', 'boolean']);
    assert.deepEqual(result.rows[0], [42, 100000000000n, '-12.3', '9223372036854775807', '1.0E11', '2024-01-02', '03:04:00', '2024-01-02T03:04', new Uint8Array(Buffer.from(' 42 ')), '2024-01-02T03:04:05', '2024-01-02', -12.345, true]);
  });

  it('fails a cast that loses data instead of wrapping or truncating silently', () => {
    const input = table('t', { b: 'bigint', p: 'decimal(10, 2)' });
    mapFails('select cast(b as int) from t', input, [row([3000000000n, '1.00'], '+I', 't')], /3000000000 is out of range for int/);
    mapFails('select cast(p as decimal(3, 1)) from t', input, [row([1n, '12345.00'], '+I', 't')], /12345.0 does not fit decimal\(3, 1\)/);
    bindFails('select cast(true as int) from t', input, 'cannot CAST boolean to int at line 1, column 8');
  });
});
