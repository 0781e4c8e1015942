import {expect} from 'chai'
import type {Ship} from '../../../src/api/index.js'
import {lookupSshConfig, readSshConfig} from '../../../plugins/transport-ssh/ssh-config.js'
import {parseSshUrl} from '../../../plugins/transport-ssh/ssh-url.js'
import {expandHome, remoteDocker, resolveTarget, sshShip} from '../../../plugins/transport-ssh/target.js'

const ship = (over: Partial<Ship> = {}): Ship => ({
  name: 'ship1', ip: '10.0.0.1', endpoint: '10.0.0.1', dockerPort: 2375, apiVersion: 'auto', timeout: 5,
  tls: false, tlsVerify: false, extra: {}, ...over,
})
const inputs = {home: '/home/op', baseDir: '/srv/env', localUser: 'op'}
const SSH_CONFIG = `
Host bastion-*
  User deploy
  Port 2200

Host prod1
  HostName 192.168.7.1
  IdentityFile ~/.ssh/prod_ed25519
  UserKnownHostsFile ~/.ssh/prod_known_hosts

Host *
  User fallback
  IdentityFile ~/.ssh/id_default
`

describe('parseSshUrl', () => {
  it('reads user, host and port', () => {
    expect(parseSshUrl('ssh://core@10.0.0.5:2222')).to.deep.equal({user: 'core', host: '10.0.0.5', port: 2222})
    expect(parseSshUrl('ssh://prod1')).to.deep.equal({user: undefined, host: 'prod1', port: undefined})
    expect(parseSshUrl('ssh://root@[::1]:22')).to.deep.equal({user: 'root', host: '::1', port: 22})
  })

  it('rejects passwords, paths and other schemes with a reason', () => {
    expect(parseSshUrl('ssh://u:pw@h')).to.match(/must not carry a password/)
    expect(parseSshUrl('ssh://h/var/run/docker.sock')).to.match(/docker_socket/)
    expect(parseSshUrl('tcp://h:2375')).to.match(/not an ssh endpoint/)
    expect(parseSshUrl('ssh://')).to.be.a('string')
  })
})

describe('lookupSshConfig', () => {
  it('resolves HostName, IdentityFile and UserKnownHostsFile for an alias, first value wins', () => {
    expect(lookupSshConfig(readSshConfig('config', SSH_CONFIG, {home: '/home/op'}), 'prod1')).to.deep.equal({
      hostName: '192.168.7.1', user: 'fallback', port: undefined,
      identityFiles: ['~/.ssh/prod_ed25519', '~/.ssh/id_default'], userKnownHostsFiles: ['~/.ssh/prod_known_hosts'], proxyJump: undefined,
    })
  })

  it('applies wildcard sections (User, Port)', () => {
    const c = lookupSshConfig(readSshConfig('config', SSH_CONFIG, {home: '/home/op'}), 'bastion-3')
    expect([c.hostName, c.user, c.port]).to.deep.equal([undefined, 'deploy', 2200])
  })
})

describe('sshShip', () => {
  it('selects ships with ssh_tunnel or an ssh:// endpoint, and only those', () => {
    expect(sshShip(ship({sshTunnel: {user: 'u', key: 'k', port: 22}}))).to.equal(true)
    expect(sshShip(ship({endpoint: 'ssh://u@h'}))).to.equal(true)
    expect(sshShip(ship({endpoint: 'SSH://h'}))).to.equal(true)
    expect(sshShip(ship())).to.equal(false)
    expect(sshShip(ship({socketPath: '/var/run/docker.sock'}))).to.equal(false)
  })
})

describe('remoteDocker', () => {
  it('uses the remote loopback docker_port for ssh_tunnel ships (upstream)', () => {
    expect(remoteDocker(ship({sshTunnel: {user: 'u', key: 'k', port: 22}}))).to.deep.equal({kind: 'tcp', host: '127.0.0.1', port: 2375})
  })

  it('uses /var/run/docker.sock for ssh:// ships, or docker_socket', () => {
    expect(remoteDocker(ship({endpoint: 'ssh://h'}))).to.deep.equal({kind: 'socket', path: '/var/run/docker.sock'})
    expect(remoteDocker(ship({endpoint: 'ssh://h', extra: {docker_socket: 'unix:///run/d.sock'}}))).to.deep.equal({kind: 'socket', path: '/run/d.sock'})
    expect(remoteDocker(ship({sshTunnel: {user: 'u', key: 'k', port: 22}, extra: {docker_socket: '/run/d.sock'}}))).to.deep.equal({kind: 'socket', path: '/run/d.sock'})
  })

  it('uses the remote loopback port for ssh:// ships whose docker_port is not the default', () => {
    expect(remoteDocker(ship({endpoint: 'ssh://h', dockerPort: 2380}))).to.deep.equal({kind: 'tcp', host: '127.0.0.1', port: 2380})
    expect(remoteDocker(ship({endpoint: 'ssh://h', dockerPort: 2375}))).to.deep.equal({kind: 'socket', path: '/var/run/docker.sock'})
    expect(remoteDocker(ship({endpoint: 'ssh://h', tls: true, dockerPort: 2375}))).to.deep.equal({kind: 'tcp', host: '127.0.0.1', port: 2375})
  })
})

describe('resolveTarget', () => {
  it('keeps the upstream ssh_tunnel form: endpoint host, tunnel user, key relative to the file', () => {
    const t = resolveTarget(ship({endpoint: '10.0.0.9', sshTunnel: {user: 'deploy', key: 'keys/id', port: 2022}}), inputs)
    expect([t.host, t.port, t.user, t.identityFiles, t.explicitKey]).to.deep.equal(['10.0.0.9', 2022, 'deploy', ['/srv/env/keys/id'], true])
    expect(t.knownHostsFiles).to.deep.equal(['/home/op/.ssh/known_hosts'])
    expect(t.endpoint).to.equal('ssh://deploy@10.0.0.9:2022')
  })

  it('resolves an ssh:// alias through ~/.ssh/config, expanding ~', () => {
    const t = resolveTarget(ship({endpoint: 'ssh://prod1', timeout: 12}), {...inputs, sshConfig: SSH_CONFIG})
    expect([t.alias, t.host, t.port, t.user]).to.deep.equal(['prod1', '192.168.7.1', 22, 'fallback'])
    expect(t.identityFiles).to.deep.equal(['/home/op/.ssh/prod_ed25519', '/home/op/.ssh/id_default'])
    expect(t.knownHostsFiles).to.deep.equal(['/home/op/.ssh/prod_known_hosts'])
    expect(t.timeoutMs).to.equal(12000)
  })

  it('lets the URL user and port override ~/.ssh/config', () => {
    const t = resolveTarget(ship({endpoint: 'ssh://root@bastion-1:2201'}), {...inputs, sshConfig: SSH_CONFIG})
    expect([t.user, t.port]).to.deep.equal(['root', 2201])
    const d = resolveTarget(ship({endpoint: 'ssh://bastion-1'}), {...inputs, sshConfig: SSH_CONFIG})
    expect([d.user, d.port]).to.deep.equal(['deploy', 2200])
  })

  it('falls back to the local user and port 22 without ~/.ssh/config', () => {
    const t = resolveTarget(ship({endpoint: 'ssh://h'}), inputs)
    expect([t.user, t.port, t.identityFiles]).to.deep.equal(['op', 22, []])
  })

  it('checks a ship known_hosts file (relative to the base dir) first and records new keys there', () => {
    const t = resolveTarget(ship({endpoint: 'ssh://h', extra: {known_hosts: 'known_hosts'}}), inputs)
    expect(t.knownHostsFiles).to.deep.equal(['/srv/env/known_hosts', '/home/op/.ssh/known_hosts'])
    expect(t.knownHostsAppend).to.equal('/srv/env/known_hosts')
  })

  it('rejects a malformed ssh:// endpoint naming the ship', () => {
    expect(() => resolveTarget(ship({endpoint: 'ssh://u:pw@h'}), inputs)).to.throw(/ship ship1: .*password/)
  })

  it('expands ~ only at the start', () => {
    expect(expandHome('~/.ssh/id', '/h')).to.equal('/h/.ssh/id')
    expect(expandHome('a/~/b', '/h')).to.equal('a/~/b')
  })
})
