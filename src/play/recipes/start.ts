import {stopContainer, removeContainer, createContainer, startContainer} from '../container-steps.js'
import {awaitReady} from '../readiness.js'
import type {Recipe} from '../context.js'
import {ensureImage, hasHealthcheck} from '../image.js'
import {awaitsHealth} from '../../model/healthcheck.js'
import {bringUp} from './bring-up.js'
import {ageDetail, driftData, driftOf} from './observed-facts.js'

/**
 * start: a running container is `up` and left alone (upstream), its drift reported; with --converge a running
 * container whose configuration changed is recreated. Otherwise the container is brought up.
 */
export const startRecipe: Recipe = async (ctx) => {
  const seen = ctx.observed
  if (seen?.running) {
    const drift = driftOf(ctx)
    if (!ctx.options.converge || drift.changes.length === 0) return {outcome: 'up', detail: ageDetail(ctx), id: seen.id, data: driftData(drift)}
    const image = await ensureImage(ctx, ctx.options.refreshImages === true)
    await stopContainer(ctx, seen.id)
    await removeContainer(ctx, seen.id)
    const id = await createContainer(ctx)
    await startContainer(ctx, id)
    await awaitReady(ctx, id, awaitsHealth(ctx.container.healthcheck, hasHealthcheck(image)))
    return {outcome: 'recreated', detail: `(changed: ${drift.changes.map((c) => c.field).join(', ')})`, id, data: {changes: drift.changes}}
  }
  const id = await bringUp(ctx, {existing: seen?.id, pull: ctx.options.refreshImages === true, reuse: ctx.options.reuse === true})
  return {outcome: 'started', id}
}
