import type { ApiReply } from './api-reply.js';
import type { RouteDeclaration } from './route-declaration.js';

/**
 * One REST API family (SeaTunnel v1, Flink-style monitoring): its URL prefix, its one list of
 * routes, and its one error table. Families share the server and the kit, never their wording.
 */
export interface ApiFamily<Context> {
  name: string;
  /** URL prefix of every route (`/hazelcast/rest`), or '' for the root. */
  prefix: string;
  routes: readonly RouteDeclaration<Context>[];
  /** Turns anything a route or the HTTP layer throws (ApiError, ConfigError, Fastify's 413…) into this family's error reply. */
  errorReply(error: unknown): ApiReply;
  /** The reply for an unknown URL or method under the prefix. */
  notFoundReply(method: string, url: string): ApiReply;
  /** Accept multipart/form-data bodies (file uploads); parts are read with `request.file()`. */
  multipart?: boolean;
}
