import type {PortSpec} from '../../model/types.js'
import {probeTcp} from '../../net/tcp-probe.js'

export interface PortProbe {
  readonly name: string
  readonly port: string
  readonly protocol: string
  readonly up: boolean
}

/** The tcp lifecycle check's probe: Docker's port proxy accepts every connection, so it must also stay open. */
const PROBE = {connectTimeoutMs: 1000, settleMs: 250} as const

/** status -F: each named port, probed at `ip:external` (UDP cannot be probed: always down, as upstream). */
export function probePorts(ip: string, ports: readonly PortSpec[]): Promise<PortProbe[]> {
  return Promise.all(
    ports.map(async (p) => {
      const first = Number(p.external.split('-')[0])
      const up = p.externalProtocol === 'tcp' && Number.isInteger(first) ? (await probeTcp(ip, first, PROBE)) === undefined : false
      return {name: p.name, port: p.external, protocol: p.externalProtocol, up}
    }),
  )
}
