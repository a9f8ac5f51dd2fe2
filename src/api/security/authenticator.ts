import { timingSafeEqual } from 'node:crypto';
import { sha256, verifierOf, type SecretVerifier } from './credential-verifier.js';
import type { AuthSettings, Permission } from './security-settings.js';

export type AuthScheme = 'basic' | 'bearer';

/** Who a request authenticated as: a user or a token name (never the secret). */
export interface Principal {
  name: string;
  scheme: AuthScheme;
  permission: Permission;
}

export type AuthOutcome = { principal: Principal } | { failure: 'missing' | 'malformed' | 'invalid'; scheme?: AuthScheme };

/** Successful slow (scrypt) checks remembered, keyed by a digest of the header (never the header). */
const CACHE_SIZE = 1024;
const CACHE_TTL_MS = 5 * 60_000;

interface User {
  name: string;
  nameDigest: Buffer;
  password: SecretVerifier;
  permission: Permission;
}

interface Token {
  name: string;
  token: SecretVerifier;
  permission: Permission;
}

/**
 * Checks `Authorization` headers against the users and tokens of `rest.auth`. Every comparison is
 * constant-time, an unknown user costs as much as a wrong password (the first user's check runs
 * with the result ignored), and every token is compared, not just up to the first match. Nothing
 * here logs or returns a secret. The settings are fixed for the server's life.
 */
export class Authenticator {
  private readonly users: User[];
  private readonly tokens: Token[];
  private readonly cache = new Map<string, { principal: Principal; expires: number }>();

  constructor(settings: AuthSettings) {
    this.users = settings.users.map((user) => ({ name: user.username, nameDigest: sha256(user.username), password: verifierOf(user.password), permission: user.permission }));
    this.tokens = settings.tokens.map((token) => ({ name: token.name, token: verifierOf(token.token, false), permission: token.permission }));
  }

  get schemes(): AuthScheme[] {
    return [...(this.users.length > 0 ? (['basic'] as const) : []), ...(this.tokens.length > 0 ? (['bearer'] as const) : [])];
  }

  async authenticate(header: string | undefined): Promise<AuthOutcome> {
    if (header === undefined || header.trim() === '') return { failure: 'missing' };
    const space = header.indexOf(' ');
    const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
    const value = space < 0 ? '' : header.slice(space + 1).trim();
    if (scheme === 'basic') return this.basic(header, value);
    if (scheme === 'bearer') return this.bearer(value);
    return { failure: 'malformed' };
  }

  private async basic(header: string, value: string): Promise<AuthOutcome> {
    if (this.users.length === 0) return { failure: 'invalid', scheme: 'basic' };
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return { failure: 'malformed', scheme: 'basic' };
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { failure: 'malformed', scheme: 'basic' };
    const cacheKey = sha256(header).toString('base64');
    const cached = this.cache.get(cacheKey);
    if (cached !== undefined && cached.expires > Date.now()) return { principal: cached.principal };

    const nameDigest = sha256(decoded.slice(0, colon));
    let user: User | undefined;
    for (const candidate of this.users) {
      if (timingSafeEqual(candidate.nameDigest, nameDigest) && user === undefined) user = candidate;
    }
    const password = decoded.slice(colon + 1);
    const verified = await (user ?? this.users[0]!).password.verify(password);
    if (user === undefined || !verified) return { failure: 'invalid', scheme: 'basic' };
    const principal: Principal = { name: user.name, scheme: 'basic', permission: user.permission };
    if (user.password.slow) this.remember(cacheKey, principal);
    return { principal };
  }

  private async bearer(value: string): Promise<AuthOutcome> {
    if (this.tokens.length === 0) return { failure: 'invalid', scheme: 'bearer' };
    if (value === '' || value.includes(' ')) return { failure: 'malformed', scheme: 'bearer' };
    let match: Token | undefined;
    for (const token of this.tokens) {
      if ((await token.token.verify(value)) && match === undefined) match = token;
    }
    return match === undefined ? { failure: 'invalid', scheme: 'bearer' } : { principal: { name: match.name, scheme: 'bearer', permission: match.permission } };
  }

  private remember(key: string, principal: Principal): void {
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { principal, expires: Date.now() + CACHE_TTL_MS });
  }
}
