import {expect} from 'chai'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {Kernel} from '../../src/kernel/kernel.js'
import {plugins as builtins} from '../../plugins/index.js'
import {loadEnvironment} from '../../src/model/load.js'
import {runPlay} from '../../src/play/index.js'
import type {Action} from '../../src/api/index.js'
import {startFakeDaemons, operationOf, type FakeDaemon, type ShipCounts} from './fake-daemon.js'
import {containerCount, fleetYaml, type FleetShape} from './fleet-env.js'

const ZERO = {request: 0, create: 0, start: 0, stop: 0, remove: 0}
const SHAPE: FleetShape = {label: 'test', levels: 3, services: 2, instances: 3, ships: 2}

const total = (counts: readonly ShipCounts[]): Record<string, number> => {
  const out: Record<string, number> = {}
  for (const c of counts) for (const [op, n] of Object.entries(c.ops)) out[op] = (out[op] ?? 0) + n
  return out
}

describe('simulated fleet: Maestro through its real transport against the fake daemon', function () {
  let daemon: FakeDaemon
  let kernel: Kernel
  let dir: string
  let file: string

  before(async () => {
    daemon = await startFakeDaemons(SHAPE.ships, ZERO)
    kernel = await Kernel.boot({plugins: await builtins()})
    dir = mkdtempSync(join(tmpdir(), 'maestro-fleet-test-'))
    file = join(dir, 'maestro.yaml')
    writeFileSync(file, fleetYaml(SHAPE, daemon.ports))
  })

  after(async () => {
    await kernel.dispose()
    await daemon.close()
    rmSync(dir, {recursive: true, force: true})
  })

  const playCounts = async (command: Action): Promise<ShipCounts[]> => {
    const {environment} = await loadEnvironment(kernel, file, {env: {}})
    const r = await runPlay(kernel, environment, {command, containers: Object.keys(environment.containers), options: {}})
    expect(r.exitCode, `${command}: ${r.error?.message}`).to.equal(0)
    return daemon.counts()
  }
  const play = async (command: Action) => total(await playCounts(command))

  it('names operations without ids or API versions', () => {
    expect(operationOf('POST', '/v1.41/containers/abc/start')).to.equal('POST /containers/{id}/start')
    expect(operationOf('DELETE', '/v1.41/containers/abc')).to.equal('DELETE /containers/{id}')
    expect(operationOf('GET', '/v1.41/images/fleet/l0s0:1.0/json')).to.equal('GET /images/{id}/json')
    expect(operationOf('POST', '/v1.41/containers/create')).to.equal('POST /containers/create')
  })

  it('start: one list per ship, one image check per (ship, image), one create, start and inspect per container', async () => {
    const n = containerCount(SHAPE)
    const images = SHAPE.levels * SHAPE.services
    expect(await play('start')).to.deep.equal({
      'GET /containers/json': SHAPE.ships,
      'GET /volumes': SHAPE.ships,
      'GET /images/{id}/json': images * SHAPE.ships,
      'POST /containers/create': n,
      'POST /containers/{id}/start': n,
      'GET /containers/{id}/json': n,
    })
  })

  it('status: one list per ship (and one of --keep-failed markers) and nothing else', async () => {
    expect(await play('status')).to.deep.equal({'GET /containers/json': SHAPE.ships, 'GET /volumes': SHAPE.ships})
  })

  it('stop, then clean: one list per ship and one call per container', async () => {
    const n = containerCount(SHAPE)
    expect(await play('stop')).to.deep.equal({'GET /containers/json': SHAPE.ships, 'GET /volumes': SHAPE.ships, 'POST /containers/{id}/stop': n})
    expect(await play('clean')).to.deep.equal({'GET /containers/json': SHAPE.ships, 'GET /volumes': SHAPE.ships, 'DELETE /containers/{id}': n})
  })

  it('keeps connections per ship alive: far fewer connections than requests', async () => {
    const counts = await playCounts('start')
    await play('stop')
    await play('clean')
    for (const c of counts) expect(c.connections).to.be.below(c.requests)
  })
})
