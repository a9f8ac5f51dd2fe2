import type { OptionValues } from '../../core/option-spec.js';
import type { SinkContext, SinkPlugin, SinkWriter } from '../../core/plugin.js';
import type { TableSchema } from '../../core/table.js';
import { ConsoleSinkWriter } from './console-sink-writer.js';

/** Console: logs every row it receives (SeaTunnel's Console sink, same options, same lines). */
export const consoleSink: SinkPlugin = {
  name: 'Console',
  type: 'sink',
  exactlyOnce: false,
  description: 'Logs every row it receives, in the format of SeaTunnel\'s Console sink.',
  options: [
    {
      key: 'log.print.data',
      type: 'boolean',
      default: true,
      description: 'Log each row. When false the sink only consumes rows (and still honours log.print.delay.ms).',
      example: 'false',
    },
    {
      key: 'log.print.delay.ms',
      type: 'int',
      default: 0,
      min: 0,
      description: 'Milliseconds to pause after each row, to slow a job down for demos and tests.',
      example: '100',
    },
  ],

  createWriter(options: OptionValues, tables: TableSchema[], context: SinkContext): SinkWriter {
    return new ConsoleSinkWriter(tables, context, options['log.print.data'] !== false, Number(options['log.print.delay.ms'] ?? 0));
  },
};
