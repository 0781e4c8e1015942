import {expect} from 'chai'
import {createServer as createHttpServer, type Server as HttpServer} from 'node:http'
import {createServer, type Server, type Socket} from 'node:net'
import {isMaestroError, type Ship} from '../../../src/api/index.js'
import {createDockerClient} from '../../../plugins/docker-client/index.js'

const ship: Ship = {name: 'slow', ip: '127.0.0.1', endpoint: '127.0.0.1', dockerPort: 0, apiVersion: '1.41', timeout: 0.5, tls: false, tlsVerify: false, extra: {}}

const listen = <S extends Server | HttpServer>(server: S): Promise<number> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as {port: number}).port)))

describe('docker client timeouts', () => {
  const sockets: Socket[] = []
  let servers: (Server | HttpServer)[] = []

  afterEach(async () => {
    for (const s of sockets) s.destroy()
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))))
    servers = []
  })

  it('gives up on a daemon that accepts but never answers, after the ship timeout', async () => {
    const silent = createServer((s) => void sockets.push(s))
    servers.push(silent)
    let received = ''
    const hungUp = new Promise<void>((resolve) => {
      silent.once('connection', (s) => {
        s.on('data', (d: Buffer) => void (received += d.toString()))
        s.once('close', () => resolve())
      })
    })
    const port = await listen(silent)
    const client = createDockerClient({...ship, dockerPort: port}, {endpoint: `tcp://127.0.0.1:${port}`, host: '127.0.0.1', port})
    const error = await client.listContainers().then(
      () => undefined,
      (e: unknown) => e,
    )
    // the request reached the daemon, got no answer, and the client hung up on it
    expect(received).to.match(/^GET \/v1\.41\/containers\/json/)
    await hungUp
    expect(isMaestroError(error) && error.code).to.equal('MAESTRO_SHIP_UNREACHABLE')
    expect((error as Error).message).to.equal(`ship slow (tcp://127.0.0.1:${port}) is unreachable: no answer within 0.5 s`)
    await client.close()
  })

  it("says a dead link in the transport's words, whichever of its timers and the request's fired first", async () => {
    // the link dies under the request (the server hangs up): a transport that knows why says so
    const rude = createServer((s) => void s.destroy())
    servers.push(rude)
    const port = await listen(rude)
    const why = new Error('ship slow (127.0.0.1:22): SSH link dead: no answer within 0.5s')
    const plain = createDockerClient({...ship, dockerPort: port}, {endpoint: `tcp://127.0.0.1:${port}`, host: '127.0.0.1', port})
    const told = createDockerClient({...ship, dockerPort: port}, {endpoint: `tcp://127.0.0.1:${port}`, host: '127.0.0.1', port}, {transportError: () => why})
    const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e)
    expect(((await failure(plain.listContainers())) as Error).message).to.match(/^ship slow \(tcp:\/\/127\.0\.0\.1:\d+\) is unreachable: /)
    expect(await failure(told.listContainers())).to.equal(why)
    await plain.close()
    await told.close()
  })

  it('keeps a stream open past the ship timeout once the daemon has answered', async () => {
    const http = createHttpServer((req, res) => {
      sockets.push(req.socket)
      res.writeHead(200, {'Content-Type': 'application/json'})
      res.write('{"Action":"start"}\n')
    })
    servers.push(http)
    const port = await listen(http)
    const client = createDockerClient({...ship, dockerPort: port}, {endpoint: `tcp://127.0.0.1:${port}`, host: '127.0.0.1', port})
    const events = await client.events()
    const seen: unknown[] = []
    let failed: unknown
    events.on('data', (e) => seen.push(e))
    events.on('error', (e) => (failed = e))
    await new Promise((resolve) => setTimeout(resolve, 900))
    expect(seen).to.deep.equal([{Action: 'start'}])
    expect(failed).to.equal(undefined)
    expect(events.destroyed).to.equal(false)
    events.destroy()
    await client.close()
  })
})
