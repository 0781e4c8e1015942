import {expect} from 'chai'
import {copyFileSync, mkdtempSync, symlinkSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {NO_TRANSPORT_FLAGS, type DockerClient, type Logger, type Ship, type TransportContext} from '../../../../src/api/index.js'
import {DockerTransport} from '../../../../plugins/transport-docker/index.js'
import {useLab, type Lab} from '../../../helpers/lab.js'
import {labShip} from '../../../helpers/lab-ship.js'
import {rejectedMaestroError as caught} from '../../../helpers/errors.js'
import {envFrom} from '../../../helpers/model-env.js'

const log: Logger = {debug: () => undefined, info: () => undefined, warn: () => undefined}
const context = (baseDir: string): TransportContext => ({flags: NO_TRANSPORT_FLAGS, env: {}, baseDir, log})

describe('docker transport @e2e', () => {
  let lab: Lab
  const transport = new DockerTransport()
  const clients: DockerClient[] = []
  const connect = (ship: Ship, baseDir = '/'): DockerClient => {
    const client = transport.connect(ship, context(baseDir))
    clients.push(client)
    return client
  }

  before(async function () {
    lab = await useLab({ships: 3, context: this})
  })

  after(async () => {
    await Promise.all(clients.map((c) => c.close()))
  })

  it('handles ships without ssh_tunnel and without an ssh:// endpoint', () => {
    const ship = labShip(lab, 1)
    expect(transport.canHandle(ship)).to.equal(true)
    expect(transport.canHandle({...ship, endpoint: 'ssh://root@10.0.0.1'})).to.equal(false)
    expect(transport.canHandle({...ship, sshTunnel: {user: 'root', key: '/k', port: 22}})).to.equal(false)
  })

  it('reaches a ship over TCP', async () => {
    const docker = connect(labShip(lab, 2))
    expect(docker.endpoint).to.equal(`tcp://${lab.ships[1]!.ip}:2375`)
    expect((await docker.version()).ApiVersion).to.equal('1.41')
  })

  it('reaches a ship over its unix socket, resolved through symlinks and taking precedence over TCP', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'maestro-sock-'))
    symlinkSync(lab.ships[0]!.socket, join(dir, 'docker.sock'))
    const docker = connect(labShip(lab, 1, {socketPath: 'docker.sock', endpoint: lab.unusedIp, timeout: 2}), dir)
    expect(docker.endpoint).to.equal(`unix://${lab.ships[0]!.socket}`)
    await docker.ping()
    expect(await docker.inspectImage(lab.image)).to.have.property('Id')
  })

  it('reaches the TLS ship with good certificates (paths relative to the environment file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'maestro-tls-'))
    for (const [from, to] of [[lab.tls.ca, 'ca.pem'], [lab.tls.cert, 'cert.pem'], [lab.tls.key, 'key.pem']] as const) copyFileSync(from, join(dir, to))
    const ship = labShip(lab, 1, {tls: true, tlsVerify: true, dockerPort: lab.tls.port, tlsCaCert: 'ca.pem', tlsCert: 'cert.pem', tlsKey: 'key.pem'})
    const docker = connect(ship, dir)
    expect(docker.endpoint).to.equal(`https://${lab.tls.ip}:${lab.tls.port}`)
    expect((await docker.version()).ApiVersion).to.equal('1.41')
    expect(await docker.listContainers({all: true})).to.be.an('array')
  })

  it('refuses a TLS daemon whose certificate the configured CA did not sign', async () => {
    const ship = labShip(lab, 1, {tls: true, tlsVerify: true, dockerPort: lab.tls.port, tlsCaCert: lab.tls.wrongCa, tlsCert: lab.tls.cert, tlsKey: lab.tls.key})
    const e = await caught(connect(ship).ping())
    expect(e.code).to.equal('MAESTRO_SHIP_UNREACHABLE')
    expect(e.message).to.match(/^ship ship1 \(https:\/\/10\.231\.\d\.11:2376\) is unreachable: TLS handshake failed: .*certificate/)
    expect(e.hint).to.match(/tls_ca_cert/)
  })

  /** The TLS ship as the loader builds it from YAML keys (so the model's defaults apply). */
  const tlsShipFrom = (keys: string): Ship =>
    envFrom(`name: e\nships:\n  ship1: {ip: ${lab.tls.ip}, tls_cert: ${lab.tls.cert}, tls_key: ${lab.tls.key}, ${keys}}\nservices: {}\n`).ships.ship1!

  it('verifies the certificate by default when a CA is given (no tls_verify key)', async () => {
    const e = await caught(connect(tlsShipFrom(`tls: true, tls_ca_cert: ${lab.tls.wrongCa}`)).ping())
    expect(e.code).to.equal('MAESTRO_SHIP_UNREACHABLE')
    expect(e.message).to.match(/^ship ship1 \(https:\/\/10\.231\.\d+\.11:2376\) is unreachable: TLS handshake failed: .*certificate/)
    expect(e.message).to.not.include('\n')
  })

  it('verifies the certificate by default for an https:// endpoint', async () => {
    const ship = tlsShipFrom(`endpoint: 'https://${lab.tls.ip}:${lab.tls.port}', tls_ca_cert: ${lab.tls.wrongCa}`)
    expect((await caught(connect(ship).ping())).code).to.equal('MAESTRO_SHIP_UNREACHABLE')
    expect(await connect({...ship, tlsCaCert: lab.tls.ca}).ping()).to.equal(undefined)
  })

  it('talks to a TLS daemon whose certificate the CA did not sign only with tls_verify: false, and warns once per connect', async () => {
    const warnings: string[] = []
    const ship = tlsShipFrom(`tls: true, tls_verify: false, tls_ca_cert: ${lab.tls.wrongCa}`)
    const docker = transport.connect(ship, {flags: NO_TRANSPORT_FLAGS, env: {}, baseDir: '/', log: {...log, warn: (m) => warnings.push(m)}})
    clients.push(docker)
    expect(docker.endpoint).to.equal(`https://${lab.tls.ip}:${lab.tls.port}`)
    expect(await docker.listContainers({all: true})).to.be.an('array')
    await docker.ping()
    expect(warnings).to.deep.equal([`ship ship1: tls_verify is false, the daemon's certificate at https://${lab.tls.ip}:${lab.tls.port} is not verified`])
  })

  it('does not warn when the certificate is verified', () => {
    const warnings: string[] = []
    transport.connect(tlsShipFrom(`tls: true, tls_ca_cert: ${lab.tls.ca}`), {flags: NO_TRANSPORT_FLAGS, env: {}, baseDir: '/', log: {...log, warn: (m) => warnings.push(m)}})
    expect(warnings).to.deep.equal([])
  })

  it('is refused by the TLS daemon without a client certificate', async () => {
    const ship = labShip(lab, 1, {tls: true, tlsVerify: true, dockerPort: lab.tls.port, tlsCaCert: lab.tls.ca})
    const e = await caught(connect(ship).ping())
    expect(e.code).to.equal('MAESTRO_SHIP_UNREACHABLE')
  })

  it('reports a missing certificate file as a configuration error', () => {
    const ship = labShip(lab, 1, {tls: true, tlsCaCert: '~/no-such-dir-maestro/ca.pem'})
    expect(() => transport.connect(ship, context('/'))).to.throw(/ship1: cannot read tls_ca_cert .*no-such-dir-maestro\/ca\.pem/)
  })

  it('connects lazily and reports an unreachable ship within its timeout', async () => {
    const ship = labShip(lab, 1, {name: 'ghost', ip: lab.unusedIp, endpoint: lab.unusedIp, timeout: 1.5})
    const docker = connect(ship)
    expect(docker.stats.requests).to.equal(0)
    const started = Date.now()
    const e = await caught(docker.listContainers())
    const elapsed = Date.now() - started
    expect(e.code).to.equal('MAESTRO_SHIP_UNREACHABLE')
    expect(e.exit).to.equal(3)
    expect(e.message).to.match(new RegExp(`^ship ghost \\(tcp://${lab.unusedIp.replace(/\./g, '\\.')}:2375\\) is unreachable: `))
    expect(elapsed).to.be.below(2500)
  })

  it('reports a refused connection as unreachable', async () => {
    const e = await caught(connect(labShip(lab, 2, {dockerPort: 2399})).ping())
    expect(e.code).to.equal('MAESTRO_SHIP_UNREACHABLE')
    expect(e.message).to.match(/ECONNREFUSED/)
  })

  it('reports a missing socket as unreachable', async () => {
    const e = await caught(connect(labShip(lab, 2, {socketPath: '/nonexistent/docker.sock'})).ping())
    expect(e.code).to.equal('MAESTRO_SHIP_UNREACHABLE')
    expect(e.message).to.match(/unix:\/\/\/nonexistent\/docker\.sock/)
  })
})
