/**
 * The `running` checks of a container just started. One that fails them is not left looking healthy: it is
 * stopped, or with `--keep-failed` left running and remembered on its ship as not ready (src/play/not-ready.ts),
 * and the failure says so, with the last lines of its log. One whose checks an interruption cut short is left
 * running (nothing new is done once interrupted) and remembered as not ready too, so the next start checks it again.
 */
import {MaestroError, isMaestroError} from '../api/errors.js'
import {runChecks} from './checks.js'
import {stopContainer} from './container-steps.js'
import {checkFailed} from './container-watch.js'
import type {TaskContext} from './context.js'
import {logsHint, readLogTail} from './log-tail.js'
import {clearNotReady, markNotReady} from './not-ready.js'

/** What checks cut short by the play's interruption throw (a ship lost meanwhile is that error, not this). */
const CUT_SHORT: ReadonlySet<string> = new Set(['MAESTRO_CHECK_FAILED', 'MAESTRO_INTERRUPTED', 'MAESTRO_TIMEOUT'])

export async function awaitReady(ctx: TaskContext, id: string, healthcheck: boolean): Promise<void> {
  try {
    await runChecks(ctx, 'running', {containerId: id, healthcheck})
  } catch (error) {
    if (!isMaestroError(error)) throw error
    if (ctx.signal.aborted && CUT_SHORT.has(error.code)) throw await interruptedReadiness(ctx, id, error)
    if (!ctx.signal.aborted && error.code === 'MAESTRO_CHECK_FAILED') throw await failedReadiness(ctx, id, error)
    throw error
  }
  await clearNotReady(ctx, id)
}

/** The interruption's own error (its code and exit), naming the container and what was left of it. */
async function interruptedReadiness(ctx: TaskContext, id: string, error: MaestroError): Promise<MaestroError> {
  const reason: unknown = ctx.signal.reason
  const by = isMaestroError(reason) && (reason.code === 'MAESTRO_INTERRUPTED' || reason.code === 'MAESTRO_TIMEOUT') ? reason : undefined
  const why = by?.message ?? 'interrupted'
  const remembered = await markNotReady(ctx, id, `${ctx.container.name}: running checks cut short (${why})`, true)
  const left = remembered ? 'status and the next start know it is not ready' : 'its ship could not record that it is not ready'
  return new MaestroError(by?.code ?? 'MAESTRO_INTERRUPTED', `${ctx.container.name}: running checks cut short (${why}); left running (${left})`, {cause: error, ...(by ? {exit: by.exit} : {})})
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
