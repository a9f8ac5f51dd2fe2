import type { OptionSpec } from '../../core/option-spec.js';
import type { Plugin } from '../../core/plugin.js';
import { closestNames } from '../../core/suggest.js';
import { catalog } from '../../plugins.js';
import { rawJson, type ApiReply } from '../route-kit/api-reply.js';
import { stringifyJsonLossless } from '../route-kit/lossless-json.js';
import type { RouteRequest } from '../route-kit/route-declaration.js';
import { notFound, pathParam, queryValue, unresolvedQuery } from './monitoring-request.js';

const TYPES = ['source', 'transform', 'sink'];

/** GET /v1/plugins[?type=source]: every plugin with its capabilities, sources first. */
export function pluginList(request: RouteRequest): ApiReply {
  return reply({ plugins: selected(request, catalog.all()).map(summary) });
}

/**
 * GET /v1/plugins/:name[?type=]: the plugin's option specs (the ones that validate configs and
 * generate docs/plugins). Names match case-insensitively; a name used by a source and a sink
 * (LocalFile) lists both unless `type` picks one.
 */
export function pluginSpecs(request: RouteRequest): ApiReply {
  const name = pathParam(request, 'name');
  const matching = selected(request, catalog.all()).filter((plugin) => plugin.name.toLowerCase() === name.toLowerCase());
  if (matching.length === 0) {
    const suggestions = closestNames(name, catalog.all().map((plugin) => plugin.name));
    throw notFound(`Plugin ${name} not found.${suggestions.length > 0 ? ` Did you mean ${suggestions.join(' or ')}?` : ''} GET /v1/plugins lists them.`);
  }
  return reply({ plugins: matching.map((plugin) => ({ ...summary(plugin), options: plugin.options.map(optionJson) })) });
}

function selected(request: RouteRequest, plugins: readonly Plugin[]): Plugin[] {
  const type = queryValue(request, 'type')?.toLowerCase();
  if (type !== undefined && !TYPES.includes(type)) throw unresolvedQuery('type', type, 'use source, transform or sink');
  return plugins.filter((plugin) => type === undefined || plugin.type === type).sort((a, b) => TYPES.indexOf(a.type) - TYPES.indexOf(b.type) || a.name.localeCompare(b.name));
}

function summary(plugin: Plugin): Record<string, unknown> {
  return {
    name: plugin.name,
    type: plugin.type,
    description: plugin.description,
    ...(plugin.type === 'source' ? { bounded: plugin.bounded, restorable: plugin.restorable } : {}),
    ...(plugin.type === 'sink' ? { exactlyOnce: plugin.exactlyOnce } : {}),
  };
}

function optionJson(option: OptionSpec): Record<string, unknown> {
  return {
    key: option.key,
    type: option.type,
    description: option.description,
    required: option.required === true,
    ...(option.default === undefined ? {} : { default: option.default }),
    ...(option.example === undefined ? {} : { example: option.example }),
    ...(option.values === undefined ? {} : { values: [...option.values] }),
    ...(option.elementType === undefined ? {} : { elementType: option.elementType }),
    ...(option.min === undefined ? {} : { min: option.min }),
    ...(option.max === undefined ? {} : { max: option.max }),
    ...(option.fallbackKeys === undefined ? {} : { fallbackKeys: [...option.fallbackKeys] }),
    sensitive: option.sensitive === true,
  };
}

/** Defaults may be 64-bit numbers (bigint): written exactly. */
function reply(body: unknown): ApiReply {
  return rawJson(stringifyJsonLossless(body));
}
