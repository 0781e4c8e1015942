/** The deploy lock's marker on the lock ship, through the Docker API only: create (take), inspect (read), remove (release). */
import {randomUUID} from 'node:crypto'
import {hostname, userInfo} from 'node:os'
import type {DockerClient} from '../api/docker.js'
import {MaestroError, describeError} from '../api/errors.js'
import type {Environment} from '../model/types.js'
import {withDefaultTag} from '../docker/image-ref.js'
import {pullImageWithAuth} from '../registry/pull.js'
import {readHostDockerConfig} from '../registry/host-docker-config.js'
import {holderLabels, lockName, LOCK_LABEL, readHolder, type LockHolder} from './holder.js'

export interface Marker {
  readonly id: string
  readonly holder: LockHolder
}

function currentUser(): string {
  try {
    return userInfo().username
  } catch {
    return process.env.USER ?? 'unknown'
  }
}

/** This process, as a lock holder. */
export function me(command: string): LockHolder {
  return {user: currentUser(), host: hostname(), pid: process.pid, since: Date.now(), command, token: randomUUID()}
}

/** The marker now on the ship, if any. */
export async function readMarker(client: DockerClient, environment: string): Promise<Marker | undefined> {
  const found = await client.inspectContainer(lockName(environment))
  if (!found || found.Config.Labels?.[LOCK_LABEL.environment] === undefined) return undefined
  return {id: found.Id, holder: readHolder(found.Config.Labels)}
}

/**
 * An image the ship already has (the marker is never started, but Docker needs one to create it): those the file
 * places on the ship, then those of any container there, then any image it has; only a ship with no image at all
 * gets the first image the file places on it pulled (as `start` would).
 */
async function markerImage(client: DockerClient, environment: Environment, ship: string): Promise<string> {
  const wanted = [...new Set(Object.values(environment.containers).filter((c) => c.ship === ship).map((c) => withDefaultTag(c.image)))]
  for (const ref of wanted) if (await client.inspectImage(ref)) return ref
  const any = (await client.listContainers({all: true}))[0]
  if (any) return any.ImageID
  const present = (await client.listImages?.())?.[0]
  if (present) return present.Id
  const first = wanted[0]
  if (!first) throw new MaestroError('MAESTRO_DOCKER', `ship ${ship} has no image to create the deploy lock from`)
  await pullImageWithAuth(client, environment, first, {dockerConfig: readHostDockerConfig()})
  return first
}

/** Creates the marker; resolves to the holder now in place when another run holds it (then nothing was created). */
export async function tryCreate(client: DockerClient, environment: Environment, ship: string, holder: LockHolder): Promise<Marker | {readonly heldBy: Marker}> {
  const name = lockName(environment.name)
  const held = await readMarker(client, environment.name)
  if (held) return {heldBy: held}
  const image = await markerImage(client, environment, ship)
  const body = {Image: image, Cmd: ['maestro-deploy-lock'], Entrypoint: [], Labels: holderLabels(environment.name, holder), HostConfig: {NetworkMode: 'none'}}
  try {
    const {Id} = await client.createContainer(name, body)
    return {id: Id, holder}
  } catch (e) {
    // 409: another run created it between our read and our create
    const now = await readMarker(client, environment.name).catch(() => undefined)
    if (now) return {heldBy: now}
    throw new MaestroError('MAESTRO_DOCKER', `could not take the deploy lock on ship ${ship}: ${describeError(e)}`, {cause: e})
  }
}

/** Removes the marker if it is still `token`'s (or any marker, when `token` is undefined); resolves to what was removed. */
export async function removeMarker(client: DockerClient, environment: string, token?: string): Promise<Marker | undefined> {
  const now = await readMarker(client, environment)
  if (!now || (token !== undefined && now.holder.token !== token)) return undefined
  await client.removeContainer(now.id, {force: true})
  return now
}
