import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CLI, configFile, sluice, statistic, tempDir } from '../support/cli.js';

const secretJob = `env { shade.identifier = "base64" }
source { FakeSource { row.num = 2, username = "seatunnel", password = "seatunnel_password", schema = { fields { id = int } } } }
sink { Console { log.print.data = false } }
`;

describe('sluice commands', () => {
  it('are the bundle that package.json installs as `sluice`, which these tests run', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const { bin } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: { sluice: string } };
    assert.equal(resolve(root, bin.sluice), CLI);
  });

  it('end quietly with 141, as SIGPIPE would, when their output is closed (`sluice plugins | head`)', async () => {
    const child = spawn(process.execPath, [CLI, 'plugins'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const [code] = (await once(child, 'close')) as [number | null];
    assert.equal(code, 141);
    assert.equal(stderr, '');
  });

  it('lists plugins and shows the options of one', async () => {
    const list = await sluice(['plugins']);
    assert.equal(list.code, 0);
    for (const name of ['FakeSource', 'LocalFile', 'Console', 'Assert', 'Copy', 'FieldMapper', 'Filter', 'FilterRowKind', 'Replace', 'Split', 'JsonPath', 'RowKindExtractor']) {
      assert.match(list.stdout, new RegExp(`\\b${name}\\b`));
    }
    const fake = await sluice(['plugins', 'fakesource']);
    assert.equal(fake.code, 0);
    assert.match(fake.stdout, /row\.num\s+int\s+5\s+/);
    const unknown = await sluice(['plugins', 'Consol']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown plugin "Consol"; did you mean Console/);
  });

  it('encrypts with base64 exactly as SeaTunnel, decrypts back, and runs the encrypted config', async () => {
    const file = configFile(secretJob);
    const encrypted = await sluice(['encrypt', file]);
    assert.equal(encrypted.code, 0, encrypted.stderr);
    assert.match(encrypted.stdout, /username = "?c2VhdHVubmVs"?/);
    assert.match(encrypted.stdout, /password = "?c2VhdHVubmVsX3Bhc3N3b3Jk"?/);
    const encryptedFile = configFile(encrypted.stdout);
    const decrypted = await sluice(['decrypt', encryptedFile]);
    assert.match(decrypted.stdout, /username = "?seatunnel"?/);
    const run = await sluice(['run', encryptedFile]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(statistic(run.stdout, 'Total Read Count'), 2);
    assert.doesNotMatch(run.stdout + run.stderr, /seatunnel_password/);
  });

  it('encrypts with aes256 and refuses a wrong key without showing the value', async () => {
    const file = configFile(secretJob.replace('"base64"', '"aes256"'));
    const output = join(tempDir(), 'encrypted.conf');
    const key = { SLUICE_SHADE_KEY: 'correct horse battery staple' };
    const encrypted = await sluice(['encrypt', file, '-o', output], { env: key });
    assert.equal(encrypted.code, 0, encrypted.stderr);
    assert.doesNotMatch(readFileSync(output, 'utf8'), /seatunnel_password/);
    assert.equal((await sluice(['run', output], { env: key })).code, 0);
    const wrong = await sluice(['run', output], { env: { SLUICE_SHADE_KEY: 'wrong key' } });
    assert.notEqual(wrong.code, 0);
    assert.match(wrong.stderr, /cannot decrypt source\[0\]\.(username|password) with shade 'aes256': wrong key or corrupted value/);
    assert.doesNotMatch(wrong.stderr, /seatunnel|wrong key$/m);
  });

  it('writes the plugin reference with `sluice docs`', async () => {
    const dir = tempDir();
    const result = await sluice(['docs', dir]);
    assert.equal(result.code, 0);
    const pages = readdirSync(dir);
    assert.ok(pages.includes('README.md') && pages.includes('source-FakeSource.md') && pages.includes('sink-LocalFile.md'));
    assert.match(readFileSync(join(dir, 'source-FakeSource.md'), 'utf8'), /\| `row\.num` \| int \| no \| `5` \|/);
  });

  it('answers unknown commands and missing arguments with exit code 2', async () => {
    assert.equal((await sluice(['frobnicate'])).code, 2);
    assert.equal((await sluice(['run'])).code, 2);
    assert.equal((await sluice(['run', '/no/such/job.conf'])).code, 2);
  });
});
