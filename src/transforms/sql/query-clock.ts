import { formatDateValue, formatTimestampValue, formatTimeValue, localParts, type DateTimeParts } from './temporal.js';

/**
 * The current time for NOW(), CURRENT_DATE, CURRENT_TIME and CURRENT_TIMESTAMP: read once per
 * batch, so every row of a batch sees the same instant (as a database statement does) and the
 * clock is not read per row. Local wall-clock time, as SeaTunnel's LocalDateTime.now().
 */
export class QueryClock {
  private parts: DateTimeParts | undefined;
  private texts: { timestamp?: string; date?: string; time?: string } = {};

  /** Forgets the instant: the next read takes a new one. Called at the start of every batch. */
  tick(): void {
    this.parts = undefined;
    this.texts = {};
  }

  timestamp(): string {
    return (this.texts.timestamp ??= formatTimestampValue(this.now()));
  }

  date(): string {
    return (this.texts.date ??= formatDateValue(this.now()));
  }

  time(): string {
    return (this.texts.time ??= formatTimeValue(this.now()));
  }

  private now(): DateTimeParts {
    return (this.parts ??= localParts(new Date()));
  }
}
