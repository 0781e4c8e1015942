/** The library API (docs/library.md): the CLI's plays, selection, model, graph and env without the CLI. */
export {openEnvironment} from './open.js'
export {bootPlugins, type PluginHarness} from './harness.js'
export type {Session} from './session.js'
export type {OpenOptions, PlayCallOptions, SelectionOptions, SelectOptionsFor} from './options.js'
export type {PlayResult, ContainerResult, PlayOptions, PlanResult, PlanStep, PlanAction, ConfigChange} from '../play/index.js'
export type {ServiceGraph, DependencyEdge} from '../graph/graph.js'
export type {EnvPair} from '../env/compute.js'
