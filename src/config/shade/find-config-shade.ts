import type { ConfigProblem } from '../../core/errors.js';
import type { SourcePosition } from '../job-config.js';
import { createAes256Shade } from './aes256-shade.js';
import { base64Shade } from './base64-shade.js';
import type { ConfigShade } from './config-shade.js';
import { defaultShade } from './default-shade.js';

export const CONFIG_SHADE_IDENTIFIERS: readonly string[] = ['default', 'base64', 'aes256'];

/**
 * The shade named by `env.shade.identifier` (case-insensitive). An unknown identifier falls back
 * to `default`, as in SeaTunnel, with a warning: values then stay as written. `env` supplies the
 * aes256 key.
 */
export function findConfigShade(
  identifier: string,
  env: Readonly<Record<string, string | undefined>>,
  position?: SourcePosition,
): { shade: ConfigShade; warning?: ConfigProblem } {
  switch (identifier.toLowerCase()) {
    case 'default':
      return { shade: defaultShade };
    case 'base64':
      return { shade: base64Shade };
    case 'aes256':
      return { shade: createAes256Shade(env) };
    default: {
      const message = `unknown shade "${identifier}"; using "default", so sensitive values are used as written (known: ${CONFIG_SHADE_IDENTIFIERS.join(', ')})`;
      return { shade: defaultShade, warning: { path: 'env.shade.identifier', message, severity: 'warning', ...position } };
    }
  }
}
