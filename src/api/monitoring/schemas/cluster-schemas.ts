import { Type } from 'typebox';
import { JobIdText } from './common-schemas.js';

/** `GET /config`: what the dashboard reads first (reference §5.2). */
export const DashboardConfiguration = Type.Object(
  {
    'refresh-interval': Type.Integer(),
    'timezone-name': Type.String(),
    'timezone-offset': Type.Integer(),
    'flink-version': Type.String({ description: 'The Sluice version' }),
    'flink-revision': Type.String(),
    features: Type.Object({ 'web-submit': Type.Boolean(), 'web-cancel': Type.Boolean(), 'web-rescale': Type.Boolean(), 'web-history': Type.Boolean() }),
  },
  { $id: 'DashboardConfiguration' },
);

/** `GET /overview` (reference §5.1); the `-blocked` figures appear only when non-zero, as in Flink. */
export const ClusterOverviewWithVersion = Type.Object(
  {
    taskmanagers: Type.Integer({ description: 'Nodes (one task manager per node)' }),
    'taskmanagers-blocked': Type.Optional(Type.Integer()),
    'slots-total': Type.Integer(),
    'slots-available': Type.Integer(),
    'slots-free-and-blocked': Type.Optional(Type.Integer()),
    'jobs-running': Type.Integer({ description: 'Accepted jobs that have not ended (PENDING included)' }),
    'jobs-finished': Type.Integer(),
    'jobs-cancelled': Type.Integer(),
    'jobs-failed': Type.Integer(),
    'flink-version': Type.String(),
    'flink-commit': Type.String(),
  },
  { $id: 'ClusterOverviewWithVersion' },
);

export const ConfigurationInfo = Type.Array(Type.Object({ key: Type.String(), value: Type.String() }), { $id: 'ConfigurationInfo' });

export const EnvironmentInfo = Type.Object(
  { jvm: Type.Object({ version: Type.String(), arch: Type.String(), options: Type.Array(Type.String()) }), classpath: Type.Array(Type.String()) },
  { $id: 'EnvironmentInfo', description: '`jvm` describes the Node.js runtime' },
);

const ResourceProfileInfo = Type.Object(
  {
    cpuCores: Type.Number(),
    taskHeapMemory: Type.Integer(),
    taskOffHeapMemory: Type.Integer(),
    managedMemory: Type.Integer(),
    networkMemory: Type.Integer(),
    extendedResources: Type.Record(Type.String(), Type.Number()),
  },
  { $id: 'ResourceProfileInfo' },
);

const HardwareDescription = Type.Object(
  { cpuCores: Type.Integer(), physicalMemory: Type.Integer(), freeMemory: Type.Integer(), managedMemory: Type.Integer() },
  { $id: 'HardwareDescription' },
);

const memoryKeys = ['frameworkHeap', 'taskHeap', 'frameworkOffHeap', 'taskOffHeap', 'networkMemory', 'managedMemory', 'jvmMetaspace', 'jvmOverhead', 'totalFlinkMemory', 'totalProcessMemory'] as const;
const TaskExecutorMemoryConfiguration = Type.Object(Object.fromEntries(memoryKeys.map((key) => [key, Type.Integer()])) as Record<(typeof memoryKeys)[number], ReturnType<typeof Type.Integer>>, {
  $id: 'TaskExecutorMemoryConfiguration',
});

const taskManagerFields = {
  id: Type.String({ description: "The node's host:port" }),
  path: Type.String(),
  dataPort: Type.Integer(),
  jmxPort: Type.Integer(),
  timeSinceLastHeartbeat: Type.Integer(),
  slotsNumber: Type.Integer(),
  freeSlots: Type.Integer(),
  totalResource: ResourceProfileInfo,
  freeResource: ResourceProfileInfo,
  hardware: HardwareDescription,
  memoryConfiguration: TaskExecutorMemoryConfiguration,
  blocked: Type.Boolean(),
  assignedTasks: Type.Integer(),
};

export const TaskManagerInfo = Type.Object(taskManagerFields, { $id: 'TaskManagerInfo' });

export const TaskManagersInfo = Type.Object({ taskmanagers: Type.Array(TaskManagerInfo) }, { $id: 'TaskManagersInfo' });

const GarbageCollectorInfo = Type.Object({ name: Type.String(), count: Type.Integer(), time: Type.Integer() }, { $id: 'GarbageCollectorInfo' });

export const TaskManagerDetailsInfo = Type.Object(
  {
    ...taskManagerFields,
    allocatedSlots: Type.Array(Type.Object({ jobId: JobIdText, resource: ResourceProfileInfo })),
    metrics: Type.Object({
      heapUsed: Type.Integer(),
      heapCommitted: Type.Integer(),
      heapMax: Type.Integer(),
      nonHeapUsed: Type.Integer(),
      nonHeapCommitted: Type.Integer(),
      nonHeapMax: Type.Integer(),
      directCount: Type.Integer(),
      directUsed: Type.Integer(),
      directMax: Type.Integer(),
      mappedCount: Type.Integer(),
      mappedUsed: Type.Integer(),
      mappedMax: Type.Integer(),
      garbageCollectors: Type.Array(GarbageCollectorInfo),
    }),
  },
  { $id: 'TaskManagerDetailsInfo' },
);
