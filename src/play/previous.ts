/** Keeping an instance's replaced container as its previous one (src/plan/previous.ts), and putting it back. */
import {MaestroError} from '../api/errors.js'
import type {Environment} from '../model/types.js'
import type {ObservedContainer} from '../plan/observed.js'
import {previousName} from '../plan/previous.js'
import {dockerError, removeContainer, startContainer, stopContainer} from './container-steps.js'
import type {TaskContext} from './context.js'
import {awaitReady} from './readiness.js'

const short = (id: string): string => id.slice(0, 12)

async function rename(ctx: TaskContext, id: string, name: string): Promise<void> {
  const rename = ctx.docker.renameContainer?.bind(ctx.docker)
  if (!rename) throw new MaestroError('MAESTRO_DOCKER', `${ctx.container.name}: ship ${ctx.container.ship}'s Docker client cannot rename containers, so the previous container cannot be kept or put back`)
  ctx.progress(`renaming ${short(id)} to ${name}`)
  try {
    await rename(id, name)
  } catch (e) {
    throw dockerError(ctx, 'rename failed', e)
  }
}

/**
 * Stops the running container `oldId` and keeps it as the instance's previous one, removing the older previous
 * container. Without a client that renames, it is removed (as without an `update:` block): undefined then.
 */
export async function keepPrevious(ctx: TaskContext, oldId: string): Promise<string | undefined> {
  await stopContainer(ctx, oldId)
  if (!ctx.docker.renameContainer) {
    await removeContainer(ctx, oldId)
    return undefined
  }
  const name = previousName(ctx.container.name)
  const older = await ctx.docker.inspectContainer(name).catch(() => undefined)
  if (older && older.Id !== oldId) await removeContainer(ctx, older.Id)
  await rename(ctx, oldId, name)
  return name
}

export interface PutBack {
  readonly id: string
  readonly removedId?: string
}

/**
 * Puts the previous container `previousId` back as the instance: the current container (`currentId`, or the one
 * with the instance's name) is stopped and removed, the previous one renamed back, started and checked.
 */
export async function putBack(ctx: TaskContext, previousId: string, currentId?: string): Promise<PutBack> {
  const current = currentId ?? (await ctx.docker.inspectContainer(ctx.container.name).catch(() => undefined))?.Id
  const removed = current && current !== previousId ? current : undefined
  if (removed) {
    const info = await ctx.docker.inspectContainer(removed).catch(() => undefined)
    if (info?.State.Running) await stopContainer(ctx, removed)
    if (info) await removeContainer(ctx, removed)
  }
  await rename(ctx, previousId, ctx.container.name)
  const started = await startContainer(ctx, previousId)
  await awaitReady(ctx, previousId, started.State.Health !== undefined)
  return {id: short(previousId), ...(removed ? {removedId: short(removed)} : {})}
}

/**
 * `maestro rollback` refuses before changing anything when a named instance has no previous container; with no
 * thing named, it acts on those that have one.
 */
export function refuseWithoutPrevious(environment: Environment, names: readonly string[], previous: ReadonlyMap<string, ObservedContainer>, named: boolean): void {
  const without = names.filter((n) => !previous.has(n))
  if (named && without.length > 0) {
    const c = environment.containers[without[0]]
    throw new MaestroError('MAESTRO_USAGE', `${c.name}: no previous container (${previousName(c.name)}) on ship ${c.ship} to roll back to${without.length > 1 ? ` (nor for ${without.slice(1).join(', ')})` : ''}`, {
      hint: 'an instance has a previous container once an update (a service with an `update:` block) replaced it; `maestro status` shows which have one',
      loc: c.loc,
    })
  }
  if (!named && without.length === names.length) throw new MaestroError('MAESTRO_USAGE', `no instance of ${environment.name} has a previous container to roll back to`, {hint: 'an instance has a previous container once an update (a service with an `update:` block) replaced it'})
}
