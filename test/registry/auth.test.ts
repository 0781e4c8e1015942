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
  const e = env([reg('private', 'https://reg.example.com:5000/v2/'), reg('other', 'http://other.example.com'), reg('hub', 'https://index.docker.io/v1/')])

  it('matches the entry whose registry URL is the image\'s own registry, host and port', () => {
    expect(findRegistry(e, 'reg.example.com:5000/app')?.name).to.equal('private')
    expect(findRegistry(e, 'REG.example.com:5000/team/app:1')?.name).to.equal('private')
    expect(findRegistry(e, 'other.example.com/team/app')?.name).to.equal('other')
    expect(findRegistry(e, 'other.example.com:443/team/app')?.name, ':443 is implied').to.equal('other')
  })

  it('never matches by entry name: `private/app` is pulled from Docker Hub, so the private entry\'s password stays home', () => {
    expect(findRegistry(e, 'private/app:1')?.name).to.equal('hub')
    expect(findRegistry(env([reg('acme', 'https://registry.acme.io')]), 'acme/app')).to.equal(undefined)
  })

  it('does not give a host the credentials of another port on it', () => {
    expect(findRegistry(e, 'reg.example.com/app')).to.equal(undefined)
    expect(findRegistry(e, 'reg.example.com:5001/app')).to.equal(undefined)
  })

  it('knows Docker Hub under its several names', () => {
    expect(findRegistry(e, 'busybox')?.name).to.equal('hub')
    expect(findRegistry(e, 'docker.io/library/busybox')?.name).to.equal('hub')
    expect(findRegistry(e, 'elsewhere.io/app')).to.equal(undefined)
  })
})

describe('resolveRegistryAuth', () => {
  it('uses username and password from the YAML entry, with its retry spec', () => {
    const e = env([reg('private', 'http://10.0.0.1:5000', {username: 'u', password: 'p', email: 'e@x', retry: {attempts: 3, when: [503]}})])
    expect(resolveRegistryAuth(e, '10.0.0.1:5000/app:1')).to.deep.equal({
      auth: {username: 'u', password: 'p', email: 'e@x', serveraddress: '10.0.0.1:5000'},
      retry: {attempts: 3, when: [503]},
      registry: 'private',
    })
  })

  it('falls back to a base64 auth field of the docker config keyed by URL', () => {
    const e = env([reg('private', 'https://reg.example.com:5000')])
    const config = {auths: {'https://reg.example.com:5000/v1/': {auth: b64('alice:s3:cret')}}}
    expect(resolveRegistryAuth(e, 'reg.example.com:5000/app', config).auth).to.deep.equal({
      username: 'alice', password: 's3:cret', serveraddress: 'reg.example.com:5000',
    })
  })

  it('falls back to username/password fields of the docker config keyed by bare host:port', () => {
    const e = env([reg('private', 'https://reg.example.com:5000')])
    const config = {auths: {'reg.example.com:5000': {username: 'bob', password: 'pw'}}}
    expect(resolveRegistryAuth(e, 'reg.example.com:5000/app', config).auth).to.include({username: 'bob', password: 'pw'})
  })

  it('never sends a password stored for one port of a host to another', () => {
    const e = env([reg('private', 'https://reg.example.com:5000')])
    const config = {auths: {'reg.example.com': {username: 'bob', password: 'pw'}}}
    expect(resolveRegistryAuth(e, 'reg.example.com:5000/app', config).auth).to.equal(undefined)
    expect(resolveRegistryAuth(env([]), 'reg.example.com:5000/app', config).auth).to.equal(undefined)
  })

  it('sends Docker Hub credentials from the docker config for Hub images only', () => {
    const config = {auths: {'https://index.docker.io/v1/': {auth: b64('hubuser:hubpw')}}}
    expect(resolveRegistryAuth(env([]), 'acme/app', config).auth).to.deep.equal({username: 'hubuser', password: 'hubpw', serveraddress: 'docker.io'})
    expect(resolveRegistryAuth(env([]), 'quay.io/acme/app', config).auth).to.equal(undefined)
  })

  it('takes only the password from the docker config when the YAML gives the username', () => {
    const e = env([reg('private', 'reg.example.com', {username: 'bob'})])
    const config = {auths: {'reg.example.com': {auth: b64('bob:pw')}}}
    expect(resolveRegistryAuth(e, 'reg.example.com/app', config).auth).to.include({username: 'bob', password: 'pw'})
  })

  it('does not pair a YAML username with another user\'s stored password', () => {
    const e = env([reg('private', 'reg.example.com', {username: 'carol'})])
    const config = {auths: {'reg.example.com': {auth: b64('bob:pw')}}}
    const auth = resolveRegistryAuth(e, 'reg.example.com/app', config).auth
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
    expect(resolveRegistryAuth(e, 'reg.example.com/app')).to.deep.equal({retry: {attempts: 1, when: []}, registry: 'private'})
    expect(resolveRegistryAuth(e, 'private/app'), 'a Hub image named like the entry').to.deep.equal({retry: {attempts: 1, when: []}})
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
