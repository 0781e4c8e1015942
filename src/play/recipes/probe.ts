import {connect} from 'node:net'
import type {PortSpec} from '../../model/types.js'

export interface PortProbe {
  readonly name: string
  readonly port: string
  readonly protocol: string
  readonly up: boolean
}

/** TCP connect with a timeout; true when the connection was accepted. */
export function tcpProbe(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({host, port})
    const done = (up: boolean): void => {
      socket.destroy()
      resolve(up)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

/** status -F: each named port, probed at `ip:external` (UDP cannot be probed: always down, as upstream). */
export function probePorts(ip: string, ports: readonly PortSpec[]): Promise<PortProbe[]> {
  return Promise.all(
    ports.map(async (p) => {
      const first = Number(p.external.split('-')[0])
      const up = p.externalProtocol === 'tcp' && Number.isInteger(first) ? await tcpProbe(ip, first) : false
      return {name: p.name, port: p.external, protocol: p.externalProtocol, up}
    }),
  )
}
