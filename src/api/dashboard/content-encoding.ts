export type ContentEncoding = 'br' | 'gzip' | 'identity';

/**
 * The best encoding the client accepts among those we hold, by the q-values of its
 * Accept-Encoding header (RFC 9110 12.5.3): brotli before gzip at equal weight; `*` counts for
 * both; `q=0` refuses. No header means identity.
 */
export function chooseEncoding(acceptEncoding: string | undefined, available: { br: boolean; gzip: boolean }): ContentEncoding {
  if (acceptEncoding === undefined || acceptEncoding.trim() === '') return 'identity';
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)).find((match) => match !== null);
    const weight = q ? Number(q[1]) : 1;
    if (name !== '') weights.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (name: string): number => weights.get(name) ?? weights.get('*') ?? 0;
  const candidates: ContentEncoding[] = [];
  if (available.br) candidates.push('br');
  if (available.gzip) candidates.push('gzip');
  let best: ContentEncoding = 'identity';
  let bestWeight = 0;
  for (const encoding of candidates) {
    const weight = weightOf(encoding);
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}
