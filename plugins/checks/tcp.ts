import {probeTcp, type CheckContext, type CheckSpec, type LifecycleCheck, type PortSpec} from '../../src/api/index.js'
import {abortReason} from '../shared/abort.js'
import {attemptLoop, boundHostPort, checkFailed, DEFAULT_TIMING, num, positiveInt, validateKeys, type CheckTiming} from './common.js'

/** `{type: tcp, port: <named tcp port>, max_wait: <attempts, 180>}`: the port on the ship's ip accepts and keeps a connection. */
export function createTcpCheck(timing: CheckTiming = DEFAULT_TIMING): LifecycleCheck {
  return {
    type: 'tcp',
    validate: (spec) =>
      validateKeys(spec, {port: (v) => (typeof v === 'string' && v !== '' ? undefined : 'must be the name of one of the container\'s ports'), max_wait: positiveInt}, ['port']),
    async run(spec: CheckSpec, context: CheckContext): Promise<void> {
      const target = resolveTcpTarget(spec, context)
      const {host} = target
      const port = await boundHostPort(context, target.spec)
      const attempts = num(spec, 'max_wait', 180)
      const reason = await attemptLoop(attempts, context, timing.intervalMs, () =>
        probeTcp(host, port, {connectTimeoutMs: timing.connectTimeoutMs, settleMs: timing.settleMs, signal: context.signal}))
      if (context.signal.aborted) throw abortReason(context.signal)
      if (reason !== undefined) {
        throw checkFailed(`tcp check: port ${String(spec.port)} (${host}:${port}) of ${context.container.name} not ready after ${attempts} attempt(s): ${reason}`)
      }
    },
  }
}

export function resolveTcpTarget(spec: CheckSpec, context: CheckContext): {host: string; port: number; spec: PortSpec} {
  const name = String(spec.port)
  const port = context.container.ports.find((p) => p.name === name)
  if (!port) throw checkFailed(`tcp check: ${context.container.name} has no port named "${name}"`)
  if (port.externalProtocol !== 'tcp') throw checkFailed(`tcp check: port "${name}" of ${context.container.name} is not a tcp port`)
  return {host: context.ship.ip, port: Number.parseInt(port.external, 10), spec: port}
}
