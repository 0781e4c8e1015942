import {expect} from 'chai'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {maestro, tempProject} from '../helpers/cli.js'
import {compileSchema} from '../helpers/ajv.js'
import {parseJunit, xmllintJunit} from '../helpers/junit-xml.js'
import {SHOP_WITH_WEB} from '../helpers/fixtures.js'
import {fakeFleetOptions, linkFakeFleet} from '../helpers/fake-fleet-cli.js'

const BAD = `name: shop
ships:
  ship1: {ip: 127.0.0.1}
services:
  web:
    image: nginx
    imgae: x
    instances:
      web-1: {ship: shp1}
`

describe('CI reporters on a configuration error (built binary)', () => {
  let t: {dir: string; cleanup: () => void}
  before(() => (t = tempProject({'maestro.yaml': BAD})))
  after(() => t.cleanup())

  it('combines github annotations on stdout, JUnit XML and JSON lines in files, and exits 2', async () => {
    const r = await maestro(['validate', '--reporter', 'github', '--reporter', 'junit=out/ci/maestro.xml', '--reporter', 'json=out/events.jsonl'], {
      cwd: t.dir,
      env: {GITHUB_WORKSPACE: t.dir},
    })
    expect(r.code).to.equal(2)
    expect(r.stdout.trim().split('\n')).to.deep.equal([
      "::warning file=maestro.yaml,line=7,col=5,title=Maestro::unknown key 'imgae' in service web (ignored; did you mean 'image'?)",
      "::error file=maestro.yaml,line=9,col=21,title=Maestro::services.web.instances.web-1: unknown ship 'shp1' (did you mean 'ship1'?)",
    ])

    const xml = readFileSync(join(t.dir, 'out/ci/maestro.xml'), 'utf8')
    expect(xmllintJunit(xml).ok).to.equal(true)
    const suite = (parseJunit(xml) as {testsuites: {testsuite: Array<{name: string; testcase: Array<{failure: Array<{message: string}>}>}>}}).testsuites.testsuite[0]
    expect(suite.name).to.equal('configuration')
    expect(suite.testcase[0].failure[0].message).to.match(/maestro\.yaml:9:21: .*unknown ship 'shp1'/)

    const {validate} = compileSchema('schema/events.schema.json')
    const lines = readFileSync(join(t.dir, 'out/events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as {event: string})
    expect(lines.map((l) => l.event)).to.deep.equal(['config:error'])
    for (const l of lines) expect(validate(l), JSON.stringify(validate.errors)).to.equal(true)
  })
})

describe('CI reporters combined on a play with a failing container (built binary, fake fleet)', function () {
  this.timeout(30_000)
  let t: {dir: string; cleanup: () => void}
  before(() => {
    t = tempProject({'maestro.yaml': SHOP_WITH_WEB})
    linkFakeFleet(t.dir)
  })
  after(() => t.cleanup())

  it('--reporter console --reporter junit=out/x.xml --reporter json: the table and JSON lines on stdout, a valid JUnit file with the failure', async () => {
    const fleet = {ships: ['a', 'b'], images: ['postgres:16', 'app:1'], fail: {call: 'createContainer', arg: 'app-2', message: 'disk full'}}
    const r = await maestro(['start', '--reporter', 'console', '--reporter', 'junit=out/x.xml', '--reporter', 'json'], fakeFleetOptions(t.dir, fleet))
    expect(r.code).to.equal(1)
    const stdout = r.stdout.trim().split('\n')
    const table = stdout.filter((l) => !l.startsWith('{'))
    expect(table.find((l) => / app-2 /.test(l))).to.match(/ failed!$/)
    expect(table.find((l) => / web-1 /.test(l))).to.match(/ skipped \(app-2 failed\)$/)
    expect(table.at(-1)).to.match(/^2 started, 1 failed, 1 skipped in /)

    const {validate} = compileSchema('schema/events.schema.json')
    const events = stdout.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as {event: string; container?: {name: string}; error?: {message: string}})
    for (const e of events) expect(validate(e), JSON.stringify(validate.errors)).to.equal(true)
    expect(events[0]!.event).to.equal('config:loaded')
    expect(events.filter((e) => e.event.startsWith('play:')).map((e) => e.event)).to.deep.equal(['play:start', 'play:end'])
    expect(events.filter((e) => e.event === 'task:fail').map((e) => [e.container?.name, e.error?.message])).to.deep.equal([['app-2', 'app-2: create failed: disk full']])
    expect(events.filter((e) => e.event === 'task:skip').map((e) => e.container?.name)).to.deep.equal(['web-1'])

    const xml = readFileSync(join(t.dir, 'out/x.xml'), 'utf8')
    expect(xmllintJunit(xml).ok, xmllintJunit(xml).output).to.equal(true)
    type Case = {name: string; failure?: Array<{message: string; type: string}>; skipped?: unknown}
    const suite = (parseJunit(xml) as {testsuites: {testsuite: Array<{name: string; failures: string; testcase: Case[]}>}}).testsuites.testsuite[0]!
    expect(suite.name).to.equal('start shop')
    const byName = Object.fromEntries(suite.testcase.map((c) => [c.name, c]))
    expect(Object.keys(byName).sort()).to.deep.equal(['start app-1', 'start app-2', 'start db-1', 'start web-1'])
    expect(byName['start app-2']!.failure![0]!.message).to.match(/disk full/)
    expect(byName['start db-1']!.failure).to.equal(undefined)
    expect(byName['start web-1']!.skipped).to.deep.equal({message: 'not attempted: app-2 failed'})
  })
})

/** Port 1 on loopback: nothing listens there, so the ship refuses at once. */
const UNREACHABLE = `name: shop
ships:
  ship1: {ip: 127.0.0.1, docker_port: 1, timeout: 2}
services:
  web:
    image: nginx
    instances:
      web-1: {ship: ship1}
`

describe('CI reporters when the command fails before its play (built binary)', function () {
  this.timeout(30_000)
  let t: {dir: string; cleanup: () => void}
  before(() => (t = tempProject({'maestro.yaml': UNREACHABLE})))
  after(() => t.cleanup())

  it('start against an unreachable ship: a JUnit <error> case, a located ::error line, a play:error JSON line, exit 3', async () => {
    const r = await maestro(['start', '--reporter', 'junit=out/x.xml', '--reporter', 'github', '--reporter', 'json=out/events.jsonl'], {cwd: t.dir, env: {GITHUB_WORKSPACE: t.dir}})
    expect(r.code, r.stderr).to.equal(3)
    expect(r.stderr).to.match(/^ERROR: .*ship1.*unreachable/m)
    const errors = r.stdout.trim().split('\n').filter((l) => l.startsWith('::error '))
    expect(errors).to.have.length(1)
    expect(errors[0]).to.match(/^::error file=maestro\.yaml,line=3,col=\d+,title=Maestro::start failed: .*ship1.*unreachable/)

    const xml = readFileSync(join(t.dir, 'out/x.xml'), 'utf8')
    expect(xmllintJunit(xml).ok, xmllintJunit(xml).output).to.equal(true)
    type Suites = {testsuites: {$?: unknown; testsuite: Array<{name: string; errors: string; testcase: Array<{error?: Array<{type: string; message: string}>}>}>}}
    const suites = (parseJunit(xml) as Suites).testsuites.testsuite
    expect(suites.map((s) => s.name)).to.deep.equal(['start shop'])
    expect(suites[0]!.testcase[0]!.error![0]!.type).to.equal('MAESTRO_SHIP_UNREACHABLE')
    expect(xml).to.match(/<testsuites [^>]*tests="1"[^>]*errors="1"/)

    const {validate} = compileSchema('schema/events.schema.json')
    const lines = readFileSync(join(t.dir, 'out/events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as {event: string; command?: string; error?: {code: string}})
    for (const l of lines) expect(validate(l), JSON.stringify(validate.errors)).to.equal(true)
    const failure = lines.filter((l) => l.event === 'play:error')
    expect(failure.map((l) => [l.command, l.error?.code])).to.deep.equal([['start', 'MAESTRO_SHIP_UNREACHABLE']])
  })
})
