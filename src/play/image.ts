import type {ImageInspect} from '../api/docker.js'
import {withDefaultTag} from '../docker/image-ref.js'
import {readHostDockerConfig} from '../registry/host-docker-config.js'
import {pullImageWithAuth} from '../registry/pull.js'
import type {TaskContext} from './context.js'

/** The reference containers are created from and pulled as (untagged means `:latest`). */
export const imageRef = (ctx: TaskContext): string => withDefaultTag(ctx.container.image)

/** Pulls the container's image on its ship, logging in as `registries:` says, reporting progress. */
export function pullImage(ctx: TaskContext): Promise<void> {
  return ctx.once(`pull ${ctx.ship.name} ${imageRef(ctx)}`, () => pullOnce(ctx))
}

async function pullOnce(ctx: TaskContext): Promise<void> {
  const ref = imageRef(ctx)
  const ship = ctx.ship.name
  ctx.emit('image:pull', {ship, image: ref, status: 'pulling'})
  await pullImageWithAuth(ctx.docker, ctx.environment, ref, {
    dockerConfig: readHostDockerConfig(),
    signal: ctx.signal,
    onProgress: (p) => {
      ctx.emit('image:pull', {ship, image: ref, status: p.status, percent: p.percent})
      ctx.progress(p.percent === undefined ? `pulling image` : `pulling image (${Math.round(p.percent)}%)`)
    },
    onRetry: (attempt, status) => ctx.progress(`pull failed with HTTP ${status}, retrying (${attempt})`),
  })
  ctx.emit('image:pull', {ship, image: ref, status: 'pulled', percent: 100})
}

/** The play-wide key of "is this image on this ship" (src/play/image-prefetch.ts asks it ahead of the tasks). */
export const presenceKey = (ship: string, ref: string): string => `image present ${ship} ${ref}`

/**
 * The image on the ship, pulled first when missing or when `force` (`-r`). Asked once per (ship, image) for the
 * whole play: every container of that image on that ship shares the answer.
 */
export function ensureImage(ctx: TaskContext, force: boolean): Promise<ImageInspect | undefined> {
  const ref = imageRef(ctx)
  return ctx.once(`image ${ctx.ship.name} ${ref}${force ? ' pulled' : ''}`, async () => {
    if (!force) {
      const found = await ctx.once(presenceKey(ctx.ship.name, ref), () => ctx.docker.inspectImage(ref))
      if (found) return found
    }
    await pullImage(ctx)
    return ctx.docker.inspectImage(ref)
  })
}

export const hasHealthcheck = (image: ImageInspect | undefined): boolean => {
  const test = image?.Config?.Healthcheck?.Test
  return Array.isArray(test) && test.length > 0 && test[0] !== 'NONE'
}
