import {expect} from 'chai'
import {isNoJump, parseJumpHost} from '../../src/model/jump-hosts.js'
import {envFrom, issuesOf} from '../helpers/model-env.js'

const file = (ships: string, defaults = ''): string => `name: e\n${defaults}ships:\n${ships}services: {}\n`

describe('ProxyJump syntax', () => {
  it('parses [user@]host[:port], ssh:// and bracketed IPv6', () => {
    expect(parseJumpHost('ops@bastion:2222')).to.deep.equal({user: 'ops', host: 'bastion', port: 2222})
    expect(parseJumpHost('ssh://gw')).to.deep.equal({user: undefined, host: 'gw', port: undefined})
    expect(parseJumpHost('[fd00::1]:22')).to.deep.equal({user: undefined, host: 'fd00::1', port: 22})
    expect(parseJumpHost('a b')).to.equal(undefined)
    expect(parseJumpHost('h:99999')).to.equal(undefined)
    expect(parseJumpHost('')).to.equal(undefined)
  })

  it('knows none in any case as no jump host', () => {
    expect([isNoJump('none'), isNoJump(' NONE '), isNoJump('nonesuch')]).to.deep.equal([true, true, false])
  })
})

describe('the proxy_jump ship key', () => {
  it('keeps a valid chain and none for the transport, without any issue', () => {
    const text = file('  a: {ip: 10.0.0.1, proxy_jump: "ops@gw:2222,[fd00::1]"}\n  b: {ip: 10.0.0.2, proxy_jump: none}\n')
    expect(issuesOf(text)).to.deep.equal([])
    expect(envFrom(text).ships.a.extra.proxy_jump).to.equal('ops@gw:2222,[fd00::1]')
  })

  it('locates a bad hop at the key of the ship that has it', () => {
    expect(issuesOf(file('  a: {ip: 10.0.0.1}\n  b:\n    ip: 10.0.0.2\n    proxy_jump: gw,bad host\n'))).to.deep.equal([
      'env.yaml:6:17: ships.b: proxy_jump host "bad host" must be [user@]host[:port] or an ~/.ssh/config alias',
    ])
  })

  it('refuses an empty hop, a port out of range and a value that is not a string', () => {
    expect(issuesOf(file('  a: {ip: 10.0.0.1, proxy_jump: "gw,"}\n  b: {ip: 10.0.0.2, proxy_jump: "gw:70000"}\n  c: {ip: 10.0.0.3, proxy_jump: [gw]}\n'))).to.deep.equal([
      'env.yaml:3:33: ships.a: proxy_jump host "" must be [user@]host[:port] or an ~/.ssh/config alias',
      'env.yaml:4:33: ships.b: proxy_jump host "gw:70000" must be [user@]host[:port] or an ~/.ssh/config alias',
      "env.yaml:5:33: ships.c: 'proxy_jump' must be a string",
    ])
  })

  it('reports a bad ship_defaults value once, at ship_defaults', () => {
    expect(issuesOf(file('  a: {ip: 10.0.0.1}\n  b: {ip: 10.0.0.2}\n', 'ship_defaults: {proxy_jump: "a@b@c"}\n'))).to.deep.equal([
      'env.yaml:2:29: ship_defaults: proxy_jump host "a@b@c" must be [user@]host[:port] or an ~/.ssh/config alias',
    ])
  })
})
