import type { SinkPlugin, SourcePlugin } from '../core/plugin.js';
import { assertSink } from './assert/assert-sink.js';
import { consoleSink } from './console/console-sink.js';
import { fakeSource } from './fake/fake-source.js';
import { localFileSink } from './file/local-file-sink.js';
import { localFileSource } from './file/local-file-source.js';
import { jdbcSink } from './jdbc/sink/jdbc-sink.js';
import { jdbcSource } from './jdbc/source/jdbc-source.js';

/** Every connector Sluice ships, sources and sinks. */
export const connectors: readonly (SourcePlugin | SinkPlugin)[] = [fakeSource, consoleSink, assertSink, localFileSource, localFileSink, jdbcSource, jdbcSink];
