import {runChecks} from '../checks.js'
import {stopContainer} from '../container-steps.js'
import type {Recipe} from '../context.js'
import {imageRef, pullImage} from '../image.js'
import {delay} from '../wait.js'
import {decideCommand} from '../../plan/decide-command.js'
import {bringUp} from './bring-up.js'
import {driftOf} from './observed-facts.js'

/**
 * restart: executes the decision of `plan --for restart` (src/plan/decide-command.ts). --step-delay (not before
 * the first container in list order), optional pull (-r), --only-if-changed (nothing when the running container
 * already uses the configured image's id), stop with its checks, --stop-start-delay, then start as `start` does on
 * the stopped container (never pulling again; --reuse honoured).
 */
export const restartRecipe: Recipe = async (ctx) => {
  const {options, observed: seen} = ctx
  if (ctx.index > 0 && (options.stepDelay ?? 0) > 0) {
    ctx.progress(`waiting ${options.stepDelay}s (step delay)`)
    await delay(options.stepDelay! * 1000, ctx.signal)
  }
  if (options.refreshImages) await pullImage(ctx)
  const imageCurrent = options.onlyIfChanged && seen?.running ? (await ctx.docker.inspectImage(imageRef(ctx)))?.Id === seen.imageId : undefined
  const decision = decideCommand('restart', seen && {...seen, imageCurrent}, driftOf(ctx), {...options, refreshImages: false})
  const data = {action: decision.action}
  if (decision.action === 'nothing') return {outcome: 'up to date', id: seen?.id, data}
  if (seen?.running) {
    await runChecks(ctx, 'pre-stop', {containerId: seen.id})
    await stopContainer(ctx, seen.id)
    await runChecks(ctx, 'stopped', {containerId: seen.id})
    if ((options.stopStartDelay ?? 0) > 0) {
      ctx.progress(`waiting ${options.stopStartDelay}s (stop-start delay)`)
      await delay(options.stopStartDelay! * 1000, ctx.signal)
    }
  }
  const reuse = decision.action === 'start' || decision.action === 'restart'
  const id = await bringUp(ctx, {existing: seen?.id, pull: false, reuse})
  return {outcome: 'started', id, data}
}
