import {container as rootContainer, type DependencyContainer} from './di.js'
import {EventBus} from './event-bus.js'
import {registerPlugins, makeResolver, type RegisteredPlugin} from './plugin-host.js'
import {admitPlugins, type PluginCandidate} from './plugin-admission.js'
import {Tokens, type Token} from '../api/tokens.js'
import {MaestroError} from '../api/errors.js'
import type {PlayServices} from '../play/services.js'
import type {LoadServices} from '../model/load.js'
import type {MaestroPlugin} from '../api/plugin.js'
import type {Logger} from '../api/contracts.js'
import type {EventSource, LogEvent} from '../api/events.js'

export interface KernelOptions {
  /** Plugins as found; those that cannot be used are skipped with a coded problem (`kernel.problems`). */
  readonly plugins: readonly (MaestroPlugin | PluginCandidate)[]
  /** Per-plugin options (the environment file's `plugins:` key). */
  readonly pluginOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>
}

/**
 * Owns the DI container, the event bus and the registered plugins. One kernel per command run
 * (or per library session); `dispose()` releases what plays opened.
 */
export class Kernel {
  readonly bus: EventBus
  private readonly container: DependencyContainer
  private registered: RegisteredPlugin[] = []
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
    const registration = await registerPlugins(
      admitted,
      k.container,
      (name) => k.eventsFor(name),
      (name) => k.loggerFor(name),
      (name) => options.pluginOptions?.[name] ?? {},
    )
    k.registered = registration.registered
    k.skipped = [...problems, ...registration.problems]
    return k
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
