/**
 * Memory of a container left running by `--keep-failed` after its `running` checks failed, or whose checks an
 * interruption (a signal, `--timeout`) cut short (issue 13). A label
 * cannot be added to a container once created, so the fact is kept on its ship as an empty volume labelled with
 * the container's id: `status` shows the container `not ready` and the next `start` checks it again before it
 * counts it as up. The marker goes when the container passes its checks, is stopped or is removed; one naming a
 * container that no longer runs is ignored.
 */
import type {DockerClient, VolumeSummary} from '../api/docker.js'
import type {TaskContext} from './context.js'

export const NOT_READY_LABEL = {
  marker: 'io.maestro.not-ready',
  container: 'io.maestro.not-ready.container',
  at: 'io.maestro.not-ready.at',
  reason: 'io.maestro.not-ready.reason',
  interrupted: 'io.maestro.not-ready.interrupted',
} as const

const REASON_CHARS = 300

export interface NotReady {
  /** Epoch ms of the failed checks. */
  readonly at: number
  readonly reason: string
  /** Its checks were cut short by an interruption, not failed. */
  readonly interrupted?: boolean
}

export const markerName = (containerId: string): string => `maestro-not-ready-${containerId.slice(0, 12)}`

/** The markers of a ship by container id; none when the client cannot list volumes or the list fails. */
export async function notReadyOn(client: DockerClient): Promise<Map<string, NotReady>> {
  const found = new Map<string, NotReady>()
  if (!client.listVolumes) return found
  let volumes: VolumeSummary[]
  try {
    volumes = await client.listVolumes({label: [NOT_READY_LABEL.marker]})
  } catch {
    return found
  }
  for (const v of volumes) {
    const labels = v.Labels ?? {}
    const id = labels[NOT_READY_LABEL.marker]
    if (!id) continue
    const interrupted = labels[NOT_READY_LABEL.interrupted] === 'true'
    found.set(id, {at: Number(labels[NOT_READY_LABEL.at]) || 0, reason: labels[NOT_READY_LABEL.reason] ?? '', ...(interrupted ? {interrupted} : {})})
  }
  return found
}

/** Records that `id` was left running without passing its checks; false when the ship could not record it. */
export async function markNotReady(ctx: TaskContext, id: string, reason: string, interrupted = false): Promise<boolean> {
  if (!ctx.docker.createVolume) return false
  try {
    await ctx.docker.createVolume(markerName(id), {
      [NOT_READY_LABEL.marker]: id,
      [NOT_READY_LABEL.container]: ctx.container.name,
      [NOT_READY_LABEL.at]: String(Date.now()),
      [NOT_READY_LABEL.reason]: reason.slice(0, REASON_CHARS),
      ...(interrupted ? {[NOT_READY_LABEL.interrupted]: 'true'} : {}),
    })
    return true
  } catch {
    return false
  }
}

/** Forgets the marker of `id` if the play's listing showed one (best effort: a stale marker is ignored anyway). */
export async function clearNotReady(ctx: TaskContext, id: string): Promise<void> {
  if (ctx.observed?.id !== id || !ctx.observed.notReady || !ctx.docker.removeVolume) return
  try {
    await ctx.docker.removeVolume(markerName(id))
  } catch {
    // the container it names is gone or running ready: the marker no longer applies
  }
}
