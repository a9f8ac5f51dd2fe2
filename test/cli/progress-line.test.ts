import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import type { JobRun } from '../../src/engine/job-run.js';
import { ProgressLine } from '../../src/cli/progress-line.js';

describe('ProgressLine', () => {
  it('redraws rows read and written with their rates in place, and clears itself', async () => {
    let read = 0;
    const job = { status: 'RUNNING', runningSeconds: 1.5, metrics: { snapshot: () => ({ read, written: read - 10 }) } } as unknown as JobRun;
    const writes: string[] = [];
    const stream = { write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream;
    const line = new ProgressLine(job, stream);
    line.start(20);
    read = 5000;
    await sleep(70);
    line.stop();
    const drawn = writes.filter((text) => text.includes('RUNNING'));
    assert.ok(drawn.length >= 1);
    assert.ok(drawn.at(-1)!.startsWith('\r\x1b[2K'), 'the line is redrawn in place');
    assert.match(drawn.at(-1)!, /RUNNING {2}read 5,000 \(\d[\d,]* rows\/s\) {2}written 4,990 \(\d[\d,]* rows\/s\) {2}1\.5s$/);
    assert.equal(writes.at(-1), '\r\x1b[2K');
  });
});
