import {expect} from 'chai'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {computeContainerEnv, toDockerEnv} from '../../src/env/compute.js'
import {MaestroError} from '../../src/api/errors.js'
import {container, environment, port, service, ship} from './env-fixture.js'

const files: Record<string, string> = {
  '/base/svc.env': 'FROM_SVC_FILE=1\nOVER=svcfile\nSERVICE_NAME=from-file\n',
  '/base/inst.env': 'FROM_INST_FILE=1\nOVER=instfile\nMAESTRO_ENVIRONMENT_NAME=from-inst-file\n',
  '/abs/other.env': 'ABS=yes\n',
}
const readFile = (p: string): string => {
  if (!(p in files)) throw new Error(`ENOENT: ${p}`)
  return files[p]
}

function chain() {
  return environment('demo', [ship('s1', '10.0.0.1'), ship('s2', '10.0.0.2')], [
    service('db', 'postgres:16', ['db-1']),
    service('app', 'app', ['app-1'], {requires: ['db']}),
    service('web', 'web:2', ['web-1', 'web-2'], {requires: ['app'], wantsInfo: ['cache']}),
    service('cache', 'redis', ['cache-1'], {wantsInfo: ['logs']}),
    service('logs', 'logs', ['logs-1']),
    service('side', 'side', ['side-1']),
  ], [
    container('db-1', 'db', 's2', 'postgres:16', {ports: [port('pg', '5432/tcp', '15432/tcp')]}),
    container('app-1', 'app', 's1', 'app', {ports: [port('http', '80/tcp', '8080/tcp')]}),
    container('web-2', 'web', 's1', 'web:2', {ports: [port('http', '80/tcp', '18081/tcp'), port('dns', '53/udp', '5353/udp')], volumesFrom: ['side-1']}),
    container('web-1', 'web', 's2', 'web:2', {ports: [port('http', '80/tcp', '18080/tcp'), port('range', '1234/tcp', '18110-18112/tcp')]}),
    container('cache-1', 'cache', 's1', 'redis'),
    container('logs-1', 'logs', 's1', 'logs'),
    container('side-1', 'side', 's1', 'side'),
  ])
}

describe('computeContainerEnv', () => {
  it('gives the own service with internal ports, transitive requires and direct wants_info without', () => {
    const env = Object.fromEntries(computeContainerEnv(chain(), 'web-1', readFile))
    expect(env).to.include({
      WEB_INSTANCES: 'web-1,web-2',
      WEB_WEB_1_HOST: '10.0.0.2', WEB_WEB_1_HTTP_PORT: '18080', WEB_WEB_1_HTTP_INTERNAL_PORT: '80',
      WEB_WEB_1_RANGE_PORT: '18110-18112', WEB_WEB_1_RANGE_INTERNAL_PORT: '1234',
      WEB_WEB_2_HOST: '10.0.0.1', WEB_WEB_2_HTTP_PORT: '18081', WEB_WEB_2_DNS_PORT: '5353', WEB_WEB_2_DNS_INTERNAL_PORT: '53',
      APP_INSTANCES: 'app-1', APP_APP_1_HOST: '10.0.0.1', APP_APP_1_HTTP_PORT: '8080',
      DB_INSTANCES: 'db-1', DB_DB_1_HOST: '10.0.0.2', DB_DB_1_PG_PORT: '15432',
      CACHE_INSTANCES: 'cache-1', CACHE_CACHE_1_HOST: '10.0.0.1',
    })
    const keys = Object.keys(env)
    expect(keys.filter((k) => k.startsWith('APP_') || k.startsWith('DB_')).some((k) => k.endsWith('_INTERNAL_PORT'))).to.equal(false)
    expect(keys.some((k) => k.startsWith('LOGS_')), 'wants_info is not transitive').to.equal(false)
    expect(keys.some((k) => k.startsWith('SIDE_')), 'volumes_from gives no variables').to.equal(false)
  })

  it('lists the fixed variables and the link variables in upstream order', () => {
    const env = computeContainerEnv(chain(), 'app-1', readFile)
    expect(env).to.deep.equal([
      ['MAESTRO_ENVIRONMENT_NAME', 'demo'], ['SERVICE_NAME', 'app'],
      ['CONTAINER_NAME', 'app-1'], ['CONTAINER_HOST_ADDRESS', '10.0.0.1'], ['DOCKER_IMAGE', 'app'], ['DOCKER_TAG', 'latest'],
      ['APP_APP_1_HOST', '10.0.0.1'], ['APP_APP_1_HTTP_PORT', '8080'], ['APP_APP_1_HTTP_INTERNAL_PORT', '80'], ['APP_INSTANCES', 'app-1'],
      ['DB_DB_1_HOST', '10.0.0.2'], ['DB_DB_1_PG_PORT', '15432'], ['DB_INSTANCES', 'db-1'],
    ])
  })

  it('applies the precedence of reference §3.2, later sources overwriting in place', () => {
    const base = chain()
    const c = base.containers['cache-1']
    const env = {
      ...base,
      containers: {...base.containers, 'cache-1': {...c,
        serviceEnvfiles: ['svc.env'], serviceEnv: {OVER: 'svcenv', SVC: true, CONTAINER_NAME: 'user', MAESTRO_ENVIRONMENT_NAME: 'user'},
        envfiles: ['inst.env', '/abs/other.env'], env: {OVER: 'instenv', SERVICE_NAME: 'renamed', DOCKER_TAG: 'user', CACHE_INSTANCES: 'user', RATIO: 1.5, NONE: null, LIST: ['a', ['b', 'c']]},
      }},
    }
    expect(computeContainerEnv(env, 'cache-1', readFile)).to.deep.equal([
      ['FROM_SVC_FILE', '1'], ['OVER', 'instenv'], ['SERVICE_NAME', 'renamed'],
      ['SVC', 'True'], ['CONTAINER_NAME', 'cache-1'], ['MAESTRO_ENVIRONMENT_NAME', 'from-inst-file'],
      ['FROM_INST_FILE', '1'], ['ABS', 'yes'],
      ['DOCKER_TAG', 'latest'], ['CACHE_INSTANCES', 'cache-1'], ['RATIO', '1.5'], ['NONE', null], ['LIST', 'a b c'],
      ['CONTAINER_HOST_ADDRESS', '10.0.0.1'], ['DOCKER_IMAGE', 'redis'],
      ['CACHE_CACHE_1_HOST', '10.0.0.1'],
      ['LOGS_LOGS_1_HOST', '10.0.0.1'], ['LOGS_INSTANCES', 'logs-1'],
    ])
  })

  it('lets dependency link variables overwrite user values of the same name', () => {
    const base = chain()
    const env = {...base, containers: {...base.containers, 'app-1': {...base.containers['app-1'], env: {DB_DB_1_HOST: 'mine', KEEP: 'x'}}}}
    const out = Object.fromEntries(computeContainerEnv(env, 'app-1', readFile))
    expect(out).to.include({DB_DB_1_HOST: '10.0.0.2', KEEP: 'x'})
  })

  it('reports an unreadable envfile', () => {
    const base = chain()
    const env = {...base, containers: {...base.containers, 'app-1': {...base.containers['app-1'], envfiles: ['missing.env']}}}
    expect(() => computeContainerEnv(env, 'app-1', readFile)).to.throw(MaestroError, 'cannot read envfile /base/missing.env')
  })

  it('reads envfiles from disk relative to the base directory by default', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maestro-env-'))
    try {
      writeFileSync(join(dir, 'app.env'), '# settings\nFROM_DISK=yes\n')
      const base = {...chain(), baseDir: dir}
      const env = {...base, containers: {...base.containers, 'logs-1': {...base.containers['logs-1'], envfiles: ['app.env']}}}
      expect(computeContainerEnv(env, 'logs-1')[2]).to.deep.equal(['FROM_DISK', 'yes'])
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it('rejects an unknown container', () => {
    expect(() => computeContainerEnv(chain(), 'nope', readFile)).to.throw(MaestroError, 'nope')
  })
})

describe('toDockerEnv', () => {
  it('writes K=V, and a bare K for null', () => {
    expect(toDockerEnv([['A', '1'], ['B', null], ['C', ''], ['D', 'x=y']])).to.deep.equal(['A=1', 'B', 'C=', 'D=x=y'])
  })
})
