import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../route-kit/api-error.js';
import { json, text, type ApiReply } from '../route-kit/api-reply.js';
import type { RouteRequest } from '../route-kit/route-declaration.js';
import { MAPS, SEATUNNEL_PREFIX, type SeaTunnelContext } from './seatunnel-context.js';
import { seaTunnelParams } from './seatunnel-request.js';

/** A log file name we serve: no path, no traversal. */
const LOG_NAME = /^[\w.-]+\.log$/;

/**
 * GET /logs[/:jobId | /:name.log][?format=json|html] (reference 4.8): the list of this node's log
 * files (HTML by default, JSON with format=json), filtered to names containing the id, or the raw
 * text of one file. The per-job files are `job-<id>.log` in `<data-dir>/logs`, masked when written.
 * No log folder → 404, a missing file → 400, both without a body, as SeaTunnel answers.
 */
export async function logs(request: RouteRequest, context: SeaTunnelContext): Promise<ApiReply> {
  const dir = logDir(context);
  const param = (request.params as { '*'?: string })['*'] ?? '';
  if (param.includes('.log')) return fileText(dir, param);
  const names = (await logNames(dir)).filter((name) => param === '' || name.includes(param));
  const entries = names.map((name) => ({ node: context.node.address, logLink: `http://${context.node.address}${SEATUNNEL_PREFIX}${MAPS}/logs/${name}`, logName: name }));
  if (seaTunnelParams(request).format?.toLowerCase() === 'json') return json(entries);
  return html(entries.map((entry) => ({ href: entry.logLink, label: `${entry.node}-${entry.logName}` })));
}

/** GET /log[/:name]: this node's files as an HTML list linking `log/<name>`, or one file's text. */
export async function log(request: RouteRequest, context: SeaTunnelContext): Promise<ApiReply> {
  const dir = logDir(context);
  const name = (request.params as { '*'?: string })['*'] ?? '';
  if (name !== '') return fileText(dir, name);
  return html((await logNames(dir)).map((file) => ({ href: `log/${file}`, label: file })));
}

/** GET /get-all-log-name (internal in SeaTunnel): the file names as a JSON array. */
export async function allLogNames(_request: RouteRequest, context: SeaTunnelContext): Promise<ApiReply> {
  return json(await logNames(logDir(context)));
}

function logDir({ coordinator }: SeaTunnelContext): string {
  const dir = coordinator.logDir;
  if (dir === undefined) throw new ApiError(404, 'no log folder is configured', { bare: true });
  return dir;
}

async function logNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => LOG_NAME.test(name)).sort();
  } catch {
    return [];
  }
}

async function fileText(dir: string, name: string): Promise<ApiReply> {
  if (!LOG_NAME.test(name)) throw new ApiError(400, `no log file ${name}`, { bare: true });
  try {
    return text(await readFile(join(dir, name)));
  } catch {
    throw new ApiError(400, `no log file ${name}`, { bare: true });
  }
}

function html(links: { href: string; label: string }[]): ApiReply {
  const items = links.map((link) => `<li><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></li>`).join('\n');
  return text(`<html><head><title>Seatunnel log</title></head>\n<body>\n<h2>Seatunnel log</h2>\n<ul>\n${items}\n</ul>\n</body></html>`, 'text/html; charset=utf-8');
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
