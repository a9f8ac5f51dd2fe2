import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJobConfig } from '../../src/config/parse-job-config.js';
import { validateJobConfig } from '../../src/config/validate-job-config.js';
import { OptionError } from '../../src/core/errors.js';
import type { Plugin, PluginType, SinkPlugin, SourcePlugin } from '../../src/core/plugin.js';
import { closestNames, orList } from '../../src/core/suggest.js';

const unused = (): never => {
  throw new Error('not used by validation');
};

const fakeSource: SourcePlugin = {
  name: 'FakeSource',
  type: 'source',
  description: 'test source',
  bounded: true,
  restorable: false,
  options: [
    { key: 'row.num', type: 'int', default: 5, description: '' },
    { key: 'split.num', type: 'int', default: 1, description: '' },
  ],
  validate: (options) => ((options['split.num'] as number) > (options['row.num'] as number) ? [{ path: 'split.num', message: 'must not exceed row.num' }] : []),
  tables: unused,
  planSplits: unused,
  createReader: unused,
};

const consoleSink: SinkPlugin = {
  name: 'Console',
  type: 'sink',
  description: 'test sink',
  exactlyOnce: false,
  options: [{ key: 'log.print.data', type: 'boolean', default: true, description: '' }],
  validate: () => {
    throw new OptionError('log.print.data', 'cannot print today');
  },
  createWriter: unused,
};

const plugins: Plugin[] = [fakeSource, consoleSink, { ...fakeSource, name: 'FakeSourceV2' }, { ...fakeSource, name: 'Jdbc' }];
const catalog = {
  find: (type: PluginType, name: string) => plugins.find((plugin) => plugin.type === type && plugin.name.toLowerCase() === name.toLowerCase()),
  names: (type: PluginType) => plugins.filter((plugin) => plugin.type === type).map((plugin) => plugin.name),
};

const parse = (text: string) => parseJobConfig(text, { format: 'hocon', env: {} });

describe('validateJobConfig', () => {
  it('resolves the options of every block, finding plugins case-insensitively', () => {
    const config = parse('source { fakesource { row.num = 10 } }\nsink { Console { log.print.data = false } }');
    const { problems, options } = validateJobConfig(config, { ...catalog, find: (type, name) => (name === 'Console' ? { ...consoleSink, validate: undefined } : catalog.find(type, name)) });
    assert.deepEqual(problems, []);
    assert.deepEqual(options.get(config.source[0]), { 'row.num': 10, 'split.num': 1 });
    assert.deepEqual(options.get(config.sink[0]), { 'log.print.data': false });
  });

  it('reports unknown plugins with the closest names, a plugin of the wrong type and every other problem at once', () => {
    const text = [
      'source {',
      '  FakeSorce {}',
      '  FakeSource { row.num = ten }',
      '  FakeSource { row.num = 1, split.num = 4 }',
      '  Console {}',
      '}',
      'sink { Console {} }',
    ].join('\n');
    const { problems, options } = validateJobConfig(parse(text), catalog);
    assert.deepEqual(
      problems.map((p) => [p.path, p.message, p.line, p.column]),
      [
        ['source[0]', 'unknown source plugin "FakeSorce"; did you mean FakeSource or FakeSourceV2?', 2, 3],
        ['source[1].row.num', 'expected an integer, got "ten"', 3, 26],
        ['source[2].split.num', 'must not exceed row.num', 4, 41],
        ['source[3]', 'unknown source plugin "Console"; Console is a sink plugin', 5, 3],
        ['sink[0].log.print.data', 'cannot print today', 7, 8],
      ],
    );
    assert.equal(options.size, 3);
  });

  it('reports the problems of a config parsed with deferErrors together with its own', () => {
    const text = 'env { parallelism = two }\nsource { FakeSorce {} }\nsink { Console {} }';
    assert.throws(() => parse(text), { code: 'CONFIG_INVALID' });
    const config = parseJobConfig(text, { format: 'hocon', env: {}, deferErrors: true });
    assert.equal(config.env.parallelism, 1);
    const { problems } = validateJobConfig(config, catalog);
    assert.deepEqual(
      problems.map((p) => [p.path, p.line, p.column]),
      [
        ['env.parallelism', 1, 21],
        ['source[0]', 2, 10],
        ['sink[0].log.print.data', 3, 8],
      ],
    );
  });

  it('lists the known plugins when nothing is close', () => {
    const { problems } = validateJobConfig(parse('source { Kafka {} }\nsink { Console {} }'), catalog);
    assert.equal(problems[0].message, 'unknown source plugin "Kafka"; known source plugins: FakeSource, FakeSourceV2, Jdbc');
  });
});

describe('closestNames', () => {
  it('suggests close names case-insensitively, closest first, at most max', () => {
    assert.deepEqual(closestNames('fakesorce', ['Console', 'FakeSource', 'FakeSourceV2']), ['FakeSource', 'FakeSourceV2']);
    assert.deepEqual(closestNames('Consloe', ['Console', 'Assert']), ['Console']);
    assert.deepEqual(closestNames('Fake', ['FakeSource', 'Jdbc']), ['FakeSource']);
    assert.deepEqual(closestNames('xyz', ['FakeSource', 'Jdbc']), []);
    assert.deepEqual(closestNames('ab', ['aa', 'ac', 'ad', 'ae'], 2), ['aa', 'ac']);
  });

  it('joins names as a sentence', () => {
    assert.equal(orList(['A']), 'A');
    assert.equal(orList(['A', 'B', 'C']), 'A, B or C');
  });
});
