/**
 * A request the API refuses for what it is, not for what the engine said: a malformed parameter,
 * an empty or non-JSON body, a body too large. `status` is the HTTP meaning; each family still
 * words the body its own way. `bare` asks for no body at all (SeaTunnel's log endpoints do that).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly bare: boolean;

  constructor(status: number, message: string, options: { bare?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'ApiError';
    this.status = status;
    this.bare = options.bare ?? false;
  }
}

export const badRequest = (message: string): ApiError => new ApiError(400, message);
