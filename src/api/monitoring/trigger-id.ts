import { randomBytes } from 'node:crypto';

/** Flink's TriggerId: 16 random bytes as 32 lower-case hex characters. */
export function newTriggerId(): string {
  return randomBytes(16).toString('hex');
}

/** A client-supplied trigger id, normalised to lower case; undefined unless it is 32 hex characters. */
export function parseTriggerId(value: unknown): string | undefined {
  return typeof value === 'string' && /^[0-9a-fA-F]{32}$/.test(value) ? value.toLowerCase() : undefined;
}
