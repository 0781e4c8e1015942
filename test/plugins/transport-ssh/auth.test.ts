import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {expect} from 'chai'
import ssh2 from 'ssh2'
import {authMethods} from '../../../plugins/transport-ssh/auth.js'
import type {SshTarget} from '../../../plugins/transport-ssh/target.js'
import {tempDir} from '../../helpers/ssh-lab.js'
import {freshKeyPair} from '../../helpers/ssh-server.js'

const parseKey = ssh2.utils.parseKey as (data: Buffer, passphrase?: string) => ssh2.ParsedKey | Error

function target(identityFiles: string[], explicitKey: boolean): SshTarget {
  return {
    ship: 'ship1', alias: 'h', host: 'h', port: 22, user: 'core', identityFiles, explicitKey, knownHostsFiles: [],
    knownHostsAppend: '/dev/null', remote: {kind: 'socket', path: '/s'}, timeoutMs: 1000, endpoint: 'ssh://core@h:22',
  }
}

describe('authMethods', () => {
  let dir: string
  let plain: string
  let locked: string
  beforeEach(() => {
    dir = tempDir('auth')
    plain = join(dir, 'plain')
    locked = join(dir, 'locked')
    writeFileSync(plain, freshKeyPair().private)
    writeFileSync(locked, freshKeyPair({passphrase: 'sesame', cipher: 'aes256-ctr', rounds: 2}).private)
  })

  it('offers only the key written in the YAML, even with an agent', () => {
    const methods = authMethods(target([plain], true), {SSH_AUTH_SOCK: '/tmp/agent'}, dir, parseKey)
    expect(methods.map((m) => [m.type, m.username])).to.deep.equal([['publickey', 'core']])
  })

  it('reads the passphrase of an encrypted key from MAESTRO_SSH_PASSPHRASE', () => {
    expect(authMethods(target([locked], true), {MAESTRO_SSH_PASSPHRASE: 'sesame'}, dir, parseKey)).to.have.length(1)
    expect(() => authMethods(target([locked], true), {}, dir, parseKey)).to.throw(`ship1 (h:22): key ${locked}: is encrypted; set MAESTRO_SSH_PASSPHRASE`)
    expect(() => authMethods(target([locked], true), {MAESTRO_SSH_PASSPHRASE: 'nope'}, dir, parseKey)).to.throw(/wrong passphrase in MAESTRO_SSH_PASSPHRASE/)
  })

  it('falls back to ssh-agent for an encrypted key given no passphrase, and says both ways out without one', () => {
    const agent = {SSH_AUTH_SOCK: '/tmp/agent'}
    expect(authMethods(target([locked], true), agent, dir, parseKey).map((m) => m.type)).to.deep.equal(['agent'])
    expect(authMethods(target([locked, plain], false), agent, dir, parseKey).map((m) => m.type)).to.deep.equal(['publickey', 'agent'])
    expect(() => authMethods(target([locked], false), {}, dir, parseKey)).to.throw(/is encrypted; set MAESTRO_SSH_PASSPHRASE or load it into ssh-agent \(SSH_AUTH_SOCK\)$/)
  })

  it('names a missing or unreadable explicit key', () => {
    expect(() => authMethods(target([join(dir, 'absent')], true), {}, dir, parseKey)).to.throw(/key .*absent: no such file$/)
    writeFileSync(join(dir, 'junk'), 'not a key')
    expect(() => authMethods(target([join(dir, 'junk')], true), {}, dir, parseKey)).to.throw(/not a private key/)
  })

  it('offers existing IdentityFiles, then the agent', () => {
    const methods = authMethods(target([join(dir, 'absent'), plain], false), {SSH_AUTH_SOCK: '/tmp/agent'}, dir, parseKey)
    expect(methods.map((m) => m.type)).to.deep.equal(['publickey', 'agent'])
  })

  it('falls back to ~/.ssh/id_* without agent or IdentityFile, and explains when there is nothing', () => {
    expect(() => authMethods(target([], false), {}, dir, parseKey)).to.throw(/no SSH key: set ssh_tunnel.key .* or run ssh-agent/)
    mkdirSync(join(dir, '.ssh'))
    writeFileSync(join(dir, '.ssh', 'id_ed25519'), freshKeyPair().private)
    expect(authMethods(target([], false), {}, dir, parseKey).map((m) => m.type)).to.deep.equal(['publickey'])
  })
})
