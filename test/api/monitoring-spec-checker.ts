import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * A checker for the subset of OpenAPI 3.0 schema that Flink's rest_v1_dispatcher.yml uses: $ref,
 * type, format (int32 ranges), enum, pattern, required, properties, additionalProperties, items,
 * allOf, oneOf and discriminator. It is stricter than OpenAPI in one way on purpose: a property the
 * schema does not declare is an error (Flink's own REST client reads with FAIL_ON_UNKNOWN_PROPERTIES,
 * so an extra field would break it).
 *
 * Where the spec and Flink's wire format disagree (reference §1.1), the wire format wins: see
 * WIRE_OVERRIDES. Two more rules follow Flink's behaviour rather than the letter of the spec:
 * - null is accepted for properties that are not required: Jackson writes absent values as null
 *   (`"operation": null` while an operation is in progress, `latest.completed: null`), and the
 *   spec never says `nullable`;
 * - oneOf is checked as anyOf: the spec's AsynchronousOperationResult.operation lists three shapes
 *   none of which has required fields, so `{}` matches all three and no value could satisfy oneOf.
 */

type Schema = Record<string, unknown>;

export interface SpecError {
  path: string;
  keyword: string;
  /** The last `$ref` schema name on the way, e.g. `JobID`. */
  ref: string | undefined;
  message: string;
}

/** Flink's spec in the shared folder beside the repository (dist/test/api → ../../../../shared). */
const SPEC_FILE = fileURLToPath(new URL('../../../../shared/reference/flink/rest_v1_dispatcher.yml', import.meta.url));

/**
 * Wire shapes that replace the spec's (reference §1.1). Each entry is a deviation of Flink's spec
 * from Flink's code, not of Sluice from Flink.
 */
const WIRE_OVERRIDES: Record<string, Schema> = {
  // MetricCollectionResponseBody's serializer writes a bare array (FLINK-39422).
  MetricCollectionResponseBody: { type: 'array', items: { $ref: '#/components/schemas/Metric' } },
  // AggregatedMetricsResponseBody's serializer writes a bare array of AggregatedMetric.
  AggregatedMetricsResponseBody: {
    type: 'array',
    items: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, min: { type: 'number' }, max: { type: 'number' }, avg: { type: 'number' }, sum: { type: 'number' }, skew: { type: 'number' } } },
  },
  // SerializedThrowableSerializer writes class, stack-trace and serialized-throwable.
  SerializedThrowable: { type: 'object', properties: { class: { type: 'string' }, 'stack-trace': { type: 'string' }, 'serialized-throwable': { type: 'string' } } },
  // JobConfigInfo's custom serializer: jid, name, execution-config.
  JobConfigInfo: { type: 'object', properties: { jid: { $ref: '#/components/schemas/JobID' }, name: { type: 'string' }, 'execution-config': { $ref: '#/components/schemas/ExecutionConfigInfo' } } },
  // JobResultSerializer: id, application-status, accumulator-results, net-runtime, failure-cause.
  JobResult: {
    type: 'object',
    properties: {
      id: { $ref: '#/components/schemas/JobID' },
      'application-status': { type: 'string', enum: ['SUCCEEDED', 'FAILED', 'CANCELED', 'UNKNOWN'] },
      'accumulator-results': { type: 'object' },
      'net-runtime': { type: 'integer', format: 'int64' },
      'failure-cause': { $ref: '#/components/schemas/SerializedThrowable' },
    },
  },
};

export class FlinkSpec {
  private readonly document: { paths: Record<string, Record<string, Schema>>; components: { schemas: Record<string, Schema> } };

  constructor(file = SPEC_FILE) {
    this.document = parse(readFileSync(file, 'utf8'));
    Object.assign(this.document.components.schemas, WIRE_OVERRIDES);
  }

  /** The success response schema of an operation, e.g. ('get', '/jobs/{jobid}'); undefined when the spec declares no body. */
  responseSchema(method: string, path: string): Schema | undefined {
    const operation = this.document.paths[path]?.[method.toLowerCase()] as { responses?: Record<string, { content?: Record<string, { schema: Schema }> }> } | undefined;
    if (operation === undefined) throw new Error(`Flink's spec has no ${method.toUpperCase()} ${path}`);
    const success = Object.entries(operation.responses ?? {}).find(([status]) => status.startsWith('2'));
    return success?.[1].content?.['application/json']?.schema;
  }

  /** Every violation of `schema` by `value`. */
  check(value: unknown, schema: Schema): SpecError[] {
    const errors: SpecError[] = [];
    this.visit(value, schema, '', undefined, errors, false);
    return errors;
  }

  private resolve(schema: Schema, ref: string | undefined): { schema: Schema; ref: string | undefined } {
    let current = schema;
    let name = ref;
    while (typeof current.$ref === 'string') {
      name = current.$ref.replace('#/components/schemas/', '');
      const target = this.document.components.schemas[name];
      if (target === undefined) throw new Error(`unknown $ref ${current.$ref}`);
      current = target;
    }
    return { schema: current, ref: name };
  }

  /** Properties declared by a schema and, through allOf, by the schemas it extends. */
  private declared(schema: Schema): Set<string> {
    const names = new Set(Object.keys((schema.properties ?? {}) as Schema));
    for (const part of (schema.allOf ?? []) as Schema[]) for (const name of this.declared(this.resolve(part, undefined).schema)) names.add(name);
    return names;
  }

  private visit(value: unknown, raw: Schema, path: string, parentRef: string | undefined, errors: SpecError[], viaAllOf: boolean): void {
    const { schema, ref } = this.resolve(raw, parentRef);
    const fail = (keyword: string, message: string): void => {
      errors.push({ path: path === '' ? '/' : path, keyword, ref, message });
    };
    const discriminator = schema.discriminator as { propertyName: string; mapping: Record<string, string> } | undefined;
    if (discriminator !== undefined && !viaAllOf && typeof value === 'object' && value !== null) {
      const tag = (value as Record<string, unknown>)[discriminator.propertyName];
      const target = typeof tag === 'string' ? discriminator.mapping[tag] : undefined;
      if (target === undefined) return fail('discriminator', `${discriminator.propertyName} must be one of ${Object.keys(discriminator.mapping).join(', ')}, got ${JSON.stringify(tag)}`);
      return this.visit(value, { $ref: target }, path, ref, errors, false);
    }
    if (Array.isArray(schema.allOf)) {
      for (const part of schema.allOf as Schema[]) this.visit(value, part, path, ref, errors, true);
      if (isObject(value)) {
        const names = this.declared(schema);
        for (const key of Object.keys(value)) if (!names.has(key)) fail('additionalProperties', `property ${key} is not in the spec`);
      }
      return;
    }
    if (Array.isArray(schema.oneOf)) {
      const matches = (schema.oneOf as Schema[]).filter((option) => this.check(value, option).length === 0);
      if (matches.length === 0) fail('oneOf', 'matches none of the oneOf schemas');
      return;
    }
    if (Array.isArray(schema.enum) && !schema.enum.includes(value)) fail('enum', `must be one of ${schema.enum.join(', ')}, got ${JSON.stringify(value)}`);
    switch (schema.type) {
      case 'object': {
        if (!isObject(value)) return fail('type', `must be an object, got ${JSON.stringify(value)}`);
        const properties = (schema.properties ?? {}) as Record<string, Schema>;
        const required = new Set((schema.required ?? []) as string[]);
        for (const name of required) if (!(name in value)) fail('required', `property ${name} is required`);
        for (const [key, child] of Object.entries(value)) {
          const childPath = `${path}/${key}`;
          const declaredSchema = properties[key];
          if (declaredSchema !== undefined) {
            if (child === null && !required.has(key)) continue;
            this.visit(child, declaredSchema, childPath, ref, errors, false);
          } else if (typeof schema.additionalProperties === 'object') {
            this.visit(child, schema.additionalProperties as Schema, childPath, ref, errors, false);
          } else if (!viaAllOf && schema.additionalProperties !== true && (Object.keys(properties).length > 0 || schema.additionalProperties === false)) {
            errors.push({ path: childPath, keyword: 'additionalProperties', ref, message: `property ${key} is not in the spec` });
          }
        }
        return;
      }
      case 'array':
        if (!Array.isArray(value)) return fail('type', `must be an array, got ${JSON.stringify(value)}`);
        value.forEach((item, index) => this.visit(item, schema.items as Schema, `${path}/${index}`, ref, errors, false));
        return;
      case 'string':
        if (typeof value !== 'string') return fail('type', `must be a string, got ${JSON.stringify(value)}`);
        if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value)) fail('pattern', `must match ${schema.pattern}, got ${JSON.stringify(value)}`);
        return;
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value)) return fail('type', `must be an integer, got ${JSON.stringify(value)}`);
        if (schema.format === 'int32' && (value < -(2 ** 31) || value >= 2 ** 31)) fail('format', `must fit in 32 bits, got ${value}`);
        return;
      case 'number':
        if (typeof value !== 'number') fail('type', `must be a number, got ${JSON.stringify(value)}`);
        return;
      case 'boolean':
        if (typeof value !== 'boolean') fail('type', `must be a boolean, got ${JSON.stringify(value)}`);
        return;
      case undefined:
        return;
      default:
        throw new Error(`the checker does not know type ${String(schema.type)}`);
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
