/** The change a row describes, as SeaTunnel's RowKind: short strings so rows stay cheap to copy. */
export type RowKind = '+I' | '-U' | '+U' | '-D';

export const ROW_KIND_NAMES = {
  '+I': 'INSERT',
  '-U': 'UPDATE_BEFORE',
  '+U': 'UPDATE_AFTER',
  '-D': 'DELETE',
} as const satisfies Record<RowKind, string>;

export type RowKindName = (typeof ROW_KIND_NAMES)[RowKind];

const KIND_BY_NAME = new Map<string, RowKind>(
  Object.entries(ROW_KIND_NAMES).flatMap(([kind, name]) => [
    [name, kind as RowKind],
    [kind, kind as RowKind],
  ]),
);

/** Accepts `INSERT`, `insert` or `+I`; undefined for anything else. */
export function parseRowKind(text: string): RowKind | undefined {
  return KIND_BY_NAME.get(text.toUpperCase());
}
