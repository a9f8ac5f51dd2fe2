import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifySchema } from 'fastify';
import type { ApiFamily } from './api-family.js';
import type { ApiReply } from './api-reply.js';
import type { RouteSchema } from './route-declaration.js';

export interface FamilyLimits {
  /** `rest.server.max-content-length`: larger bodies and uploads are answered 413. */
  bodyLimit: number;
}

/**
 * Mounts a family in its own Fastify scope: raw-body parsing for every content type (multipart
 * when asked), the family's error and not-found replies, then each declared route. Handler errors
 * never escape: every failure is answered in the family's format.
 */
export async function registerFamily<Context>(app: FastifyInstance, family: ApiFamily<Context>, context: Context, limits: FamilyLimits): Promise<void> {
  await app.register(
    async (scope) => {
      scope.removeAllContentTypeParsers();
      if (family.multipart) await scope.register(multipart, { limits: { fileSize: limits.bodyLimit, files: 1, fields: 32, parts: 64 } });
      scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limits.bodyLimit }, (_request, body, done) => done(null, body));
      scope.setErrorHandler((error, _request, reply) => send(reply, family.errorReply(error)));
      scope.setNotFoundHandler((request, reply) => send(reply, family.notFoundReply(request.method, request.url)));
      for (const declaration of family.routes) {
        scope.route({
          method: typeof declaration.method === 'string' ? declaration.method : [...declaration.method],
          url: declaration.url,
          schema: validated(declaration),
          bodyLimit: limits.bodyLimit,
          handler: async (request, reply) => send(reply, await declaration.handler(request, context)),
        });
      }
    },
    { prefix: family.prefix },
  );
}

/** Params and querystring are validated; body and response schemas only document (see RouteSchema). */
function validated(declaration: { summary: string; schema?: RouteSchema }): FastifySchema & { summary: string } {
  const { params, querystring } = declaration.schema ?? {};
  return { summary: declaration.summary, ...(params === undefined ? {} : { params }), ...(querystring === undefined ? {} : { querystring }) };
}

function send(reply: FastifyReply, answer: ApiReply): FastifyReply {
  reply.status(answer.status);
  if (answer.headers !== undefined) reply.headers(answer.headers);
  switch (answer.kind) {
    case 'json':
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(answer.body));
    case 'text':
      return reply.type(answer.contentType).send(answer.body);
    case 'empty':
      return reply.send();
  }
}
