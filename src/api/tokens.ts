import type {ConfigLoader, NotifierFactory, ReporterFactory, Scheduler, Transport, LifecycleCheck} from './contracts.js'

/** A typed DI token. Plugins register providers under these through PluginContext.registry. */
export type Token<T> = symbol & {readonly __type?: T}
const token = <T>(name: string): Token<T> => Symbol.for(`maestro.${name}`) as Token<T>

export const Tokens = {
  Loader: token<ConfigLoader>('Loader'),
  Transport: token<Transport>('Transport'),
  Scheduler: token<Scheduler>('Scheduler'),
  Reporter: token<ReporterFactory>('Reporter'),
  Check: token<LifecycleCheck>('Check'),
  Notifier: token<NotifierFactory>('Notifier'),
} as const
