import type { SinkPlugin, SourcePlugin } from '../core/plugin.js';

/** Every connector Sluice ships, sources and sinks. */
export const connectors: readonly (SourcePlugin | SinkPlugin)[] = [];
