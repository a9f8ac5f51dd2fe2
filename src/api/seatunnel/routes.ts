import { Type } from 'typebox';
import { route, type HttpMethod, type RouteDeclaration } from '../route-kit/route-declaration.js';
import { instanceMetrics } from './instance-metrics.js';
import { finishedJobs, jobInfo, overview, runningJobs } from './job-handlers.js';
import { allLogNames, log, logs } from './log-handlers.js';
import { encryptConfig, runningThreads, threadDump, updateTags } from './node-handlers.js';
import { MAPS, type SeaTunnelContext } from './seatunnel-context.js';
import { stopJob, stopJobs } from './stop-handlers.js';
import { submitJob, submitJobs } from './submit-handlers.js';
import { systemMonitoring } from './system-monitoring.js';

/** SeaTunnel's v1 REST accepts PUT wherever it accepts POST (its e2e PUTs update-tags). */
const WRITE: readonly HttpMethod[] = ['POST', 'PUT'];

const jobIdParams = Type.Object({ jobId: Type.String({ description: 'A 64-bit job id (decimal)' }) });
const submitQuery = Type.Object({
  jobId: Type.Optional(Type.String({ description: 'Custom 64-bit job id' })),
  jobName: Type.Optional(Type.String({ description: 'Overrides env.job.name' })),
  isStartWithSavePoint: Type.Optional(Type.String({ description: '"true" restores the latest savepoint or checkpoint of jobId' })),
  format: Type.Optional(Type.String({ description: '"hocon" for a HOCON body; JSON otherwise' })),
});

/**
 * Every route of SeaTunnel's v1 REST API (reference 2), relative to `/hazelcast/rest`. Wire
 * formats, status codes and error texts are SeaTunnel's; see the handlers for each contract.
 */
export const seaTunnelRoutes: readonly RouteDeclaration<SeaTunnelContext>[] = [
  route({ method: 'GET', url: `${MAPS}/overview`, summary: 'Cluster overview; query parameters filter nodes by tag', handler: overview }),
  route({ method: 'GET', url: `${MAPS}/running-jobs`, summary: 'Jobs accepted and not yet ended', handler: runningJobs }),
  route({ method: 'GET', url: `${MAPS}/job-info/:jobId`, summary: 'One job, running or finished', schema: { params: jobIdParams }, handler: jobInfo }),
  route({ method: 'GET', url: `${MAPS}/job-info`, summary: 'Without an id: 400', handler: jobInfo }),
  route({ method: 'GET', url: `${MAPS}/running-job/:jobId`, summary: 'Deprecated alias of job-info', schema: { params: jobIdParams }, handler: jobInfo }),
  route({ method: 'GET', url: `${MAPS}/running-job`, summary: 'Without an id: 400', handler: jobInfo }),
  route({ method: 'GET', url: `${MAPS}/finished-jobs`, summary: 'Ended jobs in history, by finish time', handler: finishedJobs }),
  route({ method: 'GET', url: `${MAPS}/finished-jobs/:state`, summary: 'Ended jobs in one state (case-insensitive)', schema: { params: Type.Object({ state: Type.String() }) }, handler: finishedJobs }),
  route({ method: 'GET', url: `${MAPS}/system-monitoring-information`, summary: 'Node health, SeaTunnel keys with their Node meaning', handler: systemMonitoring }),
  route({ method: 'GET', url: `${MAPS}/thread-dump`, summary: 'Main thread and worker threads', handler: threadDump }),
  route({ method: 'GET', url: `${MAPS}/running-threads`, summary: 'Thread names (test use)', handler: runningThreads }),
  route({ method: 'GET', url: `${MAPS}/logs`, summary: 'Log files of the node, HTML or JSON', handler: logs }),
  route({ method: 'GET', url: `${MAPS}/logs/*`, summary: 'Log files of one job, or one file', handler: logs }),
  route({ method: 'GET', url: `${MAPS}/log`, summary: 'Log files of this node (HTML)', handler: log }),
  route({ method: 'GET', url: `${MAPS}/log/*`, summary: 'One log file of this node', handler: log }),
  route({ method: 'GET', url: `${MAPS}/get-all-log-name`, summary: 'Log file names (internal)', handler: allLogNames }),
  route({ method: WRITE, url: `${MAPS}/submit-job`, summary: 'Submit a job: JSON, HOCON (?format=hocon) or multipart config_file', schema: { querystring: submitQuery }, handler: submitJob }),
  route({ method: WRITE, url: `${MAPS}/submit-job/upload`, summary: 'Submit a job config file (multipart part config_file)', schema: { querystring: submitQuery }, handler: submitJob }),
  route({ method: WRITE, url: `${MAPS}/submit-jobs`, summary: 'Submit several jobs, each with optional params', handler: submitJobs }),
  route({ method: WRITE, url: `${MAPS}/stop-job`, summary: 'Cancel a job, or stop it with a savepoint', handler: stopJob }),
  route({ method: WRITE, url: `${MAPS}/stop-jobs`, summary: 'Stop several jobs', handler: stopJobs }),
  route({ method: WRITE, url: `${MAPS}/encrypt-config`, summary: 'Encrypt the sensitive values of a JSON config', handler: encryptConfig }),
  route({ method: WRITE, url: `${MAPS}/update-tags`, summary: "Replace this node's tags", handler: updateTags }),
  route({ method: 'GET', url: '/instance/metrics', summary: 'Prometheus text format 0.0.4', handler: instanceMetrics(false) }),
  route({ method: 'GET', url: '/instance/openmetrics', summary: 'OpenMetrics 1.0.0 text', handler: instanceMetrics(true) }),
];
