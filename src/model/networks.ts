import type {NetworkAttachment} from './types.js'
import type {Scope} from './issues.js'
import {isMap, readStringList} from './read.js'

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/
const BUILT_IN = new Set(['bridge', 'host', 'none'])

function checkName(s: Scope, sub: (string | number)[], name: string): boolean {
  if (BUILT_IN.has(name)) {
    s.error(sub, `network '${name}' is one of Docker's own; use 'net: ${name}' instead of 'networks'`)
    return false
  }
  if (!NAME.test(name)) {
    s.error(sub, `invalid network name '${name}' (letters, digits, '_', '.', '-', not starting with a symbol)`)
    return false
  }
  return true
}

/**
 * Compose `networks`: a list of names, or `{name: null | {aliases: [...]}}`. The first network is the one the
 * container is created on; the others are connected before it starts. Cannot be combined with `net`.
 */
export function readNetworks(s: Scope, raw: unknown): NetworkAttachment[] | undefined {
  if (raw === undefined || raw === null) return undefined
  const out: NetworkAttachment[] = []
  if (Array.isArray(raw)) {
    raw.forEach((item, i) => {
      if (typeof item !== 'string') s.error(['networks', i], `network names must be strings, got ${JSON.stringify(item)}`)
      else if (out.some((n) => n.name === item)) s.error(['networks', i], `network '${item}' is listed twice`)
      else if (checkName(s, ['networks', i], item)) out.push({name: item, aliases: []})
    })
    return out
  }
  if (!isMap(raw)) {
    s.error(['networks'], `'networks' must be a list of network names or a mapping of name to {aliases}`)
    return undefined
  }
  for (const [name, spec] of Object.entries(raw)) {
    if (!checkName(s, ['networks', name], name)) continue
    if (spec === null || spec === undefined) {
      out.push({name, aliases: []})
      continue
    }
    if (!isMap(spec)) {
      s.error(['networks', name], `network '${name}' must be empty or {aliases: [...]}, got ${JSON.stringify(spec)}`)
      continue
    }
    const unknown = Object.keys(spec).filter((k) => k !== 'aliases')
    if (unknown.length > 0) s.error(['networks', name, unknown[0]], `network '${name}': unsupported key '${unknown[0]}' (Maestro reads aliases)`, 'key')
    out.push({name, aliases: readStringList(s, ['networks', name, 'aliases'], spec.aliases)})
  }
  return out
}
