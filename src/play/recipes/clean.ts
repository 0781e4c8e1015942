import {removeContainer} from '../container-steps.js'
import type {Recipe} from '../context.js'

/** clean: remove stopped containers with their anonymous volumes; running ones are skipped. */
export const cleanRecipe: Recipe = async (ctx) => {
  const seen = ctx.observed
  if (!seen) return {outcome: 'absent'}
  if (seen.running) return {outcome: 'skipped', id: seen.id, detail: '(running)'}
  await removeContainer(ctx, seen.id)
  return {outcome: 'removed', id: seen.id}
}
