/**
 * What a service's update does when a replacement fails (its `failure_action`, once failures exceed
 * `max_failure_ratio`): `continue` goes on; `pause` stops the update where it is; `rollback` stops it and puts back
 * the previous container of every instance this update replaced (src/play/previous.ts).
 */
import {MaestroError, describeError, isMaestroError} from '../api/errors.js'
import type {ContainerRef} from '../api/events.js'
import type {TaskContext} from './context.js'
import {putBack} from './previous.js'
import type {UpdateGate, Verdict} from './update-gate.js'

/** How to go on after a paused update, in words. */
export const resumeHint = (service: string): string =>
  `run the same start --converge again to resume the update of ${service}, or \`maestro rollback ${service}\` to put its previous containers back`

/** The failure's error for the play, once the update did what `verdict` says (src/play/update-gate.ts). */
export async function updateFailed(ctx: TaskContext, gate: UpdateGate, error: MaestroError, verdict: Verdict): Promise<MaestroError> {
  const {then, first, pending} = verdict
  ctx.emit('update:failed', {error, then})
  if (then === 'continue' || !first) return error
  const service = ctx.container.service
  if (then === 'pause') {
    const hint = resumeHint(service)
    ctx.emitPlay('update:pause', {service, reason: error.message, pending, hint})
    return new MaestroError(error.code, `${error.message}; the update of ${service} paused`, {cause: error.cause, hint, logTail: error.logTail, exit: error.exit})
  }
  // the replacements still in flight finish first: every instance they replaced is put back too
  await gate.idle()
  const restored: {container: ContainerRef; id: string; removedId?: string}[] = []
  const failed: {container: ContainerRef; error: string}[] = []
  for (const r of gate.replaced) {
    try {
      restored.push({container: r.ctx.ref, ...(await putBack(r.ctx, r.previousId, r.newId))})
    } catch (e) {
      failed.push({container: r.ctx.ref, error: isMaestroError(e) ? e.message : describeError(e)})
    }
  }
  ctx.emitPlay('update:rollback', {service, trigger: 'failure', reason: error.message, restored, failed})
  const back = restored.length > 0 ? `previous containers put back: ${restored.map((r) => `${r.container.name} (${r.id})`).join(', ')}` : 'no instance had been replaced yet'
  const notBack = failed.length > 0 ? `; could not put back ${failed.map((f) => `${f.container.name}: ${f.error}`).join('; ')}` : ''
  const message = `${error.message}; rolled back the update of ${service} (${back})${notBack}`
  return new MaestroError(error.code, message, {cause: error.cause, hint: error.hint, logTail: error.logTail, exit: error.exit})
}
