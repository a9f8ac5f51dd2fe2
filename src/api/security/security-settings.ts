import type { EndpointGroup } from './endpoint-group.js';

/** `read` allows GET (and HEAD); `write` allows every method and implies read. */
export type Permission = 'read' | 'write';

/**
 * A stored secret as the YAML gives it: the plain text, or a hash (`sha256:<hex>` or
 * `scrypt:<salt>:<key>` / `scrypt:<N>:<r>:<p>:<salt>:<key>`, base64 salt and key). See
 * credential-verifier.ts.
 */
export type StoredSecret = { kind: 'plain'; value: string } | { kind: 'hash'; value: string };

export interface BasicUser {
  username: string;
  password: StoredSecret;
  permission: Permission;
}

export interface BearerToken {
  /** A label for the docs and error messages; never the token. */
  name: string;
  token: StoredSecret;
  permission: Permission;
}

/** `rest.auth`: off unless credentials are configured (or `enabled: true`, which then requires them). */
export interface AuthSettings {
  enabled: boolean;
  /** `rest.auth.realm` (sluice), sent in `WWW-Authenticate`. */
  realm: string;
  users: BasicUser[];
  tokens: BearerToken[];
}

/** `rest.cors`: no origins, no CORS headers (and OPTIONS is not answered). */
export interface CorsSettings {
  /** Exact origins (`https://ops.example.com`), or `*` for any. */
  allowedOrigins: string[];
  /** `Access-Control-Max-Age` of preflight answers, seconds. */
  maxAgeSeconds: number;
}

export interface SecuritySettings {
  auth: AuthSettings;
  /** `rest.endpoint-groups.<GROUP>.enabled`; all true by default. */
  endpointGroups: Record<EndpointGroup, boolean>;
  cors: CorsSettings;
}

export function defaultSecuritySettings(): SecuritySettings {
  return {
    auth: { enabled: false, realm: 'sluice', users: [], tokens: [] },
    endpointGroups: { CLUSTER_READ: true, CLUSTER_WRITE: true, DATA: true, HEALTH_CHECK: true },
    cors: { allowedOrigins: [], maxAgeSeconds: 600 },
  };
}
