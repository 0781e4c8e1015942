/** The one path from a Docker command to the engine: select the containers, run the play, surface its error. */
import {MaestroError} from '../api/errors.js'
import type {Action} from '../api/events.js'
import type {Environment} from '../model/types.js'
import type {PlayOptions, PlayRequest, PlayResult} from '../play/types.js'
import type {Session} from '../session/session.js'
import {selectThings, type SelectionFlags} from './selection.js'
import {reportOrphans, type ReportStreams} from './orphan-report.js'
import {absentDependencyWarning} from '../plan/absent-dependencies.js'

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

export interface ReportStreamsShown extends ReportStreams {
  /** The console reporter on stdout already printed each failed container's reason under its table. */
  readonly failuresShown?: boolean
}

/** Runs the play and reports its orphans and absent dependencies; a play that did not succeed throws (throwIfFailed). */
export async function runAction(session: Session, request: PlayRequest, io: ReportStreamsShown = {out: process.stdout, err: process.stderr}): Promise<void> {
  const result = await session.runPlay(request)
  reportOrphans(request.command, result, io)
  for (const a of result.absentDependencies ?? []) io.err.write(`${absentDependencyWarning(a, request.command)}\n`)
  throwIfFailed(request.command, result, io.failuresShown === true)
}

/**
 * Throws the error of a play that did not succeed, with the engine's exit code (1, 3 or 130). When the failed
 * containers' reasons are already on the screen, the error only names them (said once, not twice).
 */
export function throwIfFailed(command: Action, result: PlayResult, failuresShown = false): void {
  if (result.exitCode === 0) return
  const e = result.error ?? new MaestroError('MAESTRO_ACTION_FAILED', `${command} failed`)
  const failed = [...result.outcomes].filter(([, r]) => r.status === 'failed').map(([name]) => name)
  const shown = failuresShown && [...result.outcomes.values()].some((r) => r.status === 'failed' && r.error === e)
  if (shown) throw new MaestroError(e.code, `${command} failed for ${namesOf(failed)} (reason above)`, {exit: result.exitCode, cause: e})
  throw e.exit === result.exitCode ? e : new MaestroError(e.code, e.message, {exit: result.exitCode, cause: e, hint: e.hint})
}

const NAMED = 5

function namesOf(names: readonly string[]): string {
  const more = names.length > NAMED ? ` and ${names.length - NAMED} more` : ''
  return `${names.length} container${names.length === 1 ? '' : 's'}: ${names.slice(0, NAMED).join(', ')}${more}`
}
