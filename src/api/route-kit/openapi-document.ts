import type { TSchema } from 'typebox';
import type { HttpMethod, RouteDeclaration } from './route-declaration.js';

/** What the OpenAPI document needs of an API family. */
export interface DocumentedFamily {
  name: string;
  prefix: string;
  routes: readonly RouteDeclaration<never>[];
}

export interface OpenApiInfo {
  title: string;
  version: string;
  description: string;
}

type Json = Record<string, unknown>;

const METHOD_ORDER: readonly HttpMethod[] = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH'];
const ALIAS = /^\/v\d+(\/.*)$/;

/**
 * An OpenAPI 3.1 document generated from route declarations, never written by hand (STYLE.md
 * habit 3). Schemas are the routes' TypeBox schemas as they are: a schema carrying `$id` is listed
 * once under `components.schemas` and referenced; `Type.Record` becomes `additionalProperties`.
 * A body schema may list the media types it accepts in `x-content-types` (JSON by default).
 * A route that repeats another of its family — same method and handler, URL without the `/v<N>`
 * prefix — is an unversioned alias: it is named in the versioned operation's description instead
 * of being listed twice. The output is deterministic (sorted), so it can be snapshot-tested.
 */
export function openApiDocument(families: readonly DocumentedFamily[], info: OpenApiInfo): Json {
  const components = new Map<string, Json>();
  const paths: Record<string, Record<string, Json>> = {};
  for (const family of families) {
    const aliases = aliasesOf(family.routes);
    for (const route of family.routes) {
      if (aliases.isAlias(route)) continue;
      const path = openApiPath(family.prefix + route.url);
      for (const method of methodsOf(route)) {
        const alias = aliases.aliasOf(route);
        (paths[path] ??= {})[method.toLowerCase()] = operation(family, route, method, path, alias === undefined ? undefined : family.prefix + alias, components);
      }
    }
  }
  const sortedPaths: Record<string, Json> = {};
  for (const path of Object.keys(paths).sort()) {
    const item = paths[path]!;
    sortedPaths[path] = Object.fromEntries(METHOD_ORDER.map((m) => m.toLowerCase()).filter((m) => m in item).map((m) => [m, item[m]]));
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, description: info.description },
    tags: families.map((family) => ({ name: family.name })),
    paths: sortedPaths,
    components: { schemas: Object.fromEntries([...components.entries()].sort(([a], [b]) => a.localeCompare(b))) },
  };
}

function operation(family: DocumentedFamily, route: RouteDeclaration<never>, method: HttpMethod, path: string, alias: string | undefined, components: Map<string, Json>): Json {
  const schema = route.schema ?? {};
  const parameters = [...pathParameters(path, schema.params, components), ...queryParameters(schema.querystring, components)];
  const op: Json = {
    tags: [family.name],
    summary: route.summary,
    operationId: operationId(method, path),
  };
  if (alias !== undefined) op.description = `Also served without the version prefix, at \`${openApiPath(alias)}\`.`;
  if (parameters.length > 0) op.parameters = parameters;
  if (schema.body !== undefined) op.requestBody = requestBody(schema.body, components);
  const responses: Json = {};
  for (const [status, response] of Object.entries(schema.response ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    const converted = convert(response, components);
    responses[status] = { description: describeStatus(Number(status)), content: { 'application/json': { schema: converted } } };
  }
  op.responses = Object.keys(responses).length > 0 ? responses : { '200': { description: 'OK' } };
  return op;
}

function pathParameters(path: string, params: TSchema | undefined, components: Map<string, Json>): Json[] {
  const declared = (plain(params)?.properties ?? {}) as Record<string, Json>;
  return [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => {
    const { description, ...schema } = declared[name!] ?? { type: 'string' };
    return { name, in: 'path', required: true, ...(description === undefined ? {} : { description }), schema: convert(schema, components) };
  });
}

function queryParameters(query: TSchema | undefined, components: Map<string, Json>): Json[] {
  const object = plain(query);
  if (object === undefined) return [];
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries((object.properties ?? {}) as Record<string, Json>).map(([name, property]) => {
    const { description, ...schema } = property;
    return { name, in: 'query', required: required.has(name), ...(description === undefined ? {} : { description }), schema: convert(schema, components) };
  });
}

function requestBody(body: TSchema, components: Map<string, Json>): Json {
  const { 'x-content-types': types, ...schema } = plain(body)!;
  const { description } = schema;
  const converted = convert(schema, components);
  const mediaTypes = Array.isArray(types) ? (types as string[]) : ['application/json'];
  return { ...(description === undefined ? {} : { description }), content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: converted }])) };
}

/** A schema as JSON (TypeBox keeps its bookkeeping in non-enumerable keys), `$id`s hoisted, records as additionalProperties. */
function convert(schema: unknown, components: Map<string, Json>): unknown {
  if (Array.isArray(schema)) return schema.map((item) => convert(item, components));
  if (typeof schema !== 'object' || schema === null) return schema;
  const { $id, ...rest } = schema as Json;
  const out: Json = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'patternProperties' && isAnyKey(value)) out.additionalProperties = convert((value as Json)['^.*$'], components);
    else out[key] = convert(value, components);
  }
  if (typeof $id !== 'string') return out;
  const known = components.get($id);
  if (known === undefined) components.set($id, out);
  else if (JSON.stringify(known) !== JSON.stringify(out)) throw new Error(`two different schemas are named ${$id}`);
  return { $ref: `#/components/schemas/${$id}` };
}

function isAnyKey(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 1 && '^.*$' in value;
}

function plain(schema: TSchema | undefined): Json | undefined {
  return schema === undefined ? undefined : (JSON.parse(JSON.stringify(schema)) as Json);
}

function methodsOf(route: RouteDeclaration<never>): readonly HttpMethod[] {
  return typeof route.method === 'string' ? [route.method] : route.method;
}

/** Finds unversioned aliases: same methods and handler as a `/v<N>` route with the same rest of the URL. */
function aliasesOf(routes: readonly RouteDeclaration<never>[]): { isAlias(route: RouteDeclaration<never>): boolean; aliasOf(route: RouteDeclaration<never>): string | undefined } {
  const aliasOf = new Map<RouteDeclaration<never>, string>();
  const aliases = new Set<RouteDeclaration<never>>();
  for (const route of routes) {
    const match = ALIAS.exec(route.url);
    if (match === null) continue;
    const bare = routes.find((other) => other.url === match[1] && other.handler === route.handler && methodsOf(other).join() === methodsOf(route).join());
    if (bare === undefined) continue;
    aliases.add(bare);
    aliasOf.set(route, bare.url);
  }
  return { isAlias: (route) => aliases.has(route), aliasOf: (route) => aliasOf.get(route) };
}

function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\/\*$/, '/{path}');
}

function operationId(method: HttpMethod, path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  return method.toLowerCase() + words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
}

function describeStatus(status: number): string {
  const texts: Record<number, string> = { 200: 'OK', 202: 'Accepted', 400: 'Bad request', 404: 'Not found', 405: 'Method not allowed', 409: 'Conflict', 413: 'Body too large', 500: 'Internal server error', 503: 'Unavailable' };
  return texts[status] ?? `HTTP ${status}`;
}
