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
import {clearNotReady, markNotReady} from './not-ready.js'

const LOG_LINES = 5
const LINE_CHARS = 200

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
  const log = await lastLogLines(ctx, id)
  const said = log.length > 0 ? `; last log lines: ${log.map((l) => JSON.stringify(l)).join(' / ')}` : ''
  if (ctx.options.keepFailed) {
    const remembered = await markNotReady(ctx, id, error.message)
    const memory = remembered ? 'status and the next start know it is not ready' : 'its ship could not record that it is not ready'
    return checkFailed(`${error.message}; left running (--keep-failed; ${memory})${said}`, error)
  }
  try {
    await stopContainer(ctx, id)
  } catch (stop) {
    return checkFailed(`${error.message}; could not stop it: ${isMaestroError(stop) ? stop.message : String(stop)}${said}`, error)
  }
  return checkFailed(`${error.message}; stopped it (--keep-failed keeps it running)${said}`, error)
}

async function lastLogLines(ctx: TaskContext, id: string): Promise<string[]> {
  try {
    const stream = await ctx.docker.logs(id, {tail: LOG_LINES})
    let text = ''
    for await (const chunk of stream) text += String(chunk)
    return text.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '').slice(-LOG_LINES).map((l) => l.slice(0, LINE_CHARS))
  } catch {
    return []
  }
}
