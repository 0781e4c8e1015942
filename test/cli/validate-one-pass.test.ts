import {expect} from 'chai'
import {maestro, tempProject} from '../helpers/cli.js'

const FILE = `name: one-pass
ships:
  vm1: {ip: 127.0.0.1, docker_port: 1}
services:
  zk:
    image: zookeeper:3.9
    lifecycle:
      running:
        - {type: tcp}
        - {type: telepathy}
    instances: {zk-1: {ship: vm1}}
audit:
  - {type: carrier-pigeon}
  - {type: http, method: PUT}
  - {type: log, file: audit.log}
`

describe('validate: one pass over plugin-provided types (built binary)', function () {
  this.timeout(60_000)
  let t: {dir: string; cleanup: () => void}
  before(() => (t = tempProject({'maestro.yaml': FILE})))
  after(() => t.cleanup())

  it('lists bad checks, an unknown audit type and a bad notifier spec in one run, each at file:line:col, exit 2', async () => {
    const r = await maestro(['validate'], {cwd: t.dir})
    expect(r.code).to.equal(2)
    const lines = r.stderr.split('\n').filter((l) => l.includes('maestro.yaml:')).map((l) => l.replace(/^.*maestro\.yaml:/, ''))
    expect(lines).to.deep.equal([
      '9:11: services.zk: lifecycle.running[0] (tcp): missing required key "port"',
      `10:18: services.zk: unknown lifecycle check type 'telepathy' (known: tcp, http, exec, rexec, sleep)`,
      `13:12: unknown audit type 'carrier-pigeon' (available: log, http, exec, slack)`,
      '14:5: audit http: "endpoint" is required',
      '14:5: audit http: method must be GET or POST, not PUT',
    ])
  })
})
