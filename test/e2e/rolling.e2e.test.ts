import {expect} from 'chai'
import {rmSync, writeFileSync} from 'node:fs'
import {dirname} from 'node:path'
import {labShipsYaml, useLab, writeLabEnvironment, type Lab} from '../helpers/lab.js'
import {maestro} from '../helpers/cli.js'
import {labClient} from './lab-client.js'
import type {DockerClient} from '../../src/api/index.js'

/** A container of this test is ready once its command touched /tmp/ready, READY_AFTER_S after it started. */
const READY_AFTER_S = 2

/**
 * `update: {order: start-first, parallelism: 1}` on the lab: a service of three instances on two ships is converged to
 * a new env value while a sampler reads the ships every 100 ms; at least two instances are ready at every sample.
 */
describe('@e2e rolling start-first update on the lab', function () {
  this.timeout(240_000)
  let lab: Lab
  let file: string
  let clients: DockerClient[]
  const p = `ru${process.pid}`
  const names = [1, 2, 3].map((i) => `${p}-api-${i}`)
  const cli = (...args: string[]) => maestro(['-f', file, ...args])
  const body = (version: string, update: boolean) => `services:
  ${p}api:
    image: ${lab.image}
    env: {VERSION: '${version}'}
${update ? '    update: {order: start-first, parallelism: 1, monitor: 1s}\n' : ''}    lifecycle:
      running: [{type: rexec, command: 'test -f /tmp/ready', attempts: 100}]
    instances:
      ${names[0]}: {ship: ship1, stop_timeout: 1, command: "sh -c 'sleep ${READY_AFTER_S}; touch /tmp/ready; exec sleep 3600'"}
      ${names[1]}: {ship: ship1, stop_timeout: 1, command: "sh -c 'sleep ${READY_AFTER_S}; touch /tmp/ready; exec sleep 3600'"}
      ${names[2]}: {ship: ship2, stop_timeout: 1, command: "sh -c 'sleep ${READY_AFTER_S}; touch /tmp/ready; exec sleep 3600'"}
`
  const rewrite = (version: string, update = true) => writeFileSync(file, `name: ${p}\n${labShipsYaml(lab, {ships: 2})}${body(version, update)}`)

  /** Running containers of the service on both ships, with when they started (the lab's daemons share this clock). */
  async function sample(): Promise<Array<{name: string; ready: boolean}>> {
    const now = Date.now()
    const found = await Promise.all(clients.map(async (c) => {
      const list = await c.listContainers({filters: {label: [`io.maestro.environment=${p}`]}})
      return Promise.all(list.map(async (s) => {
        const info = await c.inspectContainer(s.Id).catch(() => undefined)
        const started = Date.parse(info?.State.StartedAt ?? '')
        return {name: (s.Names[0] ?? '').replace(/^\//, ''), ready: info?.State.Running === true && now - started >= (READY_AFTER_S + 0.3) * 1000}
      }))
    }))
    return found.flat()
  }

  const envOf = async (name: string, ship: number) => (await clients[ship].inspectContainer(name))?.Config.Env ?? []
  const ids = async () => Promise.all(names.map(async (n, i) => (await clients[i < 2 ? 0 : 1].inspectContainer(n))?.Id))

  before(async function () {
    lab = await useLab({ships: 2, context: this})
    clients = lab.ships.slice(0, 2).map((s) => labClient(lab, s))
    file = writeLabEnvironment(lab, 'services: {}\n', {ships: 2, name: p})
    rewrite('1')
    const r = await cli('start')
    expect(r.code, r.stderr).to.equal(0)
  })

  after(async () => {
    await cli('kill', '-a')
    await cli('clean', '--previous')
    for (const c of clients ?? []) await c.close()
    if (file) rmSync(dirname(file), {recursive: true, force: true})
  })

  it('start --converge with order: start-first, parallelism: 1 keeps two of three instances ready throughout, then runs the new env everywhere', async () => {
    const before = await ids()
    // start returned once the checks passed; the sampler's clock-based view of ready may lag it by its margin
    for (let t = Date.now(); (await sample()).filter((c) => c.ready).length < 3;) {
      if (Date.now() - t > 30_000) throw new Error('the first start left fewer than three ready instances')
      await new Promise((r) => setTimeout(r, 100))
    }
    rewrite('2')
    let sampling = true
    const samples: Array<Array<{name: string; ready: boolean}>> = []
    const sampler = (async () => {
      while (sampling) {
        samples.push(await sample())
        await new Promise((r) => setTimeout(r, 100))
      }
    })()
    const r = await cli('start', '--converge')
    sampling = false
    await sampler
    expect(r.code, r.stderr).to.equal(0)
    expect(samples.length, 'samples taken during the update').to.be.greaterThan(10)
    const fewest = Math.min(...samples.map((s) => s.filter((c) => c.ready).length))
    expect(fewest, JSON.stringify(samples.find((s) => s.filter((c) => c.ready).length === fewest))).to.be.at.least(2)
    // the new container ran beside the old one under its temporary name at some point
    expect(samples.some((s) => s.some((c) => c.name.endsWith('.next'))), 'a .next container was seen').to.equal(true)

    const after = await ids()
    for (let i = 0; i < 3; i++) {
      expect(after[i], names[i]).to.be.a('string')
      expect(after[i], `${names[i]} was replaced`).to.not.equal(before[i])
      expect(await envOf(names[i], i < 2 ? 0 : 1)).to.include('VERSION=2')
      expect(await envOf(names[i], i < 2 ? 0 : 1)).to.include(`CONTAINER_NAME=${names[i]}`)
    }
    const left = (await Promise.all(clients.map((c) => c.listContainers({all: true, filters: {label: [`io.maestro.environment=${p}`]}})))).flat()
    // each replaced container is kept stopped as the instance's previous one, with the id it ran under before
    expect(left.map((s) => s.Names[0]).sort()).to.deep.equal([...names, ...names.map((n) => `${n}.previous`)].map((n) => `/${n}`).sort())
    for (let i = 0; i < 3; i++) {
      const previous = await clients[i < 2 ? 0 : 1].inspectContainer(`${names[i]}.previous`)
      expect(previous?.Id, `${names[i]}.previous`).to.equal(before[i])
      expect(previous?.State.Running).to.equal(false)
    }
    const again = await cli('start', '--converge')
    expect(again.code, again.stderr).to.equal(0)
    expect(await ids(), 'a second converge changes nothing').to.deep.equal(after)
  })

  it('without the update block, a converge replaces the drifted instances as before (stop-first, no temporary name)', async () => {
    rewrite('3', false)
    let sampling = true
    const seen = new Set<string>()
    let fewest = 3
    const sampler = (async () => {
      while (sampling) {
        const now = await sample()
        fewest = Math.min(fewest, now.filter((c) => c.ready).length)
        for (const c of now) seen.add(c.name)
        await new Promise((r) => setTimeout(r, 100))
      }
    })()
    const r = await cli('start', '--converge')
    sampling = false
    await sampler
    expect(r.code, r.stderr).to.equal(0)
    expect([...seen].filter((n) => n.endsWith('.next'))).to.deep.equal([])
    // all at once, as MaestroNG does: the sampler that held start-first to two sees fewer here
    expect(fewest).to.be.below(2)
    for (let i = 0; i < 3; i++) expect(await envOf(names[i], i < 2 ? 0 : 1)).to.include('VERSION=3')
  })
})
