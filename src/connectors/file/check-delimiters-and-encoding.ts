import type { ConfigProblem } from '../../core/errors.js';
import type { OptionValues } from '../../core/option-spec.js';
import { findEncoding, knownEncodings } from './file-format.js';

/** Problems shared by source and sink: delimiters that cannot work, unknown character sets. */
export function checkDelimitersAndEncoding(options: OptionValues, writing: boolean): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const name = String(options['encoding'] ?? 'UTF-8');
  const encoding = findEncoding(name);
  if (encoding === undefined || (writing && encoding.buffer === undefined)) {
    problems.push({ path: 'encoding', message: `"${name}" is not supported${writing ? ' for writing' : ''}; use one of ${knownEncodings(writing)}` });
  }
  for (const key of ['field_delimiter', 'row_delimiter']) {
    const value = options[key];
    if (value === undefined) continue;
    if (value === '') problems.push({ path: key, message: 'must not be empty' });
    else if (encoding !== undefined && encoding.label !== 'utf-8' && [...String(value)].some((c) => c.charCodeAt(0) > 0x7f)) {
      problems.push({ path: key, message: `must be ASCII with encoding ${name}` });
    } else if (String(value).includes('"') && options['file_format_type'] === 'csv') {
      problems.push({ path: key, message: 'must not contain the csv quote character "' });
    }
  }
  if (options['field_delimiter'] !== undefined && options['field_delimiter'] === options['row_delimiter']) {
    problems.push({ path: 'field_delimiter', message: 'must differ from row_delimiter' });
  }
  return problems;
}
