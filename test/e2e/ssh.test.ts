import {execFileSync} from 'node:child_process'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Readable} from 'node:stream'
import {expect} from 'chai'
import {isMaestroError, NO_TRANSPORT_FLAGS, type DockerClient, type Ship, type TransportContext, type TransportFlags} from '../../src/api/index.js'
import {SshTransport} from '../../plugins/transport-ssh/index.js'
import {LAB_SCRIPT, useLab, type Lab, type LabShip} from '../helpers/lab.js'
import {knownHostsLine, restoreSshd, signalSshd, strayKey, tempDir} from '../helpers/ssh-lab.js'
import {rejectedError as failure} from '../helpers/errors.js'

const TIMEOUT_S = 3
/** Slack for scheduling and teardown on a busy 2-core machine: the bound is timeout + this. */
const MARGIN_MS = 2500

interface Home {
  readonly dir: string
  readonly knownHosts: string
}

/** A temp HOME with ~/.ssh/config naming the lab key, and (optionally) the lab host key trusted. */
function makeHome(lab: Lab, trusted: boolean): Home {
  const dir = tempDir('ssh-home')
  mkdirSync(join(dir, '.ssh'), {mode: 0o700})
  writeFileSync(join(dir, '.ssh', 'config'), `Host *\n  User root\n  IdentityFile ${lab.sshKey}\n`)
  const knownHosts = join(dir, '.ssh', 'known_hosts')
  if (trusted) writeFileSync(knownHosts, lab.ships.map((s) => knownHostsLine(s.ip, lab.sshHostKey)).join(''))
  return {dir, knownHosts}
}

function sshShip(s: LabShip, over: Partial<Ship> = {}): Ship {
  return {
    name: s.name, ip: s.ip, endpoint: `ssh://root@${s.ip}`, dockerPort: 2375, apiVersion: 'auto', timeout: TIMEOUT_S,
    tls: false, tlsVerify: false, ...over, extra: {docker_socket: s.socket, ...over.extra},
  }
}

const context = (home: Home, flags: Partial<TransportFlags> = {}): TransportContext => ({
  flags: {...NO_TRANSPORT_FLAGS, ...flags},
  env: {HOME: home.dir, USER: 'root'},
  baseDir: home.dir,
  log: {debug: () => undefined, info: () => undefined, warn: () => undefined},
})

const readSome = (stream: Readable, want: string, ms: number): Promise<string> =>
  new Promise((resolve, reject) => {
    let text = ''
    const timer = setTimeout(() => reject(new Error(`no "${want}" in ${ms} ms: ${text}`)), ms)
    stream.on('data', (d: Buffer | string) => {
      text += d.toString()
      if (text.includes(want)) (clearTimeout(timer), resolve(text))
    })
  })

describe('@e2e transport-ssh on the lab', function () {
  this.timeout(60_000)
  let lab: Lab
  let ship: LabShip
  const transport = new SshTransport()
  const clients: DockerClient[] = []
  const open = (s: Ship, ctx: TransportContext): DockerClient => {
    const c = transport.connect(s, ctx)
    clients.push(c)
    return c
  }
  const name = (what: string) => `mssh-${what}-${process.pid}`

  before(async function () {
    lab = await useLab({ships: 3, context: this})
    ship = lab.ships[1]
  })

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()))
  })

  after(async () => {
    // remove what the tests created, straight through the ship's socket
    for (const s of lab?.ships ?? []) {
      const ids = execFileSync('docker', ['-H', `unix://${s.socket}`, 'ps', '-aq', '--filter', `name=mssh-`]).toString().split(/\s+/).filter(Boolean)
      if (ids.length > 0) execFileSync('docker', ['-H', `unix://${s.socket}`, 'rm', '-f', ...ids])
    }
  })

  it('drives a container lifecycle over one SSH connection to the ship socket', async () => {
    const docker = open(sshShip(ship), context(makeHome(lab, true)))
    expect(docker.endpoint).to.include(`ssh://root@${ship.ip}:22`)
    await docker.ping()
    expect((await docker.version()).ApiVersion).to.match(/^1\.\d+$/)
    const c = name('life')
    const {Id} = await docker.createContainer(c, {Image: lab.image, Cmd: ['sh', '-c', 'echo hello-over-ssh; exec sleep 600']})
    await docker.startContainer(Id)
    expect((await docker.inspectContainer(c))?.State.Running).to.equal(true)
    expect((await docker.listContainers({all: true})).map((x) => x.Names[0])).to.include(`/${c}`)
    const logs = await docker.logs(Id, {tail: 'all'})
    expect(await readSome(logs, 'hello-over-ssh', 5000)).to.include('hello-over-ssh')
    await docker.stopContainer(Id, 1)
    expect((await docker.inspectContainer(Id))?.State.Running).to.equal(false)
    await docker.removeContainer(Id, {force: true})
    expect(await docker.inspectContainer(c)).to.equal(undefined)
    expect(docker.stats.requests).to.be.greaterThan(8)
    expect(docker.stats.connections).to.equal(1)
  })

  it('reaches the remote loopback docker_port with the upstream ssh_tunnel form', async () => {
    const home = makeHome(lab, true)
    const s = sshShip(ship, {endpoint: ship.ip, sshTunnel: {user: 'root', key: lab.sshKey, port: 22}, extra: {docker_socket: undefined}})
    const docker = open(s, context(home))
    expect(docker.endpoint).to.include('tcp://127.0.0.1:2375')
    await docker.ping()
    expect(await docker.listContainers({all: true})).to.be.an('array')
    expect(docker.stats.connections).to.equal(1)
  })

  it('follows an ~/.ssh/config alias (HostName, User, Port, IdentityFile)', async () => {
    const home = makeHome(lab, true)
    writeFileSync(join(home.dir, '.ssh', 'config'), `Host dockerhost\n  HostName ${ship.ip}\n  User root\n  Port 22\n  IdentityFile ${lab.sshKey}\n`)
    const docker = open(sshShip(ship, {endpoint: 'ssh://dockerhost'}), context(home))
    expect(docker.endpoint).to.include(`ssh://root@${ship.ip}:22`)
    await docker.ping()
    expect(docker.stats.connections).to.equal(1)
  })

  it('shares the one connection between a follow stream and many concurrent requests', async () => {
    const docker = open(sshShip(ship), context(makeHome(lab, true)))
    const c = name('stream')
    const {Id} = await docker.createContainer(c, {Image: lab.image, Cmd: ['sh', '-c', 'while true; do echo tick; sleep 0.2; done']})
    await docker.startContainer(Id)
    const stream = await docker.logs(Id, {follow: true, tail: 0})
    const ticks = readSome(stream, 'tick', 5000)
    await Promise.all(Array.from({length: 20}, () => docker.inspectContainer(Id)))
    await ticks
    stream.destroy()
    await docker.removeContainer(Id, {force: true})
    expect(docker.stats.connections).to.equal(1)
  })

  it('refuses an unknown host key, then accepts it only with --accept-new-host-keys and records it', async () => {
    const home = makeHome(lab, false)
    const expected = execFileSync('ssh-keygen', ['-lf', lab.sshHostKey]).toString().split(/\s+/)[1]
    const refused = await failure(open(sshShip(ship), context(home)).ping())
    expect(isMaestroError(refused)).to.equal(true)
    expect(refused.code).to.equal('MAESTRO_SSH_HOST_KEY')
    expect(refused.message).to.equal(`${ship.name} (${ship.ip}:22): unknown host key ${expected} (ssh-ed25519) — verify it, then rerun with --accept-new-host-keys`)
    await open(sshShip(ship), context(home, {acceptNewHostKeys: true})).ping()
    expect(readFileSync(home.knownHosts, 'utf8')).to.equal(knownHostsLine(ship.ip, lab.sshHostKey))
    await open(sshShip(ship), context(home)).ping()
  })

  it('uses and records into a known_hosts file named on the ship, relative to the base dir', async () => {
    const home = makeHome(lab, false)
    const s = sshShip(ship, {extra: {known_hosts: 'ship_known_hosts'}})
    expect((await failure(open(s, context(home)).ping())).code).to.equal('MAESTRO_SSH_HOST_KEY')
    await open(s, context(home, {acceptNewHostKeys: true})).ping()
    expect(readFileSync(join(home.dir, 'ship_known_hosts'), 'utf8')).to.equal(knownHostsLine(ship.ip, lab.sshHostKey))
  })

  it('refuses a changed host key even with --accept-new-host-keys', async () => {
    const home = makeHome(lab, false)
    const other = await strayKey(home.dir, 'other_host_key')
    writeFileSync(home.knownHosts, knownHostsLine(ship.ip, `${other}.pub`))
    const err = await failure(open(sshShip(ship), context(home, {acceptNewHostKeys: true})).ping())
    expect(err.code).to.equal('MAESTRO_SSH_HOST_KEY')
    expect(err.message).to.match(new RegExp(`^${ship.name} \\(${ship.ip.replace(/\./g, '\\.')}:22\\): HOST KEY CHANGED, refusing to connect: server offers SHA256:`))
    expect(readFileSync(home.knownHosts, 'utf8')).to.equal(knownHostsLine(ship.ip, `${other}.pub`))
  })

  it('reports a client key the ship does not authorise as an authentication failure', async () => {
    const home = makeHome(lab, true)
    const key = await strayKey(home.dir)
    const s = sshShip(ship, {endpoint: ship.ip, sshTunnel: {user: 'root', key, port: 22}})
    const err = await failure(open(s, context(home)).ping())
    expect(err.code).to.equal('MAESTRO_SSH')
    expect(err.message).to.equal(`${ship.name} (${ship.ip}:22): SSH authentication failed for user root (key ${key} refused)`)
  })

  it('reports a refused SSH port quickly, naming the ship and endpoint', async () => {
    const s = sshShip(ship, {endpoint: `ssh://root@${ship.ip}:2222`})
    const started = Date.now()
    const err = await failure(open(s, context(makeHome(lab, true))).ping())
    expect(err.message).to.equal(`${ship.name} (${ship.ip}:2222): SSH connection refused (is sshd running?)`)
    expect(Date.now() - started).to.be.lessThan(TIMEOUT_S * 1000)
  })

  describe('when sshd dies or hangs mid-operation', () => {
    const victim = () => lab.ships[2]
    afterEach(async () => {
      await restoreSshd(LAB_SCRIPT, lab.id, victim())
    })

    it('fails a long request and a follow stream within the timeout when sshd is killed', async () => {
      const s = victim()
      const docker = open(sshShip(s), context(makeHome(lab, true)))
      const c = name('killed')
      // PID 1 ignores SIGTERM: a stop with a 30 s grace period runs for 30 s
      const {Id} = await docker.createContainer(c, {Image: lab.image, Cmd: ['sh', '-c', 'while true; do echo tick; sleep 0.2; done']})
      await docker.startContainer(Id)
      const stream = await docker.logs(Id, {follow: true, tail: 0})
      const streamEnd = new Promise<Error | undefined>((resolve) => {
        stream.on('error', resolve)
        stream.on('end', () => resolve(undefined))
        stream.resume()
      })
      const stop = failure(docker.stopContainer(Id, 30))
      await new Promise((r) => setTimeout(r, 500))
      const started = Date.now()
      expect(await signalSshd(s.netns, 'SIGKILL')).to.be.greaterThan(1)
      const err = await stop
      expect(Date.now() - started).to.be.lessThan(TIMEOUT_S * 1000 + MARGIN_MS)
      expect(isMaestroError(err), err.message).to.equal(true)
      expect(err.message).to.include(`${s.name} (${s.ip}:22)`)
      const streamErr = await streamEnd
      expect(streamErr, 'the log stream must fail, not end cleanly').to.be.instanceOf(Error)
      expect(Date.now() - started).to.be.lessThan(TIMEOUT_S * 1000 + MARGIN_MS)
    })

    it('fails within the timeout when sshd stops answering (silent server)', async () => {
      const s = victim()
      const docker = open(sshShip(s), context(makeHome(lab, true)))
      await docker.ping()
      expect(await signalSshd(s.netns, 'SIGSTOP')).to.be.greaterThan(1)
      const started = Date.now()
      const err = await failure(docker.listContainers({all: true}))
      expect(Date.now() - started).to.be.lessThan(TIMEOUT_S * 1000 + MARGIN_MS)
      expect(isMaestroError(err), err.message).to.equal(true)
      // keepalives and the request timer race for this fault: both say it in the same words
      expect(err.message).to.equal(`${s.name} (${s.ip}:22): SSH link dead: no answer within ${TIMEOUT_S}s`)
    })

    it('connects afresh once sshd is back', async () => {
      const s = victim()
      const docker = open(sshShip(s), context(makeHome(lab, true)))
      await docker.ping()
      expect(docker.stats.connections).to.equal(1)
    })
  })
})
