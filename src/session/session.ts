import {Kernel, type PluginOptions} from '../kernel/kernel.js'
import {Tokens} from '../api/tokens.js'
import {MaestroError, describeError, isMaestroError, unknownThingError, type ConfigIssue} from '../api/errors.js'
import type {EventSource} from '../api/events.js'
import type {LoadedDocument, Reporter, ReporterContext} from '../api/contracts.js'
import type {MaestroPlugin} from '../api/plugin.js'
import type {Writable} from 'node:stream'
import type {Environment} from '../model/types.js'
import {checkPluginRules, loadEnvironment, type LoadedEnvironment, type Prepared} from '../model/load.js'
import {pluginBlocks} from '../model/plugin-blocks.js'
import {closest} from '../model/did-you-mean.js'
import {buildServiceGraph, type ServiceGraph} from '../graph/graph.js'
import {selectContainers} from '../graph/select.js'
import {computeContainerEnv, type EnvPair} from '../env/compute.js'
import type {PlayRequest, PlayResult} from '../play/types.js'
import type {PlanResult} from '../play/plan-play.js'
import type {PluginCandidate} from '../kernel/plugin-admission.js'
import {unknownProvider} from '../kernel/unknown-provider.js'
import {attachNotifiers, auditRule, type AttachedNotifier} from './notifiers.js'
import type {PlayCallOptions, SelectOptionsFor} from './options.js'
import type {Action} from '../api/events.js'
import type {PlayOptions} from '../play/types.js'
import type {TransportFlags} from '../api/contracts.js'
import type {HeldLock} from '../lock/deploy-lock.js'
import type {LockState} from '../lock/holder.js'
import type {DockerClient} from '../api/docker.js'
import {COMMANDS} from '../command-table.js'

export interface LockOptions {
  /** Seconds to wait for another run's lock (default 0: fail at once, exit 5). */
  readonly timeoutSeconds?: number
  readonly signal?: AbortSignal
  readonly transportFlags?: TransportFlags
}

type Variables = Readonly<Record<string, string | undefined>>

/** The engine's options, picked out of a call's options (the rest is selection and scheduling). */
function playOptions(o: PlayCallOptions): PlayOptions {
  const {refreshImages, reuse, converge, stepDelay, stopStartDelay, onlyIfChanged, full, keepFailed, removeOrphans} = o
  return {refreshImages, reuse, converge, stepDelay, stopStartDelay, onlyIfChanged, full, keepFailed, removeOrphans}
}

export interface BootOptions {
  /** Plugins as found; one that cannot be used is skipped with a coded problem (`session.problems`). */
  readonly plugins: readonly (MaestroPlugin | PluginCandidate)[]
  /** Problems found before boot (packages whose hook could not be loaded). */
  readonly problems?: readonly MaestroError[]
  /** Variables templates see as `env` and transports read (default: process.env). */
  readonly env?: Variables
  /** Options by plugin name, over the file's `plugins:` blocks key by key (the CLI's --plugin-option). */
  readonly pluginOptions?: PluginOptions
}

export interface SessionLoadOptions {
  /** The file's text when the file is `-`. */
  readonly stdin?: string
  /** Attach the file's `audit:` notifiers (default true). */
  readonly audit?: boolean
}

/** What went wrong while closing: errors fail the command, warnings are only shown. */
export interface Teardown {
  readonly errors: readonly string[]
  readonly warnings: readonly string[]
}

/**
 * One run of Maestro, from plugin boot to teardown, for the CLI and the library alike: boots the kernel (one
 * plugin policy), loads the environment file once, attaches its notifiers and the chosen reporters, runs plays,
 * and at the end awaits every listener, reporter and notifier.
 */
export class Session {
  private loading?: Promise<LoadedEnvironment>
  private loadedEnv?: LoadedEnvironment
  private serviceGraph?: ServiceGraph
  private readonly reporters: {reporter: Reporter; close: () => Promise<void>}[] = []
  private notifiers: readonly AttachedNotifier[] = []
  private teardown?: Promise<Teardown>
  /** The deploy lock this session holds (taken before its first change, released at finish). */
  private held?: Promise<HeldLock | undefined>
  /** Errors some event already carried (`config:error`, `play:end`, `play:error`): never reported twice. */
  private readonly reported = new WeakSet<object>()

  private constructor(
    private readonly kernel: Kernel,
    private readonly found: readonly MaestroError[],
    readonly variables: Variables,
  ) {
    const note = (e: {error?: unknown}) => void (e.error && typeof e.error === 'object' && this.reported.add(e.error))
    kernel.bus.on('config:error', note).on('play:end', note).on('play:error', note)
  }

  static async boot(options: BootOptions): Promise<Session> {
    const kernel = await Kernel.boot({plugins: options.plugins, ...(options.pluginOptions ? {pluginOptions: options.pluginOptions} : {})})
    return new Session(kernel, options.problems ?? [], options.env ?? process.env)
  }

  /** Plugins that could not be used, each a coded MaestroError (more may follow `load()`, see `configure`). */
  get problems(): readonly MaestroError[] {
    return [...this.found, ...this.kernel.problems]
  }

  /** The event catalogue (docs/plugins.md): what reporters and notifiers receive. */
  get events(): EventSource {
    return this.kernel.events
  }

  /** Loads and validates the environment file, once; a second call returns the first result. */
  load(file: string, options: SessionLoadOptions = {}): Promise<LoadedEnvironment> {
    this.assertOpen()
    this.loading ??= loadEnvironment(this.kernel, file, {
      env: this.variables,
      ...(options.stdin === undefined ? {} : {stdin: options.stdin}),
      prepare: (document) => this.configurePlugins(document, options.audit !== false),
    }).then((loaded) => {
      this.loadedEnv = loaded
      if (options.audit !== false) this.notifiers = attachNotifiers(this.kernel, loaded)
      return loaded
    })
    return this.loading
  }

  /** The file's `plugins:` blocks reach the plugins (registered again with them) before the file is normalized. */
  private async configurePlugins(document: LoadedDocument, audit: boolean): Promise<Prepared> {
    const {issues} = await this.kernel.configure(pluginBlocks(document.data), {
      locate: (name, key) => document.locate(['plugins', name, ...(key === undefined ? [] : [key])], 'key'),
    })
    const checks = checkPluginRules(this.kernel.resolveAll(Tokens.Check))
    return {issues, rules: audit ? {...checks, checkAudit: auditRule(this.kernel.resolveAll(Tokens.Notifier))} : checks}
  }

  /** The file through its loader only, not validated (shell completion wants names, fast and quiet). */
  async readDocument(file: string): Promise<LoadedDocument> {
    const loader = this.kernel.loadServices().loaders.find((l) => l.canLoad(file))
    if (!loader) throw new MaestroError('MAESTRO_NO_PROVIDER', `no plugin provides a loader for ${file}`)
    return loader.load(file, {env: this.variables})
  }

  get environment(): Environment {
    return this.loaded().environment
  }

  get warnings(): readonly ConfigIssue[] {
    return this.loaded().warnings
  }

  get document(): LoadedDocument {
    return this.loaded().document
  }

  /** The service dependency graph (requires and volumes_from edges). */
  get graph(): ServiceGraph {
    return (this.serviceGraph ??= buildServiceGraph(this.environment))
  }

  /** The environment the container receives, in order (a null value is a bare `KEY`). */
  envOf(container: string): EnvPair[] {
    if (!this.environment.containers[container]) {
      throw unknownThingError(container, closest(container, Object.keys(this.environment.containers)))
    }
    return computeContainerEnv(this.environment, container)
  }

  /** Container names a command would act on, in environment order (reference §1). */
  select(things: readonly string[] = [], options: SelectOptionsFor = {}): string[] {
    const expand = options.expandServices ?? true
    return selectContainers(this.environment, things, {
      command: options.command ?? 'start',
      withDependencies: options.withDependencies,
      ignoreDependencies: options.ignoreDependencies,
      containerFilter: options.containerFilter,
      shipFilter: options.shipFilter,
      expandServices: expand,
      all: expand,
    })
  }

  /** Names of the installed reporters. */
  reporterNames(): string[] {
    return this.kernel.resolveAll(Tokens.Reporter).map((f) => f.name)
  }

  /** Attaches the reporter `name` writing to `context.out`; `close` (e.g. of a file) runs after its `done()`. */
  attachReporter(name: string, context: ReporterContext, close: () => Promise<void> = async () => {}): void {
    this.assertOpen()
    const factory = this.kernel.resolveAll(Tokens.Reporter).find((f) => f.name === name)
    if (!factory) throw new MaestroError('MAESTRO_USAGE', unknownProvider('reporter', name, this.reporterNames()))
    const reporter = factory.create(context)
    reporter.attach(this.kernel.events)
    this.reporters.push({reporter, close})
  }

  /** The library's `--reporter`: attaches a reporter by name writing plain output to `out`; flushed at `close()`. */
  useReporter(name: string, out: Writable, context: Partial<Omit<ReporterContext, 'out'>> = {}): void {
    this.attachReporter(name, {isTTY: false, color: false, progress: 'plain', columns: 0, options: {}, showHosts: false, ...context, out})
  }

  /**
   * Takes the environment's deploy lock for `command` (docs/orchestration.md "Deploy lock"), once per session:
   * later calls return the same lock. A refusal throws MAESTRO_LOCKED (exit 5) naming the holder. Released by
   * `unlock()` or `finish()`. Plays of commands that change containers take it themselves, once their ships answered.
   */
  async lock(command: string, options: LockOptions = {}): Promise<HeldLock | undefined> {
    this.assertOpen()
    this.held ??= this.takeLock(command, options)
    try {
      return await this.held
    } catch (e) {
      this.held = undefined
      throw e
    }
  }

  private async takeLock(command: string, options: LockOptions): Promise<HeldLock | undefined> {
    const environment = this.environment
    const {lockShip} = await import('../lock/holder.js')
    const ship = lockShip(environment)
    if (!ship) return undefined
    const {acquireLock} = await import('../lock/deploy-lock.js')
    const {shipClients} = await import('../play/ships.js')
    const {locatedAt} = await import('../play/run-play.js')
    const {shipDownError} = await import('../play/observe.js')
    const services = this.kernel.playServices()
    const clients = shipClients(services, environment, {transportFlags: options.transportFlags, env: this.variables})
    const client = clients.get(ship)
    let held: HeldLock
    try {
      held = await acquireLock({client, environment, ship, command, timeoutSeconds: options.timeoutSeconds, signal: options.signal, emit: services.emit.bind(services)})
    } catch (e) {
      await clients.closeAll()
      if (isMaestroError(e) && (e.code === 'MAESTRO_LOCKED' || e === options.signal?.reason)) throw e
      // anything else is about the lock ship (unreachable, refusing the marker), as a play's listing would say
      throw locatedAt(isMaestroError(e) ? e : shipDownError(ship, client.endpoint, e), environment.ships[ship]?.loc)
    }
    return {...held, release: () => held.release().finally(() => clients.closeAll())}
  }

  /** Who holds the environment's deploy lock, read from its marker on the lock ship (`maestro lock status`); changes nothing. */
  async lockState(options: Pick<LockOptions, 'transportFlags'> = {}): Promise<LockState | undefined> {
    this.assertOpen()
    return this.onLockShip(options, async (client, ship) => {
      const {readMarker} = await import('../lock/marker.js')
      const marker = await readMarker(client, this.environment.name)
      return {environment: this.environment.name, ship, ...(marker ? {holder: marker.holder} : {})}
    })
  }

  /**
   * Removes the environment's deploy lock whoever holds it (`maestro lock release`, for a lock its holder left,
   * e.g. killed); resolves to what was there (no holder: it was free). Emits `lock:released` with `forced`.
   */
  async forceUnlock(options: Pick<LockOptions, 'transportFlags'> = {}): Promise<LockState | undefined> {
    this.assertOpen()
    return this.onLockShip(options, async (client, ship) => {
      const {removeMarker} = await import('../lock/marker.js')
      const environment = this.environment.name
      const removed = await removeMarker(client, environment)
      if (removed) this.kernel.playServices().emit('lock:released', {environment, ship, holder: removed.holder, forced: true, at: Date.now()})
      return {environment, ship, ...(removed ? {holder: removed.holder} : {})}
    })
  }

  /** Runs `act` with a client of the lock ship (undefined when the file has no ship); its failures are the ship's. */
  private async onLockShip<T>(options: Pick<LockOptions, 'transportFlags'>, act: (client: DockerClient, ship: string) => Promise<T>): Promise<T | undefined> {
    const environment = this.environment
    const {lockShip} = await import('../lock/holder.js')
    const ship = lockShip(environment)
    if (!ship) return undefined
    const {shipClients} = await import('../play/ships.js')
    const {locatedAt} = await import('../play/run-play.js')
    const {shipDownError} = await import('../play/observe.js')
    const clients = shipClients(this.kernel.playServices(), environment, {transportFlags: options.transportFlags, env: this.variables})
    const client = clients.get(ship)
    try {
      return await act(client, ship)
    } catch (e) {
      throw locatedAt(isMaestroError(e) ? e : shipDownError(ship, client.endpoint, e), environment.ships[ship]?.loc)
    } finally {
      await clients.closeAll()
    }
  }

  /** Releases the deploy lock if this session holds it (also done by `finish()`). */
  async unlock(): Promise<void> {
    const held = this.held
    this.held = undefined
    const lock = await held?.catch(() => undefined)
    await lock?.release()
  }

  /** Runs one play over already selected containers; a failed container is a result, not an exception. */
  async runPlay(request: Omit<PlayRequest, 'env'>): Promise<PlayResult> {
    this.assertOpen()
    this.kernel.releaseLogs()
    const {lock, signal, transportFlags} = request
    const beforeChanges = COMMANDS[request.command].changesContainers
      ? async () => void (await this.lock(lock?.command ?? request.command, {timeoutSeconds: lock?.timeoutSeconds, signal, transportFlags}))
      : undefined
    try {
      const {runPlay} = await import('../play/run-play.js')
      return await runPlay(this.kernel, this.environment, {...request, env: this.variables}, {beforeChanges})
    } catch (e) {
      this.reportFailure(request.command, e)
      throw e
    }
  }

  /**
   * Emits `play:error` for a failure no event carried yet (one before its play, a lock, a usage error), so
   * every reporter shows it; a failure already seen in `config:error`, `play:end` or `play:error` (or wrapping
   * one, through `cause`) is left alone.
   */
  reportFailure(command: string, error: unknown): void {
    if (this.teardown) return
    for (let e: unknown = error; e && typeof e === 'object'; e = (e as {cause?: unknown}).cause) {
      if (this.reported.has(e)) return
    }
    const failure = isMaestroError(error) ? error : new MaestroError('MAESTRO_ACTION_FAILED', describeError(error), {cause: error})
    this.kernel.releaseLogs()
    this.kernel.bus.emit('play:error', {command, environment: this.loadedEnv?.environment.name, error: failure, at: Date.now()})
  }

  /** What `start --converge` (or `request.command`) would do to each container, changing nothing. */
  async planPlay(request: Omit<import('../play/plan-play.js').PlanRequest, 'env'>): Promise<PlanResult> {
    this.assertOpen()
    this.kernel.releaseLogs()
    const {planPlay} = await import('../play/plan-play.js')
    return planPlay(this.kernel, this.environment, {...request, env: this.variables})
  }

  /** The containers' logs (`maestro logs`); resolves to the exit code. */
  async logs(names: readonly string[], options: import('../logs/index.js').LogsOptions, io: import('../logs/index.js').LogsIO): Promise<number> {
    this.assertOpen()
    this.kernel.releaseLogs()
    const {runLogs} = await import('../logs/index.js')
    return runLogs(this.kernel, this.environment, names, options, io)
  }

  /** The Docker events of `names` (already selected) across their ships (`maestro events`); resolves to the exit code. */
  async dockerEvents(names: readonly string[], options: import('../events/run.js').EventsOptions, io: import('../events/run.js').EventsIO): Promise<number> {
    this.assertOpen()
    this.kernel.releaseLogs()
    const {runEvents} = await import('../events/run.js')
    return runEvents(this.kernel, this.environment, names, options, io)
  }

  /** Runs `cmd` in container `name` on its ship, attached to `io` (`maestro exec`); resolves to the command's exit code. */
  async exec(name: string, cmd: readonly string[], options: import('../exec/run.js').ExecOptions, io: import('../exec/run.js').ExecIO): Promise<number> {
    this.assertOpen()
    this.kernel.releaseLogs()
    const {runExec} = await import('../exec/run.js')
    return runExec(this.kernel, this.environment, name, cmd, options, io)
  }

  status(things?: readonly string[], options?: PlayCallOptions): Promise<PlayResult> {
    return this.play('status', things, options)
  }

  start(things?: readonly string[], options?: PlayCallOptions): Promise<PlayResult> {
    return this.play('start', things, options)
  }

  stop(things?: readonly string[], options?: PlayCallOptions): Promise<PlayResult> {
    return this.play('stop', things, options)
  }

  kill(things?: readonly string[], options?: PlayCallOptions): Promise<PlayResult> {
    return this.play('kill', things, options)
  }

  restart(things?: readonly string[], options?: PlayCallOptions): Promise<PlayResult> {
    return this.play('restart', things, options)
  }

  clean(things?: readonly string[], options?: PlayCallOptions): Promise<PlayResult> {
    return this.play('clean', things, options)
  }

  pull(things?: readonly string[], options?: PlayCallOptions): Promise<PlayResult> {
    return this.play('pull', things, options)
  }

  /** What `start` with these options would do (with `converge` unless it is false), changing nothing. */
  plan(things: readonly string[] = [], options: PlayCallOptions = {}): Promise<PlanResult> {
    return this.planPlay({containers: this.select(things, {...options, command: 'plan'}), transportFlags: options.transportFlags, options: playOptions(options)})
  }

  /** Waits for async listeners, then every reporter's and notifier's `done()`; once, however often called. */
  finish(): Promise<Teardown> {
    this.teardown ??= this.shutdown()
    return this.teardown
  }

  /** The library's end: like `finish()`, and a reporter or notifier failure (without ignore_errors) rejects. */
  async close(): Promise<void> {
    const {errors} = await this.finish()
    if (errors.length > 0) throw new MaestroError('MAESTRO_ACTION_FAILED', errors.join('; '))
  }

  private play(command: Exclude<Action, 'plan'>, things: readonly string[] = [], options: PlayCallOptions = {}): Promise<PlayResult> {
    return this.runPlay({
      command,
      containers: this.select(things, {...options, command}),
      concurrency: options.concurrency,
      ignoreDependencies: options.ignoreDependencies === true,
      options: playOptions(options),
      signal: options.signal,
      transportFlags: options.transportFlags,
      scheduler: options.scheduler,
      lock: {timeoutSeconds: options.lockTimeout},
    })
  }

  private loaded(): LoadedEnvironment {
    if (!this.loadedEnv) throw new MaestroError('MAESTRO_USAGE', 'no environment file is loaded in this session')
    return this.loadedEnv
  }

  private assertOpen(): void {
    if (this.teardown) throw new MaestroError('MAESTRO_USAGE', 'this session is closed')
  }

  private async shutdown(): Promise<Teardown> {
    this.kernel.releaseLogs()
    const errors: string[] = []
    const warnings: string[] = []
    const settle = async (p: Promise<void> | undefined, what: string, sink: string[]) => {
      try {
        await p
      } catch (e) {
        sink.push(`${what}: ${describeError(e)}`)
      }
    }
    await settle(this.unlock(), 'deploy lock not released (its marker maestro-lock-<environment> stays on the lock ship)', errors)
    await this.kernel.dispose()
    for (const r of this.reporters) await settle(r.reporter.done?.(), 'reporter', errors)
    for (const r of this.reporters) await settle(r.close(), 'reporter', errors)
    for (const {spec, notifier} of this.notifiers) await settle(notifier.done?.(), `audit ${spec.type}`, spec.ignoreErrors ? warnings : errors)
    return {errors, warnings}
  }
}
