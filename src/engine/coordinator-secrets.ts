import { isSensitiveKey, maskSensitive, maskUrlSecrets, MASK, urlSecrets } from '../config/shade/sensitive-keys.js';
import type { JobPlan } from '../plan/job-plan.js';

/**
 * A copy of a plan fit to show or store for good: every sensitive option of every vertex and of
 * `env` is `******`. Tables and names are kept.
 */
export function maskPlan(plan: JobPlan): JobPlan {
  return {
    ...plan,
    env: { ...plan.env, raw: maskSensitive(plan.env.raw) as Record<string, unknown> },
    vertices: plan.vertices.map((vertex) => ({ ...vertex, options: maskSensitive(vertex.options) as typeof vertex.options })),
  };
}

/** `env` as SeaTunnel reports it in `envOptions`: every value a string, secrets masked. */
export function envOptionsOf(plan: JobPlan): Record<string, string> {
  const masked = maskSensitive(plan.env.raw) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(masked)) out[key] = stringValue(value);
  return out;
}

/**
 * The secret values of a plan (sensitive options of sources, sinks and env), longest first, so log
 * lines can be masked even when a plugin prints a password it was given. Values shorter than 4
 * characters are left out: masking every `ab` in every log line would destroy the log.
 */
export function secretValues(plan: JobPlan): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, path: string): void => {
    if (value === null || value === undefined) return;
    if (typeof value === 'object' && !(value instanceof Uint8Array)) {
      for (const [key, child] of Object.entries(value)) visit(child, path === '' ? key : `${path}.${key}`);
      return;
    }
    const secrets = path !== '' && isSensitiveKey(path) ? [String(value)] : typeof value === 'string' ? urlSecrets(value) : [];
    for (const text of secrets) if (text.length >= 4 && text !== MASK) found.add(text);
  };
  visit(plan.env.raw, '');
  for (const vertex of plan.vertices) visit(vertex.options, '');
  return [...found].sort((a, b) => b.length - a.length);
}

/** `key=value`, `key: value` and `"key":"value"` where the key is sensitive. */
const KEY_VALUE = /(["']?)([\w.-]+)\1(\s*[=:]\s*)(["']?)([^\s"',;}]+)\4/g;

/** Masks known secret values and `password=...`-style pairs in a log message. */
export function maskLogText(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of secrets) if (masked.includes(secret)) masked = masked.split(secret).join(MASK);
  masked = maskUrlSecrets(masked);
  return masked.replace(KEY_VALUE, (whole, q1: string, key: string, sep: string, q2: string) =>
    isSensitiveKey(key) ? `${q1}${key}${q1}${sep}${q2}${MASK}${q2}` : whole,
  );
}

function stringValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return String(value);
}
