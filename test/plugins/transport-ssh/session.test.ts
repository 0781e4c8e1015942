import {request, type Agent} from 'node:http'
import {execFile, spawn} from 'node:child_process'
import {existsSync, writeFileSync} from 'node:fs'
import {promisify} from 'node:util'
import {join} from 'node:path'
import {expect} from 'chai'
import {isMaestroError} from '../../../src/api/index.js'
import {createSshAgent} from '../../../plugins/transport-ssh/http-agent.js'
import {SshSession} from '../../../plugins/transport-ssh/session.js'
import type {RemoteDocker, SshTarget} from '../../../plugins/transport-ssh/target.js'
import {startFakeSshd, type FakeSshd} from '../../helpers/ssh-server.js'
import {tempDir} from '../../helpers/ssh-lab.js'
import {rejectedError as failure} from '../../helpers/errors.js'

const TIMEOUT_MS = 1000
const run = promisify(execFile)

function get(agent: Agent, path: string, timeout = TIMEOUT_MS): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({host: 'docker', path, agent, timeout}, (res) => {
      let body = ''
      res.on('data', (d) => (body += d))
      res.on('end', () => resolve(body))
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error('request timeout')))
    req.on('error', reject)
    req.end()
  })
}

describe('SshSession over a local ssh2 server', function () {
  this.timeout(10_000)
  let sshd: FakeSshd
  let dir: string
  const sessions: SshSession[] = []
  const agents: Agent[] = []

  function open(over: Partial<SshTarget> = {}, remote: RemoteDocker = {kind: 'tcp', host: '127.0.0.1', port: 2375}, env: Record<string, string> = {}) {
    const knownHosts = join(dir, 'known_hosts')
    const target: SshTarget = {
      ship: 'ship1', alias: '127.0.0.1', host: '127.0.0.1', port: sshd.port, user: 'maestro', identityFiles: [sshd.clientKeyFile],
      explicitKey: true, knownHostsFiles: [knownHosts], knownHostsAppend: knownHosts, remote, timeoutMs: TIMEOUT_MS,
      endpoint: `ssh://maestro@127.0.0.1:${sshd.port}`, ...over,
    }
    const session = new SshSession(target, {acceptNewHostKeys: false, env})
    const agent = createSshAgent(session)
    sessions.push(session)
    agents.push(agent)
    return {session, agent}
  }

  beforeEach(async () => {
    dir = tempDir('fake-sshd')
    sshd = await startFakeSshd(dir)
    writeFileSync(join(dir, 'known_hosts'), `[127.0.0.1]:${sshd.port} ssh-ed25519 ${sshd.hostKey.toString('base64')}\n`)
  })

  afterEach(async () => {
    agents.splice(0).forEach((a) => a.destroy())
    await Promise.all(sessions.splice(0).map((s) => s.close()))
    await sshd.close()
  })

  it('carries many sequential and concurrent requests over one SSH connection', async () => {
    const {session, agent} = open()
    for (let i = 0; i < 5; i++) expect(await get(agent, `/seq/${i}`)).to.equal(`ok /seq/${i}`)
    const bodies = await Promise.all(Array.from({length: 10}, (_, i) => get(agent, `/par/${i}`)))
    expect(bodies).to.have.length(10)
    expect(sshd.httpRequests()).to.equal(15)
    expect(session.connections).to.equal(1)
    expect(sshd.connections()).to.equal(1)
  })

  it('opens streamlocal channels for a socket target', async () => {
    const {session, agent} = open({}, {kind: 'socket', path: '/var/run/docker.sock'})
    expect(await get(agent, '/_ping')).to.equal('ok /_ping')
    expect(session.connections).to.equal(1)
  })

  it('reports a refused channel as an unreachable daemon behind SSH', async () => {
    await sshd.close()
    sshd = await startFakeSshd(dir, {rejectStreamLocal: true})
    writeFileSync(join(dir, 'known_hosts'), `[127.0.0.1]:${sshd.port} ssh-ed25519 ${sshd.hostKey.toString('base64')}\n`)
    const {agent} = open({}, {kind: 'socket', path: '/run/none.sock'})
    const err = await failure(get(agent, '/_ping'))
    expect(isMaestroError(err)).to.equal(true)
    expect(err.message).to.match(/^ship1 \(127\.0\.0\.1:\d+\): cannot reach the Docker daemon at unix:\/\/\/run\/none\.sock through SSH: /)
  })

  it('fails a request within the timeout when the server goes silent, and keeps the error one line', async () => {
    const {agent} = open()
    await get(agent, '/warm', 60_000)
    sshd.freeze()
    const started = Date.now()
    const err = await failure(get(agent, '/after-freeze', 60_000))
    const elapsed = Date.now() - started
    expect(elapsed).to.be.lessThan(TIMEOUT_MS * 2 + 500)
    expect(err.message).to.not.include('\n')
  })

  it('detects a dead link by keepalives while a request waits, then errors the socket', async () => {
    const {agent} = open()
    await get(agent, '/warm', 60_000)
    const slow = failure(get(agent, '/slow', 60_000))
    await new Promise((r) => setTimeout(r, 100))
    sshd.freeze()
    const started = Date.now()
    const err = await slow
    expect(Date.now() - started).to.be.lessThan(TIMEOUT_MS * 2 + 500)
    expect(isMaestroError(err), err.message).to.equal(true)
    expect(err.message).to.match(/^ship1 \(127\.0\.0\.1:\d+\): SSH link dead: no answer within 1s$/)
  })

  it('fails in-flight requests at once when the connection is reset, and reconnects for the next one', async () => {
    const {session, agent} = open()
    await get(agent, '/warm', 60_000)
    const slow = failure(get(agent, '/slow', 60_000))
    await new Promise((r) => setTimeout(r, 100))
    const started = Date.now()
    sshd.kill()
    const err = await slow
    expect(Date.now() - started).to.be.lessThan(900)
    expect(err.message).to.match(/^ship1 \(127\.0\.0\.1:\d+\): SSH connection (reset by the server|lost)$/)
    expect(await get(agent, '/again')).to.equal('ok /again')
    expect(session.connections).to.equal(2)
  })

  it('times out a handshake with a server that never speaks', async () => {
    const {createServer} = await import('node:net')
    const mute = createServer(() => undefined)
    await new Promise<void>((r) => mute.listen(0, '127.0.0.1', r))
    const {agent} = open({port: (mute.address() as {port: number}).port})
    const started = Date.now()
    const err = await failure(get(agent, '/', 60_000))
    expect(Date.now() - started).to.be.lessThan(TIMEOUT_MS + 500)
    expect(err.message).to.match(/^ship1 \(127\.0\.0\.1:\d+\): SSH connection timed out after 1s$/)
    mute.close()
  })

  it('refuses an unauthorised key with an authentication error', async () => {
    const other = await startFakeSshd(tempDir('other-sshd'))
    const {agent} = open({identityFiles: [other.clientKeyFile]})
    const err = await failure(get(agent, '/'))
    await other.close()
    expect(err.message).to.equal(`ship1 (127.0.0.1:${sshd.port}): SSH authentication failed for user maestro (key ${other.clientKeyFile} refused)`)
  })

  it('authenticates through ssh-agent (SSH_AUTH_SOCK) when no key is given', async () => {
    const sock = join(dir, 'agent.sock')
    const agentProcess = spawn('ssh-agent', ['-D', '-a', sock], {stdio: 'ignore'})
    try {
      for (let i = 0; i < 50 && !existsSync(sock); i++) await new Promise((r) => setTimeout(r, 50))
      await run('ssh-add', [sshd.clientKeyFile], {env: {...process.env, SSH_AUTH_SOCK: sock}})
      const {session, agent} = open({identityFiles: [], explicitKey: false}, undefined, {SSH_AUTH_SOCK: sock})
      expect(await get(agent, '/via-agent')).to.equal('ok /via-agent')
      expect(session.connections).to.equal(1)
    } finally {
      agentProcess.kill()
    }
  })

  it('refuses an unknown host key before authenticating', async () => {
    writeFileSync(join(dir, 'known_hosts'), '')
    const {agent} = open()
    const err = await failure(get(agent, '/'))
    expect(err.code).to.equal('MAESTRO_SSH_HOST_KEY')
    expect(sshd.channels()).to.equal(0)
  })

  it('lets the process exit by itself once closed (no timers or sockets left behind)', async () => {
    const url = (rel: string) => new URL(rel, import.meta.url).href
    const script = `
      import {request} from 'node:http'
      import {SshSession} from '${url('../../../plugins/transport-ssh/session.js')}'
      import {createSshAgent} from '${url('../../../plugins/transport-ssh/http-agent.js')}'
      const target = JSON.parse(process.env.TARGET)
      const session = new SshSession(target, {acceptNewHostKeys: false, env: {}})
      const agent = createSshAgent(session)
      await new Promise((resolve, reject) => request({host: 'docker', path: '/child', agent}, (res) => res.resume().on('end', resolve)).on('error', reject).end())
      agent.destroy()
      await session.close()
      console.log('closed', Date.now())`
    const knownHosts = join(dir, 'known_hosts')
    const target = {
      ship: 'ship1', alias: 'x', host: '127.0.0.1', port: sshd.port, user: 'maestro', identityFiles: [sshd.clientKeyFile], explicitKey: true,
      knownHostsFiles: [knownHosts], knownHostsAppend: knownHosts, remote: {kind: 'tcp', host: '127.0.0.1', port: 2375}, timeoutMs: 5000, endpoint: 'x',
    }
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {env: {...process.env, TARGET: JSON.stringify(target)}})
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    const code = await new Promise<number | null>((resolve) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), 8000)
      child.on('exit', (c) => (clearTimeout(kill), resolve(c)))
    })
    const exitedAt = Date.now()
    expect(code, out).to.equal(0)
    const closedAt = Number(/closed (\d+)/.exec(out)?.[1])
    expect(exitedAt - closedAt).to.be.lessThan(1000)
    expect(sshd.httpRequests()).to.equal(1)
  })

  it('closes cleanly and refuses new requests afterwards', async () => {
    const {session, agent} = open()
    await get(agent, '/warm')
    await session.close()
    const err = await failure(get(agent, '/after-close'))
    expect(err.message).to.match(/SSH connection lost/)
  })
})
