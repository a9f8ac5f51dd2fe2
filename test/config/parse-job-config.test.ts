import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatFromFileName, parseJobConfig } from '../../src/config/parse-job-config.js';
import { ConfigError, type ConfigProblem } from '../../src/core/errors.js';

const hocon = (text: string, variables: Record<string, string> = {}) => parseJobConfig(text, { format: 'hocon', variables, env: {} });
const json = (value: unknown) => parseJobConfig(JSON.stringify(value, null, 2), { format: 'json', env: {} });

/** The problems of the ConfigError `run` throws. */
function problemsOf(run: () => unknown): ConfigProblem[] {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.problems;
  }
  assert.fail('expected a ConfigError');
}

const MINIMAL_SINK = 'sink { Console {} }';

describe('parseJobConfig', () => {
  it('reads the reference example with duplicate blocks, wiring and nested options', () => {
    const config = hocon(`
env { job.mode = "BATCH", parallelism = 1 }
source {
  FakeSource { plugin_output = "fake", row.num = 100, schema { fields { name = string, age = int } } }
  FakeSource { plugin_output = "fake2", parallelism = 3 }
}
transform { Sql { plugin_input = "fake", plugin_output = "fake1", query = "select name, age+1 as age from fake" } }
sink { Console { plugin_input = ["fake1", "fake2"] } }
`);
    assert.deepEqual(
      config.source.map((block) => [block.name, block.index, block.output, block.parallelism]),
      [
        ['FakeSource', 0, 'fake', undefined],
        ['FakeSource', 1, 'fake2', 3],
      ],
    );
    assert.deepEqual(config.source[0].options, { row: { num: 100 }, schema: { fields: { name: 'string', age: 'int' } } });
    assert.deepEqual(config.transform[0].inputs, ['fake']);
    assert.deepEqual(config.transform[0].options, { query: 'select name, age+1 as age from fake' });
    assert.deepEqual(config.sink[0].inputs, ['fake1', 'fake2']);
    assert.deepEqual(config.positions.get('source[1]'), { line: 5, column: 3 });
    assert.deepEqual(config.positions.get('source[0].row.num'), { line: 4, column: 50 });
  });

  it('reads JSON configs with plugin_name arrays and the old wiring spelling', () => {
    const config = json({
      env: { 'job.mode': 'streaming' },
      source: [
        { plugin_name: 'FakeSource', result_table_name: 't1', 'row.num': 5 },
        { plugin_name: 'FakeSource', result_table_name: 't2' },
      ],
      sink: [{ plugin_name: 'Console', source_table_name: ['t1', 't2'] }],
    });
    assert.equal(config.env.jobMode, 'STREAMING');
    assert.deepEqual(config.source.map((block) => [block.name, block.output]), [['FakeSource', 't1'], ['FakeSource', 't2']]);
    assert.deepEqual(config.source[0].options, { 'row.num': 5 });
    assert.deepEqual(config.sink[0].inputs, ['t1', 't2']);
    assert.deepEqual(config.positions.get('source[0].row.num'), { line: 9, column: 18 });
  });

  it('prefers plugin_input/plugin_output when both spellings are set, and takes a string input as a list', () => {
    const config = hocon(`source { Fake { plugin_output = new, result_table_name = old } }
sink { Console { source_table_name = old, plugin_input = new } }`);
    assert.equal(config.source[0].output, 'new');
    assert.deepEqual(config.sink[0].inputs, ['new']);
    assert.deepEqual(config.sink[0].options, {});
  });

  it('keeps integers beyond 2^53 exact in HOCON and JSON', () => {
    const fromHocon = hocon(`source { Fake { id = 733584788375666689 } }\n${MINIMAL_SINK}`);
    const fromJson = parseJobConfig('{"source": [{"plugin_name": "Fake", "id": 733584788375666689}], "sink": [{"plugin_name": "Console"}]}', { format: 'json', env: {} });
    assert.equal(fromHocon.source[0].options.id, 733584788375666689n);
    assert.equal(fromJson.source[0].options.id, 733584788375666689n);
  });

  it('fills env defaults when env is missing and transform may be omitted', () => {
    const config = hocon(`source { Fake {} }\n${MINIMAL_SINK}`);
    assert.deepEqual(config.transform, []);
    assert.deepEqual(config.env, {
      jobMode: 'BATCH',
      jobName: 'SeaTunnel_Job',
      parallelism: 1,
      checkpointInterval: undefined,
      checkpointTimeout: undefined,
      checkpointTolerableFailures: 3,
      retryTimes: 3,
      retryIntervalSeconds: 3,
      readLimitRowsPerSecond: undefined,
      readLimitBytesPerSecond: undefined,
      shadeIdentifier: 'default',
      raw: {},
    });
  });

  it('types env values and keeps every key flattened in raw', () => {
    const config = hocon(`env {
  job { mode = streaming, name = nightly }
  parallelism = "4"
  checkpoint.interval = 10000
  read_limit.rows_per_second = 500
  flink.execution.checkpointing.mode = EXACTLY_ONCE
}
source { Fake {} }
${MINIMAL_SINK}`);
    assert.equal(config.env.jobMode, 'STREAMING');
    assert.equal(config.env.jobName, 'nightly');
    assert.equal(config.env.parallelism, 4);
    assert.equal(config.env.checkpointInterval, 10000);
    assert.equal(config.env.readLimitRowsPerSecond, 500);
    assert.deepEqual(config.env.raw, {
      'job.mode': 'streaming',
      'job.name': 'nightly',
      parallelism: '4',
      'checkpoint.interval': 10000,
      'read_limit.rows_per_second': 500,
      'flink.execution.checkpointing.mode': 'EXACTLY_ONCE',
    });
  });

  it('reports every problem at once, each with its path, line and column', () => {
    const text = [
      'env {', //                                     line 1
      '  job.mode = FAST', //                         line 2
      '  parallelism = 0', //                         line 3
      '  checkpoint.interval = soon', //              line 4
      '}',
      'source {',
      '  Fake { parallelism = two, plugin_output = [a] }', // line 7
      '  Fake { password = ${secret} }', //           line 8
      '}',
      'sink {}', //                                   line 10
    ].join('\n');
    const problems = problemsOf(() => hocon(text));
    assert.deepEqual(
      problems.map((p) => [p.path, p.message, p.line, p.column]),
      [
        ['', "variable 'secret' is not set; pass -i secret=value or set the environment variable secret", 8, 21],
        ['env.job.mode', 'expected one of BATCH, STREAMING, got "FAST"', 2, 14],
        ['env.parallelism', 'expected at least 1, got 0', 3, 17],
        ['env.checkpoint.interval', 'expected an integer, got "soon"', 4, 25],
        ['source[0].plugin_output', 'expected a table name, got a list', 7, 45],
        ['source[0].parallelism', 'expected an integer, got "two"', 7, 24],
        ['sink', 'Miss <Sink> config! A job needs at least one sink plugin block, e.g. sink { Console { ... } }', 10, 1],
      ],
    );
  });

  it('reports a missing source section without a position', () => {
    const problems = problemsOf(() => hocon(MINIMAL_SINK));
    assert.deepEqual(problems, [
      { path: 'source', message: 'Miss <Source> config! A job needs at least one source plugin block, e.g. source { FakeSource { ... } }' },
    ]);
  });

  it('reports only syntax problems when the text is malformed', () => {
    // The missing sink is not reported: after a syntax error the structure is a guess.
    const problems = problemsOf(() => hocon('source {\n  Fake {\n    a = [1,\n  }\n}\n'));
    assert.deepEqual(
      problems.map((p) => [p.message, p.line, p.column]),
      [['expected "]" to close the array opened at line 3, column 9', 4, 3]],
    );
  });

  it('reports JSON blocks without plugin_name', () => {
    const problems = problemsOf(() => json({ source: [{ plugin_name: 'Fake' }, { 'row.num': 1 }], sink: [{ plugin_name: 'Console' }] }));
    assert.deepEqual(
      problems.map((p) => [p.path, p.line, p.column]),
      [['source[1]', 6, 5]],
    );
  });

  it('warns about unknown sections with a suggestion', () => {
    const config = hocon(`source { Fake {} }\n${MINIMAL_SINK}\ntransfrom { Sql {} }`);
    assert.deepEqual(config.problems, [
      { path: 'transfrom', message: 'unknown section "transfrom" is ignored; did you mean transform?', line: 3, column: 1, severity: 'warning' },
    ]);
  });

  it('detects the format from the file name', () => {
    assert.equal(formatFromFileName('jobs/a.JSON'), 'json');
    assert.equal(formatFromFileName('jobs/a.conf'), 'hocon');
    assert.equal(formatFromFileName('job'), 'hocon');
  });
});
