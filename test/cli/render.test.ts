import {expect} from 'chai'
import {parse} from 'yaml'
import {maestro, tempProject} from '../helpers/cli.js'

const FILE = `name: t
ships:
  a: {ip: 127.0.0.1}
defaults: &defaults {LOG: info}
services:
  web:
    image: busybox:{{ env.WEB_TAG }}
    sensitive_env: [MARKED]
    env: {DB_PASSWORD: hunter22, MARKED: plain-looking, OK: fine, FROM_ENV: "{{ env.WEB_SECRET }}"}
    instances:
      web-1: {ship: a, env: {API_TOKEN: abc123, <<: *defaults}}
`

describe('maestro render (built binary)', function () {
  this.timeout(60_000)
  const env = {WEB_TAG: 'dev', WEB_SECRET: 's3cr3t-value'}
  let project: ReturnType<typeof tempProject>
  before(() => (project = tempProject({'maestro.yaml': FILE})))
  after(() => project.cleanup())

  it('prints the file after templating as YAML, with anchors and merge keys resolved and secrets masked', async () => {
    const r = await maestro(['render'], {cwd: project.dir, env})
    expect(r.code, r.stderr).to.equal(0)
    const data = parse(r.stdout) as {services: {web: {image: string; env: Record<string, string>; instances: {'web-1': {env: Record<string, string>}}}}}
    expect(data.services.web.image).to.equal('busybox:dev')
    expect(data.services.web.env).to.deep.equal({DB_PASSWORD: '********', MARKED: '********', OK: 'fine', FROM_ENV: '********'})
    expect(data.services.web.instances['web-1'].env).to.deep.equal({API_TOKEN: '********', LOG: 'info'})
    for (const secret of ['hunter22', 'plain-looking', 'abc123', 's3cr3t-value']) expect(r.stdout + r.stderr).not.to.contain(secret)
  })

  it('shows the secrets with --show-secrets', async () => {
    const r = await maestro(['render', '--show-secrets'], {cwd: project.dir, env})
    expect(r.code, r.stderr).to.equal(0)
    const data = parse(r.stdout) as {services: {web: {env: Record<string, string>}}}
    expect(data.services.web.env).to.deep.equal({DB_PASSWORD: 'hunter22', MARKED: 'plain-looking', OK: 'fine', FROM_ENV: 's3cr3t-value'})
  })

  it('refuses a bad file with the usual one-line error and exit 2', async () => {
    const bad = tempProject({'maestro.yaml': 'name: t\nships: [\n'})
    try {
      const r = await maestro(['render'], {cwd: bad.dir})
      expect(r.code).to.equal(2)
      expect(r.stderr).to.match(/maestro\.yaml:\d+:\d+/)
      expect(r.stdout).to.equal('')
    } finally {
      bad.cleanup()
    }
  })
})
