/** A failed REST call: the HTTP status (0 when the server could not be reached) and the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get unreachable(): boolean {
    return this.status === 0;
  }

  /**
   * The server has no such route (an older server, or an API family that is switched off), as
   * opposed to a route that answered 404 for a resource ("Job could not be found.").
   */
  get missingRoute(): boolean {
    return (this.status === 404 || this.status === 405) && /^(not found|route .* not found|unknown)/i.test(this.message);
  }
}

/** Reads the message out of an error answer in any of our families' formats. */
export async function errorFromResponse(response: Response, path: string): Promise<ApiError> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // the body is unreadable: the status speaks for itself
  }
  return new ApiError(response.status, messageOf(text) || `${response.status} ${response.statusText}`.trim(), path);
}

function messageOf(text: string): string {
  if (text === '') return '';
  try {
    const body = JSON.parse(text) as { errors?: unknown; message?: unknown; error?: unknown };
    if (Array.isArray(body.errors) && body.errors.length > 0) return body.errors.map(String).join('\n'); // Flink's {"errors": [...]}
    if (typeof body.message === 'string' && body.message !== '') return body.message; // SeaTunnel's {"status":"fail","message"}, Fastify's default
    if (typeof body.error === 'string') return body.error;
  } catch {
    // not JSON: plain text
  }
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text.trim();
}
