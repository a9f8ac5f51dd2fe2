import { sqlTypeName } from '../../core/data-type.js';
import type { SinkContext, SinkWriter } from '../../core/plugin.js';
import type { Row } from '../../core/row.js';
import { ROW_KIND_NAMES } from '../../core/row-kind.js';
import type { TableSchema } from '../../core/table.js';
import { abortableSleep } from '../common/abortable-sleep.js';
import { consoleFieldString } from '../common/java-text.js';

/**
 * Logs rows as SeaTunnel's ConsoleSinkWriter does, one info line per row:
 * `subtaskIndex=0  rowIndex=1:  SeaTunnelRow#tableId=fake SeaTunnelRow#kind=INSERT : a, 1, ...`
 * with rowIndex counting from 1 per writer and null values printed as nothing (StringUtils.join).
 * At open it logs `output rowType: name<TYPE>, ...` for each input table.
 */
export class ConsoleSinkWriter implements SinkWriter {
  private rowIndex = 0;
  private readonly tablesById: Map<string, TableSchema>;

  constructor(
    private readonly tables: readonly TableSchema[],
    private readonly context: SinkContext,
    private readonly printData: boolean,
    private readonly delayMs: number,
  ) {
    this.tablesById = new Map(tables.map((table) => [table.tablePath, table]));
  }

  open(): void {
    for (const table of this.tables) {
      this.context.log.info(`output rowType: ${table.columns.map((c) => `${c.name}<${sqlTypeName(c.type)}>`).join(', ')}`);
    }
  }

  write(rows: Row[]): Promise<void> | void {
    if (this.delayMs > 0) return this.writeSlowly(rows);
    if (!this.printData) return;
    for (let i = 0; i < rows.length; i++) this.print(rows[i] as Row);
  }

  /** `log.print.delay.ms`: a pause after each row, cut short when the job stops. */
  private async writeSlowly(rows: Row[]): Promise<void> {
    for (const row of rows) {
      if (this.context.signal.aborted) return;
      if (this.printData) this.print(row);
      await abortableSleep(this.delayMs, this.context.signal);
    }
  }

  private print(row: Row): void {
    const columns = this.tablesById.get(row.tableId)?.columns;
    const fields = row.fields;
    let values = '';
    for (let i = 0; i < fields.length; i++) {
      if (i > 0) values += ', ';
      values += consoleFieldString(fields[i], columns?.[i]?.type) ?? '';
    }
    this.rowIndex++;
    this.context.log.info(
      `subtaskIndex=${this.context.subtaskIndex}  rowIndex=${this.rowIndex}:  SeaTunnelRow#tableId=${row.tableId} SeaTunnelRow#kind=${ROW_KIND_NAMES[row.kind]} : ${values}`,
    );
  }
}
