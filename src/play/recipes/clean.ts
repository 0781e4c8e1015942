import {removeContainer} from '../container-steps.js'
import type {Recipe} from '../context.js'
import {DRIFT_UNREAD, decideCommand} from '../../plan/decide-command.js'

/**
 * clean: executes the decision of `plan --for clean` (src/plan/decide-command.ts): stopped containers are removed
 * with their anonymous volumes; running ones are skipped. With `--previous`, the instance's previous container
 * (src/plan/previous.ts) is removed too, unless it runs.
 */
export const cleanRecipe: Recipe = async (ctx) => {
  const seen = ctx.observed
  const decision = decideCommand('clean', seen, DRIFT_UNREAD)
  const previous = ctx.options.previous && ctx.previous && !ctx.previous.running ? ctx.previous : undefined
  if (previous) await removeContainer(ctx, previous.id)
  const data = {action: decision.action, ...(previous ? {previousRemoved: previous.id} : {})}
  const also = previous ? '; previous container removed' : ''
  if (!seen) return {outcome: 'absent', data, ...(also ? {detail: `(${also.slice(2)})`} : {})}
  if (decision.action === 'nothing') return {outcome: 'skipped', id: seen.id, detail: `(running${also})`, data}
  await removeContainer(ctx, seen.id)
  return {outcome: 'removed', id: seen.id, data, ...(also ? {detail: `(${also.slice(2)})`} : {})}
}
