import {isMap, isNode, isScalar, isSeq} from 'yaml'
import {pythonScalarText} from './python-scalars.js'

/**
 * The property name a YAML key becomes in the loaded data: Python's str() of what PyYAML builds, as
 * MaestroNG formats keys (`80` → "80", `1.0` → "1.0", `yes` → "True", `~` → "None").
 */
export function jsKey(node: unknown): string | undefined {
  if (node === null || node === undefined) return 'None'
  if (!isScalar(node)) return undefined
  const {value} = node
  if (typeof value === 'symbol') return undefined
  if (value === null) return 'None'
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (typeof value === 'number') return pythonScalarText(node) ?? String(value)
  return typeof value === 'string' ? (pythonScalarText(node) ?? value) : String(value)
}

/**
 * Python dict keys that are equal although their str() differs: `1`, `1.0` and `true` are one key
 * (PyYAML keeps the last value), so Maestro reports them as a duplicate.
 */
export function sameNumericKey(a: unknown, b: unknown): boolean {
  if (!isScalar(a) || !isScalar(b)) return false
  const numeric = (v: unknown): v is number | boolean => typeof v === 'number' || typeof v === 'boolean'
  return numeric(a.value) && numeric(b.value) && Number(a.value) === Number(b.value)
}

/** Every scalar mapping key becomes its Python text, so the loaded data carries the names MaestroNG uses. */
export function keepPythonKeyText(root: unknown): void {
  const seen = new Set<unknown>()
  const walk = (node: unknown): void => {
    if (!isNode(node) || seen.has(node)) return
    seen.add(node)
    if (isMap(node)) {
      for (const pair of node.items) {
        const text = jsKey(pair.key)
        if (isScalar(pair.key) && text !== undefined) pair.key.value = text
        walk(pair.value)
      }
    } else if (isSeq(node)) node.items.forEach(walk)
  }
  walk(root)
}
