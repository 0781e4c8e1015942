import {runChecks} from '../checks.js'
import {stopContainer} from '../container-steps.js'
import type {Recipe} from '../context.js'
import {imageRef, pullImage} from '../image.js'
import {delay} from '../wait.js'
import {bringUp} from './bring-up.js'

/**
 * restart: --step-delay (not before the first container in list order), optional pull (-r),
 * --only-if-changed (skip when the running container already uses the configured image's id), stop with
 * its checks, --stop-start-delay, then start as `start` does (never pulling again; --reuse honoured).
 */
export const restartRecipe: Recipe = async (ctx) => {
  const {options, observed: seen} = ctx
  if (ctx.index > 0 && (options.stepDelay ?? 0) > 0) {
    ctx.progress(`waiting ${options.stepDelay}s (step delay)`)
    await delay(options.stepDelay! * 1000, ctx.signal)
  }
  if (options.refreshImages) await pullImage(ctx)
  if (options.onlyIfChanged && seen?.running) {
    const image = await ctx.docker.inspectImage(imageRef(ctx))
    if (image && image.Id === seen.imageId) return {outcome: 'up to date', id: seen.id}
  }
  if (seen?.running) {
    await runChecks(ctx, 'pre-stop', {containerId: seen.id})
    await stopContainer(ctx, seen.id)
    await runChecks(ctx, 'stopped', {containerId: seen.id})
    if ((options.stopStartDelay ?? 0) > 0) {
      ctx.progress(`waiting ${options.stopStartDelay}s (stop-start delay)`)
      await delay(options.stopStartDelay! * 1000, ctx.signal)
    }
  }
  const id = await bringUp(ctx, {existing: seen?.id, pull: false, reuse: options.reuse === true})
  return {outcome: 'started', id}
}
