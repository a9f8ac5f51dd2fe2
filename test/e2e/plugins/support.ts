/**
 * Helpers shared by the plugin e2e tests: they read what Console sinks printed, keeping which sink
 * printed each row (test/support/cli.ts's printedRows does not, and splits values on ", ", which
 * arrays and maps contain).
 */

/** One row line a Console sink printed. */
export interface ConsoleLine {
  /** The sink's index in the `sink` block (`[Sink[1]-Console-MultiTableSink]`). */
  sink: number;
  subtask: number;
  rowIndex: number;
  tableId: string;
  kind: string;
  /** Everything after ` : `, as printed. */
  values: string;
}

const ROW_LINE =
  /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO {2}\[pipeline-\d+ \[Sink\[(\d+)\]-Console-MultiTableSink\]\] - subtaskIndex=(\d+) {2}rowIndex=(\d+): {2}SeaTunnelRow#tableId=(\S*) SeaTunnelRow#kind=(\w+) : (.*)$/;

/** Every row line Console sinks printed, in output order. */
export function consoleLines(stdout: string): ConsoleLine[] {
  const out: ConsoleLine[] = [];
  for (const line of stdout.split('\n')) {
    const match = ROW_LINE.exec(line);
    if (match === null) continue;
    out.push({
      sink: Number(match[1]),
      subtask: Number(match[2]),
      rowIndex: Number(match[3]),
      tableId: match[4] as string,
      kind: match[5] as string,
      values: match[6] as string,
    });
  }
  return out;
}

/** `KIND: values` of the rows sink `sink` printed from subtask `subtask`, in order. */
export function rowsOf(stdout: string, sink = 0, subtask = 0): string[] {
  return consoleLines(stdout)
    .filter((line) => line.sink === sink && line.subtask === subtask)
    .map((line) => `${line.kind}: ${line.values}`);
}

/** The `output rowType: ...` texts (after the colon) Console sink `sink` logged, in order. */
export function rowTypes(stdout: string, sink = 0): string[] {
  const pattern = new RegExp(`\\[Sink\\[${sink}\\]-Console-MultiTableSink\\]\\] - output rowType: (.*)$`);
  return stdout.split('\n').flatMap((line) => {
    const match = pattern.exec(line);
    return match === null ? [] : [match[1] as string];
  });
}

/** The config problems of an exit-2 run: the `  - path: message (line l, column c)` lines. */
export function problems(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('  - ')).map((line) => line.slice(4));
}

/**
 * A FakeSource block named `in` with explicit rows: `fields` is the body of `fields { }`, `rows` the
 * rows as `{ kind = ..., fields = [...] }` lines.
 */
export function fakeRows(fields: string, rows: string[], extra = ''): string {
  return `source {
  FakeSource {
    plugin_output = "in"
    schema = { fields { ${fields} } }
    rows = [
      ${rows.join('\n      ')}
    ]
    ${extra}
  }
}`;
}

/** Four rows, one of each kind, with a null in each nullable spot. */
export const PEOPLE_FIELDS = 'id = int, name = string, age = int';
export const PEOPLE_ROWS = [
  '{ kind = INSERT, fields = [1, "Joy Ding", 20] }',
  '{ kind = UPDATE_BEFORE, fields = [2, "a.b.c", null] }',
  '{ kind = UPDATE_AFTER, fields = [2, null, 3] }',
  '{ kind = DELETE, fields = [3, "joy@home, may@work", 4] }',
];
export const PEOPLE = fakeRows(PEOPLE_FIELDS, PEOPLE_ROWS);

/** A job reading PEOPLE through `transform` (a block with plugin_input "in", plugin_output "out") into Console. */
export function peopleJob(transform: string, env = 'job.retry.times = 0'): string {
  return `env { ${env} }
${PEOPLE}
transform {
  ${transform}
}
sink { Console { plugin_input = "out" } }
`;
}
