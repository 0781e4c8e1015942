import {runChecks} from '../checks.js'
import {killContainer, stopContainer} from '../container-steps.js'
import type {Recipe, TaskContext} from '../context.js'
import {MaestroError, describeError, isMaestroError} from '../../api/errors.js'
import {DRIFT_UNREAD, decideCommand} from '../../plan/decide-command.js'

const nonFatal = (ctx: TaskContext, error: unknown) => ({
  nonFatal: isMaestroError(error) ? error : new MaestroError('MAESTRO_ACTION_FAILED', `${ctx.container.name}: ${describeError(error)}`, {cause: error}),
})

/**
 * stop: executes the one decision `plan --for stop` shows (src/plan/decide-command.ts): pre-stop checks,
 * `docker stop -t stop_timeout`, stopped checks. Failures do not stop the play (upstream).
 */
export const stopRecipe: Recipe = async (ctx) => {
  const seen = ctx.observed
  const decision = decideCommand('stop', seen, DRIFT_UNREAD)
  const data = {action: decision.action}
  if (!seen) return {outcome: 'absent', data}
  if (decision.action === 'nothing') return {outcome: 'down', id: seen.id, data}
  try {
    await runChecks(ctx, 'pre-stop', {containerId: seen.id})
    await stopContainer(ctx, seen.id)
    await runChecks(ctx, 'stopped', {containerId: seen.id})
  } catch (error) {
    return nonFatal(ctx, error)
  }
  return {outcome: 'stopped', id: seen.id, data}
}

/** kill: executes the decision of `plan --for kill`: SIGKILL, then the stopped checks; failures do not stop the play. */
export const killRecipe: Recipe = async (ctx) => {
  const seen = ctx.observed
  const decision = decideCommand('kill', seen, DRIFT_UNREAD)
  const data = {action: decision.action}
  if (!seen) return {outcome: 'absent', data}
  if (decision.action === 'nothing') return {outcome: 'down', id: seen.id, data}
  try {
    await killContainer(ctx, seen.id)
    await runChecks(ctx, 'stopped', {containerId: seen.id})
  } catch (error) {
    return nonFatal(ctx, error)
  }
  return {outcome: 'killed', id: seen.id, data}
}
