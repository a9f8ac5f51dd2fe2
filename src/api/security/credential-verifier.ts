import { createHash, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { StoredSecret } from './security-settings.js';

/**
 * Checks a presented secret against a stored one in constant time: both sides are reduced to
 * digests of equal length before `timingSafeEqual`, so neither the content nor the length of the
 * stored secret leaks through timing. Plain secrets are kept only as their SHA-256 digest.
 */
export interface SecretVerifier {
  verify(presented: string): Promise<boolean>;
  /** scrypt: worth caching a success (each check costs tens of milliseconds on the thread pool). */
  readonly slow: boolean;
}

/** scrypt's cost defaults, Node's own (N=16384, r=8, p=1). */
const SCRYPT_DEFAULTS = { N: 16384, r: 8, p: 1 };

/** The SHA-256 digest of a text (UTF-8). */
export function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Why a stored hash cannot be used, or undefined when it can. Accepted forms: `sha256:<64 hex>`
 * (the SHA-256 of the secret), `scrypt:<salt>:<key>` (Node's default costs) and
 * `scrypt:<N>:<r>:<p>:<salt>:<key>`, salt and key in base64. `allowSlow: false` refuses scrypt.
 */
export function hashFormatProblem(text: string, allowSlow = true): string | undefined {
  try {
    verifierOf({ kind: 'hash', value: text }, allowSlow);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Throws Error with a message naming the accepted forms when a hash is malformed. */
export function verifierOf(secret: StoredSecret, allowSlow = true): SecretVerifier {
  if (secret.kind === 'plain') return digestVerifier(sha256(secret.value));
  const [algorithm, ...parts] = secret.value.split(':');
  if (algorithm === 'sha256') {
    const hex = parts.join(':');
    if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('a sha256 hash is written sha256:<64 hex digits>');
    return digestVerifier(Buffer.from(hex, 'hex'));
  }
  if (algorithm === 'scrypt') {
    if (!allowSlow) throw new Error('use sha256:<hex> here: tokens are random, and a slow hash would slow every request');
    const costs = parts.length === 5 ? { N: Number(parts[0]), r: Number(parts[1]), p: Number(parts[2]) } : parts.length === 2 ? SCRYPT_DEFAULTS : undefined;
    const [salt, key] = parts.slice(-2).map((part) => Buffer.from(part, 'base64'));
    if (costs === undefined || !Object.values(costs).every((n) => Number.isInteger(n) && n > 0) || salt!.length < 8 || key!.length < 16) {
      throw new Error('a scrypt hash is written scrypt:<salt>:<key> or scrypt:<N>:<r>:<p>:<salt>:<key> (base64; salt of 8 bytes or more, key of 16 or more)');
    }
    return scryptVerifier(costs, salt!, key!);
  }
  throw new Error('a hash starts with sha256: or scrypt:');
}

function digestVerifier(digest: Buffer): SecretVerifier {
  return {
    slow: false,
    verify: async (presented) => digest.length === 32 && timingSafeEqual(sha256(presented), digest),
  };
}

function scryptVerifier(costs: { N: number; r: number; p: number }, salt: Buffer, key: Buffer): SecretVerifier {
  const options: ScryptOptions = { ...costs, maxmem: 256 * costs.N * costs.r * costs.p + 1024 * 1024 };
  return {
    slow: true,
    verify: (presented) =>
      new Promise((resolve) => {
        // The async form runs on libuv's pool: a login attempt never blocks the event loop.
        scrypt(presented, salt, key.length, options, (error, derived) => resolve(error === null && timingSafeEqual(derived, key)));
      }),
  };
}
