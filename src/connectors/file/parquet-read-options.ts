import type { FileMetaData, ParquetParsers, SchemaElement } from 'hyparquet';

const utf8 = new TextDecoder();

/**
 * hyparquet parsers that hand over raw values: timestamps as integer counts of their unit, dates
 * as day numbers, JSON as its text. parquet-values.ts turns them into exact Sluice values.
 */
export const RAW_PARSERS: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (value: bigint) => value,
  timestampFromMicroseconds: (value: bigint) => value,
  timestampFromNanoseconds: (value: bigint) => value,
  dateFromDays: (value: number) => value,
  jsonFromBytes: (bytes: Uint8Array) => (bytes === undefined ? bytes : utf8.decode(bytes)),
};

/**
 * The metadata to read with: DECIMAL annotations removed, so hyparquet returns decimals as their
 * raw integers or bytes instead of rounding them into doubles.
 */
export function rawMetadata(metadata: FileMetaData): FileMetaData {
  const schema = metadata.schema.map((element): SchemaElement => {
    if (element.converted_type !== 'DECIMAL' && element.logical_type?.type !== 'DECIMAL') return element;
    const { converted_type: _converted, logical_type: _logical, ...rest } = element;
    return rest;
  });
  return { ...metadata, schema };
}
