import {expect} from 'chai'
import {createServer, type Server} from 'node:net'
import {probePorts} from '../../../src/play/recipes/probe.js'
import type {PortSpec} from '../../../src/model/types.js'

const listen = (onConnection: (s: import('node:net').Socket) => void): Promise<{server: Server; port: number}> =>
  new Promise((resolve) => {
    const server = createServer(onConnection)
    server.listen(0, '127.0.0.1', () => resolve({server, port: (server.address() as {port: number}).port}))
  })

const tcp = (name: string, port: number): PortSpec => ({name, exposed: String(port), exposedProtocol: 'tcp', external: String(port), externalProtocol: 'tcp', bindIp: '0.0.0.0'})

describe('status -F port probe', () => {
  it('counts a port as up only when the connection stays open, not when a proxy accepts and closes it (upstream #53)', async () => {
    const open = await listen(() => undefined)
    const proxy = await listen((s) => s.destroy())
    try {
      const probes = await probePorts('127.0.0.1', [tcp('real', open.port), tcp('proxy', proxy.port)])
      expect(probes.map((p) => [p.name, p.up])).to.deep.equal([['real', true], ['proxy', false]])
    } finally {
      open.server.close()
      proxy.server.close()
    }
  })
})
