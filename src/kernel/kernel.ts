import {container as rootContainer, type DependencyContainer} from './di.js'
import {EventBus} from './event-bus.js'
import {applyRecord, registerOne, registerPlugins, makeResolver, type PluginRecord, type RegisterHost, type RegisteredPlugin} from './plugin-host.js'
import {optionIssues, type OptionsSource} from './plugin-options.js'
import {admitPlugins, type PluginCandidate} from './plugin-admission.js'
import {Tokens, type Token} from '../api/tokens.js'
import {MaestroError, type ConfigIssue} from '../api/errors.js'
import type {PlayServices} from '../play/services.js'
import type {LoadServices} from '../model/load.js'
import type {MaestroPlugin} from '../api/plugin.js'
import type {Logger} from '../api/contracts.js'
import type {EventSource, LogEvent} from '../api/events.js'

export type PluginOptions = Readonly<Record<string, Readonly<Record<string, unknown>>>>

export interface KernelOptions {
  /** Plugins as found; those that cannot be used are skipped with a coded problem (`kernel.problems`). */
  readonly plugins: readonly (MaestroPlugin | PluginCandidate)[]
  /** Per-plugin options known before any file is read (the CLI's --plugin-option, the library's `pluginOptions`). */
  readonly pluginOptions?: PluginOptions
}

/**
 * Owns the DI container, the event bus and the registered plugins. One kernel per command run
 * (or per library session); `dispose()` releases what plays opened.
 */
export class Kernel {
  readonly bus: EventBus
  private container: DependencyContainer
  private registered: RegisteredPlugin[] = []
  private records: PluginRecord[] = []
  private bootOptions: PluginOptions = {}
  private skipped: MaestroError[] = []
  private readonly owners = new WeakMap<object, string>()
  /** Log events of plugins' register(), held until reporters can hear them (`releaseLogs()`). */
  private held?: LogEvent[] = []

  private constructor() {
    this.container = rootContainer.createChildContainer()
    this.bus = new EventBus((l) => this.owners.get(l) ?? 'core')
  }

  static async boot(options: KernelOptions): Promise<Kernel> {
    const k = new Kernel()
    const candidates = options.plugins.map((p): PluginCandidate => ('plugin' in p && !('register' in p) ? p : {plugin: p as MaestroPlugin}))
    const {admitted, problems} = admitPlugins(candidates)
    k.bootOptions = options.pluginOptions ?? {}
    const invalid = admitted.flatMap((p) => optionIssues(p, k.bootOptions[p.name] ?? {}, {}))
    if (invalid.length > 0) throw new MaestroError('MAESTRO_CONFIG_INVALID', invalid.map((i) => i.message).join('; '))
    const host = k.registerHost()
    const registration = await registerPlugins(admitted, k.container, host.events, host.log, (name) => k.bootOptions[name] ?? {}, host.resolver)
    k.registered = registration.registered
    k.records = registration.records
    k.skipped = [...problems, ...registration.problems]
    return k
  }

  /**
   * The file's `plugins:` blocks: validates every plugin's options (the file's block, the boot options over it),
   * then registers again each plugin whose options changed, in its place (its first registration is undone).
   * Returns the located issues (nothing is re-registered then) and the plugins that now failed to register.
   */
  async configure(blocks: PluginOptions, source: OptionsSource): Promise<{issues: ConfigIssue[]; problems: MaestroError[]}> {
    const merged = (name: string) => ({...blocks[name], ...this.bootOptions[name]})
    const withBlock = this.records.filter((r) => blocks[r.plugin.name] !== undefined)
    const issues = withBlock.flatMap((r) => optionIssues(r.plugin, merged(r.plugin.name), source))
    const changed = withBlock.filter((r) => JSON.stringify(merged(r.plugin.name)) !== JSON.stringify(r.options))
    if (issues.length > 0 || changed.length === 0) return {issues, problems: []}
    const host = this.registerHost()
    const problems: MaestroError[] = []
    const failed = new Set<string>()
    const records: PluginRecord[] = []
    for (const record of this.records) {
      const p = record.plugin
      const broken = (p.dependencies ?? []).find((d) => failed.has(d))
      if (broken === undefined && !changed.includes(record)) {
        records.push(record)
        continue
      }
      record.undo()
      const again = broken === undefined ? await registerOne(p, host, merged(p.name)) : new MaestroError('MAESTRO_PLUGIN_DEPENDENCY', `plugin ${p.name} depends on ${broken}, which failed to register; skipped`)
      if (again instanceof MaestroError) {
        failed.add(p.name)
        problems.push(again)
      } else records.push(again)
    }
    this.container = rootContainer.createChildContainer()
    for (const r of records) applyRecord(this.container, r)
    this.records = records
    this.registered = this.registered.filter((r) => !failed.has(r.name))
    this.skipped = [...this.skipped, ...problems]
    return {issues: [], problems}
  }

  private registerHost(): RegisterHost {
    return {resolver: makeResolver(() => this.container), events: (name) => this.eventsFor(name), log: (name) => this.loggerFor(name)}
  }

  get plugins(): readonly RegisteredPlugin[] {
    return this.registered
  }

  /** One coded MAESTRO_PLUGIN_* error per plugin that was skipped. */
  get problems(): readonly MaestroError[] {
    return this.skipped
  }

  get events(): EventSource {
    return this.bus
  }

  resolveAll<T>(token: Token<T>): T[] {
    return makeResolver(this.container).resolveAll(token)
  }

  /** The first provider for which `accepts` is true (Rollup's hookFirst in DI). */
  first<T>(token: Token<T>, accepts: (p: T) => boolean, what: string): T {
    const found = this.resolveAll(token).find(accepts)
    if (!found) throw new MaestroError('MAESTRO_NO_PROVIDER', `no plugin provides ${what}`)
    return found
  }

  /** The services one play uses, resolved now (R11: nothing else of the kernel reaches the play engine). */
  playServices(): PlayServices {
    return {
      emit: (event, payload) => this.bus.emit(event, payload),
      logger: (source) => this.loggerFor(source),
      transports: this.resolveAll(Tokens.Transport),
      checks: this.resolveAll(Tokens.Check),
      schedulers: this.resolveAll(Tokens.Scheduler),
    }
  }

  loadServices(): LoadServices {
    return {loaders: this.resolveAll(Tokens.Loader), emit: (event, payload) => this.bus.emit(event, payload)}
  }

  loggerFor(source: string): Logger {
    const send = (level: LogEvent['level']) => (message: string) => {
      const e: LogEvent = {level, source, message}
      if (this.held) this.held.push(e)
      else this.bus.emit('log', e)
    }
    return {debug: send('debug'), info: send('info'), warn: send('warn')}
  }

  /** Emits the held register()-time logs, once; from then on logs go straight to the bus. */
  releaseLogs(): void {
    const held = this.held
    this.held = undefined
    for (const e of held ?? []) this.bus.emit('log', e)
  }

  get log(): Logger {
    return this.loggerFor('core')
  }

  private eventsFor(plugin: string): EventSource {
    const bus = this.bus
    const owners = this.owners
    const view: EventSource = {
      on(event, listener) {
        owners.set(listener, plugin)
        bus.on(event, listener)
        return view
      },
      once(event, listener) {
        owners.set(listener, plugin)
        bus.once(event, listener)
        return view
      },
      off(event, listener) {
        bus.off(event, listener)
        return view
      },
    }
    return view
  }

  async dispose(): Promise<void> {
    await this.bus.drain()
  }
}

export {Tokens}
