import type { VersionedRoute } from './api-versions.js';
import type { MonitoringContext } from './monitoring-context.js';
import { openApi } from './openapi-handler.js';
import { pluginList, pluginSpecs } from './plugin-handlers.js';
import { PluginParams, PluginQuery, SubmitQuery, ValidateQuery } from './route-params.js';
import { ErrorResponseBody } from './schemas/common-schemas.js';
import { JobConfigText, JobSubmitResponse, OpenApi, PluginList, PluginSpecs, ValidationResult } from './schemas/extension-schemas.js';
import { submitJob, validateJob } from './submit-handlers.js';

/** Sluice's additions: job submission by config, validation, plugin specs, this API's OpenAPI document. */
export const extensionRoutes: readonly VersionedRoute<MonitoringContext>[] = [
  {
    route: {
      method: 'POST',
      url: '/jobs',
      summary: 'Submit a job config (JSON or HOCON by Content-Type)',
      schema: { querystring: SubmitQuery, body: JobConfigText, response: { 202: JobSubmitResponse, 400: ErrorResponseBody, 409: ErrorResponseBody } },
      handler: submitJob,
    },
  },
  {
    route: {
      method: 'POST',
      url: '/jobs/validate',
      summary: 'Check a job config and show its plan; nothing runs',
      schema: { querystring: ValidateQuery, body: JobConfigText, response: { 200: ValidationResult, 400: ErrorResponseBody } },
      handler: validateJob,
    },
  },
  { route: { method: 'GET', url: '/plugins', summary: 'Plugins with their capabilities', schema: { querystring: PluginQuery, response: { 200: PluginList } }, handler: pluginList } },
  {
    route: {
      method: 'GET',
      url: '/plugins/:name',
      summary: "A plugin's option specs",
      schema: { params: PluginParams, querystring: PluginQuery, response: { 200: PluginSpecs, 404: ErrorResponseBody } },
      handler: pluginSpecs,
    },
  },
  { route: { method: 'GET', url: '/openapi.json', summary: 'This OpenAPI document, generated from the route declarations', schema: { response: { 200: OpenApi } }, handler: openApi } },
];
