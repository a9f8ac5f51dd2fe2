import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectionProblems, readConnection } from '../../../src/connectors/jdbc/jdbc-connection-options.js';
import { maskUrl, parseJdbcUrl } from '../../../src/connectors/jdbc/jdbc-url.js';
import { fromJsonText, toJsonText } from '../../../src/connectors/jdbc/json-text.js';
import { findPlaceholders, substitutePlaceholders } from '../../../src/connectors/jdbc/placeholders.js';
import { formatArrayText, parseArrayText } from '../../../src/connectors/jdbc/postgres/pg-array-text.js';
import { copyEncoder, escapeCopy, unescapeCopy } from '../../../src/connectors/jdbc/postgres/pg-values.js';

describe('JDBC urls', () => {
  it('reads PostgreSQL and MySQL/MariaDB urls the way SeaTunnel job files write them', () => {
    const pg = parseJdbcUrl('jdbc:postgresql://db.example:6543/shop?currentSchema=sales&ApplicationName=x');
    assert.equal(pg.kind, 'postgresql');
    assert.equal(pg.host, 'db.example');
    assert.equal(pg.port, 6543);
    assert.equal(pg.database, 'shop');
    assert.equal(pg.params['currentSchema'], 'sales');
    assert.deepEqual({ ...parseJdbcUrl('jdbc:postgresql://localhost/test'), params: {} }, { ...parseJdbcUrl('jdbc:postgresql://localhost:5432/test'), params: {} });
    assert.equal(parseJdbcUrl('jdbc:postgresql:test').database, 'test');
    const my = parseJdbcUrl('jdbc:mysql://localhost:3306/test?serverTimezone=GMT%2b8&useUnicode=true');
    assert.equal(my.kind, 'mysql');
    assert.equal(my.params['serverTimezone'], 'GMT+8');
    assert.equal(parseJdbcUrl('jdbc:mariadb://[::1]:3307/x').host, '::1');
  });

  it('never shows credentials: user:password@ and password= are kept out of display and masked in messages', () => {
    const target = parseJdbcUrl('jdbc:mysql://root:hunter2@db:3306/test?password=hunter2&useSSL=false');
    assert.equal(target.password, 'hunter2');
    assert.equal(target.user, 'root');
    assert.doesNotMatch(target.display, /hunter2/);
    assert.match(target.display, /useSSL=false/);
    assert.equal(maskUrl('jdbc:postgresql://u:pw@h/db?password=pw&x=1'), 'jdbc:postgresql://u:******@h/db?password=******&x=1');
    const problems = connectionProblems({ url: 'jdbc:oracle:thin:@h:1521/x?password=secret' });
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /not "oracle"/);
    assert.doesNotMatch(JSON.stringify(problems), /secret/);
  });

  it('checks that the driver fits the url, and that options win over the url', () => {
    assert.deepEqual(connectionProblems({ url: 'jdbc:postgresql://h/db', driver: 'org.postgresql.Driver' }), []);
    assert.match(connectionProblems({ url: 'jdbc:postgresql://h/db', driver: 'com.mysql.cj.jdbc.Driver' })[0]!.message, /does not fit the url/);
    assert.match(connectionProblems({ url: 'jdbc:mysql://h/db', driver: 'oracle.jdbc.OracleDriver' })[0]!.message, /not one Sluice speaks/);
    const settings = readConnection({ url: 'jdbc:mysql://h/db?user=a&password=b', user: 'c', password: 'd', properties: { useSSL: false } });
    assert.equal(settings.target.user, 'c');
    assert.equal(settings.target.password, 'd');
    assert.equal(settings.target.params['useSSL'], 'false');
  });
});

describe('PostgreSQL text formats', () => {
  it('parses and formats array text, nested, quoted and with NULLs', () => {
    const text = '{"a b","c\\\\\\"d",NULL,"NULL",""}';
    assert.deepEqual(parseArrayText(text, (s) => s), ['a b', 'c\\"d', null, 'NULL', '']);
    assert.deepEqual(parseArrayText('{{1,2},{3,NULL}}', Number), [[1, 2], [3, null]]);
    assert.deepEqual(parseArrayText('[0:1]={7,8}', Number), [7, 8]);
    assert.deepEqual(parseArrayText('{}', Number), []);
    const values = ['x', 'with "quotes" and \\', null, '', 'NULL', 'a,b{c}'];
    assert.deepEqual(parseArrayText(formatArrayText(values, String), (s) => s), values);
  });

  it('escapes COPY text so every string survives, and refuses U+0000', () => {
    const nasty = 'tab\there\nnew\\line\r\u00e9\u{1F600}';
    assert.equal(unescapeCopy(escapeCopy(nasty)), nasty);
    const encode = copyEncoder({ kind: 'string' });
    assert.equal(encode(null), '\\N');
    assert.throws(() => encode('a\u0000b'), /U\+0000/);
    const floats = copyEncoder({ kind: 'double' });
    assert.deepEqual([NaN, Infinity, -Infinity, -0, 0.1].map(floats), ['NaN', 'Infinity', '-Infinity', '-0', '0.1']);
    assert.equal(copyEncoder({ kind: 'bytes' })(new Uint8Array([0, 255])), '\\\\x00ff');
    assert.equal(copyEncoder({ kind: 'array', element: { kind: 'string' } })(['a\tb', null]), '{"a\\tb",NULL}');
  });
});

describe('JSON text for values without a native column type', () => {
  it('keeps bigints, decimals, bytes, maps and nested arrays exact', () => {
    const type = { kind: 'row' as const, fields: [
      { name: 'big', type: { kind: 'bigint' as const } },
      { name: 'dec', type: { kind: 'decimal' as const, precision: 30, scale: 10 } },
      { name: 'bin', type: { kind: 'bytes' as const } },
      { name: 'tags', type: { kind: 'map' as const, key: { kind: 'string' as const }, value: { kind: 'array' as const, element: { kind: 'double' as const } } } },
    ] };
    const value = [9223372036854775807n, '12345678901234567890.0123456789', new Uint8Array([1, 2, 3]), new Map([['x', [1.5, NaN, null]]])];
    const back = fromJsonText(toJsonText(value, type), type) as unknown[];
    assert.equal(back[0], 9223372036854775807n);
    assert.equal(back[1], '12345678901234567890.0123456789');
    assert.deepEqual([...(back[2] as Uint8Array)], [1, 2, 3]);
    assert.deepEqual((back[3] as Map<string, unknown>).get('x'), [1.5, NaN, null]);
  });
});

describe('sink query placeholders', () => {
  it('finds ? and :name outside quotes, comments and casts', () => {
    const sql = "insert into t(a, b, c) values (?, :name, '?') -- ?\n/* :x */ returning a::text";
    const found = findPlaceholders(sql, 'postgresql');
    assert.deepEqual(found.map((p) => p.name), [undefined, 'name']);
    assert.equal(substitutePlaceholders(sql, ['1', "'x'"], 'postgresql'), "insert into t(a, b, c) values (1, 'x', '?') -- ?\n/* :x */ returning a::text");
    assert.deepEqual(findPlaceholders("select 'it\\'s ?', ?", 'mysql').length, 1);
  });
});
