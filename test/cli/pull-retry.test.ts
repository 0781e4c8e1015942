import {expect} from 'chai'
import {join} from 'node:path'
import {maestro, tempProject} from '../helpers/cli.js'
import {fakeFleetOptions, linkFakeFleet} from '../helpers/fake-fleet-cli.js'

const env = (when: string) => `name: retry
ships:
  a: {ip: 127.0.0.11}
registries:
  flaky: {registry: 'http://reg.example.test:5000', username: u, password: p, retry: {attempts: 3, when: [${when}]}}
services:
  app:
    image: reg.example.test:5000/app:1
    instances: {app-1: {ship: a}}
`

/** The `retry` spec of a `registries:` entry, honoured by `maestro pull` (fake fleet whose pulls answer HTTP 503). */
describe('registry retry spec through `maestro pull` (built binary, fake fleet)', function () {
  this.timeout(30_000)
  let t: {dir: string; cleanup: () => void}
  const pull = (file: string) => maestro(['-f', file, 'pull', '--reporter', 'console', '--reporter', 'json=events.jsonl'], fakeFleetOptions(t.dir,
    {ships: ['a'], fail: {call: 'pullImage', arg: 'reg.example.test:5000/app:1', message: 'received unexpected HTTP status: 503 Service Unavailable'}}))
  const progress = async () => {
    const {readFileSync} = await import('node:fs')
    return readFileSync(join(t.dir, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as {event: string; message?: string})
      .filter((e) => e.event === 'task:progress' && e.message?.startsWith('pull failed')).map((e) => e.message)
  }

  before(() => {
    t = tempProject({'retry.yaml': env('503'), 'once.yaml': env('502')})
    linkFakeFleet(t.dir)
  })
  after(() => t.cleanup())

  it('retries a status listed in when, up to attempts, then fails with the registry named', async () => {
    const r = await pull('retry.yaml')
    expect(r.code).to.equal(1)
    expect(await progress()).to.deep.equal(['pull failed with HTTP 503, retrying (1)', 'pull failed with HTTP 503, retrying (2)'])
    expect(r.stdout).to.match(/: pull of reg\.example\.test:5000\/app:1 on a failed \(registries: flaky\): .*503/)
    expect(r.stderr.trim().split('\n').at(-1)).to.match(/^ERROR: pull failed for 1 container: \S+ \(reason above\)$/)
  })

  it('does not retry a status missing from when', async () => {
    const r = await pull('once.yaml')
    expect(r.code).to.equal(1)
    expect(await progress()).to.deep.equal([])
  })
})
