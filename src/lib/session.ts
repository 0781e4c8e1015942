import {Kernel} from '../kernel/kernel.js'
import {Tokens} from '../api/tokens.js'
import {MaestroError, describeError, unknownThingError, type ConfigIssue} from '../api/errors.js'
import type {Action, EventSource} from '../api/events.js'
import type {LoadedDocument, Reporter, ReporterContext} from '../api/contracts.js'
import type {Writable} from 'node:stream'
import type {Environment} from '../model/types.js'
import {checkPluginRules, loadEnvironment, type LoadedEnvironment} from '../model/load.js'
import {closest} from '../model/did-you-mean.js'
import {buildServiceGraph, type ServiceGraph} from '../graph/graph.js'
import {selectContainers} from '../graph/select.js'
import {computeContainerEnv, type EnvPair} from '../env/compute.js'
import {planPlay, type PlanResult} from '../play/plan-play.js'
import {runPlay} from '../play/run-play.js'
import type {PlayOptions, PlayResult} from '../play/types.js'
import {attachNotifiers, type AttachedNotifier} from '../kernel/notifiers.js'
import type {OpenOptions, PlayCallOptions, SelectOptionsFor} from './options.js'

type Variables = Readonly<Record<string, string | undefined>>

/** The engine's options, picked out of a call's options (the rest is selection and scheduling). */
function playOptions(o: PlayCallOptions): PlayOptions {
  const {refreshImages, reuse, converge, stepDelay, stopStartDelay, onlyIfChanged, full} = o
  return {refreshImages, reuse, converge, stepDelay, stopStartDelay, onlyIfChanged, full}
}

/**
 * One loaded environment and the kernel that plays on it. Plays return the engine's PlayResult (a failed
 * container is a result, not an exception); usage errors and unreachable ships (for anything but status)
 * throw MaestroError. Call `close()` when done: it waits for listeners and audit notifiers.
 */
export class Session {
  readonly environment: Environment
  readonly warnings: readonly ConfigIssue[]
  readonly document: LoadedDocument
  private serviceGraph?: ServiceGraph
  private readonly reporters: Reporter[] = []
  private closing?: Promise<void>

  private constructor(
    private readonly kernel: Kernel,
    loaded: LoadedEnvironment,
    private readonly variables: Variables,
    private readonly notifiers: readonly AttachedNotifier[],
  ) {
    this.environment = loaded.environment
    this.warnings = loaded.warnings
    this.document = loaded.document
  }

  static async open(file: string, options: OpenOptions): Promise<Session> {
    const {builtinPlugins} = await import('../../plugins/index.js')
    const kernel = await Kernel.boot({plugins: [...(await builtinPlugins()), ...(options.plugins ?? [])]})
    const variables = options.env ?? process.env
    const loaded = await loadEnvironment(kernel, file, {
      env: variables,
      ...(options.stdin === undefined ? {} : {stdin: options.stdin}),
      ...checkPluginRules(kernel),
    })
    const notifiers = options.audit === false ? [] : attachNotifiers(kernel, loaded)
    return new Session(kernel, loaded, variables, notifiers)
  }

  /** Subscribe to the event catalogue (docs/plugins.md); the same events the CLI's reporters receive. */
  get events(): EventSource {
    return this.kernel.events
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

  /**
   * Attaches a reporter by name (`console`, `json`, `junit`, `github`, or one a plugin provides) writing to `out`,
   * as `--reporter` does; its `done()` runs at `close()`.
   */
  useReporter(name: string, out: Writable, context: Partial<Omit<ReporterContext, 'out'>> = {}): void {
    this.assertOpen()
    const factories = this.kernel.resolveAll(Tokens.Reporter)
    const factory = factories.find((f) => f.name === name)
    if (!factory) throw new MaestroError('MAESTRO_USAGE', `unknown reporter ${name} (available: ${factories.map((f) => f.name).join(', ') || 'none'})`)
    const reporter = factory.create({isTTY: false, color: false, progress: 'plain', columns: 0, options: {}, showHosts: false, ...context, out})
    reporter.attach(this.kernel.events)
    this.reporters.push(reporter)
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

  /** What `start --converge` would do to each container, changing nothing. */
  async plan(things: readonly string[] = [], options: PlayCallOptions = {}): Promise<PlanResult> {
    this.assertOpen()
    const containers = this.select(things, {...options, command: 'plan'})
    return planPlay(this.kernel, this.environment, {containers, transportFlags: options.transportFlags, env: this.variables})
  }

  /** Waits for async listeners, reporters and audit notifiers; a reporter or notifier failure (without ignore_errors) rejects. */
  close(): Promise<void> {
    this.closing ??= this.shutdown()
    return this.closing
  }

  private async play(command: Exclude<Action, 'plan'>, things: readonly string[] = [], options: PlayCallOptions = {}): Promise<PlayResult> {
    this.assertOpen()
    return runPlay(this.kernel, this.environment, {
      command,
      containers: this.select(things, {...options, command}),
      concurrency: options.concurrency,
      ignoreDependencies: options.ignoreDependencies === true,
      options: playOptions(options),
      signal: options.signal,
      transportFlags: options.transportFlags,
      scheduler: options.scheduler,
      env: this.variables,
    })
  }

  private assertOpen(): void {
    if (this.closing) throw new MaestroError('MAESTRO_USAGE', 'this session is closed')
  }

  private async shutdown(): Promise<void> {
    await this.kernel.dispose()
    const failures: string[] = []
    for (const r of this.reporters) {
      try {
        await r.done?.()
      } catch (e) {
        failures.push(`reporter: ${describeError(e)}`)
      }
    }
    for (const {spec, notifier} of this.notifiers) {
      try {
        await notifier.done?.()
      } catch (e) {
        if (!spec.ignoreErrors) failures.push(`audit ${spec.type}: ${describeError(e)}`)
      }
    }
    if (failures.length > 0) throw new MaestroError('MAESTRO_ACTION_FAILED', failures.join('; '))
  }
}
