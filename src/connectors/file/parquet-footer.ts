import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { parquetMetadata, parquetSchema as parquetSchemaTree, type FileMetaData, type SchemaTree } from 'hyparquet';
import type { Column } from '../../core/table.js';
import { sluiceTypeOf } from './parquet-schema.js';
import { RAW_PARSERS } from './parquet-read-options.js';

/** Reads a Parquet file's footer synchronously (the last 8 bytes, then the metadata before them). */
export function readParquetFooterSync(path: string): FileMetaData {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < 12) throw new Error('too short to be a Parquet file');
    const tail = Buffer.alloc(8);
    readSync(fd, tail, 0, 8, size - 8);
    if (tail.readUInt32LE(4) !== 0x31524150) throw new Error('not a Parquet file (no PAR1 at its end)');
    const length = tail.readUInt32LE(0);
    if (length + 8 > size) throw new Error('its footer is longer than the file');
    const footer = Buffer.alloc(length + 8);
    readSync(fd, footer, 0, length + 8, size - length - 8);
    return parquetMetadata(new Uint8Array(footer.buffer, footer.byteOffset, footer.byteLength), { parsers: RAW_PARSERS });
  } finally {
    closeSync(fd);
  }
}

/** The columns a Parquet file holds, as Sluice types (ParquetReadStrategy.getSeaTunnelRowTypeInfo). */
export function parquetColumns(metadata: FileMetaData): Column[] {
  const root: SchemaTree = parquetSchemaTree(metadata);
  return root.children.map((child) => ({ name: child.element.name, type: sluiceTypeOf(child), nullable: child.element.repetition_type !== 'REQUIRED' }));
}
