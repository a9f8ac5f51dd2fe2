import type { ConfigShade } from './config-shade.js';

/** The identity: what SeaTunnel uses when `shade.identifier` is absent. */
export const defaultShade: ConfigShade = {
  identifier: 'default',
  encrypt: (plain) => plain,
  decrypt: (cipherText) => cipherText,
};
