import type {Environment} from '../model/types.js'
import {COMMANDS, type SelectCommand} from '../command-table.js'
import {MaestroError, unknownThingError} from '../api/errors.js'
import {closest} from '../model/did-you-mean.js'
import {buildServiceGraph, FORWARD, REVERSE, serviceDependencies, type Direction} from './graph.js'
import {fnmatch} from './fnmatch.js'
import {orderedValues} from '../model/key-order.js'

export type {SelectCommand} from '../command-table.js'

export interface SelectOptions {
  readonly command: SelectCommand
  /** `-d`: add transitive dependencies (or dependents, for stop/kill/restart). */
  readonly withDependencies?: boolean
  /** `-i`: with no things, do not force `-d`. */
  readonly ignoreDependencies?: boolean
  /** `-C`: fnmatch glob on container names. */
  readonly containerFilter?: string
  /** `-S`: fnmatch glob on ship names. */
  readonly shipFilter?: string
  /** `-s`: let stop/kill/restart expand service names. */
  readonly expandServices?: boolean
  /** `-a`: stop/kill/restart everything when no things are given. */
  readonly all?: boolean
}

/** Which way `-d` walks the graph for a command (the command table's `extend`). */
export const directionFor = (command: SelectCommand): Direction => (COMMANDS[command].extend === 'dependents' ? REVERSE : FORWARD)

/** `thing` names neither a service nor a container: the error, with the nearest name of either kind. */
export const unknownThing = (env: Environment, thing: string): MaestroError =>
  unknownThingError(thing, closest(thing, [...Object.keys(env.services), ...Object.keys(env.containers)]))

const usage = (message: string): MaestroError => new MaestroError('MAESTRO_USAGE', message)

function expand(env: Environment, things: readonly string[], options: SelectOptions, implicit: boolean): Set<string> {
  const selected = new Set<string>()
  for (const thing of things) {
    const service = env.services[thing]
    if (thing in env.containers) selected.add(thing)
    else if (service) {
      if (COMMANDS[options.command].explicitServices && !implicit && !options.expandServices && !options.all) {
        throw usage(`${thing} is a service: ${options.command} of a service needs -s (--expand-services), or name its containers (${service.instances.join(', ')})`)
      }
      for (const c of service.instances) selected.add(c)
    } else {
      throw unknownThing(env, thing)
    }
  }
  return selected
}

/**
 * Turns `thing` arguments and flags into container names, in environment order (reference §1).
 * Divergence: `-C`/`-S` filters always apply, also when dependencies are gathered.
 */
export function selectContainers(env: Environment, things: readonly string[], options: SelectOptions): string[] {
  let names = things
  let withDependencies = options.withDependencies === true || options.command === 'dump'
  const implicit = things.length === 0
  if (implicit) {
    if (COMMANDS[options.command].explicitServices && !options.all) {
      throw usage(`${options.command} needs the containers to act on (services with -s), or -a for everything`)
    }
    names = orderedValues(env.services).filter((s) => options.command === 'status' || !s.omit).map((s) => s.name)
    if (!options.ignoreDependencies) withDependencies = true
  }
  const selected = expand(env, names, options, implicit)
  if (withDependencies) {
    const graph = buildServiceGraph(env)
    const direction = directionFor(options.command)
    const own = new Set([...selected].map((c) => env.containers[c].service))
    const related = new Set([...own].flatMap((s) => serviceDependencies(graph, s, direction)))
    for (const c of orderedValues(env.containers)) if (related.has(c.service)) selected.add(c.name)
  }
  return orderedValues(env.containers)
    .filter((c) => selected.has(c.name))
    .filter((c) => options.containerFilter === undefined || fnmatch(c.name, options.containerFilter))
    .filter((c) => options.shipFilter === undefined || fnmatch(c.ship, options.shipFilter))
    .map((c) => c.name)
}
