import {expect} from 'chai'
import {maestro, tempProject} from '../helpers/cli.js'

const YAML = `name: t
ships:
  s1: {ip: 127.0.0.1, docker_port: 1, timeout: 1}
services:
  web:
    image: nginx
    instances:
      web-1: {ship: s1}
`

describe('maestro logs (usage)', () => {
  let project: ReturnType<typeof tempProject>
  before(() => (project = tempProject({'maestro.yaml': YAML})))
  after(() => project.cleanup())

  it('needs at least one thing (exit 2; upstream crashes)', async () => {
    const r = await maestro(['logs'], {cwd: project.dir})
    expect(r.code).to.equal(2)
    expect(r.stderr).to.equal('ERROR: logs needs at least one service or container\n')
  })

  it('refuses an unknown name with a suggestion (exit 2)', async () => {
    const r = await maestro(['logs', 'wbe'], {cwd: project.dir})
    expect(r.code).to.equal(2)
    expect(r.stderr).to.equal('ERROR: wbe is neither a service nor a container! (did you mean web?)\n')
  })

  it('refuses a --since it cannot read (exit 2)', async () => {
    const r = await maestro(['logs', '--since', 'yesterday', 'web'], {cwd: project.dir})
    expect(r.code).to.equal(2)
    expect(r.stderr).to.match(/^ERROR: --since "yesterday" is not a duration/)
  })

  it('exits 3 with host down when the only ship cannot be reached', async () => {
    const r = await maestro(['logs', 'web'], {cwd: project.dir})
    expect(r.code).to.equal(3)
    expect(r.stderr).to.match(/^web-1 \| host down\nERROR: ship s1 \(tcp:\/\/127\.0\.0\.1:1\) is unreachable: .+\n$/)
  })
})
