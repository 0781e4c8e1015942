/** The one path from a Docker command to the engine: select the containers, run the play, surface its error. */
import {MaestroError} from '../api/errors.js'
import type {Action} from '../api/events.js'
import type {Kernel} from '../kernel/kernel.js'
import type {Environment} from '../model/types.js'
import type {PlayRequest} from '../play/index.js'
import {selectThings, type SelectionFlags, type SelectingCommand} from './selection.js'

export interface PlayFlags extends SelectionFlags {
  readonly concurrency?: number
}

export async function playRequest(
  environment: Environment, action: Action & SelectingCommand, things: readonly string[], flags: PlayFlags,
  signal: AbortSignal, options: Readonly<Record<string, unknown>>,
): Promise<PlayRequest> {
  const containers = await selectThings(environment, action, things, flags)
  return {action, containers, concurrency: flags.concurrency, ordered: flags['ignore-dependencies'] !== true, signal, options}
}

export async function runAction(kernel: Kernel, environment: Environment, request: PlayRequest): Promise<void> {
  const {runPlay} = await import('../play/index.js')
  const result = await runPlay(kernel, environment, request)
  if (request.signal.aborted) throw new MaestroError('MAESTRO_INTERRUPTED', `${request.action} interrupted`)
  if (result.error) throw result.error
}
