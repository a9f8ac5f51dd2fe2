/**
 * What a route handler returns: the family's kit turns it into the HTTP response. Handlers never
 * touch Fastify's reply, so they are plain functions that are easy to test and to list.
 */
export type ApiReply =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'text'; status: number; body: string | Buffer; contentType: string; headers?: Record<string, string> }
  | { kind: 'empty'; status: number; headers?: Record<string, string> };

/** A JSON body (serialized with JSON.stringify; ids must already be strings). */
export function json(body: unknown, status = 200): ApiReply {
  return { kind: 'json', status, body };
}

/** JSON text written as is: for bodies that must carry exact 64-bit numbers. */
export function rawJson(text: string, status = 200): ApiReply {
  return { kind: 'text', status, body: text, contentType: 'application/json; charset=utf-8' };
}

export function text(body: string | Buffer, contentType = 'text/plain; charset=utf-8', status = 200): ApiReply {
  return { kind: 'text', status, body, contentType };
}

export function empty(status: number): ApiReply {
  return { kind: 'empty', status };
}
