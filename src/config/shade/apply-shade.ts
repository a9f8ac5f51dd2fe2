import { errorMessage, SluiceError } from '../../core/errors.js';
import type { ConfigShade } from './config-shade.js';
import { DEFAULT_SENSITIVE_KEYS } from './sensitive-keys.js';

/**
 * The top-level keys of each source and sink block that a shade encrypts: the default sensitive
 * keys, the shade's own and `env.shade.options`. Matched exactly, as SeaTunnel does, so configs
 * encrypted by SeaTunnel decrypt the same here.
 */
export function shadedKeys(shade: ConfigShade, extraKeys: readonly string[]): ReadonlySet<string> {
  return new Set([...DEFAULT_SENSITIVE_KEYS, ...(shade.sensitiveOptions ?? []), ...extraKeys]);
}

/**
 * Encrypts or decrypts the value at `path` (`source[0].password`). Failures become
 * SluiceError('ENCRYPTION') naming the path and shade, never the value or key.
 */
export function applyShade(direction: 'encrypt' | 'decrypt', shade: ConfigShade, value: string, path: string): string {
  try {
    return direction === 'encrypt' ? shade.encrypt(value) : shade.decrypt(value);
  } catch (error) {
    if (error instanceof SluiceError) throw error;
    const reason = direction === 'decrypt' ? 'wrong key or corrupted value' : errorMessage(error);
    throw new SluiceError('ENCRYPTION', `cannot ${direction} ${path} with shade '${shade.identifier}': ${reason}`, { cause: error });
  }
}
