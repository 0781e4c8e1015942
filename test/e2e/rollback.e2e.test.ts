import {expect} from 'chai'
import {rmSync, writeFileSync} from 'node:fs'
import {dirname} from 'node:path'
import {labShipsYaml, useLab, writeLabEnvironment, type Lab} from '../helpers/lab.js'
import {maestro} from '../helpers/cli.js'
import {labClient} from './lab-client.js'
import type {DockerClient} from '../../src/api/index.js'

/**
 * The previous container and rollback on the lab (issue 18): a service of three instances on two ships, each
 * answering an HTTP readiness check, with `update: {failure_action: rollback}`.
 */
describe('@e2e update rollback on the lab', function () {
  this.timeout(240_000)
  let lab: Lab
  let file: string
  let clients: DockerClient[]
  const p = `rb${process.pid}`
  const names = [1, 2, 3].map((i) => `${p}-web-${i}`)
  const shipOf = (i: number) => (i < 2 ? 0 : 1)
  const cli = (...args: string[]) => maestro(['-f', file, ...args])
  const serve = (version: string) => `"sh -c 'echo ok ${version} > /www/index.html && exec httpd -f -p 8080 -h /www'"`
  /** `broken`: the new containers never answer, so their check fails. */
  const rewrite = (version: string, broken = false) => writeFileSync(file, `name: ${p}
${labShipsYaml(lab, {ships: 2})}services:
  ${p}web:
    image: ${lab.image}
    env: {VERSION: '${version}'}
    update: {order: stop-first, parallelism: 3, failure_action: rollback}
    lifecycle:
      running: [{type: http, port: http, match_regex: 'ok', max_wait: 4}]
    instances:
${names.map((n, i) => `      ${n}: {ship: ship${shipOf(i) + 1}, stop_timeout: 1, ports: {http: '8080:${28390 + i}'}, command: ${broken ? 'sleep 3600' : serve(version)}}`).join('\n')}
`)

  /** start-first: each instance publishes its HTTP port on a host range of two, so old and new can run side by side. */
  const rewriteStartFirst = (version: string, brokenLast = false) => writeFileSync(file, `name: ${p}
${labShipsYaml(lab, {ships: 2})}services:
  ${p}web:
    image: ${lab.image}
    env: {VERSION: '${version}'}
    update: {order: start-first, parallelism: 1, failure_action: rollback}
    lifecycle:
      running: [{type: http, port: http, match_regex: 'ok', max_wait: 4}]
    instances:
${names.map((n, i) => `      ${n}: {ship: ship${shipOf(i) + 1}, stop_timeout: 1, ports: {http: '8080:${28400 + 2 * i}-${28401 + 2 * i}'}, command: ${brokenLast && i === 2 ? 'sleep 3600' : serve(version)}}`).join('\n')}
`)

  const ids = async () => Promise.all(names.map(async (n, i) => (await clients[shipOf(i)].inspectContainer(n))?.Id))
  const running = async () => Promise.all(names.map(async (n, i) => (await clients[shipOf(i)].inspectContainer(n))?.State.Running))
  const envOf = async (i: number) => (await clients[shipOf(i)].inspectContainer(names[i]))?.Config.Env ?? []
  /** Every container of the environment on both ships, by Docker name. */
  const left = async () => (await Promise.all(clients.map((c) => c.listContainers({all: true, filters: {label: [`io.maestro.environment=${p}`]}})))).flat().map((s) => s.Names[0].replace(/^\//, '')).sort()

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

  it('a converge to containers that fail their check rolls back: exactly the containers that ran before, running, exit 1, `rolled back` with the reason', async () => {
    const before = await ids()
    rewrite('2', true)
    const r = await cli('start', '--converge')
    expect(r.code, r.stdout + r.stderr).to.equal(1)
    const out = r.stdout + r.stderr
    expect(out).to.include('rolled back the update of')
    expect(out).to.match(/http check/i)
    expect(await ids()).to.deep.equal(before)
    expect(await running()).to.deep.equal([true, true, true])
    expect(await left()).to.deep.equal([...names].sort())
    for (let i = 0; i < 3; i++) expect(await envOf(i)).to.include('VERSION=1')
  })

  it('`maestro rollback` after a successful update puts back the previous containers (same ids) and removes the new ones', async () => {
    rewrite('1')
    const before = await ids()
    rewrite('3')
    const update = await cli('start', '--converge')
    expect(update.code, update.stdout + update.stderr).to.equal(0)
    const updated = await ids()
    for (let i = 0; i < 3; i++) expect(updated[i]).to.not.equal(before[i])
    expect(await left()).to.deep.equal([...names, ...names.map((n) => `${n}.previous`)].sort())
    const status = await cli('status', '--json')
    expect(status.code, status.stderr).to.equal(0)
    const doc = JSON.parse(status.stdout) as {containers: {name: string; previousId?: string}[]}
    expect(names.map((n) => doc.containers.find((c) => c.name === n)?.previousId)).to.deep.equal(before)
    expect((await cli('status')).stdout).to.include(`previous version kept: ${before[0]!.slice(0, 12)}`)
    // clean leaves the previous containers (the instances run, so nothing is removed)
    expect((await cli('clean')).code).to.equal(0)
    expect(await left()).to.deep.equal([...names, ...names.map((n) => `${n}.previous`)].sort())
    const r = await cli('rollback')
    expect(r.code, r.stdout + r.stderr).to.equal(0)
    expect(await ids()).to.deep.equal(before)
    expect(await running()).to.deep.equal([true, true, true])
    expect(await left()).to.deep.equal([...names].sort())
    for (let i = 0; i < 3; i++) expect(await envOf(i)).to.include('VERSION=1')
    const again = await cli('rollback', names[0])
    expect(again.code).to.not.equal(0)
    expect(again.stderr).to.include(`${names[0]}: no previous container (${names[0]}.previous) on ship ship1 to roll back to`)
  })

  it('start-first with host port ranges: the new container is checked on its own port, so one that never answers rolls the update back to the same ids', async () => {
    rewriteStartFirst('4')
    const update = await cli('start', '--converge')
    expect(update.code, update.stdout + update.stderr).to.equal(0)
    const before = await ids()
    rewriteStartFirst('5', true)
    const r = await cli('start', '--converge')
    expect(r.code, r.stdout + r.stderr).to.equal(1)
    expect(r.stdout + r.stderr).to.include(`rolled back the update of ${p}web`)
    expect(await ids()).to.deep.equal(before)
    expect(await running()).to.deep.equal([true, true, true])
    for (let i = 0; i < 3; i++) expect(await envOf(i)).to.include('VERSION=4')
    expect((await left()).filter((n) => n.endsWith('.next'))).to.deep.equal([])
  })
})
