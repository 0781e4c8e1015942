import {expect} from 'chai'
import {rig, shop} from './setup.js'

/** db-1 and app-1 share ship a and the network `front`; db-1 also joins `back`. */
const networked = () => shop({
  db: {image: 'postgres:16', instances: {'db-1': {ship: 'a', networks: [{name: 'front', aliases: ['database']}, {name: 'back', aliases: ['pg']}]}}},
  app: {image: 'app:1', requires: ['db'], instances: {'app-1': {ship: 'a', networks: [{name: 'front', aliases: []}]}, 'app-2': {ship: 'b', networks: [{name: 'front', aliases: []}]}}},
})

describe('runPlay: user-defined networks', () => {
  it('creates each missing network once per ship and play, before the first container that needs it', async () => {
    const r = await rig(networked())
    const result = await r.play('start', {containers: ['db-1', 'app-1', 'app-2']})
    expect(result.exitCode).to.equal(0)
    const a = r.fleet.get('a').calls.filter((c) => /Network|createContainer/.test(c))
    expect(a).to.deep.equal([
      'inspectNetwork front', 'createNetwork front', 'inspectNetwork back', 'createNetwork back', 'createContainer db-1',
      'connectNetwork back db-1 pg', 'createContainer app-1',
    ])
    expect(r.fleet.get('b').calls.filter((c) => /Network/.test(c))).to.deep.equal(['inspectNetwork front', 'createNetwork front'])
    expect(r.fleet.get('a').networks.get('front')?.Labels).to.deep.equal({'io.maestro.environment': 'shop'})
  })

  it('uses a network that already exists', async () => {
    const r = await rig(networked())
    await r.fleet.get('a').createNetwork({Name: 'front'})
    await r.fleet.get('a').createNetwork({Name: 'back'})
    r.fleet.get('a').calls.length = 0
    expect((await r.play('start', {containers: ['db-1']})).exitCode).to.equal(0)
    expect(r.fleet.get('a').calls.filter((c) => /createNetwork/.test(c))).to.deep.equal([])
  })

  it('fails the container, naming the step, when the network cannot be created', async () => {
    const r = await rig(networked())
    r.fleet.get('a').failWith = (call) => (call === 'createNetwork' ? new Error('permission denied') : undefined)
    const result = await r.play('start', {containers: ['db-1']})
    expect(result.exitCode).to.not.equal(0)
    expect(result.outcomes.get('db-1')?.error?.message).to.match(/db-1: network setup failed: .*permission denied/)
    expect(r.fleet.get('a').containers.has('db-1')).to.equal(false)
  })
})

describe('runPlay: a healthcheck in the file is the readiness condition', () => {
  const healthy = (healthcheck: {test: string[]}) => shop({db: {image: 'postgres:16', instances: {'db-1': {ship: 'a', healthcheck}}}})
  const checkLines = (r: Awaited<ReturnType<typeof rig>>) => r.rec.lines().filter((l) => /^check:|^container:start/.test(l))

  it('waits for healthy before the dependents start (the image has no HEALTHCHECK)', async () => {
    const r = await rig(healthy({test: ['CMD-SHELL', 'pg_isready']}))
    expect((await r.play('start', {containers: ['db-1', 'app-1']})).exitCode).to.equal(0)
    expect(checkLines(r)).to.deep.equal(['container:start db-1', 'check:start db-1', 'check:pass db-1', 'container:start app-1'])
  })

  it('fails the start, and starts no dependent, when Docker reports it unhealthy', async () => {
    const r = await rig(healthy({test: ['CMD-SHELL', 'pg_isready']}))
    r.kernel.events.on('container:start', (e) => void (e.container.name === 'db-1' && (r.fleet.get('a').containers.get('db-1')!.health = 'unhealthy')))
    const result = await r.play('start', {containers: ['db-1', 'app-1']})
    expect(result.outcomes.get('db-1')?.error?.message).to.contain('Docker reports the container unhealthy')
    expect(r.fleet.get('a').containers.get('app-1')).to.equal(undefined)
  })

  it('disable: true turns off the wait an image HEALTHCHECK would cause', async () => {
    const r = await rig(healthy({test: ['NONE']}))
    r.fleet.get('a').addImage('postgres:16', 'sha256:pg', true)
    expect((await r.play('start', {containers: ['db-1']})).exitCode).to.equal(0)
    expect(checkLines(r)).to.deep.equal(['container:start db-1'])
  })
})
