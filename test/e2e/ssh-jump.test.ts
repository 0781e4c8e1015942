import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {expect} from 'chai'
import {NO_TRANSPORT_FLAGS, type DockerClient, type Ship, type TransportContext} from '../../src/api/index.js'
import {SshTransport} from '../../plugins/transport-ssh/index.js'
import {useLab, type Lab, type LabShip} from '../helpers/lab.js'
import {knownHostsLine, tempDir} from '../helpers/ssh-lab.js'
import {rejectedError as failure} from '../helpers/errors.js'

/** A temp HOME whose ~/.ssh/config is `config`, trusting the lab host key for `trusted` addresses. */
function makeHome(lab: Lab, config: string, trusted: readonly string[]): string {
  const dir = tempDir('ssh-jump')
  mkdirSync(join(dir, '.ssh'), {mode: 0o700})
  writeFileSync(join(dir, '.ssh', 'config'), config)
  writeFileSync(join(dir, '.ssh', 'known_hosts'), trusted.map((ip) => knownHostsLine(ip, lab.sshHostKey)).join(''))
  return dir
}

const context = (home: string): TransportContext => ({
  flags: NO_TRANSPORT_FLAGS,
  env: {HOME: home, USER: 'root'},
  baseDir: home,
  log: {debug: () => undefined, info: () => undefined, warn: () => undefined},
})

const sshShip = (s: LabShip, endpoint: string, extra: Record<string, unknown> = {}): Ship => ({
  name: s.name, ip: s.ip, endpoint, dockerPort: 2375, apiVersion: 'auto', timeout: 5, tls: false, tlsVerify: false,
  extra: {docker_socket: s.socket, ...extra},
})

describe('@e2e transport-ssh ProxyJump on the lab', function () {
  this.timeout(60_000)
  let lab: Lab
  let bastion: LabShip
  let target: LabShip
  const transport = new SshTransport()
  const clients: DockerClient[] = []
  const open = (s: Ship, ctx: TransportContext): DockerClient => {
    const c = transport.connect(s, ctx)
    clients.push(c)
    return c
  }

  before(async function () {
    lab = await useLab({ships: 3, context: this})
    ;[, bastion, target] = lab.ships
  })

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()))
  })

  it("reaches a ship's Docker through another ship's sshd named by ~/.ssh/config ProxyJump", async () => {
    const config = `Host bastion\n  HostName ${bastion.ip}\nHost prod\n  HostName ${target.ip}\n  ProxyJump bastion\nHost *\n  User root\n  IdentityFile ${lab.sshKey}\n  ServerAliveInterval 30\n`
    const docker = open(sshShip(target, 'ssh://prod'), context(makeHome(lab, config, [bastion.ip, target.ip])))
    await docker.ping()
    const info = (await docker.listContainers({all: true})).map((c) => c.Names[0])
    expect(info).to.be.an('array')
    expect(docker.stats.connections).to.equal(1)
  })

  it('takes the jump host from the ship proxy_jump key', async () => {
    const config = `Host *\n  User root\n  IdentityFile ${lab.sshKey}\n`
    const docker = open(sshShip(target, `ssh://root@${target.ip}`, {proxy_jump: `root@${bastion.ip}:22`}), context(makeHome(lab, config, [bastion.ip, target.ip])))
    expect((await docker.version()).ApiVersion).to.match(/^1\.\d+$/)
  })

  it('verifies the jump host key with the same rules, naming the hop that failed', async () => {
    const config = `Host *\n  User root\n  IdentityFile ${lab.sshKey}\n`
    const docker = open(sshShip(target, `ssh://root@${target.ip}`, {proxy_jump: bastion.ip}), context(makeHome(lab, config, [target.ip])))
    const err = await failure(docker.ping())
    expect(err.message).to.match(new RegExp(`${target.name} jump host ${bastion.ip.replace(/\./g, '\\.')} \\(${bastion.ip.replace(/\./g, '\\.')}:22\\): unknown host key`))
  })

  it('says when the jump host cannot reach the next hop', async () => {
    const config = `Host *\n  User root\n  IdentityFile ${lab.sshKey}\n`
    const docker = open(sshShip(target, `ssh://root@${target.ip}:2`, {proxy_jump: bastion.ip}), context(makeHome(lab, config, [bastion.ip, target.ip])))
    const err = await failure(docker.ping())
    expect(err.message).to.include(`jump host ${bastion.ip} (${bastion.ip}:22): jump host cannot reach ${target.ip}:2`)
  })

  it('refuses ProxyCommand for the ship, naming the config line', async () => {
    const config = `Host prod\n  HostName ${target.ip}\n  ProxyCommand nc %h %p\n`
    expect(() => open(sshShip(target, 'ssh://prod'), context(makeHome(lab, config, [])))).to.throw(/config:3: ProxyCommand \(for host prod\) is not supported by Maestro/)
  })
})
