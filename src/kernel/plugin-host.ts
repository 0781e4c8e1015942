import {API_VERSION, type MaestroPlugin, type PluginContext, type Provider, type Registry, type Resolver} from '../api/plugin.js'
import {MaestroError, isMaestroError} from '../api/errors.js'
import type {Token} from '../api/tokens.js'
import type {DependencyContainer} from './di.js'
import type {EventSource} from '../api/events.js'
import type {Logger} from '../api/contracts.js'

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

export function validatePlugins(plugins: readonly MaestroPlugin[]): void {
  const seen = new Set<string>()
  for (const p of plugins) {
    if (!p || typeof p.name !== 'string' || typeof p.register !== 'function') {
      throw new MaestroError('MAESTRO_PLUGIN_LOAD', `plugin ${String((p as {name?: unknown})?.name ?? '?')} does not export a name and a register() function`)
    }
    if (seen.has(p.name)) throw new MaestroError('MAESTRO_PLUGIN_DUPLICATE', `plugin ${p.name} is registered twice`)
    seen.add(p.name)
    if (typeof p.api !== 'string' || !apiAccepts(p.api)) {
      throw new MaestroError('MAESTRO_PLUGIN_API', `plugin ${p.name} needs plugin API ${String(p.api)}, but this Maestro provides ${API_VERSION}`)
    }
  }
  for (const p of plugins) {
    for (const d of p.dependencies ?? []) {
      if (!seen.has(d)) throw new MaestroError('MAESTRO_PLUGIN_DEPENDENCY', `plugin ${p.name} depends on ${d}, which is not installed`)
    }
  }
}

/** pre, normal, post; then dependencies before dependents (stable otherwise). */
export function orderPlugins(plugins: readonly MaestroPlugin[]): MaestroPlugin[] {
  const rank = (p: MaestroPlugin) => (p.order === 'pre' ? 0 : p.order === 'post' ? 2 : 1)
  const sorted = [...plugins].sort((a, b) => rank(a) - rank(b))
  const byName = new Map(sorted.map((p) => [p.name, p]))
  const out: MaestroPlugin[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (p: MaestroPlugin, trail: string[]): void => {
    const s = state.get(p.name)
    if (s === 'done') return
    if (s === 'visiting') throw new MaestroError('MAESTRO_PLUGIN_DEPENDENCY', `plugin dependency cycle: ${[...trail, p.name].join(' -> ')}`)
    state.set(p.name, 'visiting')
    for (const d of p.dependencies ?? []) visit(byName.get(d)!, [...trail, p.name])
    state.set(p.name, 'done')
    out.push(p)
  }
  for (const p of sorted) visit(p, [])
  return out
}

function toTsyringe<T>(provider: Provider<T>, resolver: Resolver): object {
  if ('useValue' in provider) return {useValue: provider.useValue}
  if ('useFactory' in provider) {
    let made = false
    let value: T
    // one instance per container, built on first resolve (tsyringe refuses Singleton on factories)
    return {useFactory: () => (made ? value : ((made = true), (value = provider.useFactory(resolver))))}
  }
  return {useClass: provider.useClass}
}

export function makeResolver(container: DependencyContainer): Resolver {
  return {
    resolve: <T>(t: Token<T>) => container.resolve(t as symbol) as T,
    resolveAll: <T>(t: Token<T>) => (container.isRegistered(t as symbol, true) ? (container.resolveAll(t as symbol) as T[]) : []),
  }
}

export interface RegisteredPlugin {
  readonly name: string
  readonly api: string
}

export async function registerPlugins(
  plugins: readonly MaestroPlugin[],
  container: DependencyContainer,
  events: (plugin: string) => EventSource,
  log: (plugin: string) => Logger,
  options: (plugin: string) => Readonly<Record<string, unknown>>,
): Promise<RegisteredPlugin[]> {
  validatePlugins(plugins)
  const resolver = makeResolver(container)
  const done: RegisteredPlugin[] = []
  for (const p of orderPlugins(plugins)) {
    const registry: Registry = {
      register: (t, provider) => {
        container.register(t as symbol, toTsyringe(provider, resolver) as never)
      },
    }
    const context: PluginContext = {registry, events: events(p.name), options: options(p.name), log: log(p.name)}
    try {
      await p.register(context)
    } catch (error) {
      if (isMaestroError(error)) throw error
      throw new MaestroError('MAESTRO_PLUGIN_LOAD', `plugin ${p.name} failed to register: ${error instanceof Error ? error.message : String(error)}`, {cause: error})
    }
    done.push({name: p.name, api: p.api})
  }
  return done
}
