import { Type } from 'typebox';
import { JobIdText } from './common-schemas.js';

/** Sluice's additions to the Flink-style API: submission, validation, plugin specs. */

export const JobConfigText = Type.Object(
  {},
  {
    additionalProperties: true,
    description: 'A SeaTunnel job config: JSON with Content-Type application/json, HOCON with any other type (text/plain, application/hocon)',
    'x-content-types': ['application/json', 'application/hocon', 'text/plain'],
  },
);

export const JobSubmitResponse = Type.Object({ jobid: JobIdText, jobUrl: Type.String({ description: '/jobs/<jobid>' }) }, { $id: 'JobSubmitResponseBody' });

export const ConfigProblem = Type.Object(
  {
    severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
    path: Type.String({ description: '`source[0].row.num`; empty for the whole config' }),
    message: Type.String(),
    line: Type.Optional(Type.Integer({ description: '1-based' })),
    column: Type.Optional(Type.Integer({ description: '1-based' })),
    text: Type.String({ description: 'path, message and position as one line' }),
  },
  { $id: 'ConfigProblem' },
);

const TableInfo = Type.Object({ path: Type.String(), columns: Type.Array(Type.Object({ name: Type.String(), type: Type.String() })) });

export const ValidationPlan = Type.Object(
  {
    jobName: Type.String(),
    jobMode: Type.Union([Type.Literal('BATCH'), Type.Literal('STREAMING')]),
    parallelism: Type.Integer(),
    restorable: Type.Boolean({ description: 'Savepoints, restore and rescale are possible' }),
    vertices: Type.Array(
      Type.Object({
        id: Type.Integer(),
        type: Type.Union([Type.Literal('source'), Type.Literal('transform'), Type.Literal('sink')]),
        plugin: Type.String(),
        name: Type.String(),
        configPath: Type.String({ description: '`sink[1]`' }),
        pipeline: Type.Integer(),
        parallelism: Type.Integer(),
        inputs: Type.Array(Type.Integer()),
        inputTables: Type.Array(TableInfo),
        outputTables: Type.Array(TableInfo),
      }),
    ),
    pipelines: Type.Array(Type.Object({ id: Type.Integer(), parallelism: Type.Integer(), vertices: Type.Array(Type.Integer()), edges: Type.Array(Type.Object({ from: Type.Integer(), to: Type.Integer() })) })),
  },
  { $id: 'ValidationPlan' },
);

export const ValidationResult = Type.Object(
  {
    valid: Type.Boolean(),
    errors: Type.Integer(),
    warnings: Type.Integer(),
    problems: Type.Array(ConfigProblem, { description: 'Every problem found, by position' }),
    plan: Type.Union([ValidationPlan, Type.Null()], { description: 'null when the config has errors' }),
  },
  { $id: 'ValidationResult' },
);

const OptionSpecInfo = Type.Object(
  {
    key: Type.String(),
    type: Type.String(),
    description: Type.String(),
    required: Type.Boolean(),
    default: Type.Optional(Type.Unknown()),
    example: Type.Optional(Type.String()),
    values: Type.Optional(Type.Array(Type.String())),
    elementType: Type.Optional(Type.String()),
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    fallbackKeys: Type.Optional(Type.Array(Type.String())),
    sensitive: Type.Boolean(),
  },
  { $id: 'OptionSpec' },
);

const pluginSummaryFields = {
  name: Type.String(),
  type: Type.Union([Type.Literal('source'), Type.Literal('transform'), Type.Literal('sink')]),
  description: Type.String(),
  bounded: Type.Optional(Type.Boolean({ description: 'sources: ends by itself in BATCH mode' })),
  restorable: Type.Optional(Type.Boolean({ description: 'sources: can snapshot its read position' })),
  exactlyOnce: Type.Optional(Type.Boolean({ description: 'sinks: takes part in two-phase commit' })),
};

export const PluginList = Type.Object({ plugins: Type.Array(Type.Object(pluginSummaryFields)) }, { $id: 'PluginList' });
export const PluginSpecs = Type.Object({ plugins: Type.Array(Type.Object({ ...pluginSummaryFields, options: Type.Array(OptionSpecInfo) })) }, { $id: 'PluginSpecs' });

export const OpenApi = Type.Object({ openapi: Type.String() }, { additionalProperties: true, $id: 'OpenApiDocument' });
