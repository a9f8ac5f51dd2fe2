import { formatDataType } from '../core/data-type.js';
import { OptionError } from '../core/errors.js';
import type { OptionValues } from '../core/option-spec.js';
import type { BoundTransform, TransformPlugin } from '../core/plugin.js';
import type { Row } from '../core/row.js';
import type { Column, TableSchema } from '../core/table.js';
import { fieldIndex } from './shared/field-index.js';
import { compileJavaRegex, globalOf, JavaRegexError } from './shared/java-regex.js';
import { compileJavaReplacement } from './shared/java-replacement.js';

/**
 * SeaTunnel's `Replace` transform (`transform/replace/ReplaceTransform.java`): replaces text in a
 * string field, in place.
 *
 * - `is_regex = false` (default): every occurrence of `pattern` as literal text is replaced by
 *   `replacement` as literal text (Java's `String.replace`; `replace_first` does not apply). An
 *   empty pattern inserts the replacement between every character, as Java does.
 * - `is_regex = true`: `pattern` is a Java regex (see shared/java-regex.ts for how it maps onto
 *   JavaScript's) and `replacement` a Java replacement string: `$1`, `${name}` insert groups, `\$`
 *   a dollar sign (Java's `replaceAll`, or `replaceFirst` with `replace_first = true`).
 *
 * Null stays null. SeaTunnel turns any field into its `toString()` and writes the string back into
 * the column whatever its type; Sluice takes string fields only and refuses others at bind time.
 */
export const replaceTransform: TransformPlugin = {
  name: 'Replace',
  type: 'transform',
  description: 'Replaces literal text or Java-regex matches in a string field.',
  options: [
    { key: 'replace_field', type: 'string', required: true, description: 'The string field to change, in place.', example: 'name' },
    { key: 'pattern', type: 'string', required: true, description: 'The text to find: literal text, or a Java regex when is_regex is true.', example: '" "' },
    {
      key: 'replacement',
      type: 'string',
      required: true,
      description: 'The text to put instead. With is_regex, $1 / ${name} insert groups and \\$ writes a dollar sign.',
      example: '"_"',
    },
    { key: 'is_regex', type: 'boolean', default: false, description: 'Whether pattern is a Java regular expression.', example: 'true' },
    { key: 'replace_first', type: 'boolean', default: false, description: 'With is_regex: replace only the first match.', example: 'true' },
  ],
  validate(options) {
    // Missing required options are reported by the config layer; there is nothing to compile.
    if (typeof options['pattern'] !== 'string' || typeof options['replacement'] !== 'string') return [];
    try {
      compileReplacer(options);
      return [];
    } catch (error) {
      if (error instanceof OptionError) return [{ path: error.option, message: error.message }];
      throw error;
    }
  },
  bind: bindReplace,
};

type Replacer = (text: string) => string;

function compileReplacer(options: OptionValues): Replacer {
  const pattern = options['pattern'] as string;
  const replacement = options['replacement'] as string;
  if (options['is_regex'] !== true) {
    const literal = (): string => replacement;
    return (text) => text.replaceAll(pattern, literal);
  }
  let regex;
  try {
    regex = compileJavaRegex(pattern);
  } catch (error) {
    if (error instanceof JavaRegexError) throw new OptionError('pattern', error.message);
    throw error;
  }
  let replacer;
  try {
    replacer = compileJavaReplacement(replacement, regex);
  } catch (error) {
    throw new OptionError('replacement', `invalid replacement ${JSON.stringify(replacement)}: ${(error as Error).message}`);
  }
  const target = options['replace_first'] === true ? regex.regex : globalOf(regex.regex);
  return (text) => text.replace(target, replacer);
}

function bindReplace(options: OptionValues, input: TableSchema): BoundTransform {
  const field = options['replace_field'] as string;
  const index = fieldIndex(input, 'replace_field', field);
  const type = (input.columns[index] as Column).type;
  if (type.kind !== 'string') {
    throw new OptionError('replace_field', `field "${field}" of table ${input.tablePath} is ${formatDataType(type)}; Replace works on string fields`);
  }
  const replace = compileReplacer(options);
  return {
    output: input,
    map(rows: Row[]): Row[] {
      for (let r = 0; r < rows.length; r++) {
        const fields = (rows[r] as Row).fields;
        const value = fields[index];
        if (value != null) fields[index] = replace(value as string);
      }
      return rows;
    },
  };
}
