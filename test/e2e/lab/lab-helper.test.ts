import {expect} from 'chai'
import {readFileSync} from 'node:fs'
import {request} from 'node:http'
import {connect} from 'node:net'
import {parse} from 'yaml'
import {describeLab, parseLabEnv, useLab, writeLabEnvironment, type Lab} from '../../helpers/lab.js'

const SAMPLE = `export LAB_ID=4
export LAB_DIR=/run/mlab4
export LAB_SUBNET=10.231.4.0/24
export LAB_GATEWAY=10.231.4.1
export LAB_SHIPS=2
export LAB_SSH_KEY=/run/mlab4/ssh/id_ed25519
export LAB_SSH_HOST_KEY=/run/mlab4/ssh/host_ed25519.pub
export LAB_IMAGE=lab/busybox:latest
export LAB_TLS_SHIP=1
export LAB_TLS_PORT=2376
export LAB_TLS_CA=/run/mlab4/tls/ca.pem
export LAB_TLS_CERT=/run/mlab4/tls/client-cert.pem
export LAB_TLS_KEY=/run/mlab4/tls/client-key.pem
export LAB_TLS_WRONG_CA=/run/mlab4/tls/wrong-ca.pem
${[1, 2].map((i) => `export LAB_SHIP${i}_NAME=ship${i}
export LAB_SHIP${i}_IP=10.231.4.${10 + i}
export LAB_SHIP${i}_NETNS=mlab4-ship${i}
export LAB_SHIP${i}_SOCKET=/run/mlab4/ship${i}/docker.sock
export LAB_SHIP${i}_DOCKER_PORT=2375
export LAB_SHIP${i}_SSH_PORT=22`).join('\n')}
`

describe('lab description', () => {
  it('describes ships, keys and TLS files from lab.sh env', () => {
    const lab = describeLab(parseLabEnv(SAMPLE))
    expect(lab.id).to.equal(4)
    expect(lab.ships.map((s) => [s.name, s.ip, s.socket])).to.deep.equal([
      ['ship1', '10.231.4.11', '/run/mlab4/ship1/docker.sock'],
      ['ship2', '10.231.4.12', '/run/mlab4/ship2/docker.sock'],
    ])
    expect(lab.tls).to.include({ship: 'ship1', ip: '10.231.4.11', port: 2376, ca: '/run/mlab4/tls/ca.pem'})
    expect(lab.unusedIp).to.equal('10.231.4.99')
  })

  it('writes an environment whose ships point at the lab', () => {
    const lab = describeLab(parseLabEnv(SAMPLE))
    const tcp = parse(readFileSync(writeLabEnvironment(lab, 'services: {}\n', {shipKeys: {timeout: 3}}), 'utf8'))
    expect(tcp).to.deep.equal({
      name: 'lab',
      ships: {ship1: {ip: '10.231.4.11', docker_port: 2375, timeout: 3}, ship2: {ip: '10.231.4.12', docker_port: 2375, timeout: 3}},
      services: {},
    })
    const sock = parse(readFileSync(writeLabEnvironment(lab, 'name: mine\nservices: {}', {via: 'socket', ships: 1}), 'utf8'))
    expect(sock).to.deep.equal({name: 'mine', ships: {ship1: {ip: '10.231.4.11', socket_path: '/run/mlab4/ship1/docker.sock'}}, services: {}})
  })
})

const ping = (ship: Lab['ships'][number]): Promise<string> =>
  new Promise((resolve, reject) => {
    const req = request({socketPath: ship.socket, path: '/_ping'}, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve(body))
    })
    req.on('error', reject)
    req.end()
  })

const portOpen = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect({host, port})
    s.setTimeout(2000, () => (s.destroy(), resolve(false)))
    s.on('connect', () => (s.end(), resolve(true)))
    s.on('error', () => resolve(false))
  })

describe('useLab @e2e', () => {
  let lab: Lab
  before(async function () {
    lab = await useLab({ships: 3, context: this})
  })

  it('starts three ships, each with dockerd and sshd', async () => {
    expect(lab.ships).to.have.length(3)
    for (const ship of lab.ships) {
      expect(await ping(ship)).to.equal('OK')
      expect(await portOpen(ship.ip, ship.dockerPort)).to.equal(true)
      expect(await portOpen(ship.ip, ship.sshPort)).to.equal(true)
    }
    expect(await portOpen(lab.tls.ip, lab.tls.port)).to.equal(true)
    expect(await portOpen(lab.unusedIp, 2375)).to.equal(false)
  })

  it('reuses the running lab', async () => {
    const again = await useLab({ships: 2})
    expect(again).to.equal(lab)
  })
})
