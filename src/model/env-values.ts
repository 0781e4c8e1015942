import type {EnvValue} from './types.js'
import type {Path, Scope} from './issues.js'
import {orderedEntries, withKeyOrder} from './key-order.js'
import {isMap, readMap} from './read.js'

function envValue(s: Scope, at: Path, v: unknown): EnvValue | undefined {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v
  if (typeof v === 'number') return v
  if (Array.isArray(v)) {
    const items = v.map((item, i) => envValue(s, [...at, i], item))
    return items.every((i) => i !== undefined) ? (items as EnvValue[]) : undefined
  }
  s.error(at, `env '${String(at[at.length - 1])}' must be a scalar or a list, not ${isMap(v) ? 'a mapping' : typeof v}`)
  return undefined
}

/** An `env` map, values kept raw (rendered Python-style by the env computation). */
export function readEnv(s: Scope, raw: unknown): Record<string, EnvValue> {
  const out: Record<string, EnvValue> = {}
  const keys: string[] = []
  for (const [k, v] of orderedEntries(readMap(s, ['env'], raw))) {
    const value = envValue(s, ['env', k], v)
    if (value !== undefined) [out[k], keys[keys.length]] = [value, k]
  }
  return withKeyOrder(out, keys)
}

/** An `envfile`: a filename or a (nested) list of filenames, flattened, with the YAML path of each. */
export function readEnvfileList(s: Scope, raw: unknown): Array<{file: string; at: Path}> {
  const out: Array<{file: string; at: Path}> = []
  const walk = (v: unknown, at: Path): void => {
    if (v === null || v === undefined) return
    if (typeof v === 'string') out.push({file: v, at})
    else if (Array.isArray(v)) v.forEach((item, i) => walk(item, [...at, i]))
    else s.error(at, `envfile must be a filename or a list of filenames`)
  }
  walk(raw, ['envfile'])
  return out
}
