import type { ConfigProblem } from '../../core/errors.js';
import type { OptionValues } from '../../core/option-spec.js';
import { ZSTD_AVAILABLE } from './parquet-codecs.js';

/**
 * compress_codec against file_format_type: text, csv and json files take `none` or `gzip`;
 * Parquet takes `none`, `snappy`, `gzip`, `brotli` and (on Node 22.15+) `zstd`. SeaTunnel's `lzo`
 * and `lz4` have no maintained JavaScript codec and are refused.
 */
export function checkFormatCodec(options: OptionValues, defaultFormat: string | undefined): ConfigProblem[] {
  const format = String(options['file_format_type'] ?? defaultFormat ?? '');
  const codec = String(options['compress_codec'] ?? 'none');
  if (codec === 'lzo' || codec === 'lz4') return [{ path: 'compress_codec', message: `${codec} is not supported by Sluice; use ${format === 'parquet' ? 'snappy, gzip or brotli' : 'gzip'}` }];
  if (format === 'parquet') {
    if (codec === 'zstd' && !ZSTD_AVAILABLE) return [{ path: 'compress_codec', message: `zstd needs Node 22.15 or later (this is ${process.version}); use snappy, gzip or brotli` }];
    return [];
  }
  if (codec !== 'none' && codec !== 'gzip') return [{ path: 'compress_codec', message: `${codec} is for parquet files; ${format || 'text'} files take none or gzip` }];
  return [];
}
