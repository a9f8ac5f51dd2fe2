import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { configFile, printedRows, runJob, sluice, statistic, stopOnceRowsArePrinted, tempDir } from '../support/cli.js';

/** 2 readers x 2 splits x 15 rows, one split read every 300 ms per reader: about a second of data. */
const source = `FakeSource { seed = 11, row.num = 30, split.num = 2, split.read-interval = 300, schema = { fields { id = bigint, name = string } } }`;
const streaming = `env { job.mode = "STREAMING", parallelism = 2, checkpoint.interval = 200 }
source { ${source} }
sink { Console {} }`;

const contents = (stdout: string): string[] => printedRows(stdout).map((row) => row.values.join('|')).sort();

describe('savepoints from the CLI', () => {
  it('stops with a savepoint on SIGINT and resumes with --restore, every row exactly once', async () => {
    const expected = contents((await runJob(`env { parallelism = 2 }\nsource { ${source} }\nsink { Console {} }`)).stdout);
    assert.equal(expected.length, 60);

    const dataDir = tempDir();
    const file = configFile(streaming);
    const first = await stopOnceRowsArePrinted(file, 20, ['--job-id', '733584788375666689', '--data-dir', dataDir]);
    assert.equal(first.code, 130, first.stderr);
    assert.match(first.stdout, /ended with state SAVEPOINT_DONE/);
    assert.ok(readdirSync(join(dataDir, 'checkpoints', '733584788375666689')).some((name) => /^savepoint-\d+\.json$/.test(name)));
    const before = contents(first.stdout);
    assert.ok(before.length >= 20 && before.length < 60, `stopped after ${before.length} rows`);

    const second = await stopOnceRowsArePrinted(file, 60 - before.length, ['--restore', '733584788375666689', '--data-dir', dataDir]);
    assert.equal(second.code, 130, second.stderr);
    assert.match(second.stdout, /restored from savepoint/);
    assert.deepEqual([...before, ...contents(second.stdout)].sort(), expected);
  });

  it('takes the savepoint promptly while sources read flat out', async () => {
    // Readers whose polls never wait must still let barriers and signals through.
    const file = configFile(`env { job.mode = "STREAMING", parallelism = 2 }
source { FakeSource { row.num = 50000000, split.read-interval = 0, schema = { fields { id = bigint } } } }
sink { Console { log.print.data = false } }`);
    let signalled = false;
    const result = await sluice(['run', file, '--data-dir', tempDir()], {
      onStdout: (text, child) => {
        if (!signalled && /started:/.test(text)) {
          signalled = true;
          setTimeout(() => child.kill('SIGINT'), 500);
        }
      },
    });
    assert.match(result.stdout, /ended with state SAVEPOINT_DONE/, result.stdout + result.stderr);
    assert.ok(statistic(result.stdout, 'Total Read Count') < 100_000_000);
  });

  it('refuses to restore a job that has no savepoint, naming it and the data directory', async () => {
    const dataDir = tempDir();
    const result = await sluice(['run', configFile(streaming), '--restore', '12345', '--data-dir', dataDir]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /job 12345 has no savepoint or checkpoint in/);
    assert.match(result.stderr, new RegExp(dataDir.replace(/[/\\]/g, '.')));
  });

  it('refuses a savepoint taken from a job with other sources or sinks', async () => {
    const dataDir = tempDir();
    const first = await stopOnceRowsArePrinted(configFile(streaming), 5, ['--job-id', '777', '--data-dir', dataDir]);
    assert.match(first.stdout, /ended with state SAVEPOINT_DONE/, first.stdout + first.stderr);
    const other = configFile(`env { job.mode = "STREAMING" }
source { FakeSource { row.num = 3, schema = { fields { other = int } }, plugin_output = "other" } }
sink { Console {} }`);
    const result = await sluice(['run', other, '--restore', '777', '--data-dir', dataDir]);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stderr, /cannot restore job 777 from savepoint \d+: it was taken from a job with other sources, sinks or tables/);
  });

  it('skips a corrupt savepoint file with a warning and uses an older one', async () => {
    const dataDir = tempDir();
    const file = configFile(streaming);
    const first = await stopOnceRowsArePrinted(file, 5, ['--job-id', '888', '--data-dir', dataDir]);
    assert.match(first.stdout, /ended with state SAVEPOINT_DONE/, first.stdout + first.stderr);
    const dir = join(dataDir, 'checkpoints', '888');
    writeFileSync(join(dir, 'savepoint-999.json'), '{"format":"sluice-checkpoint/1","sha256":"00","length":3}\n{"a\n');
    const result = await stopOnceRowsArePrinted(file, 1, ['--restore', '888', '--data-dir', dataDir]);
    assert.match(result.stdout, /skipping checkpoint file .*savepoint-999\.json: checksum mismatch/);
    assert.match(result.stdout, /restored from savepoint \d+/);
    assert.doesNotMatch(result.stdout, /restored from savepoint 999/);
  });
});
