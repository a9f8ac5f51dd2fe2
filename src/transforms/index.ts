import type { TransformPlugin } from '../core/plugin.js';

/** Every transform Sluice ships. */
export const transforms: readonly TransformPlugin[] = [];
