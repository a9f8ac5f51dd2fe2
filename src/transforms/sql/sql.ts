import { OptionError } from '../../core/errors.js';
import type { OptionValues } from '../../core/option-spec.js';
import type { BoundTransform, TransformPlugin } from '../../core/plugin.js';
import type { TableSchema } from '../../core/table.js';
import { compileQuery } from './compile-query.js';
import { describeSqlError, SqlError } from './sql-error.js';
import { parseQuery } from './sql-parser.js';

/**
 * SeaTunnel's `Sql` transform (transform/sql/SQLTransform.java, zeta/ZetaSQLEngine.java): one
 * `SELECT ... FROM <table> [WHERE ...]` over the rows of the input table. The query is parsed and
 * type-checked when the job is planned, errors pointing at their place in the query, and compiled
 * once into closures that run batch by batch. Rows keep their kind and table id; rows the WHERE
 * condition does not make true are dropped.
 *
 * The FROM table is not checked against the input (SeaTunnel only logs a warning); `dual` is
 * customary. See README.md in this folder for the functions and where Sluice differs from SeaTunnel.
 */
export const sqlTransform: TransformPlugin = {
  name: 'Sql',
  type: 'transform',
  description: 'Maps and filters rows with a SQL SELECT: expressions, CASE, CAST, WHERE and SeaTunnel\'s SQL functions.',
  options: [
    {
      key: 'query',
      type: 'string',
      required: true,
      description: 'A `SELECT expressions FROM table [WHERE condition]` over the input table; no joins, aggregates or ORDER BY.',
      example: '"select id, concat(name, \'_\') as name, age + 1 as age from fake where id > 0"',
    },
  ],
  validate(options) {
    const query = options['query'];
    if (typeof query !== 'string') return [];
    try {
      parseQuery(query);
      return [];
    } catch (error) {
      if (error instanceof SqlError) return [{ path: 'query', message: describeSqlError(query, error) }];
      throw error;
    }
  },
  bind: bindSql,
};

function bindSql(options: OptionValues, input: TableSchema): BoundTransform {
  const query = String(options['query']);
  try {
    return compileQuery(query, input);
  } catch (error) {
    if (error instanceof SqlError) throw new OptionError('query', describeSqlError(query, error));
    throw error;
  }
}
