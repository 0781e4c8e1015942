import {expect} from 'chai'
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http'
import {createHttpCheck, httpCheckUrl, pythonRegex} from '../../../plugins/checks/http.js'
import {checkContext, FAST, tcpPort} from './fixture.js'
import {boundHostPort} from '../../../plugins/checks/common.js'
import type {DockerClient, PortSpec} from '../../../src/api/index.js'

const check = createHttpCheck(FAST)

function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{server: Server; port: number}> {
  return new Promise((resolve) => {
    const server = createServer(handler)
    server.listen(0, '127.0.0.1', () => resolve({server, port: (server.address() as {port: number}).port}))
  })
}

describe('http check', () => {
  const servers: Server[] = []
  afterEach(() => servers.splice(0).forEach((s) => s.close()))

  it('passes on a 200 from a named port, with method, path and headers', async () => {
    const seen: string[] = []
    const {server, port} = await serve((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers['x-probe']}`)
      res.end('ok')
    })
    servers.push(server)
    const attempts: number[] = []
    await check.run({type: 'http', port: 'web', path: '/health', method: 'post', requests_options: {headers: {'X-Probe': 'yes'}}},
      checkContext({ports: [tcpPort('web', port)], attempts}))
    expect(seen).to.deep.equal(['POST /health yes'])
    expect(attempts).to.deep.equal([1])
  })

  it('retries until the server answers 200', async () => {
    let n = 0
    const {server, port} = await serve((_req, res) => {
      res.statusCode = ++n < 3 ? 503 : 200
      res.end()
    })
    servers.push(server)
    const attempts: number[] = []
    await check.run({type: 'http', port, max_wait: 5}, checkContext({attempts}))
    expect(attempts).to.deep.equal([1, 2, 3])
  })

  it('fails with the last status once max_wait seconds pass', async () => {
    let served = 0
    const {server, port} = await serve((_req, res) => {
      served++
      res.statusCode = 404
      res.end('missing')
    })
    servers.push(server)
    const attempts: number[] = []
    const err = await check.run({type: 'http', port, path: '/nope', max_wait: 0.3}, checkContext({attempts})).catch((e: Error) => e)
    expect((err as Error).message).to.equal(`http check: http://127.0.0.1:${port}/nope of web-1 not ready within 0.3 s: HTTP 404`)
    // it kept asking until the deadline: every attempt reached the server, and the last answer is the one reported
    expect(attempts.length).to.be.greaterThan(0)
    expect(served).to.equal(attempts.length)
  })

  it('matches match_regex across lines and ignores the status then', async () => {
    const {server, port} = await serve((_req, res) => {
      res.statusCode = 500
      res.end('state:\nREADY\n')
    })
    servers.push(server)
    await check.run({type: 'http', port, match_regex: 'state:.READY', max_wait: 1}, checkContext())
    const err = await check.run({type: 'http', port, match_regex: 'GONE', max_wait: 0.1}, checkContext()).catch((e: Error) => e)
    expect((err as Error).message).to.match(/HTTP 500, body does not match \/GONE\//)
  })

  it('follows redirects as requests does', async () => {
    const {server, port} = await serve((req, res) => {
      if (req.url === '/') {
        res.statusCode = 302
        res.setHeader('location', '/ready')
      }
      res.end()
    })
    servers.push(server)
    await check.run({type: 'http', port, max_wait: 1}, checkContext())
    const err = await check.run({type: 'http', port, max_wait: 0.1, requests_options: {allow_redirects: false}}, checkContext()).catch((e: Error) => e)
    expect((err as Error).message).to.match(/HTTP 302$/)
  })

  it('keeps Authorization and cookies for the same origin and drops them on a redirect to another', async () => {
    const seen: string[] = []
    const record = (where: string) => (req: IncomingMessage) => seen.push(`${where} ${req.url} ${req.headers.authorization ?? '-'} ${req.headers.cookie ?? '-'} ${req.headers['x-probe'] ?? '-'}`)
    const other = await serve((req, res) => (record('other')(req), res.end()))
    const home = await serve((req, res) => {
      record('home')(req)
      if (req.url === '/') (res.statusCode = 302), res.setHeader('location', '/same')
      else if (req.url === '/same') (res.statusCode = 307), res.setHeader('location', `http://127.0.0.1:${other.port}/away`)
      res.end()
    })
    servers.push(home.server, other.server)
    const headers = {Authorization: 'Bearer s3cret', Cookie: 'session=s3cret', 'X-Probe': 'kept'}
    await check.run({type: 'http', port: home.port, max_wait: 1, requests_options: {headers}}, checkContext())
    expect(seen).to.deep.equal([
      'home / Bearer s3cret session=s3cret kept',
      'home /same Bearer s3cret session=s3cret kept',
      'other /away - - kept',
    ])
  })

  it('gives up on a hung request after requests_options timeout', async () => {
    const {server, port} = await serve(() => undefined)
    servers.push(server)
    const err = await check.run({type: 'http', port, max_wait: 0.5, requests_options: {timeout: 0.1}}, checkContext()).catch((e: Error) => e)
    expect((err as Error).message).to.match(/timed out after \d+ ms$/)
    server.closeAllConnections()
  })

  it('rejects promptly when aborted mid-request', async () => {
    const {server, port} = await serve(() => undefined)
    servers.push(server)
    const ac = new AbortController()
    setTimeout(() => ac.abort(new Error('stopped')), 50)
    const started = Date.now()
    const err = await check.run({type: 'http', port, max_wait: 100}, checkContext({signal: ac.signal})).catch((e: Error) => e)
    expect((err as Error).message).to.equal('stopped')
    expect(Date.now() - started).to.be.below(500)
    server.closeAllConnections()
  })

  it('builds the URL from host, scheme and a numeric port', () => {
    expect(httpCheckUrl({type: 'http', port: 8443, host: 'example.test', scheme: 'HTTPS', path: 'x'}, checkContext())).to.equal('https://example.test:8443/x')
    expect(httpCheckUrl({type: 'http', port: 'web'}, checkContext({ip: '10.0.0.5', ports: [tcpPort('web', 8080)]}))).to.equal('http://10.0.0.5:8080/')
    expect(() => httpCheckUrl({type: 'http', port: 'admin'}, checkContext())).to.throw('web-1 has no port named "admin"')
  })
})

describe('a port published on a host range (start-first updates)', () => {
  it('is checked on the host port Docker bound for this container, not the range\'s first (the old container\'s)', async () => {
    const seen: string[] = []
    const {server, port} = await serve((req, res) => {
      seen.push(req.url ?? '')
      res.end('new')
    })
    try {
      const ranged: PortSpec = {...tcpPort('web', 8080), exposed: '8080', external: `${port - 5}-${port + 5}`}
      const docker = {inspectContainer: async () => ({NetworkSettings: {Ports: {'8080/tcp': [{HostIp: '0.0.0.0', HostPort: String(port)}]}}})} as unknown as DockerClient
      await check.run({type: 'http', port: 'web', match_regex: 'new', max_wait: 2}, checkContext({ports: [ranged], docker, containerId: 'c1'}))
      expect(seen).to.deep.equal(['/'])
      expect(await boundHostPort(checkContext({docker, containerId: 'c1'}), ranged)).to.equal(port)
      // a single host port, or no container yet: the file's port
      expect(await boundHostPort(checkContext({docker}), ranged)).to.equal(port - 5)
      expect(await boundHostPort(checkContext({docker, containerId: 'c1'}), tcpPort('web', 8081))).to.equal(8081)
    } finally {
      server.close()
    }
  })
})

describe('pythonRegex', () => {
  it('translates Python named groups and searches with DOTALL', () => {
    const r = pythonRegex('(?P<word>ab)c.(?P=word)')
    expect(r.test('xx abc\nab')).to.equal(true)
    expect(r.test('abcxba')).to.equal(false)
  })
})
