import type { DataType } from '../../core/data-type.js';
import type { TableSchema } from '../../core/table.js';
import { quoteCsvOther, quoteCsvString } from './csv-text.js';
import type { FileSinkSettings } from './file-sink-settings.js';
import { rowToJson } from './json-values.js';
import { HIVE_SEPARATORS, valueToText, type TextValueFormat } from './text-values.js';
import { writtenColumnIndices } from './written-columns.js';

/**
 * Writes rows of one table as lines of the sink's format (without the row delimiter): the
 * sink_columns in their order (matched case-insensitively), else every column, less the partition
 * fields unless is_partition_field_write_in_file (writtenColumnIndices). Text joins the
 * field texts with the field delimiter (values are not escaped, as in SeaTunnel); csv quotes per
 * csv_string_quote_mode and also quotes any other field that would break the line; json writes
 * one object per row. Row kinds are not written.
 */
export class RowEncoder {
  private readonly indices: number[];
  private readonly fields: { name: string; type: DataType }[];
  private readonly textFormat: TextValueFormat;

  constructor(
    table: TableSchema,
    private readonly settings: FileSinkSettings,
  ) {
    const columns = table.columns;
    this.indices = writtenColumnIndices(table, settings);
    this.fields = this.indices.map((i) => columns[i] as { name: string; type: DataType });
    this.textFormat = { separators: [settings.fieldDelimiter, ...HIVE_SEPARATORS.slice(1)], temporal: settings.temporal };
  }

  /** The column names line of enable_header_write (text and csv only). */
  header(): string | undefined {
    if (!this.settings.headerWrite || this.settings.format === 'json') return undefined;
    const names = this.fields.map((f) => f.name);
    if (this.settings.format === 'text') return names.join(this.settings.fieldDelimiter);
    return names.map((name) => quoteCsvString(name, this.settings.quoteMode, this.settings.fieldDelimiter)).join(this.settings.fieldDelimiter);
  }

  encode(values: readonly unknown[]): string {
    const { indices, fields } = this;
    if (this.settings.format === 'json') return rowToJson(indices.map((i) => values[i]), fields);
    const delimiter = this.settings.fieldDelimiter;
    const csv = this.settings.format === 'csv';
    let line = '';
    for (let k = 0; k < indices.length; k++) {
      if (k > 0) line += delimiter;
      const value = values[indices[k] as number];
      const type = (fields[k] as { type: DataType }).type;
      if (!csv) line += valueToText(value, type, 0, this.textFormat);
      else if (value === null || value === undefined) continue;
      else if (type.kind === 'string') line += quoteCsvString(value as string, this.settings.quoteMode, delimiter);
      else line += quoteCsvOther(valueToText(value, type, 0, this.textFormat), delimiter);
    }
    return line;
  }
}
