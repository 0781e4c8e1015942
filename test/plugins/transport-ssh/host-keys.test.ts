import {existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {expect} from 'chai'
import {isMaestroError} from '../../../src/api/index.js'
import {createHostKeyGate} from '../../../plugins/transport-ssh/host-keys.js'
import type {SshTarget} from '../../../plugins/transport-ssh/target.js'

const KEY_A = Buffer.from('AAAAC3NzaC1lZDI1NTE5AAAAIJFUzHHDlckMXt22NdFPC/dEr3mCkcwz1dSwNjEo2rii', 'base64')
const FP_A = 'SHA256:inLs6EVJ1rhmtKARUXLr1fLogGzpoXoDCbAzPvgaMPc'
const KEY_B = Buffer.concat([KEY_A.subarray(0, KEY_A.length - 1), Buffer.from([0])])

function target(dir: string, port = 22): SshTarget {
  const file = join(dir, 'known_hosts')
  return {
    ship: 'ship1', alias: '10.231.3.11', host: '10.231.3.11', port, user: 'root', identityFiles: [], explicitKey: false,
    knownHostsFiles: [file, join(dir, 'user_known_hosts')], knownHostsAppend: file,
    remote: {kind: 'socket', path: '/var/run/docker.sock'}, timeoutMs: 5000, endpoint: 'ssh://root@10.231.3.11:22',
  }
}

describe('createHostKeyGate', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'maestro-hostkeys-'))
  })

  it('refuses an unknown key naming the ship, host, fingerprint and the flag', () => {
    const gate = createHostKeyGate(target(dir), false)
    expect(gate.verify(KEY_A)).to.equal(false)
    expect(isMaestroError(gate.refusal)).to.equal(true)
    expect(gate.refusal?.code).to.equal('MAESTRO_SSH_HOST_KEY')
    expect(gate.refusal?.message).to.equal(`ship1 (10.231.3.11:22): unknown host key ${FP_A} (ssh-ed25519) — verify it, then rerun with --accept-new-host-keys`)
  })

  it('records an unknown key with --accept-new-host-keys, in [host]:port form off port 22', () => {
    writeFileSync(join(dir, 'known_hosts'), '# mine') // no trailing newline
    const gate = createHostKeyGate(target(dir, 2222), true)
    expect(gate.verify(KEY_A)).to.equal(true)
    expect(readFileSync(join(dir, 'known_hosts'), 'utf8')).to.equal('# mine')
    gate.commit()
    const text = readFileSync(join(dir, 'known_hosts'), 'utf8')
    expect(text).to.equal(`# mine\n[10.231.3.11]:2222 ssh-ed25519 ${KEY_A.toString('base64')}\n`)
    expect(createHostKeyGate(target(dir, 2222), false).verify(KEY_A)).to.equal(true)
  })

  it('trusts a key found in the second (user) file', () => {
    writeFileSync(join(dir, 'user_known_hosts'), `10.231.3.11 ssh-ed25519 ${KEY_A.toString('base64')}\n`)
    expect(createHostKeyGate(target(dir), false).verify(KEY_A)).to.equal(true)
  })

  it('refuses a changed key even with --accept-new-host-keys, showing both fingerprints and the line', () => {
    writeFileSync(join(dir, 'user_known_hosts'), `10.231.3.11 ssh-ed25519 ${KEY_A.toString('base64')}\n`)
    const gate = createHostKeyGate(target(dir), true)
    expect(gate.verify(KEY_B)).to.equal(false)
    expect(gate.refusal?.message).to.match(/^ship1 \(10\.231\.3\.11:22\): HOST KEY CHANGED, refusing to connect: server offers SHA256:\S+ \(ssh-ed25519\), but .*user_known_hosts:1 records SHA256:inLs6E/)
    expect(readFileSync(join(dir, 'user_known_hosts'), 'utf8').split('\n').filter(Boolean)).to.have.length(1)
  })

  it('writes nothing until commit() (the handshake verified the key), then by atomic replace with mode 0600', () => {
    const file = join(dir, 'known_hosts')
    const gate = createHostKeyGate(target(dir), true)
    expect(gate.verify(KEY_A)).to.equal(true)
    expect(existsSync(file)).to.equal(false)
    gate.commit()
    gate.commit()
    expect(readFileSync(file, 'utf8')).to.equal(`10.231.3.11 ssh-ed25519 ${KEY_A.toString('base64')}\n`)
    expect(statSync(file).mode & 0o777).to.equal(0o600)
    expect(readdirSync(dir)).to.deep.equal(['known_hosts'])
  })

  it('refuses a key of another type for a host with an ed25519 key recorded, even with --accept-new-host-keys', () => {
    const rsa = Buffer.from('AAAAB3NzaC1yc2EAAAADAQABAAAAAQC7', 'base64')
    writeFileSync(join(dir, 'known_hosts'), `# first\n10.231.3.11 ssh-ed25519 ${KEY_A.toString('base64')}\n`)
    const gate = createHostKeyGate(target(dir), true)
    expect(gate.verify(rsa)).to.equal(false)
    expect(gate.refusal?.message).to.match(/HOST KEY CHANGED, refusing to connect: server offers SHA256:\S+ \(ssh-rsa\), but .*known_hosts:2 records SHA256:inLs6E\S+ \(ssh-ed25519\)/)
    gate.commit()
    expect(readFileSync(join(dir, 'known_hosts'), 'utf8').split('\n').filter(Boolean)).to.have.length(2)
  })

  it('does not write through a symlinked known_hosts: the commit is refused and the link and its target are left alone', () => {
    const real = join(dir, 'real_known_hosts')
    writeFileSync(real, '')
    symlinkSync(real, join(dir, 'known_hosts'))
    const gate = createHostKeyGate(target(dir), true)
    expect(gate.verify(KEY_A)).to.equal(true)
    expect(() => gate.commit()).to.throw(/known_hosts is a symbolic link/)
    expect(lstatSync(join(dir, 'known_hosts')).isSymbolicLink()).to.equal(true)
    expect(readlinkSync(join(dir, 'known_hosts'))).to.equal(real)
    expect(readFileSync(real, 'utf8')).to.equal('')
  })

  it('prefers the host key algorithms already recorded for the host', () => {
    writeFileSync(join(dir, 'known_hosts'), `10.231.3.11 ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAAQC7\n`)
    const gate = createHostKeyGate(target(dir), false)
    expect(gate.algorithms.slice(0, 4)).to.deep.equal(['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa', 'ssh-ed25519'])
  })
})
