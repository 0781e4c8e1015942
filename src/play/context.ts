import type {Action, ContainerRef, EventPayload, Outcome} from '../api/events.js'
import type {DockerClient} from '../api/docker.js'
import type {MaestroError} from '../api/errors.js'
import type {Container, Environment, Ship} from '../model/types.js'
import type {LifecycleCheck, Logger} from '../api/contracts.js'
import type {EnvPair} from '../env/compute.js'
import type {EffectiveConfig} from '../plan/effective-config.js'
import type {ObservedContainer} from '../plan/observed.js'
import type {PlayOptions} from './types.js'

type ContainerScoped = 'container:create' | 'container:start' | 'container:stop' | 'container:kill' | 'container:remove' | 'check:start' | 'check:pass' | 'check:fail' | 'image:pull'
  | 'update:replace' | 'update:monitor' | 'update:replaced' | 'update:failed'
export type ScopedPayload<E extends ContainerScoped> = Omit<EventPayload<E>, 'playId' | 'at' | 'container'>
type ServiceScoped = 'update:rollback' | 'update:pause'

/** Everything a recipe needs for one container. Recipes talk to Docker only through `docker`. */
export interface TaskContext {
  /** The check plugin for a `type:`, if one is installed. */
  check(type: string): LifecycleCheck | undefined
  logger(source: string): Logger
  readonly environment: Environment
  readonly container: Container
  readonly ref: ContainerRef
  readonly ship: Ship
  readonly docker: DockerClient
  readonly action: Action
  /** Position in the play's list order. */
  readonly index: number
  /** The container as the play's one list call saw it; undefined when absent. */
  readonly observed?: ObservedContainer
  /** Its previous container (kept by an update, src/plan/previous.ts), as the play's list call saw it. */
  readonly previous?: ObservedContainer
  /** Why the ship could not be listed, when it could not (status only; other commands refuse to run). */
  readonly shipDown?: string
  readonly options: PlayOptions
  /** The user's interrupt: long waits (checks, delays) stop on it. */
  readonly signal: AbortSignal
  emit<E extends ContainerScoped>(event: E, payload: ScopedPayload<E>): void
  /** Emits an event of the play that is about a service, not this container (updates). */
  emitPlay<E extends ServiceScoped>(event: E, payload: Omit<EventPayload<E>, 'playId' | 'at'>): void
  progress(message: string): void
  /** The rendered environment (reference §3), computed once. */
  envPairs(): EnvPair[]
  /** The effective config the container would be created with now. */
  desired(): EffectiveConfig
  /** Runs `fn` once per key for the whole play (e.g. one pull per image and ship). */
  once<T>(key: string, fn: () => Promise<T>): Promise<T>
}

export interface RecipeDone {
  readonly outcome: Outcome
  readonly detail?: string
  readonly id?: string
  readonly data?: Readonly<Record<string, unknown>>
}

/** A failure that does not stop the play (stop and kill, as upstream). */
export interface RecipeNonFatal {
  readonly nonFatal: MaestroError
}

export type RecipeResult = RecipeDone | RecipeNonFatal
export type Recipe = (ctx: TaskContext) => Promise<RecipeResult>
