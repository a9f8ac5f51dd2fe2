import type { FastifyRequest } from 'fastify';
import type { TSchema } from 'typebox';
import type { ApiReply } from './api-reply.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Route schemas: they validate params and query and document the route (the OpenAPI document is generated from them). */
export interface RouteSchema {
  params?: TSchema;
  querystring?: TSchema;
  /** Documents the body; bodies arrive raw (see RouteRequest.body) so that numbers keep every digit. */
  body?: TSchema;
  /** Documents responses by status; not used to serialize, so that no field is silently dropped. */
  response?: Record<number, TSchema>;
}

/**
 * One route as data: method(s), URL relative to its family's prefix (`/job-info/:jobId`), a summary
 * for the docs, schemas, and a handler from (request, family context) to a reply.
 */
export interface RouteDeclaration<Context> {
  method: HttpMethod | readonly HttpMethod[];
  url: string;
  summary: string;
  schema?: RouteSchema;
  handler(request: RouteRequest, context: Context): ApiReply | Promise<ApiReply>;
}

/**
 * A Fastify request whose body, when there is one and it is not multipart, is the raw bytes: each
 * family parses it (losslessly, or as HOCON) and words its own errors.
 */
export type RouteRequest = FastifyRequest;

/** Declares a route with its context type inferred from the list it goes into. */
export function route<Context>(declaration: RouteDeclaration<Context>): RouteDeclaration<Context> {
  return declaration;
}
