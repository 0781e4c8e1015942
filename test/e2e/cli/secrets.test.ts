import {expect} from 'chai'
import {execFile} from 'node:child_process'
import {readFileSync, rmSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {promisify} from 'node:util'
import {useLab, writeLabEnvironment, type Lab} from '../../helpers/lab.js'
import {maestro, type CliResult} from '../../helpers/cli.js'

const run = promisify(execFile)
const FIRST = 'first-Secret-4711'
const SECOND = 'second-Secret-0815'

describe('@e2e secrets set through the process environment never leave the container (built binary, lab)', function () {
  this.timeout(180_000)
  let lab: Lab
  let file: string
  const p = `sec${process.pid}`
  const cli = (password: string, workers: string, ...args: string[]) =>
    maestro(['-f', file, ...args], {cwd: dirname(file), env: {DB_PASSWORD: password, WORKERS: workers}})
  const docker = (...args: string[]) => run('docker', ['-H', `unix://${lab.ships[0]!.socket}`, ...args])
  const clean = (r: CliResult, ...secrets: string[]) => {
    for (const s of secrets) expect(r.stdout + r.stderr, `leaked ${s}`).to.not.contain(s)
  }

  before(async function () {
    lab = await useLab({ships: 1, context: this})
    file = writeLabEnvironment(lab, `services:
  ${p}-app:
    image: ${lab.image}
    env:
      DB_PASSWORD: "{{ env.DB_PASSWORD }}"
      DSN: "pg://app:{{ env.DB_PASSWORD }}@db/app"
      WORKERS: "{{ env.WORKERS }}"
    instances: {${p}-app-1: {ship: ship1, command: sleep 3600, stop_timeout: 1}}
`, {ships: 1, name: p})
  })

  after(async () => {
    await cli(FIRST, '4', 'kill', '-a')
    await cli(FIRST, '4', 'clean')
    rmSync(dirname(file), {recursive: true, force: true})
  })

  it('start puts the secret in the container env, never in its labels', async () => {
    const r = await cli(FIRST, '4', 'start')
    expect(r.code, r.stderr).to.equal(0)
    clean(r, FIRST)
    const {stdout: env} = await docker('inspect', '-f', '{{json .Config.Env}}', `${p}-app-1`)
    expect(env).to.contain(`DB_PASSWORD=${FIRST}`)
    const {stdout: labels} = await docker('inspect', '-f', '{{json .Config.Labels}}', `${p}-app-1`)
    expect(labels).to.not.contain(FIRST)
    expect(labels).to.contain('"io.maestro.config-version":"3"')
    expect(labels).to.match(/"io\.maestro\.config-salt":"[0-9a-f]{32}"/)
    const up = await cli(FIRST, '4', 'plan')
    expect(up.code, up.stderr).to.equal(0)
  })

  it('plan says that the secret changed, never either value; plain values are shown, the old one read from the container', async () => {
    const r = await cli(SECOND, '8', 'plan', '--detailed-exitcode')
    expect(r.code, r.stderr).to.equal(4)
    clean(r, FIRST, SECOND)
    expect(r.stdout).to.contain('env.DB_PASSWORD: (sensitive value changed)')
    expect(r.stdout).to.contain('env.DSN: (sensitive value changed)')
    expect(r.stdout).to.contain('env.WORKERS: 4 -> 8')
    const json = await cli(SECOND, '8', 'plan', '--json')
    clean(json, FIRST, SECOND)
    expect(json.stdout).to.contain('env.DB_PASSWORD')
  })

  it('start --converge with the JSON, JUnit and GitHub reporters leaks neither value', async () => {
    const r = await cli(SECOND, '8', 'start', '--converge', '--reporter', 'json', '--reporter', 'github', '--reporter', 'junit=out/x.xml', '--debug')
    expect(r.code, r.stderr).to.equal(0)
    clean(r, FIRST, SECOND)
    expect(r.stdout).to.contain('env.DB_PASSWORD')
    const junit = readFileSync(join(dirname(file), 'out/x.xml'), 'utf8')
    expect(junit).to.not.contain(FIRST).and.not.contain(SECOND)
    const {stdout: labels} = await docker('inspect', '-f', '{{json .Config.Labels}}', `${p}-app-1`)
    expect(labels).to.not.contain(SECOND)
  })

  it('a validation error on a templated line quotes the template, not the secret', async () => {
    const bad = writeLabEnvironment(lab, `services:
  ${p}-app:
    image: ${lab.image}
    instances: {${p}-app-1: {ship: ship1, privileged: "{{ env.DB_PASSWORD }}"}}
`, {ships: 1, name: p})
    const r = await maestro(['-f', bad, 'validate'], {env: {DB_PASSWORD: FIRST}})
    rmSync(dirname(bad), {recursive: true, force: true})
    expect(r.code).to.equal(2)
    expect(r.stderr).to.match(/ERROR/)
    clean(r, FIRST)
  })
})
