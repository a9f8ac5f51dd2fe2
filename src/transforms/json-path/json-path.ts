import { formatDataType, type DataType } from '../../core/data-type.js';
import { OptionError, SluiceError } from '../../core/errors.js';
import type { OptionValues } from '../../core/option-spec.js';
import type { BoundTransform, TransformPlugin } from '../../core/plugin.js';
import type { Row } from '../../core/row.js';
import type { Column, TableSchema } from '../../core/table.js';
import { fieldIndex } from '../shared/field-index.js';
import { placeOutputColumns } from '../shared/output-columns.js';
import { readJsonPathColumns, type ErrorHandleWay, type JsonPathColumn } from './json-path-columns.js';
import { JsonConversionError, jsonConverter, type JsonConverter } from './json-converter.js';
import { JsonSyntaxError, parseJson, valueToJsonNode, type JsonNode } from './json-node.js';
import { JsonPathMiss, readJsonPath } from './json-path-expression.js';

/**
 * SeaTunnel's `JsonPath` transform (seatunnel-transforms-v2 `transform/jsonpath/`): reads values
 * out of JSON held in a field with JSONPath and writes each into a column (`dest_field`, typed
 * `dest_type`), appended, or replacing a same-named column as SeaTunnel does.
 *
 * Source fields may be `string` (JSON text), `bytes` (UTF-8 JSON text), `array` and `map` (as
 * JSON) or `row`, which SeaTunnel presents as the JSON array of its field values, so `$[0]` is its
 * first field. A null source gives a null column, without error.
 *
 * Errors reading a value (invalid JSON, nothing at a definite path, a value that does not convert
 * to `dest_type`) are handled per column by `column_error_handle_way` — SKIP: the column is null;
 * SKIP_ROW: the row is dropped; FAIL: the job fails — and, for columns without one, by
 * `row_error_handle_way` — SKIP: the row is dropped; FAIL (default): the job fails.
 */
export const jsonPathTransform: TransformPlugin = {
  name: 'JsonPath',
  type: 'transform',
  description: 'Extracts values from JSON fields with JSONPath expressions into new typed columns.',
  options: [
    {
      key: 'columns',
      type: 'list',
      elementType: 'object',
      required: true,
      description:
        'What to extract: a list of {src_field, path, dest_field, dest_type (default string), column_error_handle_way (FAIL | SKIP | SKIP_ROW)}. ' +
        'Paths support $.a.b, $[\'a\'], $.a[0], $.a[-1], $.a[0,2], $.a[1:3], $.a[*], $.*, $..a.',
      example: '[{src_field = "data", path = "$.user.age", dest_field = "age", dest_type = "int", column_error_handle_way = "SKIP"}]',
    },
    {
      key: 'row_error_handle_way',
      type: 'enum',
      values: ['FAIL', 'SKIP'],
      default: 'FAIL',
      description: 'What a read error in a column without its own column_error_handle_way does: FAIL fails the job, SKIP drops the row.',
      example: 'SKIP',
    },
  ],
  validate(options) {
    return readJsonPathColumns(options['columns']).problems;
  },
  bind: bindJsonPath,
};

const JSON_SOURCE_KINDS = new Set(['string', 'bytes', 'array', 'map', 'row']);

function bindJsonPath(options: OptionValues, input: TableSchema): BoundTransform {
  const { columns, problems } = readJsonPathColumns(options['columns']);
  const problem = problems.find((p) => p.severity !== 'warning');
  if (problem !== undefined) throw new OptionError(problem.path, problem.message);

  const sourceIndex = columns.map((column, i) => {
    const option = `columns[${i}].src_field`;
    const index = fieldIndex(input, option, column.srcField);
    const type = (input.columns[index] as Column).type;
    if (!JSON_SOURCE_KINDS.has(type.kind)) {
      throw new OptionError(option, `field "${column.srcField}" of table ${input.tablePath} is ${formatDataType(type)}; JsonPath reads string, bytes, array, map or row fields`);
    }
    return index;
  });

  let placed;
  try {
    placed = placeOutputColumns(input, columns.map((column) => ({ name: column.destField, type: column.destType, nullable: true })));
  } catch (error) {
    throw new OptionError('columns', (error as Error).message);
  }
  const rowErrorHandleWay = options['row_error_handle_way'] === 'SKIP' ? 'SKIP' : 'FAIL';
  return new JsonPathBound(input, placed.output, columns, sourceIndex, placed.targets, rowErrorHandleWay);
}

const NOT_READ = 0;
const READ = 1;
const FAILED = 2;

class JsonPathBound implements BoundTransform {
  /** Per column: which distinct source (slot) it reads, so each source is parsed once per row. */
  private readonly slotOf: number[];
  private readonly slotField: number[];
  private readonly slotType: DataType[];
  private readonly converters: JsonConverter[];
  private readonly ways: (ErrorHandleWay | undefined)[];
  // Per-row scratch space, reused across rows and batches (map is synchronous).
  private readonly documents: JsonNode[];
  private readonly state: Uint8Array;
  private readonly parseErrors: Error[];
  private readonly values: unknown[];
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly input: TableSchema,
    readonly output: TableSchema,
    private readonly columns: JsonPathColumn[],
    sourceIndex: number[],
    private readonly targets: number[],
    private readonly rowErrorHandleWay: 'FAIL' | 'SKIP',
  ) {
    const slots = [...new Set(sourceIndex)];
    this.slotOf = sourceIndex.map((index) => slots.indexOf(index));
    this.slotField = slots;
    this.slotType = slots.map((index) => (input.columns[index] as Column).type);
    this.converters = columns.map((column) => jsonConverter(column.destType));
    this.ways = columns.map((column) => column.errorHandleWay);
    this.documents = new Array<JsonNode>(slots.length).fill(null);
    this.state = new Uint8Array(slots.length);
    this.parseErrors = new Array<Error>(slots.length);
    this.values = new Array<unknown>(columns.length).fill(null);
  }

  map(rows: Row[]): Row[] {
    const count = this.columns.length;
    let kept = 0;
    rows: for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as Row;
      const fields = row.fields;
      this.state.fill(NOT_READ);
      for (let c = 0; c < count; c++) {
        const slot = this.slotOf[c] as number;
        if (fields[this.slotField[slot] as number] == null) {
          this.values[c] = null;
          continue;
        }
        try {
          const document = this.document(slot, fields);
          const column = this.columns[c] as JsonPathColumn;
          this.values[c] = (this.converters[c] as JsonConverter)(readJsonPath(column.path, document));
        } catch (error) {
          if (!(error instanceof JsonPathMiss || error instanceof JsonConversionError || error instanceof JsonSyntaxError)) throw error;
          const way = this.ways[c];
          if (way === 'SKIP') {
            this.values[c] = null;
            continue;
          }
          if (way === 'SKIP_ROW' || (way === undefined && this.rowErrorHandleWay === 'SKIP')) continue rows;
          throw this.failure(c, error);
        }
      }
      for (let c = 0; c < count; c++) fields[this.targets[c] as number] = this.values[c];
      rows[kept++] = row;
    }
    rows.length = kept;
    return rows;
  }

  /** The parsed source of a slot for the current row; a JSON syntax error is remembered and rethrown. */
  private document(slot: number, fields: unknown[]): JsonNode {
    const state = this.state[slot];
    if (state === READ) return this.documents[slot] as JsonNode;
    if (state === FAILED) throw this.parseErrors[slot];
    const value = fields[this.slotField[slot] as number];
    const type = this.slotType[slot] as DataType;
    try {
      let document: JsonNode;
      if (type.kind === 'string') document = parseJson(value as string);
      else if (type.kind === 'bytes') document = parseJson(this.decoder.decode(value as Uint8Array));
      else document = valueToJsonNode(type, value);
      this.documents[slot] = document;
      this.state[slot] = READ;
      return document;
    } catch (error) {
      this.state[slot] = FAILED;
      this.parseErrors[slot] = error as Error;
      throw error;
    }
  }

  private failure(c: number, cause: Error): SluiceError {
    const column = this.columns[c] as JsonPathColumn;
    return new SluiceError(
      'PLUGIN_FAILED',
      `JsonPath: cannot read columns[${c}] (src_field ${column.srcField}, path ${column.path.text}, dest_field ${column.destField}, ` +
        `dest_type ${formatDataType(column.destType)}) in a row of table ${this.input.tablePath}: ${cause.message}. ` +
        'Set column_error_handle_way (SKIP, SKIP_ROW) or row_error_handle_way = SKIP to skip such data.',
      { cause },
    );
  }
}
