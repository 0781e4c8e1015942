/** The one path from a Docker command to the engine: select the containers, run the play, surface its error. */
import {MaestroError} from '../api/errors.js'
import type {Action} from '../api/events.js'
import type {Environment} from '../model/types.js'
import type {PlayOptions, PlayRequest} from '../play/types.js'
import type {Session} from '../session/session.js'
import {selectThings, type SelectionFlags} from './selection.js'
import {reportOrphans, type ReportStreams} from './orphan-report.js'

export interface PlayFlags extends SelectionFlags {
  readonly concurrency?: number
  readonly 'accept-new-host-keys'?: boolean
}

export async function playRequest(
  environment: Environment, command: Action, things: readonly string[], flags: PlayFlags, signal: AbortSignal, options: PlayOptions = {},
): Promise<PlayRequest> {
  const containers = await selectThings(environment, command, things, flags)
  const transportFlags = {acceptNewHostKeys: flags['accept-new-host-keys'] === true}
  return {command, containers, concurrency: flags.concurrency, ignoreDependencies: flags['ignore-dependencies'] === true, signal, options, transportFlags}
}

/** Runs the play; a play that did not succeed throws its error with the engine's exit code (1, 3 or 130). */
export async function runAction(session: Session, request: PlayRequest, io: ReportStreams = {out: process.stdout, err: process.stderr}): Promise<void> {
  const result = await session.runPlay(request)
  reportOrphans(request.command, result, io)
  if (result.exitCode === 0) return
  const e = result.error ?? new MaestroError('MAESTRO_ACTION_FAILED', `${request.command} failed`)
  throw e.exit === result.exitCode ? e : new MaestroError(e.code, e.message, {exit: result.exitCode, cause: e, hint: e.hint})
}
