import {expect} from 'chai'
import {createServer, type Server, type ServerResponse} from 'node:http'
import type {Ship} from '../../../src/api/index.js'
import {createDockerClient, MAX_SOCKETS_PER_SHIP} from '../../../plugins/docker-client/index.js'

const ship: Ship = {name: 'busy', ip: '127.0.0.1', endpoint: '127.0.0.1', dockerPort: 0, apiVersion: '1.41', timeout: 5, tls: false, tlsVerify: false, extra: {}}

describe('docker client connection pool', () => {
  let server: Server
  let open = 0
  let peak = 0
  const held: ServerResponse[] = []

  beforeEach(async () => {
    open = peak = 0
    server = createServer((req, res) => {
      // Event streams stay open until the test ends: were they pooled, they would hold every pooled socket.
      if (req.url?.includes('/events')) {
        res.writeHead(200, {'Content-Type': 'application/json'})
        res.write('')
        held.push(res)
      } else if (req.url?.includes('slow')) {
        setTimeout(() => res.end('[]'), 600)
      } else {
        setImmediate(() => res.end('[]'))
      }
    })
    server.on('connection', (socket) => {
      peak = Math.max(peak, ++open)
      socket.on('close', () => open--)
    })
  })

  afterEach(async () => {
    for (const res of held.splice(0)) res.end()
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  const listen = () => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as {port: number}).port)))

  it('keeps at most MAX_SOCKETS_PER_SHIP pooled connections to a ship, however many requests are in flight', async () => {
    const port = await listen()
    const client = createDockerClient({...ship, dockerPort: port}, {endpoint: `tcp://127.0.0.1:${port}`, host: '127.0.0.1', port})
    await Promise.all(Array.from({length: MAX_SOCKETS_PER_SHIP * 4}, () => client.listContainers()))
    expect(client.stats.requests).to.equal(MAX_SOCKETS_PER_SHIP * 4)
    expect(peak).to.equal(MAX_SOCKETS_PER_SHIP)
    expect(client.stats.connections).to.equal(MAX_SOCKETS_PER_SHIP)
    await client.close()
  })

  it('gives long-lived event streams their own connections, outside the pool', async () => {
    const port = await listen()
    const client = createDockerClient({...ship, dockerPort: port}, {endpoint: `tcp://127.0.0.1:${port}`, host: '127.0.0.1', port})
    const streams = await Promise.all(Array.from({length: MAX_SOCKETS_PER_SHIP}, () => client.events({type: ['container']})))
    await Promise.all(Array.from({length: 4}, () => client.listContainers()))
    expect(client.stats.requests).to.equal(MAX_SOCKETS_PER_SHIP + 4)
    for (const s of streams) s.destroy()
    await client.close()
  })

  it('starts a request\'s timeout once it has a pooled connection, not while it queues for one', async () => {
    const port = await listen()
    // 2 s per request; 4 waves of 0.6 s each queue for longer than that in all.
    const client = createDockerClient({...ship, timeout: 2, dockerPort: port}, {endpoint: `tcp://127.0.0.1:${port}`, host: '127.0.0.1', port})
    const results = await Promise.allSettled(Array.from({length: MAX_SOCKETS_PER_SHIP * 4}, () => client.listContainers({filters: {label: ['slow']}})))
    expect(results.filter((r) => r.status === 'rejected')).to.deep.equal([])
    expect(peak).to.equal(MAX_SOCKETS_PER_SHIP)
    await client.close()
  })
})
