import {expect} from 'chai'
import {createServer, type Server, type Socket} from 'node:net'
import {createTcpCheck} from '../../../plugins/checks/tcp.js'
import {checkContext, FAST, tcpPort} from './fixture.js'

const check = createTcpCheck(FAST)

function listen(onConnection: (s: Socket) => void): Promise<{server: Server; port: number}> {
  return new Promise((resolve) => {
    const server = createServer(onConnection)
    server.listen(0, '127.0.0.1', () => resolve({server, port: (server.address() as {port: number}).port}))
  })
}

async function closedPort(): Promise<number> {
  const {server, port} = await listen(() => undefined)
  await new Promise((r) => server.close(r))
  return port
}

describe('tcp check', () => {
  const servers: Server[] = []
  afterEach(() => servers.splice(0).forEach((s) => s.close()))

  it('passes when something listens and keeps the connection open', async () => {
    const sockets: Socket[] = []
    const {server, port} = await listen((s) => sockets.push(s))
    servers.push(server)
    const attempts: number[] = []
    await check.run({type: 'tcp', port: 'web', max_wait: 3}, checkContext({ports: [tcpPort('web', port)], attempts}))
    expect(attempts).to.deep.equal([1])
    sockets.forEach((s) => s.destroy())
  })

  it('passes when the server greets and closes at once (data counts)', async () => {
    const {server, port} = await listen((s) => s.end('hello\n'))
    servers.push(server)
    await check.run({type: 'tcp', port: 'web', max_wait: 2}, checkContext({ports: [tcpPort('web', port)]}))
  })

  it('fails after max_wait attempts on a refused port', async () => {
    const port = await closedPort()
    const attempts: number[] = []
    const err = await check.run({type: 'tcp', port: 'web', max_wait: 3}, checkContext({ports: [tcpPort('web', port)], attempts})).catch((e: Error) => e)
    expect(attempts).to.deep.equal([1, 2, 3])
    expect((err as Error).message).to.match(/not ready after 3 attempt\(s\): connection refused/)
    expect(err).to.have.property('code', 'MAESTRO_CHECK_FAILED')
  })

  it('fails against a proxy that accepts and then drops the connection (upstream #53)', async () => {
    const {server, port} = await listen((s) => s.destroy())
    servers.push(server)
    const err = await check.run({type: 'tcp', port: 'web', max_wait: 2}, checkContext({ports: [tcpPort('web', port)]})).catch((e: Error) => e)
    expect((err as Error).message).to.match(/connection (closed|reset) right after connecting/)
  })

  it('passes once the listener appears between attempts', async () => {
    const port = await closedPort()
    const attempts: number[] = []
    setTimeout(() => {
      const server = createServer(() => undefined)
      servers.push(server)
      server.listen(port, '127.0.0.1')
    }, 60)
    await check.run({type: 'tcp', port: 'web', max_wait: 50}, checkContext({ports: [tcpPort('web', port)], attempts}))
    expect(attempts.length).to.be.above(1)
  })

  it('rejects promptly when aborted', async () => {
    const port = await closedPort()
    const ac = new AbortController()
    setTimeout(() => ac.abort(new Error('container stopped')), 50)
    const started = Date.now()
    const err = await check.run({type: 'tcp', port: 'web', max_wait: 1000}, checkContext({ports: [tcpPort('web', port)], signal: ac.signal})).catch((e: Error) => e)
    expect((err as Error).message).to.equal('container stopped')
    expect(Date.now() - started).to.be.below(500)
  })

  it('fails clearly for an unknown or udp port', async () => {
    const err = await check.run({type: 'tcp', port: 'nope'}, checkContext({ports: []})).catch((e: Error) => e)
    expect((err as Error).message).to.equal('tcp check: web-1 has no port named "nope"')
    const udp = {...tcpPort('dns', 53), externalProtocol: 'udp' as const}
    const err2 = await check.run({type: 'tcp', port: 'dns'}, checkContext({ports: [udp]})).catch((e: Error) => e)
    expect((err2 as Error).message).to.equal('tcp check: port "dns" of web-1 is not a tcp port')
  })
})
