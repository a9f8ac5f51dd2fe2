import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJobConfig } from '../../src/config/parse-job-config.js';
import { decryptJobConfig, encryptJobConfig } from '../../src/config/shade/shade-job-config.js';

const HOCON = `env {
  shade.identifier = base64
}
# comments are not kept
source {
  Jdbc {
    url = "jdbc:postgresql://db/x"
    username = seatunnel
    password = "seatunnel_password"
    row.num = 10
  }
  Jdbc {
    password = \${PG_PASSWORD}
  }
}
transform {
  Sql {
    password = plain
  }
}
sink {
  Console {
    token = 12345
    query = """select 1"""
  }
}
`;

describe('encryptJobConfig / decryptJobConfig', () => {
  it('encrypts source and sink secrets in HOCON, keeping order, duplicates, paths and placeholders', () => {
    const { text, warnings } = encryptJobConfig(HOCON, { format: 'hocon', env: {} });
    assert.deepEqual(warnings, []);
    assert.equal(
      text,
      `env {
  shade.identifier = base64
}
source {
  Jdbc {
    url = "jdbc:postgresql://db/x"
    username = "c2VhdHVubmVs"
    password = "c2VhdHVubmVsX3Bhc3N3b3Jk"
    row.num = 10
  }
  Jdbc {
    password = \${PG_PASSWORD}
  }
}
transform {
  Sql {
    password = plain
  }
}
sink {
  Console {
    token = "MTIzNDU="
    query = """select 1"""
  }
}
`,
    );
  });

  it('round-trips: decrypting the encrypted config gives the original values', () => {
    const encrypted = encryptJobConfig(HOCON, { format: 'hocon', env: {} }).text;
    const decrypted = decryptJobConfig(encrypted, { format: 'hocon', env: {} }).text;
    const read = (text: string) => parseJobConfig(text, { format: 'hocon', env: { PG_PASSWORD: 'x' }, decrypt: false });
    assert.deepEqual(read(decrypted).source[0].options, { url: 'jdbc:postgresql://db/x', username: 'seatunnel', password: 'seatunnel_password', row: { num: 10 } });
    assert.equal(read(decrypted).sink[0].options.token, '12345');
    // Variables are substituted before decryption, so a variable holds an encrypted value too.
    const loaded = parseJobConfig(encrypted, { format: 'hocon', env: { PG_PASSWORD: 'eA==' } });
    assert.deepEqual(loaded.source[0].options, read(decrypted).source[0].options);
    assert.equal(loaded.source[1].options.password, 'x');
  });

  it('renders JSON for JSON input, keeping big integers exact', () => {
    const input = JSON.stringify({
      env: { 'shade.identifier': 'base64' },
      source: [{ plugin_name: 'Jdbc', password: 'seatunnel', id: '__BIG__' }],
      sink: [{ plugin_name: 'Console' }],
    }).replace('"__BIG__"', '733584788375666689');
    const { text } = encryptJobConfig(input, { format: 'json', env: {} });
    assert.equal(
      text,
      `{
  "env": {
    "shade.identifier": "base64"
  },
  "source": [
    {
      "plugin_name": "Jdbc",
      "password": "c2VhdHVubmVs",
      "id": 733584788375666689
    }
  ],
  "sink": [
    {
      "plugin_name": "Console"
    }
  ]
}
`,
    );
  });

  it('encrypts with aes256 so that loading with the same key gives the secret back', () => {
    const env = { SLUICE_SHADE_KEY: 'a passphrase for tests' };
    const input = 'env { shade.identifier = aes256 }\nsource { Jdbc { password = hunter2 } }\nsink { Console {} }';
    const { text } = encryptJobConfig(input, { format: 'hocon', env });
    assert.doesNotMatch(text, /hunter2/);
    assert.equal(parseJobConfig(text, { format: 'hocon', env }).source[0].options.password, 'hunter2');
  });

  it('warns and changes nothing for an unknown shade', () => {
    const { text, warnings } = encryptJobConfig('env { shade.identifier = nope }\nsource { Jdbc { password = pw } }', { format: 'hocon', env: {} });
    assert.match(text, /password = pw/);
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0].path, 'env.shade.identifier');
  });

  it('throws ConfigError for malformed text', () => {
    assert.throws(() => encryptJobConfig('source { Jdbc { password = pw }', { format: 'hocon', env: {} }), { code: 'CONFIG_INVALID' });
  });
});
