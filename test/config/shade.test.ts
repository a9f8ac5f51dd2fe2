import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseJobConfig } from '../../src/config/parse-job-config.js';
import { createAes256Shade } from '../../src/config/shade/aes256-shade.js';
import { applyShade } from '../../src/config/shade/apply-shade.js';
import { base64Shade } from '../../src/config/shade/base64-shade.js';
import { isSensitiveKey, maskSensitive } from '../../src/config/shade/sensitive-keys.js';
import { SluiceError } from '../../src/core/errors.js';

const HEX_KEY = 'a'.repeat(64);
const OTHER_HEX_KEY = 'b'.repeat(64);

describe('base64 shade', () => {
  it("matches SeaTunnel's examples", () => {
    assert.equal(base64Shade.encrypt('seatunnel'), 'c2VhdHVubmVs');
    assert.equal(base64Shade.encrypt('seatunnel_password'), 'c2VhdHVubmVsX3Bhc3N3b3Jk');
    assert.equal(base64Shade.decrypt('c2VhdHVubmVsX3Bhc3N3b3Jk'), 'seatunnel_password');
    assert.equal(base64Shade.decrypt(base64Shade.encrypt('pässwörd')), 'pässwörd');
  });

  it('refuses text that is not Base64', () => {
    assert.throws(() => applyShade('decrypt', base64Shade, 'not base64!', 'sink[0].password'), {
      code: 'ENCRYPTION',
      message: "cannot decrypt sink[0].password with shade 'base64': wrong key or corrupted value",
    });
  });
});

describe('aes256 shade', () => {
  it('round-trips with a hex key, and encrypts the same value differently each time', () => {
    const shade = createAes256Shade({ SLUICE_SHADE_KEY: HEX_KEY });
    const first = shade.encrypt('s3cret');
    assert.notEqual(first, shade.encrypt('s3cret'));
    assert.equal(shade.decrypt(first), 's3cret');
    assert.equal(createAes256Shade({ SLUICE_SHADE_KEY: HEX_KEY }).decrypt(first), 's3cret');
  });

  it('accepts a Base64 key, a passphrase and a key file', () => {
    const base64Key = Buffer.from(HEX_KEY, 'hex').toString('base64');
    const fromHex = createAes256Shade({ SLUICE_SHADE_KEY: HEX_KEY }).encrypt('x');
    assert.equal(createAes256Shade({ SLUICE_SHADE_KEY: base64Key }).decrypt(fromHex), 'x');
    const fromPassphrase = createAes256Shade({ SLUICE_SHADE_KEY: 'correct horse battery staple' }).encrypt('y');
    assert.equal(createAes256Shade({ SLUICE_SHADE_KEY: 'correct horse battery staple' }).decrypt(fromPassphrase), 'y');
    const dir = mkdtempSync(join(tmpdir(), 'sluice-shade-'));
    try {
      const file = join(dir, 'key');
      writeFileSync(file, `${HEX_KEY}\n`);
      assert.equal(createAes256Shade({ SLUICE_SHADE_KEY_FILE: file }).decrypt(fromHex), 'x');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with ENCRYPTION, naming the path but not the value or key, on a wrong key or a tampered value', () => {
    const cipherText = createAes256Shade({ SLUICE_SHADE_KEY: HEX_KEY }).encrypt('topsecret');
    const wrongKey = createAes256Shade({ SLUICE_SHADE_KEY: OTHER_HEX_KEY });
    const expected = (error: unknown): boolean => {
      assert.ok(error instanceof SluiceError);
      assert.equal(error.code, 'ENCRYPTION');
      assert.equal(error.message, "cannot decrypt source[0].password with shade 'aes256': wrong key or corrupted value");
      return true;
    };
    assert.throws(() => applyShade('decrypt', wrongKey, cipherText, 'source[0].password'), expected);
    const tampered = Buffer.from(cipherText, 'base64');
    tampered[tampered.length - 1] ^= 1;
    const right = createAes256Shade({ SLUICE_SHADE_KEY: HEX_KEY });
    assert.throws(() => applyShade('decrypt', right, tampered.toString('base64'), 'source[0].password'), expected);
    assert.throws(() => applyShade('decrypt', right, 'plain', 'source[0].password'), expected);
  });

  it('says how to provide a key when none is set', () => {
    assert.throws(() => createAes256Shade({}).encrypt('x'), { code: 'ENCRYPTION', message: /set SLUICE_SHADE_KEY .* or SLUICE_SHADE_KEY_FILE/ });
  });
});

describe('decryption when a config is loaded', () => {
  const configWith = (identifier: string, password: string) => `env { shade.identifier = ${identifier}, shade.options = [extra] }
source { Jdbc { password = "${password}", username = "c2VhdHVubmVs", extra = "c2VhdHVubmVs", nested { password = "c2VhdHVubmVs" } } }
transform { Sql { password = "c2VhdHVubmVs" } }
sink { Console { token = "c2VhdHVubmVs" } }`;

  it('decrypts the sensitive top-level keys of sources and sinks only', () => {
    const config = parseJobConfig(configWith('base64', 'c2VhdHVubmVsX3Bhc3N3b3Jk'), { format: 'hocon', env: {} });
    assert.deepEqual(config.source[0].options, { password: 'seatunnel_password', username: 'seatunnel', extra: 'seatunnel', nested: { password: 'c2VhdHVubmVs' } });
    assert.deepEqual(config.transform[0].options, { password: 'c2VhdHVubmVs' });
    assert.deepEqual(config.sink[0].options, { token: 'seatunnel' });
  });

  it('leaves values alone with decrypt: false', () => {
    const config = parseJobConfig(configWith('base64', 'c2VhdHVubmVs'), { format: 'hocon', env: {}, decrypt: false });
    assert.equal(config.source[0].options.password, 'c2VhdHVubmVs');
  });

  it('decrypts aes256 values with the key from env and fails with the wrong key', () => {
    const cipherText = createAes256Shade({ SLUICE_SHADE_KEY: HEX_KEY }).encrypt('pw');
    const text = `env { shade.identifier = aes256 }\nsource { Jdbc { url = x } }\nsink { Jdbc { password = "${cipherText}" } }`;
    const config = parseJobConfig(text, { format: 'hocon', env: { SLUICE_SHADE_KEY: HEX_KEY } });
    assert.equal(config.sink[0].options.password, 'pw');
    assert.throws(() => parseJobConfig(text, { format: 'hocon', env: { SLUICE_SHADE_KEY: OTHER_HEX_KEY } }), {
      code: 'ENCRYPTION',
      message: "cannot decrypt sink[0].password with shade 'aes256': wrong key or corrupted value",
    });
  });

  it('falls back to the identity with a located warning for an unknown shade', () => {
    const config = parseJobConfig(configWith('rot13', 'c2VhdHVubmVs'), { format: 'hocon', env: {} });
    assert.equal(config.source[0].options.password, 'c2VhdHVubmVs');
    assert.deepEqual(config.problems, [
      {
        path: 'env.shade.identifier',
        message: 'unknown shade "rot13"; using "default", so sensitive values are used as written (known: default, base64, aes256)',
        severity: 'warning',
        line: 1,
        column: 26,
      },
    ]);
  });
});

describe('sensitive keys', () => {
  it('treats ".", "_" and "-" alike, ignores case and matches nested paths', () => {
    for (const key of ['password', 'PASSWORD', 'access.key', 'access-key', 'db.password', 's3.secret_key', 'auth']) {
      assert.equal(isSensitiveKey(key), true, key);
    }
    for (const key of ['passwords', 'host', 'author', 'keyword']) assert.equal(isSensitiveKey(key), false, key);
    assert.equal(isSensitiveKey('kafka.sasl.jaas', ['sasl.jaas']), true);
  });

  it('masks sensitive values deeply without changing the input', () => {
    const options = { url: 'jdbc:x', password: 'p', access: { key: 'k' }, servers: [{ token: 't', port: 1 }], username: null };
    assert.deepEqual(maskSensitive(options), { url: 'jdbc:x', password: '******', access: { key: '******' }, servers: [{ token: '******', port: 1 }], username: null });
    assert.equal(options.password, 'p');
  });

  it('masks credentials inside url values', () => {
    const options = {
      url: 'jdbc:mysql://db:3306/shop?user=app&password=hunter2&useSSL=false',
      other: 'jdbc:postgresql://app:s3cret@db:5432/shop?sslmode=require',
      sqlserver: 'jdbc:sqlserver://db:1433;databaseName=shop;password=hunter2',
      plain: 'a:b@c is not a url',
    };
    assert.deepEqual(maskSensitive(options), {
      url: 'jdbc:mysql://db:3306/shop?user=app&password=******&useSSL=false',
      other: 'jdbc:postgresql://app:******@db:5432/shop?sslmode=require',
      sqlserver: 'jdbc:sqlserver://db:1433;databaseName=shop;password=******',
      plain: 'a:b@c is not a url',
    });
  });
});
