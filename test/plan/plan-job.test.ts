import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJobConfig } from '../../src/config/parse-job-config.js';
import { ConfigError } from '../../src/core/errors.js';
import { planJob } from '../../src/plan/plan-job.js';
import { catalog } from '../../src/plugins.js';

const plan = (text: string) => planJob(parseJobConfig(text, { format: 'hocon', env: {}, deferErrors: true }), catalog).plan;
const problems = (text: string): string[] => {
  try {
    plan(text);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  assert.fail('expected the config to be refused');
};
const fake = (extra = '') => `FakeSource {
  ${extra}
  schema = { fields { id = int, name = string } }
}`;

describe('planJob', () => {
  it('chains plugins without names: each consumes the one before it', () => {
    const p = plan(`source { ${fake()} }
transform { Filter { include_fields = [id] }, Copy { fields { id2 = id } } }
sink { Console {} }`);
    assert.deepEqual(p.vertices.map((v) => [v.id, v.inputs]), [[1, []], [2, [1]], [3, [2]], [4, [3]]]);
    assert.deepEqual(p.vertices.map((v) => v.name), [
      'pipeline-1 [Source[0]-FakeSource]',
      'pipeline-1 [Transform[0]-Filter]',
      'pipeline-1 [Transform[1]-Copy]',
      'pipeline-1 [Sink[0]-Console-MultiTableSink]',
    ]);
    assert.deepEqual(p.vertices[3]!.inputTables[0]!.columns.map((c) => c.name), ['id', 'id2']);
  });

  it('fans out one table to several sinks and makes disconnected parts separate pipelines', () => {
    const p = plan(`env { parallelism = 2 }
source { ${fake('plugin_output = "a"')}, ${fake('plugin_output = "b", parallelism = 3')} }
sink { Console { plugin_input = "a" }, Assert { plugin_input = "a", rules { row_rules = [{ rule_type = MIN_ROW, rule_value = 1 }] } }, Console { plugin_input = ["b"] } }`);
    assert.equal(p.pipelines.length, 2);
    assert.deepEqual(p.pipelines.map((pipe) => [pipe.vertexIds, pipe.parallelism]), [[[1, 3, 4], 2], [[2, 5], 3]]);
    assert.deepEqual(p.pipelines[0]!.edges, [{ from: 1, to: 3 }, { from: 1, to: 4 }]);
    assert.equal(p.vertices[4]!.name, 'pipeline-2 [Sink[2]-Console-MultiTableSink]');
    assert.equal(p.vertices[4]!.parallelism, 3);
  });

  it('reads both wiring spellings', () => {
    const p = plan(`source { ${fake('result_table_name = "old"')} }
sink { Console { source_table_name = "old" } }`);
    assert.deepEqual(p.vertices[1]!.inputs, [1]);
    assert.equal(p.vertices[0]!.outputTables[0]!.tablePath, 'old');
  });

  it('refuses cycles, unknown tables, ambiguous implicit inputs and unused sources', () => {
    assert.ok(
      problems(`source { ${fake('plugin_output = "s"')} }
transform { Copy { plugin_input = "y", plugin_output = "x", fields { a = id } }, Copy { plugin_input = "x", plugin_output = "y", fields { b = id } } }
sink { Console { plugin_input = "x" } }`).some((p) => /cycle/.test(p)),
    );
    assert.ok(problems(`source { ${fake('plugin_output = "s"')} }\nsink { Console { plugin_input = "t" } }`).some((p) => /sink\[0\]\.plugin_input: unknown table "t"/.test(p)));
    assert.ok(problems(`source { ${fake('plugin_output = "a"')}, ${fake('plugin_output = "b"')} }\nsink { Console {} }`).some((p) => /several sources; set plugin_input/.test(p)));
    assert.ok(problems(`source { ${fake('plugin_output = "a"')}, ${fake('plugin_output = "b"')} }\nsink { Console { plugin_input = "a" } }`).some((p) => /source\[1\]: FakeSource has no downstream/.test(p)));
    assert.ok(problems(`source { ${fake('plugin_output = "a"')}, ${fake('plugin_output = "a"')} }\nsink { Console { plugin_input = "a" } }`).some((p) => /already produced/.test(p)));
  });

  it('marks a job restorable when every source can snapshot its position', () => {
    assert.equal(plan(`source { ${fake()} }\nsink { Console {} }`).restorable, true);
  });
});
