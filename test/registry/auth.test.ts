import {expect} from 'chai'
import type {Environment, RegistryConfig} from '../../src/api/index.js'
import {findRegistry, resolveRegistryAuth} from '../../src/registry/auth.js'
import {findDockerCredentials, readDockerConfig} from '../../src/registry/docker-config.js'

function env(registries: RegistryConfig[]): Environment {
  return {
    name: 'test', file: '/tmp/maestro.yaml', baseDir: '/tmp', schema: 2, ships: {}, services: {}, containers: {},
    registries: Object.fromEntries(registries.map((r) => [r.name, r])), audit: [], plugins: {},
  }
}

const reg = (name: string, registry: string, extra: Partial<RegistryConfig> = {}): RegistryConfig =>
  ({name, registry, retry: {attempts: 1, when: []}, ...extra})

const b64 = (s: string): string => Buffer.from(s).toString('base64')

describe('findRegistry', () => {
  const e = env([reg('private', 'https://reg.example.com:5000/v2/'), reg('other', 'http://other.example.com')])

  it('matches an entry by name', () => {
    expect(findRegistry(e, 'private/app:1')?.name).to.equal('private')
  })

  it('matches by the FQDN with port', () => {
    expect(findRegistry(e, 'reg.example.com:5000/app')?.name).to.equal('private')
  })

  it('matches by the FQDN without port', () => {
    expect(findRegistry(e, 'reg.example.com/app')?.name).to.equal('private')
    expect(findRegistry(e, 'other.example.com/team/app')?.name).to.equal('other')
  })

  it('matches nothing for other hosts or single-component images', () => {
    expect(findRegistry(e, 'elsewhere.io/app')).to.equal(undefined)
    expect(findRegistry(e, 'busybox')).to.equal(undefined)
  })
})

describe('resolveRegistryAuth', () => {
  it('uses username and password from the YAML entry, with its retry spec', () => {
    const e = env([reg('private', 'http://10.0.0.1:5000', {username: 'u', password: 'p', email: 'e@x', retry: {attempts: 3, when: [503]}})])
    expect(resolveRegistryAuth(e, 'private/app:1')).to.deep.equal({
      auth: {username: 'u', password: 'p', email: 'e@x', serveraddress: '10.0.0.1:5000'},
      retry: {attempts: 3, when: [503]},
      registry: 'private',
    })
  })

  it('falls back to a base64 auth field of the docker config keyed by URL', () => {
    const e = env([reg('private', 'https://reg.example.com:5000')])
    const config = {auths: {'https://reg.example.com:5000/v1/': {auth: b64('alice:s3:cret')}}}
    expect(resolveRegistryAuth(e, 'private/app', config).auth).to.deep.equal({
      username: 'alice', password: 's3:cret', serveraddress: 'reg.example.com:5000',
    })
  })

  it('falls back to username/password fields of the docker config keyed by bare host', () => {
    const e = env([reg('private', 'https://reg.example.com:5000')])
    const config = {auths: {'reg.example.com': {username: 'bob', password: 'pw'}}}
    expect(resolveRegistryAuth(e, 'reg.example.com:5000/app', config).auth).to.include({username: 'bob', password: 'pw'})
  })

  it('takes only the password from the docker config when the YAML gives the username', () => {
    const e = env([reg('private', 'reg.example.com', {username: 'bob'})])
    const config = {auths: {'reg.example.com': {auth: b64('bob:pw')}}}
    expect(resolveRegistryAuth(e, 'private/app', config).auth).to.include({username: 'bob', password: 'pw'})
  })

  it('does not pair a YAML username with another user\'s stored password', () => {
    const e = env([reg('private', 'reg.example.com', {username: 'carol'})])
    const config = {auths: {'reg.example.com': {auth: b64('bob:pw')}}}
    const auth = resolveRegistryAuth(e, 'private/app', config).auth
    expect(auth?.username).to.equal('carol')
    expect(auth?.password).to.equal(undefined)
  })

  it('uses docker config credentials for the image host when no entry matches', () => {
    const config = {auths: {'https://10.1.2.3:5000': {auth: b64('x:y')}}}
    expect(resolveRegistryAuth(env([]), '10.1.2.3:5000/app', config)).to.deep.equal({
      auth: {username: 'x', password: 'y', serveraddress: '10.1.2.3:5000'}, retry: {attempts: 1, when: []},
    })
  })

  it('pulls anonymously when nothing is known', () => {
    const e = env([reg('private', 'reg.example.com')])
    expect(resolveRegistryAuth(e, 'busybox:latest')).to.deep.equal({retry: {attempts: 1, when: []}})
    expect(resolveRegistryAuth(e, 'private/app')).to.deep.equal({retry: {attempts: 1, when: []}, registry: 'private'})
  })
})

describe('readDockerConfig', () => {
  it('reads $DOCKER_CONFIG/config.json before ~/.docker', () => {
    const files: Record<string, string> = {'/cfg/config.json': '{"auths": {"a": {"auth": "eDp5"}}}'}
    const config = readDockerConfig({env: {DOCKER_CONFIG: '/cfg'}, homedir: '/home/u', readFile: (p) => files[p]})
    expect(findDockerCredentials(config, 'a')).to.deep.include({username: 'x', password: 'y'})
  })

  it('reads ~/.docker/config.json and ignores a broken file', () => {
    const good = readDockerConfig({env: {}, homedir: '/h', readFile: (p) => (p === '/h/.docker/config.json' ? '{"auths": {}}' : undefined)})
    expect(good).to.deep.equal({auths: {}})
    expect(readDockerConfig({env: {}, homedir: '/h', readFile: () => '{not json'})).to.equal(undefined)
    expect(readDockerConfig({env: {}, homedir: '/h', readFile: () => undefined})).to.equal(undefined)
  })
})
