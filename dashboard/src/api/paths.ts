/**
 * Every REST path the dashboard calls, relative to the page (no leading slash), so the dashboard
 * also works behind a reverse proxy that mounts Sluice under a sub-path.
 */
const MAPS = 'hazelcast/rest/maps';
const id = (jobId: string): string => encodeURIComponent(jobId);

export const paths = {
  config: 'v1/config',
  overview: 'v1/overview',
  jobsOverview: 'v1/jobs/overview',
  jobs: 'v1/jobs',
  validate: 'v1/jobs/validate',
  job: (jobId: string) => `v1/jobs/${id(jobId)}`,
  jobConfig: (jobId: string) => `v1/jobs/${id(jobId)}/config`,
  checkpoints: (jobId: string) => `v1/jobs/${id(jobId)}/checkpoints`,
  exceptions: (jobId: string) => `v1/jobs/${id(jobId)}/exceptions`,
  savepoints: (jobId: string) => `v1/jobs/${id(jobId)}/savepoints`,
  savepoint: (jobId: string, trigger: string) => `v1/jobs/${id(jobId)}/savepoints/${encodeURIComponent(trigger)}`,
  stop: (jobId: string) => `v1/jobs/${id(jobId)}/stop`,
  rescaling: (jobId: string) => `v1/jobs/${id(jobId)}/rescaling`,
  rescale: (jobId: string, trigger: string) => `v1/jobs/${id(jobId)}/rescaling/${encodeURIComponent(trigger)}`,
  taskManagers: 'v1/taskmanagers',
  jobManagerConfig: 'v1/jobmanager/config',
  seaTunnel: {
    overview: `${MAPS}/overview`,
    runningJobs: `${MAPS}/running-jobs`,
    finishedJobs: `${MAPS}/finished-jobs`,
    jobInfo: (jobId: string) => `${MAPS}/job-info/${id(jobId)}`,
    submitJob: `${MAPS}/submit-job`,
    stopJob: `${MAPS}/stop-job`,
    jobLog: (jobId: string) => `${MAPS}/logs/job-${id(jobId)}.log`,
    systemMonitoring: `${MAPS}/system-monitoring-information`,
    threadDump: `${MAPS}/thread-dump`,
  },
};
