import * as zlib from 'node:zlib';
import type { CompressionCodec } from 'hyparquet';

/**
 * Parquet compression: SNAPPY is built into hyparquet and hyparquet-writer; GZIP and BROTLI come
 * from node:zlib; ZSTD too where this Node has it (22.15 and later). LZ4 and LZO have no
 * maintained JavaScript codec here and are refused when the job is planned.
 */
type Compress = (input: Uint8Array) => Uint8Array;
type Decompress = (input: Uint8Array, outputLength: number) => Uint8Array;

interface ZstdZlib {
  zstdCompressSync?: (input: Uint8Array) => Buffer;
  zstdDecompressSync?: (input: Uint8Array) => Buffer;
}

const zstd = zlib as unknown as ZstdZlib;

/** Whether this Node can write and read zstd (Node 22.15+). */
export const ZSTD_AVAILABLE = typeof zstd.zstdCompressSync === 'function' && typeof zstd.zstdDecompressSync === 'function';

/** compress_codec → the Parquet codec name; undefined for those Sluice cannot write. */
export function parquetCodec(codec: string): CompressionCodec | undefined {
  switch (codec) {
    case 'none':
      return 'UNCOMPRESSED';
    case 'snappy':
      return 'SNAPPY';
    case 'gzip':
      return 'GZIP';
    case 'brotli':
      return 'BROTLI';
    case 'zstd':
      return ZSTD_AVAILABLE ? 'ZSTD' : undefined;
    default:
      return undefined;
  }
}

/** Compressors for hyparquet-writer (SNAPPY is its own). */
export function parquetCompressors(): Partial<Record<CompressionCodec, Compress>> {
  const out: Partial<Record<CompressionCodec, Compress>> = {
    GZIP: (input) => zlib.gzipSync(input),
    BROTLI: (input) => zlib.brotliCompressSync(input),
  };
  if (ZSTD_AVAILABLE) out.ZSTD = (input) => (zstd.zstdCompressSync as (i: Uint8Array) => Buffer)(input);
  return out;
}

/** Decompressors for hyparquet (SNAPPY is its own). */
export function parquetDecompressors(): Partial<Record<CompressionCodec, Decompress>> {
  const out: Partial<Record<CompressionCodec, Decompress>> = {
    GZIP: (input) => zlib.gunzipSync(input),
    BROTLI: (input) => zlib.brotliDecompressSync(input),
  };
  if (ZSTD_AVAILABLE) out.ZSTD = (input) => (zstd.zstdDecompressSync as (i: Uint8Array) => Buffer)(input);
  return out;
}
