import type {MaestroPlugin, PluginContext, Provider, Registry, Resolver} from '../api/plugin.js'
import {MaestroError, describeError} from '../api/errors.js'
import type {EventName, Listener} from '../api/events.js'
import type {Token} from '../api/tokens.js'
import type {DependencyContainer} from './di.js'
import type {EventSource} from '../api/events.js'
import type {Logger} from '../api/contracts.js'

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

export function makeResolver(container: DependencyContainer | (() => DependencyContainer)): Resolver {
  const current = typeof container === 'function' ? container : () => container
  return {
    resolve: <T>(t: Token<T>) => current().resolve(t as symbol) as T,
    resolveAll: <T>(t: Token<T>) => (current().isRegistered(t as symbol, true) ? (current().resolveAll(t as symbol) as T[]) : []),
  }
}

export interface RegisteredPlugin {
  readonly name: string
  readonly api: string
}

/** One plugin's registration: what it provided and how to take back its listeners. */
export interface PluginRecord {
  readonly plugin: MaestroPlugin
  readonly options: Readonly<Record<string, unknown>>
  readonly staged: readonly (readonly [symbol, object])[]
  readonly undo: () => void
}

export interface Registration {
  readonly registered: RegisteredPlugin[]
  readonly records: PluginRecord[]
  readonly problems: MaestroError[]
}

export interface RegisterHost {
  readonly resolver: Resolver
  events(plugin: string): EventSource
  log(plugin: string): Logger
}

/** Calls one plugin's register() on a staging registry; nothing is kept when it throws. */
export async function registerOne(p: MaestroPlugin, host: RegisterHost, options: Readonly<Record<string, unknown>>): Promise<PluginRecord | MaestroError> {
  const staged: [symbol, object][] = []
  const registry: Registry = {register: (t, provider) => void staged.push([t as symbol, toTsyringe(provider, host.resolver)])}
  const {view, undo} = recordingView(host.events(p.name))
  try {
    await p.register({registry, events: view, options, log: host.log(p.name)} satisfies PluginContext)
  } catch (error) {
    undo()
    return new MaestroError('MAESTRO_PLUGIN_REGISTER', `plugin ${p.name} failed to register and was skipped: ${describeError(error)}`, {cause: error})
  }
  return {plugin: p, options, staged, undo}
}

/**
 * Registers admitted plugins in order. Registration is staged: a plugin whose register() throws leaves no
 * provider and no listener behind, and plugins that depend on it are skipped too.
 */
export async function registerPlugins(
  plugins: readonly MaestroPlugin[],
  container: DependencyContainer,
  events: (plugin: string) => EventSource,
  log: (plugin: string) => Logger,
  options: (plugin: string) => Readonly<Record<string, unknown>>,
  resolver: Resolver = makeResolver(container),
): Promise<Registration> {
  const registered: RegisteredPlugin[] = []
  const records: PluginRecord[] = []
  const problems: MaestroError[] = []
  const failed = new Set<string>()
  for (const p of orderPlugins(plugins)) {
    const broken = (p.dependencies ?? []).find((d) => failed.has(d))
    if (broken !== undefined) {
      failed.add(p.name)
      problems.push(new MaestroError('MAESTRO_PLUGIN_DEPENDENCY', `plugin ${p.name} depends on ${broken}, which failed to register; skipped`))
      continue
    }
    const record = await registerOne(p, {resolver, events, log}, options(p.name))
    if (record instanceof MaestroError) {
      failed.add(p.name)
      problems.push(record)
      continue
    }
    applyRecord(container, record)
    records.push(record)
    registered.push({name: p.name, api: p.api})
  }
  return {registered, records, problems}
}

export function applyRecord(container: DependencyContainer, record: PluginRecord): void {
  for (const [token, provider] of record.staged) container.register(token, provider as never)
}

/** An event view that remembers its subscriptions, so a failed registration can take them back. */
function recordingView(events: EventSource): {view: EventSource; undo: () => void} {
  const subscribed: [EventName, Listener<EventName>][] = []
  const view: EventSource = {
    on(event, listener) {
      subscribed.push([event, listener as Listener<EventName>])
      events.on(event, listener)
      return view
    },
    once(event, listener) {
      subscribed.push([event, listener as Listener<EventName>])
      events.once(event, listener)
      return view
    },
    off(event, listener) {
      events.off(event, listener)
      return view
    },
  }
  return {view, undo: () => subscribed.forEach(([e, l]) => events.off(e, l))}
}
