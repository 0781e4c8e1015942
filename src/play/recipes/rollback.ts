import type {Recipe} from '../context.js'
import {putBack} from '../previous.js'

/**
 * rollback: puts the instance's previous container (kept by its last update) back in place of the current one,
 * same container ID, started and checked; an instance without one is skipped (the play refused it when named).
 */
export const rollbackRecipe: Recipe = async (ctx) => {
  const previous = ctx.previous
  if (!previous) return {outcome: 'skipped', detail: '(no previous container)', id: ctx.observed?.id}
  ctx.progress(`rolling back to ${previous.id.slice(0, 12)}`)
  const back = await putBack(ctx, previous.id, ctx.observed?.id)
  ctx.emitPlay('update:rollback', {service: ctx.container.service, trigger: 'command', reason: 'maestro rollback', restored: [{container: ctx.ref, ...back}], failed: []})
  return {outcome: 'started', detail: `(rolled back to ${back.id}${back.removedId ? `, ${back.removedId} removed` : ''})`, id: previous.id, data: {rolledBack: back}}
}
