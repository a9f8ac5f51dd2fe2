import type { TransformPlugin } from '../core/plugin.js';
import { copyTransform } from './copy.js';
import { fieldMapperTransform } from './field-mapper.js';
import { filterRowKindTransform } from './filter-row-kind.js';
import { filterTransform } from './filter.js';
import { jsonPathTransform } from './json-path/json-path.js';
import { replaceTransform } from './replace.js';
import { rowKindExtractorTransform } from './row-kind-extractor.js';
import { splitTransform } from './split.js';
import { sqlTransform } from './sql/sql.js';

/** Every transform Sluice ships. */
export const transforms: readonly TransformPlugin[] = [
  copyTransform,
  fieldMapperTransform,
  filterTransform,
  filterRowKindTransform,
  replaceTransform,
  splitTransform,
  jsonPathTransform,
  rowKindExtractorTransform,
  sqlTransform,
];
