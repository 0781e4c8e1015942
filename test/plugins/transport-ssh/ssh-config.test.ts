import {mkdirSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {expect} from 'chai'
import type {Ship} from '../../../src/api/index.js'
import {hostMatches, lookupSshConfig, MAX_INCLUDE_DEPTH, readSshConfig} from '../../../plugins/transport-ssh/ssh-config.js'
import {resolveTarget} from '../../../plugins/transport-ssh/target.js'
import {tempDir} from '../../helpers/ssh-lab.js'

/** A temp HOME whose ~/.ssh holds `files`; returns the config's lines as Maestro reads them. */
function home(files: Record<string, string>): {dir: string; read: () => ReturnType<typeof readSshConfig>} {
  const dir = tempDir('ssh-config')
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, '.ssh', name, '..'), {recursive: true})
    writeFileSync(join(dir, '.ssh', name), text)
  }
  const config = join(dir, '.ssh', 'config')
  return {dir, read: () => readSshConfig(config, files.config, {home: dir})}
}

const ship = (over: Partial<Ship> = {}): Ship => ({
  name: 'web', ip: '10.0.0.9', endpoint: 'ssh://prod', dockerPort: 2375, apiVersion: 'auto', timeout: 5,
  tls: false, tlsVerify: false, extra: {}, ...over,
})

describe('ssh_config Host patterns', () => {
  it('matches *, ? (exactly one character), lists and negation as OpenSSH does, case-insensitively', () => {
    expect(hostMatches(['web-?'], 'web-1')).to.equal(true)
    expect(hostMatches(['web-?'], 'web-')).to.equal(false)
    expect(hostMatches(['web-?'], 'web-12')).to.equal(false)
    expect(hostMatches(['*.prod', '!db.prod'], 'api.prod')).to.equal(true)
    expect(hostMatches(['*.prod', '!db.prod'], 'db.prod')).to.equal(false)
    expect(hostMatches(['!db.prod'], 'other')).to.equal(false)
    expect(hostMatches(['PROD'], 'prod')).to.equal(true)
    expect(hostMatches(['a.b'], 'axb')).to.equal(false)
  })
})

describe('ssh_config Include', () => {
  it('expands globs relative to ~/.ssh in lexical order, first value wins, and keeps each line\'s file:line', () => {
    const h = home({
      config: 'Include conf.d/*.conf\nHost *\n  User last\n',
      'conf.d/20-b.conf': 'Host prod\n  User second\n',
      'conf.d/10-a.conf': '\nHost prod\n  HostName 10.1.1.1\n  User first\n',
      'conf.d/.hidden.conf': 'Host prod\n  User hidden\n',
    })
    const lines = h.read()
    const c = lookupSshConfig(lines, 'prod')
    expect([c.hostName, c.user]).to.deep.equal(['10.1.1.1', 'first'])
    const user = lines.find((l) => l.keyword === 'user' && l.args[0] === 'first')!
    expect([user.file, user.line]).to.deep.equal([join(h.dir, '.ssh', 'conf.d', '10-a.conf'), 4])
    expect(lines.some((l) => l.args[0] === 'hidden')).to.equal(false)
  })

  it('expands [classes], [!negated classes] and ?, with dots literal', () => {
    const h = home({
      config: 'Include conf.d/[0-9]?-*.conf conf.d/[!0-9]*.c?nf\n',
      'conf.d/10-a.conf': 'Host a\n  Port 2201\n',
      'conf.d/x0-b.conf': 'Host b\n  Port 2202\n',
      'conf.d/10-cXconf': 'Host c\n  Port 2203\n',
    })
    const lines = h.read()
    expect(['a', 'b', 'c'].map((a) => lookupSshConfig(lines, a).port)).to.deep.equal([2201, 2202, undefined])
  })

  it('accepts ~/ and absolute paths, and a pattern matching nothing', () => {
    const h = home({config: 'Include ~/.ssh/extra none/*.conf\n', extra: 'Host x\n  Port 2222\n'})
    expect(lookupSshConfig(h.read(), 'x').port).to.equal(2222)
  })

  it('returns to the including Host section after the included file', () => {
    const h = home({config: 'Host prod\n  Include inner\n  User after\n', inner: 'Port 2200\nHost other\n  User other\n'})
    const c = lookupSshConfig(h.read(), 'prod')
    expect([c.port, c.user]).to.deep.equal([2200, 'after'])
    expect(lookupSshConfig(h.read(), 'other').user).to.equal('other')
  })

  it('refuses an Include loop with the file and line, without recursing forever', () => {
    const h = home({config: 'Host *\n  User u\nInclude a\n', a: 'Include config\n'})
    expect(() => h.read()).to.throw(/\.ssh\/a:1: Include loop: .*\.ssh\/config is already being read/)
  })

  it('refuses includes nested deeper than OpenSSH allows', () => {
    const files: Record<string, string> = {config: 'Include d0\n'}
    for (let i = 0; i <= MAX_INCLUDE_DEPTH; i++) files[`d${i}`] = `Include d${i + 1}\n`
    const h = home(files)
    expect(() => h.read()).to.throw(new RegExp(`Include nested more than ${MAX_INCLUDE_DEPTH} deep`))
  })

  it('detects a loop through a symbolic link', () => {
    const h = home({config: 'Include link\n', real: 'Include config\n'})
    symlinkSync(join(h.dir, '.ssh', 'real'), join(h.dir, '.ssh', 'link'))
    expect(() => h.read()).to.throw(/Include loop/)
  })
})

describe('ssh_config options', () => {
  it('refuses ProxyCommand for the host being reached, naming the option and file:line', () => {
    const h = home({config: 'Host *\n  ServerAliveInterval 30\n\nHost prod\n  ProxyCommand ssh -W %h:%p bastion\n'})
    expect(() => lookupSshConfig(h.read(), 'prod')).to.throw(/\.ssh\/config:5: ProxyCommand \(for host prod\) is not supported by Maestro: .*use ProxyJump/)
    expect(lookupSshConfig(h.read(), 'other').user).to.equal(undefined)
  })

  it('refuses any option it does not know, and ignores the documented harmless ones', () => {
    const h = home({config: 'Host a\n  LocalForward 8080 localhost:80\nHost b\n  ServerAliveInterval 10\n  ControlMaster auto\n  StrictHostKeyChecking no\n'})
    expect(() => lookupSshConfig(h.read(), 'a')).to.throw(/config:2: LocalForward \(for host a\) is not supported/)
    expect(lookupSshConfig(h.read(), 'b').identityFiles).to.deep.equal([])
  })

  it('evaluates Match host/originalhost/user/all and never exec', () => {
    const h = home({config: 'Match exec "touch /tmp/never" host *\n  User fromexec\nMatch originalhost prod !user root\n  HostName 10.2.2.2\nMatch all\n  Port 2022\n'})
    const c = lookupSshConfig(h.read(), 'prod', 'op')
    expect([c.user, c.hostName, c.port]).to.deep.equal([undefined, '10.2.2.2', 2022])
  })

  it('reads ProxyJump, and none turns it off', () => {
    const h = home({config: 'Host prod\n  ProxyJump ops@bastion:2222,gw\nHost dev\n  ProxyJump none\n'})
    expect(lookupSshConfig(h.read(), 'prod').proxyJump).to.deep.equal({value: 'ops@bastion:2222,gw', at: `${join(h.dir, '.ssh', 'config')}:2`})
    expect(lookupSshConfig(h.read(), 'dev').proxyJump).to.equal(undefined)
  })
})

describe('ProxyJump targets', () => {
  it('resolves each hop through ~/.ssh/config, nested ProxyJump first', () => {
    const h = home({config: 'Host prod\n  HostName 10.0.0.9\n  ProxyJump bastion\nHost bastion\n  HostName 10.0.0.5\n  User ops\n  ProxyJump edge:2201\n'})
    const t = resolveTarget(ship(), {home: h.dir, baseDir: h.dir, localUser: 'me', sshConfig: h.read()})
    expect(t.jumps!.map((j) => j.endpoint)).to.deep.equal(['ssh://me@edge:2201', 'ssh://ops@10.0.0.5:22'])
    expect(t.jumps!.map((j) => j.ship)).to.deep.equal(['web jump host edge', 'web jump host bastion'])
    expect(t.jumps![1].remote).to.deep.equal({kind: 'tcp', host: '10.0.0.5', port: 22})
  })

  it('takes the ship\'s proxy_jump over the config, and proxy_jump: none disables it', () => {
    const h = home({config: 'Host prod\n  ProxyJump bastion\n'})
    const inputs = {home: h.dir, baseDir: h.dir, localUser: 'me', sshConfig: h.read()}
    expect(resolveTarget(ship({extra: {proxy_jump: 'root@10.0.0.7'}}), inputs).jumps!.map((j) => j.endpoint)).to.deep.equal(['ssh://root@10.0.0.7:22'])
    expect(resolveTarget(ship({extra: {proxy_jump: 'none'}}), inputs).jumps).to.deep.equal([])
  })

  it('refuses a malformed jump host and a loop, naming where it came from', () => {
    const h = home({config: 'Host prod\n  ProxyJump a\nHost a\n  ProxyJump prod\n'})
    const inputs = {home: h.dir, baseDir: h.dir, localUser: 'me', sshConfig: h.read()}
    expect(() => resolveTarget(ship(), inputs)).to.throw(/ship web: .*config:4: ProxyJump chain loops/)
    expect(() => resolveTarget(ship({extra: {proxy_jump: 'bad host'}}), inputs)).to.throw(/ship web: proxy_jump: ProxyJump host "bad host" must be/)
  })
})
