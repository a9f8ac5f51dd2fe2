/**
 * bench/db — Sluice's Jdbc connector against the tools users would otherwise reach for, each
 * figure beside its baseline from the same run, N rows (default 1 million) of 6 mixed columns
 * (bigint, varchar, decimal(12,2), double, timestamp, boolean):
 *
 * | Sluice job                                   | baseline                                         | target          |
 * |----------------------------------------------|--------------------------------------------------|-----------------|
 * | CSV file -> PostgreSQL (LocalFile -> Jdbc)   | psql \copy                                       | >= 0.8          |
 * | CSV file -> PostgreSQL                       | pgloader (LOAD CSV)                              | >= 1.5x faster  |
 * | PostgreSQL -> PostgreSQL (Jdbc -> Jdbc)      | psql -c "COPY .. TO STDOUT" | psql -c "COPY .. FROM STDIN" | >= 0.8 |
 * | MySQL -> PostgreSQL (Jdbc -> Jdbc)           | pgloader (LOAD DATABASE, data only)              | >= 1.5x faster  |
 *
 * Every run loads into an empty table with a primary key; row counts are checked after each.
 * Times are process wall times (Sluice's includes Node start-up); the peak memory of each Sluice
 * run is the process's maxRSS (all worker threads), read through process.resourceUsage().
 *
 *   npm run bench:db [rows]
 *   env: SLUICE_BENCH_PG_URL (postgresql://postgres@127.0.0.1:5432/test), SLUICE_BENCH_MYSQL_URL (mysql://root@127.0.0.1:3306/test)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const REPEAT = 5;
const CLI = fileURLToPath(new URL('../bin/sluice.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-db-'));
const pg = new URL(process.env['SLUICE_BENCH_PG_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/test');
const my = new URL(process.env['SLUICE_BENCH_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test');
const pgDb = pg.pathname.slice(1);
const myDb = my.pathname.slice(1);
const pgJdbc = `jdbc:postgresql://${pg.hostname}:${pg.port || 5432}/${pgDb}`;
const myJdbc = `jdbc:mysql://${my.hostname}:${my.port || 3306}/${myDb}`;
const pgArgs = ['-h', pg.hostname, '-p', pg.port || '5432', '-U', decodeURIComponent(pg.username), '-d', pgDb, '-v', 'ON_ERROR_STOP=1', '-q'];
const myArgs = ['-h', my.hostname, '-P', my.port || '3306', `-u${decodeURIComponent(my.username)}`, ...(my.password ? [`-p${decodeURIComponent(my.password)}`] : []), myDb];
const pgEnv = { ...process.env, ...(pg.password ? { PGPASSWORD: decodeURIComponent(pg.password) } : {}) };

const COLUMNS_PG = 'id bigint PRIMARY KEY, name varchar(64), amount numeric(12,2), score double precision, created timestamp(6), flag boolean';
const COLUMNS_MY = 'id bigint PRIMARY KEY, name varchar(64), amount decimal(12,2), score double, created datetime(6), flag tinyint(1)';

function run(command: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; shell?: boolean } = {}): { seconds: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', input: options.input, env: options.env ?? pgEnv, shell: options.shell ?? false, maxBuffer: 64 << 20 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return { seconds, stdout: result.stdout };
}

const psql = (sql: string): string => run('psql', [...pgArgs, '-Atc', sql]).stdout.trim();
const mysql = (sql: string): string => run('mysql', ['-N', '--local-infile=1', ...myArgs, '-e', sql]).stdout.trim();
const has = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

/** Deterministic rows: every 100th name holds a comma (a quoted CSV field). */
async function writeCsv(file: string): Promise<void> {
  const out = createWriteStream(file);
  let seed = 42;
  const random = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  let chunk = '';
  for (let i = 1; i <= ROWS; i++) {
    let name = '';
    const length = 8 + Math.floor(random() * 16);
    for (let j = 0; j < length; j++) name += String.fromCharCode(97 + Math.floor(random() * 26));
    if (i % 100 === 0) name = `"${name}, inc"`;
    const created = new Date(1.6e12 + Math.floor(random() * 1e11)).toISOString().replace('T', ' ').replace('Z', '');
    chunk += `${i},${name},${(random() * 1e6).toFixed(2)},${random() * 1000},${created},${random() < 0.5}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  await new Promise<void>((resolve) => out.end(chunk, () => resolve()));
}

interface SluiceRun {
  wall: number;
  job: number;
  maxRssMb: number;
}

/** Runs a job through the CLI; maxRSS comes from a preloaded module that reports it at exit. */
function sluice(name: string, config: string): SluiceRun {
  const file = join(dir, `${name}.conf`);
  writeFileSync(file, config);
  const rusage = join(dir, `${name}.rss`);
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', RSS_HOOK, CLI, 'run', file], { encoding: 'utf8', env: { ...pgEnv, SLUICE_BENCH_RSS: rusage }, maxBuffer: 64 << 20 });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`sluice run ${name} failed:\n${result.stdout}\n${result.stderr}`);
  const stamp = (pattern: RegExp): number => {
    const match = new RegExp(`^(\\S+ \\S+),(\\d{3}) .*${pattern.source}`, 'm').exec(result.stdout);
    if (match === null) throw new Error(`no ${pattern} line in:\n${result.stdout}`);
    return Date.parse(match[1]!.replace(' ', 'T')) + Number(match[2]);
  };
  return { wall, job: (stamp(/ended with state/) - stamp(/\) started:/)) / 1000, maxRssMb: Number(readFileSync(rusage, 'utf8')) / 1024 };
}

const RSS_HOOK = join(dir, 'rss-hook.mjs');
writeFileSync(RSS_HOOK, `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { if (process.env.SLUICE_BENCH_RSS) writeFileSync(process.env.SLUICE_BENCH_RSS, String(process.resourceUsage().maxRSS)); });\n`);

const median = <T>(values: T[], key: (v: T) => number): T => [...values].sort((a, b) => key(a) - key(b))[Math.floor(values.length / 2)]!;

/**
 * Runs the Sluice job and its baseline in turns, REPEAT times each, so a slow spell of the machine
 * (or of the database's background work) hits both; every run starts after a CHECKPOINT, with the
 * target table empty. Returns the median run of each.
 */
function compare(what: string, runSluice: () => SluiceRun, runBaseline: () => number): { ours: SluiceRun; baseline: number } {
  const ours: SluiceRun[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    psql('CHECKPOINT');
    ours.push(runSluice());
    psql('CHECKPOINT');
    baseline.push(runBaseline());
  }
  const list = (values: number[]): string => values.map((v) => v.toFixed(2)).join(' ');
  spreads.push(`${what}: sluice ${list(ours.map((r) => r.wall))} s; baseline ${list(baseline)} s; ratios ${list(ours.map((r, i) => baseline[i]! / r.wall))}`);
  return { ours: median(ours, (r) => r.wall), baseline: median(baseline, (s) => s) };
}

/** Every run of each comparison, in the order taken, printed after the table. */
const spreads: string[] = [];
const rate = (seconds: number): string => `${Math.round(ROWS / seconds).toLocaleString('en-US')} rows/s (${seconds.toFixed(2)} s)`;

function checkCount(table: string): void {
  const count = Number(psql(`SELECT count(*) FROM ${table}`));
  if (count !== ROWS) throw new Error(`${table} has ${count} rows, expected ${ROWS}`);
}

const pgConnection = `url = "${pgJdbc}", user = "${decodeURIComponent(pg.username)}"${pg.password ? `, password = "${decodeURIComponent(pg.password)}"` : ''}`;
const myConnection = `url = "${myJdbc}", user = "${decodeURIComponent(my.username)}"${my.password ? `, password = "${decodeURIComponent(my.password)}"` : ''}`;

// ---- setup ------------------------------------------------------------------------------------
const csv = join(dir, 'rows.csv');
console.error(`bench/db: writing ${ROWS.toLocaleString('en-US')} rows to ${csv}`);
await writeCsv(csv);
psql(`DROP TABLE IF EXISTS bench_csv, bench_src, bench_dst, bench_my; CREATE TABLE bench_csv (${COLUMNS_PG}); CREATE TABLE bench_src (${COLUMNS_PG}); CREATE TABLE bench_dst (${COLUMNS_PG}); CREATE TABLE bench_my (${COLUMNS_PG})`);
run('psql', [...pgArgs, '-c', `\\copy bench_src FROM '${csv}' WITH (FORMAT csv)`, '-c', 'VACUUM ANALYZE bench_src']);
mysql(`DROP TABLE IF EXISTS bench_my; CREATE TABLE bench_my (${COLUMNS_MY}); LOAD DATA LOCAL INFILE '${csv}' INTO TABLE bench_my FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"' (id, name, amount, score, created, @flag) SET flag = (@flag = 'true'); ANALYZE TABLE bench_my`);
const pgloader = has('pgloader');

// ---- CSV -> PostgreSQL ------------------------------------------------------------------------
const csvJob = `env { parallelism = 1, job.mode = "BATCH" }
source { LocalFile {
  path = "${csv}"
  file_format_type = "csv"
  datetime_format = "yyyy-MM-dd HH:mm:ss.SSS"
  schema = { fields { id = bigint, name = string, amount = "decimal(12, 2)", score = double, created = timestamp, flag = boolean } }
} }
sink { Jdbc { ${pgConnection}, table = "public.bench_csv", data_save_mode = "DROP_DATA", batch_size = 50000 } }`;
const { ours: csvSluice, baseline: csvCopy } = compare(
  'CSV -> PostgreSQL vs psql \\copy',
  () => {
    const r = sluice('csv', csvJob);
    checkCount('bench_csv');
    return r;
  },
  () => {
    psql('TRUNCATE bench_csv');
    const r = run('psql', [...pgArgs, '-c', `\\copy bench_csv FROM '${csv}' WITH (FORMAT csv)`]).seconds;
    checkCount('bench_csv');
    return r;
  },
);
let csvPgloader: number | undefined;
if (pgloader) {
  const load = join(dir, 'csv.load');
  writeFileSync(load, `LOAD CSV FROM '${csv}' (id, name, amount, score, created, flag)
  INTO ${pg.href.replace(/\/[^/]*$/, `/${pgDb}`)}?tablename=bench_csv (id, name, amount, score, created, flag)
  WITH truncate, fields terminated by ',', fields optionally enclosed by '"';\n`);
  csvPgloader = run('pgloader', ['--no-ssl-cert-verification', load]).seconds;
  checkCount('bench_csv');
}

// ---- PostgreSQL -> PostgreSQL -----------------------------------------------------------------
const pgJob = `env { parallelism = 1, job.mode = "BATCH" }
source { Jdbc { ${pgConnection}, table_path = "public.bench_src", split.size = 50000 } }
sink { Jdbc { ${pgConnection}, table = "public.bench_dst", data_save_mode = "DROP_DATA", batch_size = 50000 } }`;
const quoted = (args: string[]): string => args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
const { ours: pgSluice, baseline: pgPipe } = compare(
  'PostgreSQL -> PostgreSQL vs psql COPY pipe',
  () => {
    const r = sluice('pg', pgJob);
    checkCount('bench_dst');
    return r;
  },
  () => {
    psql('TRUNCATE bench_dst');
    const r = run('sh', ['-c', `psql ${quoted(pgArgs)} -c 'COPY bench_src TO STDOUT' | psql ${quoted(pgArgs)} -c 'COPY bench_dst FROM STDIN'`]).seconds;
    checkCount('bench_dst');
    return r;
  },
);

// ---- MySQL -> PostgreSQL ----------------------------------------------------------------------
const myJob = `env { parallelism = 1, job.mode = "BATCH" }
source { Jdbc { ${myConnection}, table_path = "${myDb}.bench_my", split.size = 50000 } }
sink { Jdbc { ${pgConnection}, table = "public.bench_my", data_save_mode = "DROP_DATA", batch_size = 50000 } }`;
const runMy = (): SluiceRun => {
  const r = sluice('my', myJob);
  checkCount('bench_my');
  return r;
};
let mySluice: SluiceRun;
let myPgloader: number | undefined;
if (pgloader) {
  const load = join(dir, 'my.load');
  writeFileSync(load, `LOAD DATABASE FROM ${my.href} INTO ${pg.href}
  WITH data only, truncate
  INCLUDING ONLY TABLE NAMES MATCHING 'bench_my'
  ALTER SCHEMA '${myDb}' RENAME TO 'public';\n`);
  ({ ours: mySluice, baseline: myPgloader } = compare('MySQL -> PostgreSQL vs pgloader', runMy, () => {
    const r = run('pgloader', ['--no-ssl-cert-verification', load]).seconds;
    checkCount('bench_my');
    return r;
  }));
} else {
  mySluice = median(Array.from({ length: REPEAT }, runMy), (r) => r.wall);
}

psql('DROP TABLE IF EXISTS bench_csv, bench_src, bench_dst, bench_my');
mysql('DROP TABLE IF EXISTS bench_my');

// ---- report -----------------------------------------------------------------------------------
const ratio = (baseline: number, ours: number): string => (baseline / ours).toFixed(2);
const mem = (r: SluiceRun): string => `${Math.round(r.maxRssMb)} MB`;
const lines = [
  `bench/db: ${ROWS.toLocaleString('en-US')} rows of (bigint, varchar, decimal(12,2), double, timestamp, boolean), Node ${process.version}, median of ${REPEAT} runs taken in turns with the baseline's (pgloader CSV: 1 run)`,
  '',
  '| measurement | sluice (wall) | sluice job time | sluice peak RSS | baseline (wall) | ratio | target |',
  '|---|---|---|---|---|---|---|',
  `| CSV -> PostgreSQL vs psql \\copy | ${rate(csvSluice.wall)} | ${csvSluice.job.toFixed(2)} s | ${mem(csvSluice)} | ${rate(csvCopy)} | ${ratio(csvCopy, csvSluice.wall)} | >= 0.80 |`,
  `| CSV -> PostgreSQL vs pgloader | ${rate(csvSluice.wall)} | ${csvSluice.job.toFixed(2)} s | ${mem(csvSluice)} | ${csvPgloader === undefined ? 'pgloader not installed' : rate(csvPgloader)} | ${csvPgloader === undefined ? '-' : `${ratio(csvPgloader, csvSluice.wall)}x`} | >= 1.5x |`,
  `| PostgreSQL -> PostgreSQL vs psql COPY pipe | ${rate(pgSluice.wall)} | ${pgSluice.job.toFixed(2)} s | ${mem(pgSluice)} | ${rate(pgPipe)} | ${ratio(pgPipe, pgSluice.wall)} | >= 0.80 |`,
  `| MySQL -> PostgreSQL vs pgloader | ${rate(mySluice.wall)} | ${mySluice.job.toFixed(2)} s | ${mem(mySluice)} | ${myPgloader === undefined ? 'pgloader not installed' : rate(myPgloader)} | ${myPgloader === undefined ? '-' : `${ratio(myPgloader, mySluice.wall)}x`} | >= 1.5x |`,
];
console.log([...lines, '', 'Every run (wall seconds, in the order taken; each ratio pairs a Sluice run with the baseline run after it):', ...spreads.map((line) => `- ${line}`)].join('\n'));
