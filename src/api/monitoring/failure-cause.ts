import type { Static } from 'typebox';
import { errorMessage } from '../../core/errors.js';
import type { SerializedThrowable } from './schemas/common-schemas.js';

/**
 * A failure as Flink's SerializedThrowable carries it, without what Sluice cannot or will not send:
 * Java-serialized bytes and stack frames. `stack-trace` is the first line a Java trace would have.
 */
export function failureCause(error: unknown, fallbackName = 'SluiceError'): Static<typeof SerializedThrowable> {
  const name = error instanceof Error ? error.name : fallbackName;
  return { class: name, 'stack-trace': `${name}: ${errorMessage(error)}` };
}
