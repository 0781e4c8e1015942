import {removeContainer} from '../container-steps.js'
import type {Recipe} from '../context.js'
import {DRIFT_UNREAD, decideCommand} from '../../plan/decide-command.js'

/**
 * clean: executes the decision of `plan --for clean` (src/plan/decide-command.ts): stopped containers are removed
 * with their anonymous volumes; running ones are skipped.
 */
export const cleanRecipe: Recipe = async (ctx) => {
  const seen = ctx.observed
  const decision = decideCommand('clean', seen, DRIFT_UNREAD)
  const data = {action: decision.action}
  if (!seen) return {outcome: 'absent', data}
  if (decision.action === 'nothing') return {outcome: 'skipped', id: seen.id, detail: '(running)', data}
  await removeContainer(ctx, seen.id)
  return {outcome: 'removed', id: seen.id, data}
}
