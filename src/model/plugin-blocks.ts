/** The file's `plugins: {name: {...}}` as read before normalization (malformed entries are left to it to report). */
import {isMap} from './read.js'

export function pluginBlocks(data: unknown): Record<string, Readonly<Record<string, unknown>>> {
  const plugins = isMap(data) ? data.plugins : undefined
  if (!isMap(plugins)) return {}
  return Object.fromEntries(Object.entries(plugins).filter(([, v]) => isMap(v) || v === null).map(([k, v]) => [k, isMap(v) ? v : {}]))
}
