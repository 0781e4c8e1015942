/** Command-line flags and `thing` arguments → the containers a command acts on (reference §1), for every command. */
import type {Environment} from '../model/types.js'
import type {SelectCommand, SelectOptions} from '../graph/select.js'

export interface SelectionFlags {
  readonly 'with-dependencies'?: boolean
  readonly 'ignore-dependencies'?: boolean
  readonly 'container-filter'?: string
  readonly 'ship-filter'?: string
  readonly 'expand-services'?: boolean
  readonly all?: boolean
}

export type {SelectCommand} from '../graph/select.js'

export function selectOptions(command: SelectCommand, flags: SelectionFlags): SelectOptions {
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

export async function selectThings(env: Environment, command: SelectCommand, things: readonly string[], flags: SelectionFlags): Promise<string[]> {
  const {selectContainers} = await import('../graph/select.js')
  return selectContainers(env, things, selectOptions(command, flags))
}
