import { isRecord } from './plain-record.js';

/** A config value as a problem message shows it: `"ten"`, `5.5`, `a list`, `an object`. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'an object';
  return String(value);
}
