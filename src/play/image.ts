import type {ImageInspect} from '../api/docker.js'
import {withDefaultTag} from '../docker/image-ref.js'
import {resolveRegistryAuth} from '../registry/auth.js'
import {readHostDockerConfig} from '../registry/host-docker-config.js'
import {withRetry} from '../registry/retry.js'
import {pullError} from '../registry/pull.js'
import type {TaskContext} from './context.js'

/** The reference containers are created from and pulled as (untagged means `:latest`). */
export const imageRef = (ctx: TaskContext): string => withDefaultTag(ctx.container.image)

/** Pulls the container's image on its ship, logging in as `registries:` says, reporting progress. */
export function pullImage(ctx: TaskContext): Promise<void> {
  return ctx.once(`pull ${ctx.ship.name} ${imageRef(ctx)}`, () => pullOnce(ctx))
}

async function pullOnce(ctx: TaskContext): Promise<void> {
  const ref = imageRef(ctx)
  const resolved = resolveRegistryAuth(ctx.environment, ref, readHostDockerConfig())
  const {auth, retry} = resolved
  ctx.emit('image:pull', {ship: ctx.ship.name, image: ref, status: 'pulling'})
  try {
    await withRetry(
      () =>
        ctx.docker.pullImage(ref, auth, (p) => {
          ctx.emit('image:pull', {ship: ctx.ship.name, image: ref, status: p.status, percent: p.percent})
          ctx.progress(p.percent === undefined ? `pulling image` : `pulling image (${Math.round(p.percent)}%)`)
        }),
      retry,
      {signal: ctx.signal, onRetry: (attempt, status) => ctx.progress(`pull failed with HTTP ${status}, retrying (${attempt})`)},
    )
  } catch (error) {
    if (ctx.signal.aborted) throw error
    throw pullError(ref, ctx.ship.name, resolved, error)
  }
  ctx.emit('image:pull', {ship: ctx.ship.name, image: ref, status: 'pulled', percent: 100})
}

/** The image on the ship, pulled first when missing or when `force` (`-r`). */
export async function ensureImage(ctx: TaskContext, force: boolean): Promise<ImageInspect | undefined> {
  const ref = imageRef(ctx)
  if (!force) {
    const found = await ctx.docker.inspectImage(ref)
    if (found) return found
  }
  await pullImage(ctx)
  return ctx.docker.inspectImage(ref)
}

export const hasHealthcheck = (image: ImageInspect | undefined): boolean => {
  const test = image?.Config?.Healthcheck?.Test
  return Array.isArray(test) && test.length > 0 && test[0] !== 'NONE'
}
