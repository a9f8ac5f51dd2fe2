import { Type } from 'typebox';
import { TriggerIdText } from './common-schemas.js';

/**
 * Request bodies as Flink spells them (reference §4.3; the spelling differs between endpoints on
 * purpose). Unknown fields are ignored and an empty body is `{}`, as Flink's mapper does.
 */
const SavepointFormatType = Type.Union([Type.Literal('CANONICAL'), Type.Literal('NATIVE')], { $id: 'SavepointFormatType', description: 'Accepted; Sluice has one savepoint format' });

export const SavepointTriggerRequestBody = Type.Object(
  {
    'target-directory': Type.Optional(Type.String({ description: 'Accepted and ignored: savepoints are stored in the data directory' })),
    'cancel-job': Type.Optional(Type.Boolean({ description: 'Cancel the job once the savepoint is taken (it ends CANCELED)' })),
    formatType: Type.Optional(SavepointFormatType),
    triggerId: Type.Optional(TriggerIdText),
  },
  { $id: 'SavepointTriggerRequestBody' },
);

export const StopWithSavepointRequestBody = Type.Object(
  {
    targetDirectory: Type.Optional(Type.String({ description: 'Accepted and ignored: savepoints are stored in the data directory' })),
    drain: Type.Optional(Type.Boolean({ description: 'Accepted; Sluice has no event time, so a stop always drains what was read' })),
    formatType: Type.Optional(SavepointFormatType),
    triggerId: Type.Optional(TriggerIdText),
  },
  { $id: 'StopWithSavepointRequestBody' },
);

export const CheckpointTriggerRequestBody = Type.Object(
  {
    checkpointType: Type.Optional(Type.Union([Type.Literal('CONFIGURED'), Type.Literal('FULL')], { description: 'INCREMENTAL is refused (400)' })),
    triggerId: Type.Optional(TriggerIdText),
  },
  { $id: 'CheckpointTriggerRequestBody' },
);

export const SavepointDisposalRequest = Type.Object({ 'savepoint-path': Type.String({ description: 'A location reported by a savepoint operation or by /checkpoints' }) }, { $id: 'SavepointDisposalRequest' });

export const JobResourceRequirements = Type.Record(
  Type.String(),
  Type.Object({ parallelism: Type.Object({ lowerBound: Type.Integer(), upperBound: Type.Integer() }) }),
  { $id: 'JobResourceRequirementsBody', description: 'By vertex id. Sluice runs every pipeline of a job at one parallelism: the upper bounds given must agree' },
);
