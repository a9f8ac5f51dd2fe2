import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SluiceError } from '../../core/errors.js';
import type { ConfigShade } from './config-shade.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const PASSPHRASE_SALT = 'sluice-shade-aes256';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Sluice's own shade (SeaTunnel ships only `default` and `base64`): AES-256-GCM. A value encrypts
 * to base64(iv[12] | tag[16] | ciphertext) with a random iv, so the same value encrypts differently
 * each time; the tag makes a wrong key or an edited value fail instead of decrypting to garbage.
 *
 * The key is read on first use from the environment: `SLUICE_SHADE_KEY`, else the file named by
 * `SLUICE_SHADE_KEY_FILE`. Either holds 64 hex digits or the Base64 of 32 bytes (taken as the key
 * itself) or any other text, a passphrase stretched with scrypt (N=16384, r=8, p=1) over a fixed
 * salt, so that one passphrase always gives the same key. Messages never contain the key.
 */
export function createAes256Shade(env: Readonly<Record<string, string | undefined>>): ConfigShade {
  let key: Buffer | undefined;
  const getKey = (): Buffer => (key ??= readKey(env));
  return {
    identifier: 'aes256',
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', getKey(), iv);
      const encrypted = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString('base64');
    },
    decrypt(cipherText) {
      const bytes = BASE64.test(cipherText) ? Buffer.from(cipherText, 'base64') : Buffer.alloc(0);
      if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('not an aes256 cipher text');
      const decipher = createDecipheriv('aes-256-gcm', getKey(), bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}

function readKey(env: Readonly<Record<string, string | undefined>>): Buffer {
  const fromEnv = env.SLUICE_SHADE_KEY;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return keyFrom(fromEnv.trim());
  const file = env.SLUICE_SHADE_KEY_FILE;
  if (file !== undefined && file !== '') {
    let text: string;
    try {
      text = readFileSync(file, 'utf8').trim();
    } catch (error) {
      throw new SluiceError('ENCRYPTION', `cannot read the aes256 key file ${file} (SLUICE_SHADE_KEY_FILE)`, { cause: error });
    }
    if (text !== '') return keyFrom(text);
    throw new SluiceError('ENCRYPTION', `the aes256 key file ${file} (SLUICE_SHADE_KEY_FILE) is empty`);
  }
  throw new SluiceError(
    'ENCRYPTION',
    "shade 'aes256' needs a key: set SLUICE_SHADE_KEY (64 hex digits, Base64 of 32 bytes, or a passphrase) or SLUICE_SHADE_KEY_FILE (a file holding one)",
  );
}

function keyFrom(material: string): Buffer {
  if (/^[0-9a-fA-F]{64}$/.test(material)) return Buffer.from(material, 'hex');
  if (BASE64.test(material)) {
    const bytes = Buffer.from(material, 'base64');
    if (bytes.length === KEY_BYTES) return bytes;
  }
  return scryptSync(material, PASSPHRASE_SALT, KEY_BYTES);
}
