import {expect} from 'chai'
import {createServer, type Server} from 'node:http'
import {inspect} from 'node:util'
import Modem from 'docker-modem'
import type {Ship} from '../../../src/api/index.js'
import {createDockerClient} from '../../../plugins/docker-client/index.js'

const ship: Ship = {name: 'busy', ip: '127.0.0.1', endpoint: '127.0.0.1', dockerPort: 0, apiVersion: '1.41', timeout: 5, tls: false, tlsVerify: false, extra: {}}

type BuildRequest = (options: object, ...rest: unknown[]) => unknown

describe('docker client request options', () => {
  let server: Server
  const proto = (Modem as unknown as {prototype: {buildRequest: BuildRequest}}).prototype
  const original = proto.buildRequest

  afterEach(async () => {
    proto.buildRequest = original
    await new Promise((resolve) => server.close(resolve))
  })

  it('keeps what docker-modem inspects on every request constant in size, however many sockets are open', async () => {
    server = createServer((_req, res) => setTimeout(() => res.end('[]'), 20))
    const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as {port: number}).port)))
    const sizes: number[] = []
    proto.buildRequest = function (this: unknown, options: object, ...rest: unknown[]) {
      sizes.push(inspect(options, {showHidden: true, depth: null}).length)
      return original.call(this, options, ...rest)
    }
    const client = createDockerClient({...ship, dockerPort: port}, {endpoint: `tcp://127.0.0.1:${port}`, host: '127.0.0.1', port})
    await client.listContainers()
    await Promise.all(Array.from({length: 30}, () => client.listContainers()))
    expect(client.stats.connections).to.be.greaterThan(1)
    expect(sizes).to.have.length(31)
    expect(Math.max(...sizes)).to.be.lessThan(1500)
    await client.close()
  })
})
