import {expect} from 'chai'
import {chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import type {Server} from 'node:http'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {maestro} from '../helpers/cli.js'
import {startListener, type Received} from '../plugins/notifiers/listener.js'
import type {FleetConfig} from './fake-fleet-plugin.js'
import {SHOP, SHOP_IMAGES} from '../helpers/fixtures.js'
import {fakeFleetOptions, linkFakeFleet} from '../helpers/fake-fleet-cli.js'


/** Every built-in audit notifier delivering from real plays of the built binary (fake fleet, local listeners). */
describe('audit notifiers from CLI plays (built binary)', function () {
  this.timeout(60_000)
  let dir: string
  const servers: Server[] = []
  const cli = (args: string[], fleet: Omit<FleetConfig, 'ships'> = {images: SHOP_IMAGES}) => maestro(args, fakeFleetOptions(dir, {ships: ['a', 'b'], ...fleet}))
  const listener = async (status = 200) => {
    const l = await startListener(status)
    servers.push(l.server)
    return l
  }
  const bodies = (received: Received[]) => received.map((r) => JSON.parse(r.body) as Record<string, unknown>)

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'maestro-audit-'))
    linkFakeFleet(dir)
    writeFileSync(join(dir, 'notify.sh'), `#!/bin/sh\necho "$@" >> ${dir}/exec-args\ncat >> ${dir}/exec-stdin\n`)
    chmodSync(join(dir, 'notify.sh'), 0o755)
  })
  after(() => {
    for (const s of servers) s.close()
    rmSync(dir, {recursive: true, force: true})
  })

  it('log, http, exec and slack all deliver a start; level debug adds the task lines; status is not audited', async () => {
    const http = await listener()
    const slack = await listener()
    writeFileSync(join(dir, 'all.yaml'), `${SHOP}audit:
  - {type: log, file: ${join(dir, 'audit.log')}, level: debug}
  - type: http
    endpoint: ${http.url}/hook
    method: POST
    headers: {X-Token: abc}
    payload: {text: '{who} {action} {what}', detail: {message: '{message}'}}
  - {type: exec, script: ${join(dir, 'notify.sh')}, args: '{action} {what}'}
  - {type: slack, webhook: '${slack.url}/services/T/B/X', channel: '#ops'}
`)
    const r = await cli(['-f', 'all.yaml', 'start'])
    expect(r.code, r.stderr).to.equal(0)
    const log = readFileSync(join(dir, 'audit.log'), 'utf8').trim().split('\n')
    expect(log[0]).to.match(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO: \S+ is starting db-1, app-1, app-2\.$/)
    expect(log.at(-1)).to.match(/ INFO: Start of db-1, app-1, app-2 succeeded\.$/)
    expect(log.filter((l) => / DEBUG: /.test(l)).length).to.be.at.least(6)
    expect(log).to.satisfy((ls: string[]) => ls.some((l) => / DEBUG: Start of app-2 succeeded\.$/.test(l)))

    expect(http.received.map((q) => [q.method, q.url, q.headers['x-token'], q.headers['content-type']])).to.deep.equal([['POST', '/hook', 'abc', 'application/json']])
    const [posted] = bodies(http.received) as [{text: string; detail: {message: string}}]
    expect(posted.text).to.match(/^\S+ start db-1, app-1, app-2$/)
    expect(posted.detail.message).to.match(/^\S+ is starting db-1, app-1, app-2\.$/)

    expect(readFileSync(join(dir, 'exec-args'), 'utf8')).to.equal('start db-1, app-1, app-2\n')
    expect(JSON.parse(readFileSync(join(dir, 'exec-stdin'), 'utf8'))).to.deep.equal({
      'db-1': {ship: '127.0.0.11', service: 'db'}, 'app-1': {ship: '127.0.0.11', service: 'app'}, 'app-2': {ship: '127.0.0.12', service: 'app'},
    })

    const texts = bodies(slack.received).map((b) => (b.attachments as {text: string}[])[0]!.text)
    expect(texts[0]).to.match(/is starting db-1, app-1, app-2\.$/)
    expect(texts.at(-1)).to.equal('Start of db-1, app-1, app-2 succeeded.')
    expect(bodies(slack.received)[0]).to.include({channel: '#ops'})

    const before = [http.received.length, slack.received.length, readFileSync(join(dir, 'audit.log'), 'utf8')]
    expect((await cli(['-f', 'all.yaml', 'status'])).code).to.equal(0)
    expect([http.received.length, slack.received.length, readFileSync(join(dir, 'audit.log'), 'utf8')]).to.deep.equal(before)
  })

  it('a failed play is delivered as an error at level info; exec only runs on success', async () => {
    const http = await listener()
    rmSync(join(dir, 'exec-args'), {force: true})
    writeFileSync(join(dir, 'fail.yaml'), `${SHOP}audit:
  - {type: log, file: ${join(dir, 'fail.log')}}
  - {type: http, endpoint: '${http.url}'}
  - {type: exec, script: ${join(dir, 'notify.sh')}}
`)
    const r = await cli(['-f', 'fail.yaml', 'start'], {images: SHOP_IMAGES, fail: {call: 'createContainer', arg: 'app-2', message: 'disk full'}})
    expect(r.code).to.equal(1)
    const log = readFileSync(join(dir, 'fail.log'), 'utf8').trim().split('\n')
    expect(log.some((l) => / DEBUG: /.test(l))).to.equal(false)
    expect(log.at(-1)).to.match(/ ERROR: Failed to start db-1, app-1, app-2! \(message: .*disk full.*\)$/)
    expect(http.received).to.have.length(1)
    expect(existsSync(join(dir, 'exec-args'))).to.equal(false)
  })

  it('a delivery failure fails the command (exit 1, one ERROR line naming the host, not the URL) unless ignore_errors, which only warns', async () => {
    const broken = await listener(500)
    writeFileSync(join(dir, 'strict.yaml'), `${SHOP}audit:\n  - {type: http, endpoint: '${broken.url}/strict'}\n`)
    const strict = await cli(['-f', 'strict.yaml', 'start'])
    expect(strict.code).to.equal(1)
    expect(strict.stdout.trim().split('\n').at(-1)).to.match(/^3 started, 0 failed in /)
    expect(strict.stderr.trim().split('\n'), strict.stderr).to.have.length(1)
    expect(strict.stderr.trim()).to.match(/^ERROR: audit http: .* 127\.0\.0\.1:\d+ answered HTTP 500$/).and.not.include('/strict')
    writeFileSync(join(dir, 'lenient.yaml'), `${SHOP}audit:\n  - {type: http, endpoint: '${broken.url}/lenient', ignore_errors: true}\n`)
    const lenient = await cli(['-f', 'lenient.yaml', 'start'])
    expect(lenient.code, lenient.stderr).to.equal(0)
    expect(lenient.stderr.trim().split('\n')).to.have.length(1).and.satisfy((ls: string[]) => /^warning: audit:http: .* 127\.0\.0\.1:\d+ answered HTTP 500$/.test(ls[0]!))
    expect(broken.received.map((q) => q.url)).to.deep.equal(['/strict', '/lenient'])
  })
})
