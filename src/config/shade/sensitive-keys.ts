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
    setOwn(masked, key, secret ? MASK : typeof child === 'string' ? maskUrlSecrets(child, extraKeys) : mask(child, childPath, extraKeys));
  }
  return masked;
}

/** The password of `scheme://user:password@host`. */
const URL_PASSWORD = /(\/\/[^\s/?#@:]*:)([^\s/?#@]+)@/g;
/** `?key=value`, `&key=value` and `;key=value` parameters of a url. */
const URL_PARAMETER = /([?&;])([\w.-]+)=([^&;#\s]*)/g;

/** The credentials a url carries (user info password, sensitive query parameters). */
export function urlSecrets(text: string, extraKeys: readonly string[] = []): string[] {
  if (!text.includes('://')) return [];
  const found = [...text.matchAll(URL_PASSWORD)].map((match) => match[2]!);
  for (const match of text.matchAll(URL_PARAMETER)) if (match[3] !== '' && isSensitiveKey(match[2]!, extraKeys)) found.push(match[3]!);
  return found;
}

/**
 * A url with its credentials masked: the password of its user info and every sensitive query
 * parameter (`jdbc:mysql://host/db?user=u&password=secret`). Other text is returned unchanged.
 */
export function maskUrlSecrets(text: string, extraKeys: readonly string[] = []): string {
  if (!text.includes('://')) return text;
  return text
    .replace(URL_PASSWORD, `$1${MASK}@`)
    .replace(URL_PARAMETER, (whole, separator: string, key: string) => (isSensitiveKey(key, extraKeys) ? `${separator}${key}=${MASK}` : whole));
}

function normalise(key: string): string {
  return key.toLowerCase().replace(/[.\-_]/g, '_');
}
