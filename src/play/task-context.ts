import type {Action, ContainerRef} from '../api/events.js'
import type {DockerClient} from '../api/docker.js'
import type {Environment} from '../model/types.js'
import type {PlayServices} from './services.js'
import {computeContainerEnv, type EnvPair} from '../env/compute.js'
import {effectiveConfig, type EffectiveConfig} from '../plan/effective-config.js'
import type {ObservedContainer} from '../plan/observed.js'
import type {TaskContext} from './context.js'
import type {PlayOptions} from './types.js'

export interface PlayScope {
  readonly services: PlayServices
  readonly environment: Environment
  readonly playId: string
  readonly action: Action
  readonly options: PlayOptions
  readonly signal: AbortSignal
  readonly shared: Map<string, Promise<unknown>>
  /** The previous containers of the play's instances, as the play's listing saw them. */
  readonly previous: ReadonlyMap<string, ObservedContainer>
}

export const containerRef = (env: Environment, name: string): ContainerRef => {
  const c = env.containers[name]
  return {name, service: c.service, ship: c.ship, image: c.image}
}

export function makeTaskContext(scope: PlayScope, name: string, index: number, docker: DockerClient, observed: ObservedContainer | undefined, shipDown: string | undefined): TaskContext {
  const {services, environment, playId} = scope
  const container = environment.containers[name]
  const ref = containerRef(environment, name)
  let pairs: EnvPair[] | undefined
  let desired: EffectiveConfig | undefined
  const ctx: TaskContext = {
    check: (type) => services.checks.find((c) => c.type === type),
    logger: (source) => services.logger(source),
    environment,
    container,
    ref,
    ship: environment.ships[container.ship],
    docker,
    action: scope.action,
    index,
    observed,
    previous: scope.previous.get(name),
    shipDown,
    options: scope.options,
    signal: scope.signal,
    emit: (event, payload) => services.emit(event, {...payload, playId, at: Date.now(), container: ref} as never),
    emitPlay: (event, payload) => services.emit(event, {...payload, playId, at: Date.now()} as never),
    progress: (message) => services.emit('task:progress', {playId, at: Date.now(), container: ref, action: scope.action, message}),
    envPairs: () => (pairs ??= computeContainerEnv(environment, name)),
    desired: () => (desired ??= effectiveConfig(container, ctx.envPairs())),
    once: <T>(key: string, fn: () => Promise<T>): Promise<T> => {
      if (!scope.shared.has(key)) scope.shared.set(key, fn())
      return scope.shared.get(key) as Promise<T>
    },
  }
  return ctx
}
