import { randomUUID } from 'node:crypto';
import { formatYear, twoDigits } from '../common/temporal-text.js';
import type { TemporalPattern } from './temporal-pattern.js';

/**
 * SeaTunnel's transaction id (AbstractWriteStrategy.getTransactionId):
 * `T_<jobId>_<writer id>_<subtask>_<checkpointId>`. The writer id is random per writer instance
 * (SeaTunnel's uuidPrefix), so a restored or rescaled job never reuses a committed name.
 */
export function transactionId(jobId: string, writerId: string, subtaskIndex: number, checkpointId: number): string {
  return `T_${jobId}_${writerId}_${subtaskIndex}_${checkpointId}`;
}

/**
 * A file name as AbstractWriteStrategy.generateFileName builds it: the expression with
 * `${transactionId}`, `${now}` (also `${<filename_time_format>}`) and `${uuid}` replaced, then
 * `_<part>` and the extension.
 */
export function fileName(expression: string, timeFormat: TemporalPattern, transaction: string, part: number, extension: string, now: Date): string {
  const time = formatNow(now, timeFormat);
  const name = expression
    .replaceAll('${transactionId}', transaction)
    .replaceAll('${now}', time)
    .replaceAll(`\${${timeFormat.text}}`, time)
    .replaceAll('${uuid}', () => randomUUID());
  return `${name}_${part}${extension}`;
}

/** Local wall-clock time in a filename_time_format pattern. */
export function formatNow(now: Date, pattern: TemporalPattern): string {
  let out = '';
  for (const token of pattern.tokens) {
    switch (token.kind) {
      case 'literal':
        out += token.text;
        break;
      case 'year':
        out += token.width === 2 ? twoDigits(now.getFullYear() % 100) : formatYear(now.getFullYear());
        break;
      case 'fraction':
        out += String(now.getMilliseconds()).padStart(3, '0').padEnd(token.width, '0').slice(0, token.width);
        break;
      default: {
        const value = { month: now.getMonth() + 1, day: now.getDate(), hour: now.getHours(), minute: now.getMinutes(), second: now.getSeconds() }[token.kind];
        out += token.width === 1 ? String(value) : twoDigits(value);
      }
    }
  }
  return out;
}
