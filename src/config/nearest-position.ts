import type { SourcePosition } from './job-config.js';

const LAST_STEP = /(\.[^.[\]]*|\[\d+\])$/;

/**
 * Where the value at `path` (`source[0].rules.row_rules[1].rule_value`) was written, or the nearest
 * enclosing value the parser recorded (`...row_rules[1]`, then `...row_rules`, up to `source[0]`).
 */
export function nearestPosition(positions: ReadonlyMap<string, SourcePosition>, path: string): SourcePosition | undefined {
  for (let at = path; at !== ''; at = at.replace(LAST_STEP, '')) {
    const position = positions.get(at);
    if (position !== undefined) return position;
    if (!LAST_STEP.test(at)) break;
  }
  return undefined;
}
