import {expect} from 'chai'
import {execFile} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {rmSync, writeFileSync} from 'node:fs'
import {dirname} from 'node:path'
import {promisify} from 'node:util'
import {labShipsYaml, useLab, writeLabEnvironment, type Lab} from '../../helpers/lab.js'
import {maestro} from '../../helpers/cli.js'
import {compileSchema} from '../../helpers/ajv.js'
import type {StatusContainer, StatusDocument} from '../../../src/cli/status-document.js'

const run = promisify(execFile)

/** `status --json`: one document valid against schema/status.schema.json, with what the ships really report. */
describe('@e2e status --json on the lab', function () {
  this.timeout(120_000)
  let lab: Lab
  let file: string
  const p = `sj${process.pid}`
  const secret = `s3cret-${randomBytes(6).toString('hex')}`
  const changedSecret = `s3cret-${randomBytes(6).toString('hex')}`
  const {validate} = compileSchema('schema/status.schema.json')
  const cli = (...args: string[]) => maestro(['-f', file, ...args])
  const docker = (...args: string[]) => run('docker', ['-H', `unix://${lab.ships[0].socket}`, ...args])
  const services = (password: string, withJob = true) => `services:
  ${p}web:
    image: ${lab.image}
    env: {DB_PASSWORD: ${password}, WORKERS: '2'}
    instances:
      ${p}-web-1: {ship: ship1, stop_timeout: 1, command: "sh -c 'mkdir -p /w && exec httpd -f -p 80 -h /w'", ports: {web: '80:28192'}}
${withJob ? `  ${p}job:
    image: ${lab.image}
    instances:
      ${p}-exits-1: {ship: ship1, stop_timeout: 1, command: "sh -c 'while [ ! -f /tmp/go ]; do sleep 0.1; done; exit 3'"}
` : ''}  ${p}spare:
    image: ${lab.image}
    instances:
      ${p}-spare-1: {ship: ship1, stop_timeout: 1, command: sleep 3600}
`
  const rewrite = (body: string, extraShips = '') => writeFileSync(file, `name: ${p}\n${labShipsYaml(lab, {ships: 1})}${extraShips}${body}`)

  /** Runs `status --json ARGS`: stdout must be the document alone, valid against the schema. */
  async function statusJson(...args: string[]): Promise<{code: number | null; doc: StatusDocument; stdout: string; stderr: string}> {
    const r = await cli('status', '--json', ...args)
    const doc = JSON.parse(r.stdout) as StatusDocument
    expect(validate(doc), JSON.stringify(validate.errors)).to.equal(true)
    return {code: r.code, doc, stdout: r.stdout, stderr: r.stderr}
  }
  const byName = (doc: StatusDocument, name: string): StatusContainer => {
    const c = doc.containers.find((x) => x.name === name)
    expect(c, `${name} in ${doc.containers.map((x) => x.name).join(', ')}`).to.not.equal(undefined)
    return c!
  }

  before(async function () {
    lab = await useLab({ships: 1, context: this})
    file = writeLabEnvironment(lab, services(secret), {ships: 1, name: p})
  })

  after(async () => {
    rewrite(services(secret))
    await cli('kill', '-a')
    await cli('clean')
    rmSync(dirname(file), {recursive: true, force: true})
  })

  it('gives real states: published ports of a running container, the exit code of an exited one, an absent one; no secret value', async () => {
    const start = await cli('start', `${p}-web-1`, `${p}-exits-1`)
    expect(start.code, start.stdout + start.stderr).to.equal(0)
    await docker('exec', `${p}-exits-1`, 'touch', '/tmp/go')
    const {stdout: code} = await docker('wait', `${p}-exits-1`)
    expect(code.trim()).to.equal('3')
    const {stdout: inspect} = await docker('inspect', '--format', '{{.Id}}', `${p}-web-1`)

    const r = await statusJson()
    expect(r.code, r.stderr).to.equal(0)
    expect(r.doc.schema).to.equal('maestro.status/v1')
    expect(r.doc.environment).to.equal(p)
    expect(Date.now() - Date.parse(r.doc.generatedAt)).to.be.within(0, 60_000)
    expect(r.doc.containers.map((c) => [c.name, c.state])).to.deep.equal([[`${p}-web-1`, 'running'], [`${p}-exits-1`, 'down'], [`${p}-spare-1`, 'absent']])

    const web = byName(r.doc, `${p}-web-1`)
    expect(web).to.deep.include({service: `${p}web`, ship: 'ship1', id: inspect.trim(), dockerState: 'running', exitCode: null, image: lab.image, fileImage: lab.image, drift: [], driftKnown: true, notReady: false})
    expect(web.ports).to.deep.equal([{hostIp: null, hostPort: 28192, containerPort: 80, protocol: 'tcp'}])
    expect(web.dockerStatus).to.match(/^Up /)
    expect(web.probes).to.equal(undefined)

    const exited = byName(r.doc, `${p}-exits-1`)
    expect(exited).to.deep.include({state: 'down', dockerState: 'exited', exitCode: 3, ports: []})
    expect(exited.dockerStatus).to.match(/^Exited \(3\) /)
    expect(exited.ageSeconds).to.be.a('number')

    expect(byName(r.doc, `${p}-spare-1`)).to.deep.include({state: 'absent', id: null, dockerState: null, exitCode: null, image: null, fileImage: lab.image})
    expect(r.doc.orphans).to.deep.equal([])
    expect(r.doc.unreachable).to.deep.equal([])
    expect(r.stdout).to.not.include(secret)
  })

  it('names drifted fields only, never the old or new value of a secret', async () => {
    rewrite(services(changedSecret))
    const r = await statusJson(`${p}-web-1`)
    expect(r.code, r.stderr).to.equal(0)
    expect(r.doc.containers.map((c) => c.name)).to.deep.equal([`${p}-web-1`])
    expect(r.doc.containers[0].drift).to.deep.equal(['env.DB_PASSWORD'])
    expect(r.stdout).to.not.include(secret).and.to.not.include(changedSecret)
    rewrite(services(secret))
  })

  it('probes the named ports with -F and filters ships with -S', async () => {
    const r = await statusJson('-F', `${p}web`)
    expect(r.code, r.stderr).to.equal(0)
    expect(r.doc.containers[0].probes).to.deep.equal([{name: 'web', port: '28192', protocol: 'tcp', up: true}])
    const none = await statusJson('-S', 'nomatch*')
    expect(none.doc.containers).to.deep.equal([])
  })

  it('an unreachable ship: in the document with its error, its containers unknown, the rest as listed, exit 0; a dropped service is an orphan', async () => {
    const gone = `  gone: {ip: 127.0.0.1, docker_port: 1, timeout: 2}\n`
    rewrite(`${services(secret, false)}  ${p}far:\n    image: ${lab.image}\n    instances: {${p}-far-1: {ship: gone, command: sleep 3600}}\n`, gone)
    const r = await statusJson()
    const text = await cli('status')
    expect(r.code, r.stderr).to.equal(text.code).and.to.equal(0)
    expect(r.doc.unreachable).to.have.length(1)
    expect(r.doc.unreachable[0].ship).to.equal('gone')
    expect(r.doc.unreachable[0].error).to.match(/^ship gone \(tcp:\/\/127\.0\.0\.1:1\) is unreachable: /)
    expect(byName(r.doc, `${p}-far-1`)).to.deep.include({ship: 'gone', state: 'unknown', id: null})
    expect(byName(r.doc, `${p}-web-1`).state).to.equal('running')
    expect(r.doc.orphans.map((o) => [o.name, o.ship, o.state, o.kind, o.service, o.movedTo])).to.deep.equal([[`${p}-exits-1`, 'ship1', 'down', 'unknown', `${p}job`, null]])
    rewrite(services(secret))
  })
})
