import {runChecks} from '../checks.js'
import {awaitReady} from '../readiness.js'
import {createContainer, removeContainer, startContainer} from '../container-steps.js'
import type {TaskContext} from '../context.js'
import {ensureImage, hasHealthcheck} from '../image.js'
import {awaitsHealth} from '../../model/healthcheck.js'

export interface BringUpOptions {
  /** An existing (stopped) container of that name. */
  readonly existing?: string
  /** Pull even when the image is present (`-r`). */
  readonly pull: boolean
  readonly reuse: boolean
}

/**
 * The not-running half of `start` (reference §5): pre-start checks, image (pulled when missing or with -r,
 * before anything is removed), remove the old container unless --reuse, create, start, wait running,
 * running checks. Returns the new container's id.
 */
export async function bringUp(ctx: TaskContext, options: BringUpOptions): Promise<string> {
  await runChecks(ctx, 'pre-start', {containerId: options.existing})
  const image = await ensureImage(ctx, options.pull)
  let id = options.existing
  if (id !== undefined && !options.reuse) {
    await removeContainer(ctx, id)
    id = undefined
  }
  id ??= await createContainer(ctx)
  await startContainer(ctx, id)
  ctx.progress('running checks')
  await awaitReady(ctx, id, awaitsHealth(ctx.container.healthcheck, hasHealthcheck(image)))
  return id
}
