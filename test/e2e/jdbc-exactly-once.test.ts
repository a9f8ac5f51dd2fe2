import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import { CLI, configFile, runJob, tempDir } from '../support/cli.js';
import { mariadb, postgres, uniqueTable, type Database } from '../connectors/jdbc/databases.js';

/**
 * Exactly-once Jdbc output through crashes: a STREAMING job with checkpoints writes reproducible
 * rows (FakeSource `seed`) into a table without keys, so a repeated row would show. The process is
 * SIGKILLed between checkpoints again and again and restored with --restore; the committed rows
 * must never repeat, and in the end equal an uninterrupted run's, by content.
 */
const TOTAL = 2 * 400;
const SOURCE = `FakeSource { seed = 5, row.num = 400, split.num = 16, split.read-interval = 400, schema = { fields { id = bigint, name = string, score = double } } }`;

function job(db: Database, table: string, mode: 'BATCH' | 'STREAMING', exactlyOnce: boolean): string {
  return `env { job.mode = "${mode}", parallelism = 2, checkpoint.interval = 250 }
source { ${SOURCE} }
sink { Jdbc {
    ${db.connection}
    table = "${db.kind === 'postgresql' ? 'public.' : ''}${table}"
    is_exactly_once = ${exactlyOnce}
    batch_size = 50
} }`;
}

async function committed(db: Database, table: string): Promise<string[]> {
  try {
    const rows = await db.query<{ id: unknown; name: unknown; score: unknown }>(`SELECT id, name, score FROM ${table}`);
    return rows.map((r) => `${String(r.id)}|${String(r.name)}|${String(r.score)}`).sort();
  } catch {
    return [];
  }
}

function hasCheckpoint(dataDir: string, jobId: string): boolean {
  const dir = join(dataDir, 'checkpoints', jobId);
  return existsSync(dir) && readdirSync(dir).some((name) => /^(checkpoint|savepoint)-\d+\.json$/.test(name));
}

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

for (const open of [mariadb, postgres]) {
  describe(`exactly-once Jdbc output on ${open === postgres ? 'PostgreSQL (prepared transactions)' : 'MariaDB (XA)'}`, () => {
    let db: Database | undefined;
    const tables: string[] = [];
    before(async (t) => {
      db = await open(t as unknown as TestContext);
      if (db?.kind === 'postgresql') {
        const [row] = await db.query<{ max_prepared_transactions: string }>('SHOW max_prepared_transactions');
        if (Number(row!.max_prepared_transactions) === 0) {
          const reason = 'max_prepared_transactions = 0 on the PostgreSQL test server (.ci/start-services raises it); point SLUICE_TEST_PG_URL at a server with prepared transactions';
          if (process.env['SLUICE_REQUIRE_SERVICES'] === '1') throw new Error(`SLUICE_REQUIRE_SERVICES=1 but ${reason}`);
          console.warn(`\n*** SKIPPED: PostgreSQL exactly-once: ${reason} ***\n`);
          await db.close();
          db = undefined;
        }
      }
    });
    after(async () => {
      for (const table of tables) await db?.query(`DROP TABLE IF EXISTS ${table}`);
      await db?.close();
    });

    it('commits every row exactly once through repeated SIGKILLs and restores', async (t) => {
      if (db === undefined) {
        t.skip('database unavailable or without two-phase commit');
        return;
      }
      const d = db;
      const reference = uniqueTable('eo_ref');
      const table = uniqueTable('eo_out');
      tables.push(reference, table);
      const batch = await runJob(job(d, reference, 'BATCH', false));
      assert.equal(batch.code, 0, batch.stderr);
      const want = await committed(d, reference);
      assert.equal(want.length, TOTAL);
      assert.equal(new Set(want).size, TOTAL, 'seeded rows are distinct');

      const dataDir = tempDir();
      const file = configFile(job(d, table, 'STREAMING', true));
      const jobId = String(7_000_000 + Math.floor(Math.random() * 1_000_000));
      const args = (): string[] => [...(hasCheckpoint(dataDir, jobId) ? ['--restore', jobId] : ['--job-id', jobId]), '--data-dir', dataDir];
      let kills = 0;
      for (let round = 0; round < 6; round++) {
        const child = spawn(process.execPath, [CLI, 'run', file, ...args()], { stdio: 'ignore' });
        await sleep(500 + Math.floor(Math.random() * 700));
        child.kill('SIGKILL');
        await new Promise((resolve) => child.once('exit', resolve));
        kills++;
        const lines = await committed(d, table);
        assert.equal(new Set(lines).size, lines.length, `round ${round}: a row was committed twice`);
        assert.ok(lines.every((line) => want.includes(line)), `round ${round}: a row that the source never produced`);
      }
      const before = (await committed(d, table)).length;
      assert.ok(before < TOTAL, `the kills came too late to test anything (${before} rows committed)`);
      // The last run goes on until everything is committed, then stops with a savepoint.
      const child = spawn(process.execPath, [CLI, 'run', file, ...args()], { stdio: 'ignore' });
      await waitFor(async () => (await committed(d, table)).length >= TOTAL, 'all rows committed');
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('exit', resolve));
      assert.deepEqual(await committed(d, table), want);
      assert.equal(kills, 6);
      // Nothing of this job is left prepared.
      const prepared = d.kind === 'postgresql' ? await d.query(`SELECT gid FROM pg_prepared_xacts WHERE gid LIKE 'sluice_${jobId}_%'`) : (await d.query<{ data: string }>('XA RECOVER')).filter((row) => String(row.data).startsWith(`sluice_${jobId}_`));
      assert.deepEqual(prepared, []);
    });
  });
}
