import type {Recipe} from '../context.js'
import {ageDetail, driftData, driftOf} from './observed-facts.js'
import {probePorts} from './probe.js'
import {portText, statusDetail} from '../../plan/listed-facts.js'

/** status: from the play's one list call per ship; no per-container Docker call. -F adds port probes. */
export const statusRecipe: Recipe = async (ctx) => {
  if (ctx.shipDown !== undefined) return {outcome: 'host down', data: {reason: ctx.shipDown}}
  const seen = ctx.observed
  // the container an update replaced, kept stopped as the instance's way back (maestro rollback)
  const previous = ctx.previous ? {previous: ctx.previous.id} : {}
  const kept = ctx.previous ? ` (previous version kept: ${ctx.previous.id.slice(0, 12)})` : ''
  if (!seen) return {outcome: 'absent', data: previous, ...(kept ? {detail: kept.trim()} : {})}
  const drift = driftOf(ctx)
  const ports = ctx.options.full ? await probePorts(ctx.ship.ip, ctx.container.ports) : undefined
  const probes = ports && ports.length > 0 ? `[${ports.map((p) => `${p.name}:${p.port}${p.protocol === 'udp' ? '/udp' : ''} ${p.up ? 'up' : 'down'}`).join(', ')}]` : undefined
  const detail = `${statusDetail({age: ageDetail(ctx), exitCode: seen.exitCode, ports: seen.ports?.map(portText), probes}) ?? ''}${kept}`.trim() || undefined
  const data = {...previous, ...driftData(drift), state: seen.state, status: seen.status, imageId: seen.imageId, image: seen.image, created: seen.created, ports, exitCode: seen.exitCode, published: seen.ports ?? []}
  if (seen.running && seen.notReady) {
    const notReady = {at: new Date(seen.notReady.at).toISOString(), reason: seen.notReady.reason, ...(seen.notReady.interrupted ? {interrupted: true} : {})}
    const why = seen.notReady.interrupted ? 'its running checks were interrupted' : 'failed its running checks, left running by --keep-failed'
    return {outcome: 'not ready', detail: `(${why})${detail ? ` ${detail}` : ''}`, id: seen.id, data: {...data, notReady}}
  }
  return {outcome: seen.running ? 'running' : 'down', detail, id: seen.id, data}
}
