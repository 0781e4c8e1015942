import {expect} from 'chai'
import type {DockerClient, Environment, RegistryAuth} from '../../src/api/index.js'
import {pullImageWithAuth} from '../../src/registry/pull.js'

const environment: Environment = {
  name: 't', file: '/tmp/m.yaml', baseDir: '/tmp', schema: 2, ships: {}, services: {}, containers: {}, audit: [], plugins: {},
  registries: {lab: {name: 'lab', registry: 'http://10.9.9.1:5000', username: 'maestro', password: 'pw', retry: {attempts: 3, when: [500]}}},
}

/** A DockerClient whose pullImage records calls and fails with the queued errors first. */
function pulling(errors: Error[], calls: [string, RegistryAuth | undefined][]): DockerClient {
  return {
    ship: 'ship1',
    pullImage: async (ref: string, auth: RegistryAuth | undefined) => {
      calls.push([ref, auth])
      const e = errors.shift()
      if (e) throw e
    },
  } as unknown as DockerClient
}

const engineError = (message: string, statusCode: number): Error => Object.assign(new Error(message), {statusCode})

describe('pullImageWithAuth', () => {
  it('pulls with the resolved credentials and an explicit tag', async () => {
    const calls: [string, RegistryAuth | undefined][] = []
    const resolved = await pullImageWithAuth(pulling([], calls), environment, '10.9.9.1:5000/app')
    expect(calls).to.deep.equal([['10.9.9.1:5000/app:latest', {username: 'maestro', password: 'pw', serveraddress: '10.9.9.1:5000'}]])
    expect(resolved.registry).to.equal('lab')
  })

  it('retries the statuses of the retry spec', async () => {
    const calls: [string, RegistryAuth | undefined][] = []
    const retries: number[] = []
    await pullImageWithAuth(pulling([engineError('toomanyrequests', 500), engineError('toomanyrequests', 500)], calls), environment,
      '10.9.9.1:5000/app:1', {retryDelayMs: 1, onRetry: (a) => retries.push(a)})
    expect(calls).to.have.length(3)
    expect(retries).to.deep.equal([1, 2])
  })

  it('explains refused credentials', async () => {
    const err = await pullImageWithAuth(pulling([engineError('unauthorized: authentication required', 404)], []), environment, '10.9.9.1:5000/app:1',
      {retryDelayMs: 1}).catch((e: Error) => e)
    expect(err).to.have.property('code', 'MAESTRO_REGISTRY')
    expect((err as Error).message).to.equal('registry 10.9.9.1:5000 (registries: lab) refused the login as maestro while pulling 10.9.9.1:5000/app:1 on ship1: unauthorized: authentication required')
  })

  it('explains a missing login, an unreachable registry and a missing image', async () => {
    const anon = {...environment, registries: {}}
    const cases: [string, string, RegExp][] = [
      ['Head "http://10.9.9.2:5000/v2/a/manifests/1": no basic auth credentials', '10.9.9.2:5000/a:1', /^registry 10\.9\.9\.2:5000 needs a login to pull/],
      ['Get "http://10.9.9.2:5999/v2/": dial tcp 10.9.9.2:5999: connect: connection refused', '10.9.9.2:5999/a:1', /^registry 10\.9\.9\.2:5999 is unreachable from ship1 while pulling/],
      ['manifest for 10.9.9.2:5000/nope:1 not found: manifest unknown', '10.9.9.2:5000/nope:1', /^image 10\.9\.9\.2:5000\/nope:1 was not found on 10\.9\.9\.2:5000/],
    ]
    for (const [message, image, expected] of cases) {
      const err = await pullImageWithAuth(pulling([engineError(message, 500)], []), anon, image).catch((e: Error) => e)
      expect((err as Error).message).to.match(expected)
    }
  })
})
