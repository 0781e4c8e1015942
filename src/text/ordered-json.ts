import {orderedEntries} from '../model/key-order.js'

/**
 * `JSON.stringify(value, null, indent)`, except that objects list their keys in written order (key-order.ts):
 * JSON.stringify would put integer-like keys (`"10"`, `"2"`) first.
 */
export function orderedJson(value: unknown, indent = 2): string {
  const write = (raw: unknown, depth: number): string | undefined => {
    const v = typeof (raw as {toJSON?: unknown})?.toJSON === 'function' ? (raw as {toJSON: () => unknown}).toJSON() : raw
    if (v === null || typeof v !== 'object') return JSON.stringify(v)
    const [inner, outer] = [' '.repeat(indent * (depth + 1)), ' '.repeat(indent * depth)]
    const block = (open: string, parts: string[], close: string): string =>
      parts.length === 0 ? `${open}${close}` : `${open}\n${inner}${parts.join(`,\n${inner}`)}\n${outer}${close}`
    if (Array.isArray(v)) return block('[', v.map((item) => write(item, depth + 1) ?? 'null'), ']')
    const parts: string[] = []
    for (const [k, item] of orderedEntries(v as Record<string, unknown>)) {
      const text = write(item, depth + 1)
      if (text !== undefined) parts.push(`${JSON.stringify(k)}: ${text}`)
    }
    return block('{', parts, '}')
  }
  return write(value, 0) ?? 'undefined'
}
