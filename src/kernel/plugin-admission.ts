/**
 * The one plugin policy, for the CLI and the library alike: a plugin that cannot be used is skipped with a coded
 * problem (MAESTRO_PLUGIN_*), and every other plugin still loads.
 */
import {API_VERSION, type MaestroPlugin} from '../api/plugin.js'
import {MaestroError} from '../api/errors.js'

/** A plugin as found, with the package it came from when known (for the messages). */
export interface PluginCandidate {
  readonly plugin: MaestroPlugin
  readonly from?: string
}

export interface Admission {
  readonly admitted: MaestroPlugin[]
  readonly problems: MaestroError[]
}

/** True when a semver range (`^1.0.0`, `1.x`, `>=1.0.0 <2`, `*`) accepts the running API's major version. */
export function apiAccepts(range: string, version = API_VERSION): boolean {
  const major = Number(version.split('.')[0])
  const r = range.trim()
  if (r === '*' || r === 'x') return true
  const m = /^(?:\^|~|>=|=)?\s*v?(\d+)/.exec(r)
  if (!m) return false
  if (r.startsWith('>=')) {
    const upper = /<\s*v?(\d+)/.exec(r)
    return major >= Number(m[1]) && (!upper || major < Number(upper[1]))
  }
  return Number(m[1]) === major
}

const isPlugin = (p: unknown): p is MaestroPlugin =>
  typeof p === 'object' && p !== null && typeof (p as MaestroPlugin).name === 'string' && typeof (p as MaestroPlugin).register === 'function'

/** Shape and API range, then duplicates, then missing dependencies (transitively). */
export function admitPlugins(candidates: readonly PluginCandidate[]): Admission {
  const problems: MaestroError[] = []
  const byName = new Map<string, MaestroPlugin>()
  for (const {plugin: p, from} of candidates) {
    if (!isPlugin(p)) {
      problems.push(new MaestroError('MAESTRO_PLUGIN_LOAD', `plugin package ${from ?? '(library)'} returned something that is not a Maestro plugin; skipped`))
    } else if (typeof p.api !== 'string' || !apiAccepts(p.api)) {
      const source = from === undefined ? '' : ` (from ${from})`
      problems.push(new MaestroError('MAESTRO_PLUGIN_API', `plugin ${p.name}${source} needs plugin API ${String(p.api)}, but this Maestro provides ${API_VERSION}; skipped`))
    } else if (byName.has(p.name)) {
      problems.push(new MaestroError('MAESTRO_PLUGIN_DUPLICATE', `plugin ${p.name} is installed twice; the second copy was skipped`))
    } else {
      byName.set(p.name, p)
    }
  }
  for (let changed = true; changed; ) {
    changed = false
    for (const p of byName.values()) {
      const missing = (p.dependencies ?? []).find((d) => !byName.has(d))
      if (missing === undefined) continue
      problems.push(new MaestroError('MAESTRO_PLUGIN_DEPENDENCY', `plugin ${p.name} depends on ${missing}, which is not installed; skipped`))
      byName.delete(p.name)
      changed = true
    }
  }
  return {admitted: [...byName.values()], problems}
}
