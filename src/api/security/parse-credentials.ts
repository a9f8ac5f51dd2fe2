import { hashFormatProblem } from './credential-verifier.js';
import type { BasicUser, BearerToken, Permission, StoredSecret } from './security-settings.js';

/** A checked list, or every problem found in it (each prefixed with its index, `[1].password: …`). */
export type Parsed<T> = { value: T } | { problems: string[] };

const MIN_TOKEN_LENGTH = 16;

/**
 * `rest.auth.basic.users`: a list of `{username, password | password-hash, permission}`.
 * Permission defaults to read; a username may not hold `:` (Basic cannot carry it).
 */
export function parseUsers(value: unknown): Parsed<BasicUser[]> {
  return parseList(value, ['username', 'password', 'password-hash', 'permission'], (entry, problem) => {
    const username = entry.username;
    if (typeof username !== 'string' || username === '') problem('username', 'expected a non-empty string');
    else if (username.includes(':')) problem('username', 'may not contain ":" (HTTP Basic separates username and password with it)');
    const password = secretOf(entry, 'password', problem, true);
    const permission = permissionOf(entry.permission, problem);
    return typeof username === 'string' && password !== undefined && permission !== undefined ? { username, password, permission } : undefined;
  }, (users) => duplicates(users.map((user) => user.username), 'username'));
}

/** `rest.auth.bearer.tokens`: a list of `{name, token | token-hash, permission}`; hashes are sha256 only. */
export function parseTokens(value: unknown): Parsed<BearerToken[]> {
  return parseList(value, ['name', 'token', 'token-hash', 'permission'], (entry, problem, index) => {
    const name = entry.name ?? `token-${index + 1}`;
    if (typeof name !== 'string' || name === '') problem('name', 'expected a non-empty string');
    const token = secretOf(entry, 'token', problem, false);
    if (token?.kind === 'plain' && (token.value.length < MIN_TOKEN_LENGTH || /\s/.test(token.value))) problem('token', `expected at least ${MIN_TOKEN_LENGTH} characters without spaces (use a random one: openssl rand -hex 32)`);
    const permission = permissionOf(entry.permission, problem);
    return typeof name === 'string' && token !== undefined && permission !== undefined ? { name, token, permission } : undefined;
  }, (tokens) => duplicates(tokens.map((token) => token.name), 'name'));
}

/** `rest.cors.allowed-origins`: a list of origins (`https://host[:port]`) or `*`; one string is a list of one. */
export function parseOrigins(value: unknown): Parsed<string[]> {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list)) return { problems: [`expected a list of origins, got ${JSON.stringify(value)}`] };
  const problems: string[] = [];
  list.forEach((origin, index) => {
    if (typeof origin !== 'string' || !(origin === '*' || /^https?:\/\/[^/\s]+\/?$/i.test(origin))) problems.push(`[${index}]: expected * or an origin such as https://ops.example.com, got ${JSON.stringify(origin)}`);
  });
  return problems.length > 0 ? { problems } : { value: list as string[] };
}

type Problem = (field: string, message: string) => void;

function parseList<T>(value: unknown, fields: string[], parse: (entry: Record<string, unknown>, problem: Problem, index: number) => T | undefined, whole: (items: T[]) => string[]): Parsed<T[]> {
  if (!Array.isArray(value)) return { problems: [`expected a list, got ${JSON.stringify(typeof value === 'string' ? '<text>' : typeof value)}`] };
  const problems: string[] = [];
  const items: T[] = [];
  value.forEach((entry, index) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`[${index}]: expected an object with ${fields.join(', ')}`);
      return;
    }
    const problem: Problem = (field, message) => problems.push(`[${index}].${field}: ${message}`);
    for (const key of Object.keys(entry)) if (!fields.includes(key)) problem(key, `unknown field; expected ${fields.join(', ')}`);
    const item = parse(entry as Record<string, unknown>, problem, index);
    if (item !== undefined) items.push(item);
  });
  if (problems.length === 0) problems.push(...whole(items));
  return problems.length > 0 ? { problems } : { value: items };
}

/** `<field>` (plain text) or `<field>-hash`, exactly one. Values are never echoed in messages. */
function secretOf(entry: Record<string, unknown>, field: string, problem: Problem, allowSlow: boolean): StoredSecret | undefined {
  const plain = entry[field];
  const hash = entry[`${field}-hash`];
  if ((plain === undefined) === (hash === undefined)) {
    problem(field, `give either ${field} or ${field}-hash`);
    return undefined;
  }
  const given = plain ?? hash;
  const key = plain === undefined ? `${field}-hash` : field;
  if (typeof given !== 'string' || given === '') {
    problem(key, 'expected a non-empty string (quote it in YAML)');
    return undefined;
  }
  if (plain !== undefined) return { kind: 'plain', value: given };
  const formatProblem = hashFormatProblem(given, allowSlow);
  if (formatProblem !== undefined) {
    problem(key, formatProblem);
    return undefined;
  }
  return { kind: 'hash', value: given };
}

function permissionOf(value: unknown, problem: Problem): Permission | undefined {
  if (value === undefined) return 'read';
  const text = typeof value === 'string' ? value.toLowerCase() : '';
  if (text === 'read' || text === 'write') return text;
  problem('permission', `expected read or write, got ${JSON.stringify(value)}`);
  return undefined;
}

function duplicates(names: string[], field: string): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const name of names) {
    if (seen.has(name)) problems.push(`${field} ${JSON.stringify(name)} appears twice`);
    seen.add(name);
  }
  return problems;
}
