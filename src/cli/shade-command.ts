import { readFile, writeFile } from 'node:fs/promises';
import { formatFromFileName } from '../config/parse-job-config.js';
import { decryptJobConfig, encryptJobConfig } from '../config/shade/shade-job-config.js';
import { ConfigError, formatProblem } from '../core/errors.js';

/**
 * `sluice encrypt|decrypt <config>`: SeaTunnel's `--encrypt`/`--decrypt`. Prints the config with
 * its sensitive values (en|de)crypted by `env.shade.identifier`, or writes it to `--output`.
 */
export async function shadeCommand(direction: 'encrypt' | 'decrypt', file: string, output: string | undefined): Promise<number> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new ConfigError([{ path: '', message: `cannot read ${file}: ${error.code === 'ENOENT' ? 'file not found' : error.message}` }]);
  });
  const shade = direction === 'encrypt' ? encryptJobConfig : decryptJobConfig;
  const result = shade(text, { format: formatFromFileName(file) });
  for (const warning of result.warnings) process.stderr.write(`warning: ${formatProblem(warning)}\n`);
  if (output === undefined) process.stdout.write(result.text.endsWith('\n') ? result.text : `${result.text}\n`);
  else await writeFile(output, result.text);
  return 0;
}
