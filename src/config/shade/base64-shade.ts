import type { ConfigShade } from './config-shade.js';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;

/** SeaTunnel's `base64` shade: UTF-8 bytes in standard Base64 (`seatunnel` ↔ `c2VhdHVubmVs`). */
export const base64Shade: ConfigShade = {
  identifier: 'base64',
  encrypt: (plain) => Buffer.from(plain, 'utf8').toString('base64'),
  decrypt(cipherText) {
    // Buffer skips characters that are not Base64; Java's decoder refuses them, and so do we.
    if (!BASE64.test(cipherText)) throw new Error('not Base64 text');
    return Buffer.from(cipherText, 'base64').toString('utf8');
  },
};
