import { isRecord, setOwn } from '../plain-record.js';

/** SeaTunnel's sensitive keys (docs 2.3.9+): encrypted by shades, masked in logs and responses. */
export const DEFAULT_SENSITIVE_KEYS: readonly string[] = ['username', 'password', 'auth', 'token', 'access_key', 'secret_key'];

export const MASK = '******';

/**
 * Whether a key or dotted key path holds a secret, for masking. As SeaTunnel 3.x masks logs: `.`,
 * `_` and `-` are equal (`access.key` is `access_key`), case is ignored, and a path matches when it
 * ends with a sensitive key (`db.password`, `s3.secret-key`).
 */
export function isSensitiveKey(key: string, extraKeys: readonly string[] = []): boolean {
  const normalised = normalise(key);
  return [...DEFAULT_SENSITIVE_KEYS, ...extraKeys].some((sensitive) => {
    const wanted = normalise(sensitive);
    return normalised === wanted || normalised.endsWith(`_${wanted}`);
  });
}

/** A copy of `value` (options, env, a whole config) with every non-null sensitive value replaced by `******`. */
export function maskSensitive(value: unknown, extraKeys: readonly string[] = []): unknown {
  return mask(value, '', extraKeys);
}

function mask(value: unknown, path: string, extraKeys: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => mask(item, path, extraKeys));
  if (!isRecord(value)) return value;
  const masked: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const childPath = path === '' ? key : `${path}.${key}`;
    const secret = child !== null && child !== undefined && isSensitiveKey(childPath, extraKeys);
    setOwn(masked, key, secret ? MASK : mask(child, childPath, extraKeys));
  }
  return masked;
}

function normalise(key: string): string {
  return key.toLowerCase().replace(/[.\-_]/g, '_');
}
