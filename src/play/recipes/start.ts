import {stopContainer, removeContainer, createContainer, startContainer} from '../container-steps.js'
import {awaitReady} from '../readiness.js'
import type {Recipe} from '../context.js'
import {ensureImage, hasHealthcheck} from '../image.js'
import {awaitsHealth} from '../../model/healthcheck.js'
import {decideCommand} from '../../plan/decide-command.js'
import {bringUp} from './bring-up.js'
import {updateGate} from '../update-gate.js'
import {rollingReplace} from '../rolling-replace.js'
import {ageDetail, driftData, driftOf} from './observed-facts.js'

/**
 * start: executes the one decision `plan` shows (src/plan/decide.ts). A running container is `up` and left alone
 * (upstream), its drift reported; with --converge a running container whose configuration changed is recreated.
 * Otherwise the container is brought up: created, recreated, or with --reuse started as it is.
 */
export const startRecipe: Recipe = async (ctx) => {
  const seen = ctx.observed
  const drift = driftOf(ctx)
  const decision = decideCommand('start', seen, drift, ctx.options)
  const data = {...driftData(drift), action: decision.action}
  if (decision.action === 'nothing' && seen?.notReady) {
    // left running by --keep-failed or an interruption: counted up (and its dependents started) only once its checks pass
    ctx.progress('running checks again (not ready)')
    const image = await ensureImage(ctx, false)
    await awaitReady(ctx, seen.id, awaitsHealth(ctx.container.healthcheck, hasHealthcheck(image)))
    return {outcome: 'up', detail: `(ready now; ${seen.notReady.interrupted ? 'its running checks had been interrupted' : 'it had failed its running checks'})`, id: seen.id, data: {...data, readyAgain: true}}
  }
  if (decision.action === 'nothing') return {outcome: 'up', detail: ageDetail(ctx), id: seen?.id, data}
  const gate = decision.action === 'recreate' && seen?.running ? updateGate(ctx) : undefined
  if (gate && seen) {
    const slots = await gate
    const changed = `(changed: ${drift.changes.map((c) => c.field).join(', ')}; ${slots.config.order})`
    const r = await rollingReplace(ctx, slots, seen.id, decision.pull)
    if (r.kind === 'halted') return {outcome: 'skipped', detail: `(not replaced: the update of ${ctx.container.service} stopped after a failure)`, id: seen.id, data: {action: decision.action, order: slots.config.order}}
    if (r.kind === 'replaced') return {outcome: 'recreated', detail: changed, id: r.id, data: {changes: drift.changes, action: decision.action, order: slots.config.order}}
    if (r.goesOn) return {nonFatal: r.error}
    throw r.error
  }
  if (decision.action === 'recreate' && seen?.running) {
    const image = await ensureImage(ctx, decision.pull)
    await stopContainer(ctx, seen.id)
    await removeContainer(ctx, seen.id)
    const id = await createContainer(ctx)
    await startContainer(ctx, id)
    await awaitReady(ctx, id, awaitsHealth(ctx.container.healthcheck, hasHealthcheck(image)))
    return {outcome: 'recreated', detail: `(changed: ${drift.changes.map((c) => c.field).join(', ')})`, id, data: {changes: drift.changes, action: decision.action}}
  }
  const id = await bringUp(ctx, {existing: seen?.id, pull: decision.pull, reuse: decision.action === 'start'})
  return {outcome: 'started', id, data: {action: decision.action}}
}
