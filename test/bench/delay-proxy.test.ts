import {expect} from 'chai'
import {connect, createServer, type Server, type Socket} from 'node:net'
import {startDelayProxy, type DelayProxy} from './delay-proxy.js'

function echoServer(): Promise<{server: Server; port: number}> {
  const server = createServer({allowHalfOpen: true}, (s) => {
    s.on('data', (d) => s.write(d))
    s.on('end', () => s.end('bye'))
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({server, port: (server.address() as {port: number}).port})))
}

const open = (port: number): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const s = connect({host: '127.0.0.1', port, allowHalfOpen: true}, () => resolve(s))
    s.on('error', reject)
  })

const readAll = (s: Socket): Promise<string> =>
  new Promise((resolve) => {
    let text = ''
    s.on('data', (d: Buffer) => (text += d.toString()))
    s.on('end', () => resolve(text))
  })

describe('startDelayProxy', () => {
  let echo: {server: Server; port: number}
  let proxy: DelayProxy

  beforeEach(async () => {
    echo = await echoServer()
    proxy = await startDelayProxy({target: {host: '127.0.0.1', port: echo.port}, delayMs: 60})
  })

  afterEach(async () => {
    await proxy.close()
    echo.server.close()
  })

  it('delays a round trip by the delay in each direction', async () => {
    const s = await open(proxy.port)
    const started = performance.now()
    const reply = new Promise<number>((resolve) => s.once('data', () => resolve(performance.now() - started)))
    s.write('ping')
    const elapsed = await reply
    expect(elapsed).to.be.at.least(115)
    expect(elapsed).to.be.below(1000)
    s.destroy()
  })

  it('keeps chunks in order and passes the half-close through', async () => {
    const s = await open(proxy.port)
    const all = readAll(s)
    const parts = Array.from({length: 50}, (_, i) => `<${i}>`)
    for (const p of parts) s.write(p)
    s.end()
    expect(await all).to.equal(`${parts.join('')}bye`)
  })

  it('listens on the requested port on loopback', async () => {
    const probe = createServer()
    const free = await new Promise<number>((resolve) => probe.listen(0, '127.0.0.1', () => resolve((probe.address() as {port: number}).port)))
    await new Promise((resolve) => probe.close(resolve))
    const fixed = await startDelayProxy({listenPort: free, target: {host: '127.0.0.1', port: echo.port}, delayMs: 1})
    try {
      expect(fixed.port).to.equal(free)
      const s = await open(free)
      const all = readAll(s)
      s.end('x')
      expect(await all).to.equal('xbye')
    } finally {
      await fixed.close()
    }
  })

  it('drops open connections on close', async () => {
    const s = await open(proxy.port)
    const ended = new Promise<string>((resolve) => {
      s.on('end', () => resolve('end'))
      s.on('error', (e) => resolve(e.message))
    })
    s.resume()
    await proxy.close()
    expect(await ended).to.match(/^(end|read ECONNRESET)$/)
    s.destroy()
    proxy = await startDelayProxy({target: {host: '127.0.0.1', port: echo.port}, delayMs: 1})
  })
})
