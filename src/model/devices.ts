import type {DeviceMapping} from './types.js'
import type {Path, Scope} from './issues.js'

const isPermissions = (p: string): boolean => p.length > 0 && p.length <= 3 && [...p].every((c) => 'rwm'.includes(c)) && new Set(p).size === p.length

/** `docker run --device`: `host[:container[:perms]]`; `host:perms` keeps the path. Perms default to rwm. */
export function parseDevice(spec: string): DeviceMapping | string {
  const parts = spec.split(':')
  if (parts.length > 3 || parts[0] === '') return `invalid device '${spec}' (expected host_path[:container_path[:permissions]])`
  const [host] = parts
  let container = host
  let permissions = 'rwm'
  if (parts.length === 3) [, container, permissions] = parts
  else if (parts.length === 2) {
    if (isPermissions(parts[1])) permissions = parts[1]
    else container = parts[1]
  }
  if (!isPermissions(permissions)) return `device '${spec}': invalid permissions '${permissions}' (some of r, w, m)`
  if (!host.startsWith('/') || !container.startsWith('/')) return `device '${spec}': paths must be absolute`
  return {host, container, permissions}
}

/** A string or a list of strings, each with where it is written (for located errors). */
export function locatedStrings(s: Scope, key: string, raw: unknown): Array<[Path, string]> {
  if (typeof raw === 'string' || typeof raw === 'number') return [[[key], String(raw)]]
  if (!Array.isArray(raw)) {
    s.error([key], `'${key}' must be a string or a list of strings`)
    return []
  }
  return raw.flatMap((item, i): Array<[Path, string]> => {
    if (typeof item === 'string' || typeof item === 'number') return [[[key, i], String(item)]]
    s.error([key, i], `'${key}' entries must be strings`)
    return []
  })
}

export function readDevices(s: Scope, raw: unknown): DeviceMapping[] | undefined {
  if (raw === undefined || raw === null) return undefined
  return locatedStrings(s, 'devices', raw).flatMap(([at, spec]) => {
    const d = parseDevice(spec)
    if (typeof d === 'string') s.error(at, d)
    return typeof d === 'string' ? [] : [d]
  })
}

/** `--tmpfs path[:options]` (Compose: a path or a list). Path -> mount options. */
export function readTmpfs(s: Scope, raw: unknown, taken: ReadonlySet<string>): Record<string, string> | undefined {
  if (raw === undefined || raw === null) return undefined
  const out: Record<string, string> = {}
  for (const [at, spec] of locatedStrings(s, 'tmpfs', raw)) {
    const colon = spec.indexOf(':')
    const path = colon < 0 ? spec : spec.slice(0, colon)
    const options = colon < 0 ? '' : spec.slice(colon + 1)
    if (!path.startsWith('/')) s.error(at, `tmpfs '${spec}': the mount path must be absolute`)
    else if (path in out) s.error(at, `tmpfs ${path} is listed twice`)
    else if (taken.has(path)) s.error(at, `tmpfs ${path} is also a volume target`)
    else out[path] = options
  }
  return out
}
