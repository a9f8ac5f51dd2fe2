import type { ConfigProblem } from '../core/errors.js';
import { OptionError } from '../core/errors.js';
import type { OptionValues } from '../core/option-spec.js';
import type { BoundTransform, TransformPlugin } from '../core/plugin.js';
import type { Row } from '../core/row.js';
import { parseRowKind, type RowKind } from '../core/row-kind.js';
import type { TableSchema } from '../core/table.js';

const KIND_NAMES = ['INSERT', 'UPDATE_BEFORE', 'UPDATE_AFTER', 'DELETE'] as const;

/**
 * SeaTunnel's `FilterRowKind` transform (`transform/filterrowkind/FilterRowKindTransform.java`):
 * drops rows by their kind. Exactly one of `include_kinds` (keep only these) and `exclude_kinds`
 * (drop these) must be set, and it must not be empty — SeaTunnel refuses an empty list as if the
 * option were missing. Kinds are named as SeaTunnel's RowKind: INSERT, UPDATE_BEFORE, UPDATE_AFTER,
 * DELETE (any case; the short forms +I, -U, +U, -D are accepted too). The schema is unchanged.
 */
export const filterRowKindTransform: TransformPlugin = {
  name: 'FilterRowKind',
  type: 'transform',
  description: 'Keeps or drops rows by row kind (INSERT, UPDATE_BEFORE, UPDATE_AFTER, DELETE).',
  options: [
    {
      key: 'include_kinds',
      type: 'list',
      elementType: 'string',
      description: `The row kinds to keep (${KIND_NAMES.join(', ')}); the others are dropped. Set this or exclude_kinds.`,
      example: '[INSERT, UPDATE_AFTER]',
    },
    {
      key: 'exclude_kinds',
      type: 'list',
      elementType: 'string',
      description: `The row kinds to drop (${KIND_NAMES.join(', ')}); the others are kept. Set this or include_kinds.`,
      example: '[DELETE, UPDATE_BEFORE]',
    },
  ],
  validate(options) {
    const read = readKinds(options);
    return 'problem' in read ? [read.problem] : [];
  },
  bind: bindFilterRowKind,
};

type Kinds = { include: boolean; kinds: Set<RowKind> } | { problem: ConfigProblem };

function readKinds(options: OptionValues): Kinds {
  const include = options['include_kinds'];
  const exclude = options['exclude_kinds'];
  const given = (list: unknown): boolean => Array.isArray(list) && list.length > 0;
  if (given(include) === given(exclude)) {
    return {
      problem: {
        // Name the option the user wrote (an empty list counts as not set), else the first one.
        path: include !== undefined ? 'include_kinds' : exclude !== undefined ? 'exclude_kinds' : 'include_kinds',
        message: 'set exactly one of include_kinds and exclude_kinds, with at least one kind (these options are mutually exclusive)',
      },
    };
  }
  const key = given(include) ? 'include_kinds' : 'exclude_kinds';
  const kinds = new Set<RowKind>();
  for (const name of (given(include) ? include : exclude) as unknown[]) {
    const kind = typeof name === 'string' ? parseRowKind(name) : undefined;
    if (kind === undefined) return { problem: { path: key, message: `unknown row kind ${JSON.stringify(name)}; expected one of ${KIND_NAMES.join(', ')}` } };
    kinds.add(kind);
  }
  return { include: key === 'include_kinds', kinds };
}

function bindFilterRowKind(options: OptionValues, input: TableSchema): BoundTransform {
  const read = readKinds(options);
  if ('problem' in read) throw new OptionError(read.problem.path, read.problem.message);
  // keep[kind] is a lookup by the kind's string, cheaper than Set.has in the loop.
  const keep: Record<RowKind, boolean> = { '+I': false, '-U': false, '+U': false, '-D': false };
  for (const kind of Object.keys(keep) as RowKind[]) keep[kind] = read.kinds.has(kind) === read.include;

  return {
    output: input,
    map(rows: Row[]): Row[] {
      let kept = 0;
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r] as Row;
        if (keep[row.kind]) rows[kept++] = row;
      }
      rows.length = kept;
      return rows;
    },
  };
}
