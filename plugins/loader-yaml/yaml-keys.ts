import {isScalar} from 'yaml'

/** The JS property name a YAML key becomes in the loaded data (`80` → "80", `true` → "true", `~` → ""). */
export function jsKey(node: unknown): string | undefined {
  if (node === null || node === undefined) return ''
  if (!isScalar(node)) return undefined
  if (typeof node.value === 'symbol') return undefined
  return node.value === null ? '' : String(node.value)
}
