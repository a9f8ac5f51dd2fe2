/** The file formats LocalFile reads and writes, and what follows from each. */
export const FILE_FORMATS = ['text', 'csv', 'json', 'parquet'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** SeaTunnel's CompressFormat names; which of them a format takes is checked by checkFormatCodec. */
export const COMPRESS_CODECS = ['none', 'gzip', 'snappy', 'brotli', 'zstd', 'lz4', 'lzo'] as const;
export type CompressCodec = (typeof COMPRESS_CODECS)[number];

/** SeaTunnel's CompressFormat suffixes, put before `.parquet` as SeaTunnel does (`.snappy.parquet`). */
const PARQUET_CODEC_SUFFIX: Record<string, string> = { none: '', snappy: '.snappy', gzip: '.gz', brotli: '.br', zstd: '.zstd', lz4: '.lz4', lzo: '.lzo' };

/** SeaTunnel's FileFormat suffixes: text files end in `.txt`; gzip text files add `.gz`. */
export function fileExtension(format: FileFormat, codec: CompressCodec): string {
  if (format === 'parquet') return `${PARQUET_CODEC_SUFFIX[codec] ?? ''}.parquet`;
  const base = format === 'text' ? '.txt' : `.${format}`;
  return codec === 'gzip' ? `${base}.gz` : base;
}

/** Hive's `\u0001` for text (TextFormatConstant.SEPARATOR[0]), `,` for csv. */
export function defaultFieldDelimiter(format: FileFormat): string {
  return format === 'csv' ? ',' : '\u0001';
}

/**
 * Character sets, by the Buffer encoding that writes them (undefined: readable only, through
 * TextDecoder). Delimiters are cut in bytes, so every set here keeps ASCII bytes for ASCII.
 */
const ENCODINGS: Record<string, { label: string; buffer: BufferEncoding | undefined; maxCode: number }> = {
  'utf-8': { label: 'utf-8', buffer: 'utf8', maxCode: 0x10ffff },
  utf8: { label: 'utf-8', buffer: 'utf8', maxCode: 0x10ffff },
  'iso-8859-1': { label: 'latin1', buffer: 'latin1', maxCode: 0xff },
  latin1: { label: 'latin1', buffer: 'latin1', maxCode: 0xff },
  'us-ascii': { label: 'ascii', buffer: 'latin1', maxCode: 0x7f },
  ascii: { label: 'ascii', buffer: 'latin1', maxCode: 0x7f },
  gbk: { label: 'gbk', buffer: undefined, maxCode: 0 },
  gb18030: { label: 'gb18030', buffer: undefined, maxCode: 0 },
};

export interface FileEncoding {
  /** The TextDecoder label. */
  label: string;
  /** How to encode text for writing; undefined when the set is read-only here. */
  buffer: BufferEncoding | undefined;
  /** Highest character code the set can write. */
  maxCode: number;
}

export function findEncoding(name: string): FileEncoding | undefined {
  return ENCODINGS[name.trim().toLowerCase()];
}

export function knownEncodings(writable: boolean): string {
  return writable ? 'UTF-8, ISO-8859-1, US-ASCII' : 'UTF-8, ISO-8859-1, US-ASCII, GBK, GB18030';
}

/** Bytes of a delimiter: ASCII delimiters are the same bytes in every supported set. */
export function delimiterBytes(delimiter: string, encoding: FileEncoding): Buffer {
  return Buffer.from(delimiter, encoding.label === 'utf-8' ? 'utf8' : 'latin1');
}

/** Strips `file://` (SeaTunnel's docs write local paths that way). */
export function localPath(path: string): string {
  return path.startsWith('file://') ? path.slice('file://'.length) : path;
}
