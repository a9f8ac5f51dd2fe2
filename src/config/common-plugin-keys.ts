/**
 * Keys every plugin block may carry that belong to the job, not to the plugin: its name (JSON), its
 * table wiring in both spellings and its parallelism. They are never plugin options.
 */
export const COMMON_PLUGIN_KEYS: ReadonlySet<string> = new Set([
  'plugin_name',
  'plugin_input',
  'plugin_output',
  'source_table_name',
  'result_table_name',
  'parallelism',
]);
