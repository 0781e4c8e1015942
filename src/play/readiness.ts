/**
 * The `running` checks of a container just started. One that fails them is not left looking healthy: it is
 * stopped, or with `--keep-failed` left running and remembered on its ship as not ready (src/play/not-ready.ts),
 * and the failure says so, with the last lines of its log.
 */
import {isMaestroError, type MaestroError} from '../api/errors.js'
import {runChecks} from './checks.js'
import {stopContainer} from './container-steps.js'
import {checkFailed} from './container-watch.js'
import type {TaskContext} from './context.js'
import {logsHint, readLogTail} from './log-tail.js'
import {clearNotReady, markNotReady} from './not-ready.js'

export async function awaitReady(ctx: TaskContext, id: string, healthcheck: boolean): Promise<void> {
  try {
    await runChecks(ctx, 'running', {containerId: id, healthcheck})
  } catch (error) {
    // interrupted: the container may yet become ready, and nothing was decided about it
    if (ctx.signal.aborted || !isMaestroError(error) || error.code !== 'MAESTRO_CHECK_FAILED') throw error
    throw await failedReadiness(ctx, id, error)
  }
  await clearNotReady(ctx, id)
}

async function failedReadiness(ctx: TaskContext, id: string, error: MaestroError): Promise<MaestroError> {
  const logTail = await readLogTail(ctx.docker, id)
  const failed = (what: string) => checkFailed(`${error.message}; ${what}`, error, {logTail, hint: logsHint(ctx.container.name)})
  if (ctx.options.keepFailed) {
    const remembered = await markNotReady(ctx, id, error.message)
    return failed(`left running (--keep-failed; ${remembered ? 'status and the next start know it is not ready' : 'its ship could not record that it is not ready'})`)
  }
  try {
    await stopContainer(ctx, id)
  } catch (stop) {
    return failed(`could not stop it: ${isMaestroError(stop) ? stop.message : String(stop)}`)
  }
  return failed('stopped it (--keep-failed keeps it running)')
}
