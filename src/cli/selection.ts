/** Command-line flags and `thing` arguments → the containers a command acts on (reference §1), for every command. */
import type {Environment} from '../model/types.js'
import type {SelectOptions} from '../graph/select.js'

export interface SelectionFlags {
  readonly 'with-dependencies'?: boolean
  readonly 'ignore-dependencies'?: boolean
  readonly 'container-filter'?: string
  readonly 'ship-filter'?: string
  readonly 'expand-services'?: boolean
  readonly all?: boolean
}

export type SelectingCommand = 'status' | 'start' | 'stop' | 'kill' | 'restart' | 'clean' | 'pull' | 'plan' | 'dump' | 'deptree'

export function selectOptions(command: SelectingCommand, flags: SelectionFlags): SelectOptions {
  return {
    command,
    withDependencies: flags['with-dependencies'] === true,
    ignoreDependencies: flags['ignore-dependencies'] === true,
    expandServices: flags['expand-services'] === true,
    all: flags.all === true,
    containerFilter: flags['container-filter'],
    shipFilter: flags['ship-filter'],
  }
}

export async function selectThings(env: Environment, command: SelectingCommand, things: readonly string[], flags: SelectionFlags): Promise<string[]> {
  const {selectContainers} = await import('../graph/select.js')
  return selectContainers(env, things, selectOptions(command, flags))
}

/** The services of the given things in first-seen order (deptree), or every service when none is given. */
export async function selectServices(env: Environment, things: readonly string[]): Promise<string[]> {
  if (things.length === 0) return Object.keys(env.services)
  const containers = await selectThings(env, 'deptree', things, {'ignore-dependencies': true})
  return [...new Set(containers.map((c) => env.containers[c].service))]
}
