import {isMap, pyStr} from './read.js'

/** Labels as a map, or a list of `key=value` / bare `key` (empty value). */
export function parseLabels(spec: unknown): Record<string, string> | string {
  if (spec === undefined || spec === null) return {}
  const out: Record<string, string> = {}
  if (Array.isArray(spec)) {
    for (const item of spec) {
      if (typeof item !== 'string' && typeof item !== 'number') return `label entries must be strings, got ${JSON.stringify(item)}`
      const text = String(item)
      const i = text.indexOf('=')
      if (i === 0) return `label '${text}' has an empty name`
      if (i < 0) out[text] = ''
      else out[text.slice(0, i)] = text.slice(i + 1)
    }
    return out
  }
  if (isMap(spec)) {
    for (const [k, v] of Object.entries(spec)) {
      if (isMap(v) || Array.isArray(v)) return `label '${k}' must have a scalar value`
      out[k] = v === null ? '' : pyStr(v)
    }
    return out
  }
  return `labels must be a list or a mapping`
}
