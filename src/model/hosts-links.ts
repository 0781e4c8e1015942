import type {Ship} from './types.js'
import type {Scope} from './issues.js'
import {didYouMean} from './did-you-mean.js'
import {isMap} from './read.js'

/** `{hostname: ip}` or `{hostname: {ship: name}}` (the ship's ip), or a list of `host:ip`. */
export function readExtraHosts(s: Scope, raw: unknown, ships: Readonly<Record<string, Ship>>): Record<string, string> {
  const out: Record<string, string> = {}
  if (raw === undefined || raw === null) return out
  if (Array.isArray(raw)) {
    raw.forEach((entry, i) => {
      const m = typeof entry === 'string' ? /^([^:]+):(.+)$/.exec(entry) : null
      if (m) out[m[1]] = m[2]
      else s.error(['extra_hosts', i], `extra_hosts entries must be 'host:ip', got ${JSON.stringify(entry)}`)
    })
    return out
  }
  if (!isMap(raw)) {
    s.error(['extra_hosts'], `extra_hosts must be a mapping of hostname to ip or {ship: name}`)
    return out
  }
  for (const [host, target] of Object.entries(raw)) {
    if (typeof target === 'string') out[host] = target
    else if (isMap(target) && typeof target.ship === 'string') {
      const ship = ships[target.ship]
      if (ship) out[host] = ship.ip
      else s.error(['extra_hosts', host, 'ship'], `extra_hosts '${host}': unknown ship '${target.ship}'${didYouMean(target.ship, Object.keys(ships))}`)
    } else s.error(['extra_hosts', host], `extra_hosts '${host}' must be an ip or {ship: name}`)
  }
  return out
}

/** `{container: alias}`, or a list of `container` / `container:alias`. */
export function readLinks(s: Scope, raw: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (raw === undefined || raw === null) return out
  if (Array.isArray(raw)) {
    raw.forEach((entry, i) => {
      if (typeof entry !== 'string') s.error(['links', i], `links entries must be 'container' or 'container:alias'`)
      else {
        const [name, alias] = entry.split(':', 2)
        out[name] = alias ?? name
      }
    })
    return out
  }
  if (!isMap(raw)) {
    s.error(['links'], `links must be a mapping of container name to alias`)
    return out
  }
  for (const [name, alias] of Object.entries(raw)) {
    if (alias === null) out[name] = name
    else if (typeof alias === 'string' || typeof alias === 'number') out[name] = String(alias)
    else s.error(['links', name], `link alias for '${name}' must be a string`)
  }
  return out
}
