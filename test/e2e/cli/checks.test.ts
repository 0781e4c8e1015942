import {expect} from 'chai'
import {execFile} from 'node:child_process'
import {readFileSync, rmSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {promisify} from 'node:util'
import {useLab, writeLabEnvironment, type Lab} from '../../helpers/lab.js'
import {maestro, type CliResult} from '../../helpers/cli.js'

const run = promisify(execFile)
const HC_IMAGE = 'lab/healthcheck:e2e'
const rows = (r: CliResult) => r.stdout.split('\n').filter((l) => /^\s+\d+ {2}\S/.test(l))
const rowOf = (r: CliResult, name: string) => rows(r).find((l) => l.trim().split(/\s+/)[1] === name) ?? ''

/**
 * Lifecycle checks as `maestro start` / `maestro stop` run them on the lab (engine + check plugins + console
 * reporter), every type passing and failing, each container on ship3.
 */
describe('@e2e lifecycle checks through the CLI on the lab', function () {
  this.timeout(120_000)
  let lab: Lab
  let file: string
  const cli = (...args: string[]) => maestro(['-f', file, ...args])
  const docker = (...args: string[]) => run('docker', ['-H', `unix://${lab.ships[2]!.socket}`, ...args])
  const json = (name: string) => `json=${join(dirname(file), name)}`
  const events = (name: string) => readFileSync(join(dirname(file), name), 'utf8').trim().split('\n')
    .map((l) => JSON.parse(l) as {event: string; container?: {name: string}; state?: string; check?: {type: string}; error?: string})
    .filter((e) => e.event.startsWith('check:'))
    .map((e) => `${e.event} ${e.container?.name} ${e.state} ${e.check?.type}${e.error ? `: ${e.error}` : ''}`)

  before(async function () {
    lab = await useLab({ships: 3, context: this})
    // an image with a Docker HEALTHCHECK, built offline: healthy once /tmp/ready exists
    await docker('rm', '-f', 'hc-e2e-src').catch(() => undefined)
    await docker('create', '--name', 'hc-e2e-src', lab.image, 'true')
    await run('sh', ['-c', `docker -H unix://${lab.ships[2]!.socket} export hc-e2e-src | docker -H unix://${lab.ships[2]!.socket} import ` +
      `-c 'HEALTHCHECK --interval=1s --timeout=1s --retries=2 CMD test -e /tmp/ready' - ${HC_IMAGE}`])
    await docker('rm', 'hc-e2e-src')
    const i = (name: string, yaml: string) => `      ${name}: {ship: ship3, stop_timeout: 1, ${yaml.startsWith('command:') ? '' : 'command: sleep 3600, '}${yaml}}`
    file = writeLabEnvironment(lab, `services:
  web:
    image: ${lab.image}
    instances:
${i('web-1', `command: "sh -c 'echo hello from maestro > /www/index.html && exec httpd -f -p 8080 -h /www'", ports: {http: '8080:28180'},
        lifecycle: {running: [{type: http, port: http, match_regex: 'hello from \\w+'}, {type: tcp, port: http}]}`)}
${i('web-404', `command: httpd -f -p 8080 -h /www, ports: {http: '8080:28181'}, lifecycle: {running: [{type: http, port: http, path: /nope, max_wait: 2}]}`)}
${i('silent-1', `command: sleep 3600, ports: {web: '80:28182'}, lifecycle: {running: [{type: tcp, port: web, max_wait: 2}]}`)}
  cmds:
    image: ${lab.image}
    lifecycle:
      running: [{type: rexec, command: 'test -d /tmp', attempts: 3}]
    instances:
${i('cmds-1', `lifecycle: {pre-start: [{type: exec, command: 'true'}], running: [{type: exec, command: 'sh -c "test \\"$MAESTRO_ENVIRONMENT_NAME\\" = checks"', attempts: 2}, {type: sleep, wait: 1}], pre-stop: [{type: rexec, command: 'true'}], stopped: [{type: exec, command: 'true'}]}`)}
${i('cmds-2', 'env: {}')}
${i('exec-bad', `lifecycle: {running: [{type: exec, command: 'false', attempts: 2}]}`)}
${i('rexec-bad', `lifecycle: {running: [{type: rexec, command: 'test -e /nothing', attempts: 2}]}`)}
${i('prestart-bad', `lifecycle: {pre-start: [{type: exec, command: 'false', attempts: 1}]}`)}
${i('prestop-bad', `lifecycle: {pre-stop: [{type: rexec, command: 'false', attempts: 1}]}`)}
${i('stopped-bad', `lifecycle: {stopped: [{type: exec, command: 'false', attempts: 1}]}`)}
${i('dies-1', `command: "sh -c 'sleep 2; exit 3'", lifecycle: {running: [{type: exec, command: 'false', attempts: 100}]}`)}
  health:
    image: ${HC_IMAGE}
    instances:
${i('healthy-1', `command: "sh -c 'touch /tmp/ready; exec sleep 3600'"`)}
${i('unhealthy-1', 'command: sleep 3600')}
`, {name: 'checks'})
  })

  after(async () => {
    if (!file) return
    await cli('kill', '-a')
    await cli('clean')
    await docker('rmi', '-f', HC_IMAGE).catch(() => undefined)
    rmSync(dirname(file), {recursive: true, force: true})
  })

  it('passes http (body matched) and tcp against a server in the container', async () => {
    const r = await cli('start', 'web-1', '--reporter', 'console', '--reporter', json(`web.jsonl`))
    expect(r.code, r.stdout + r.stderr).to.equal(0)
    expect(rowOf(r, 'web-1')).to.match(/ started$/)
    expect(events('web.jsonl').sort()).to.deep.equal([
      'check:pass web-1 running http', 'check:pass web-1 running tcp', 'check:start web-1 running http', 'check:start web-1 running tcp',
    ])
  })

  it('passes exec (with the container env), rexec, sleep, and pre-start/pre-stop/stopped checks, service and instance lists combined', async () => {
    const r = await cli('start', 'cmds-1', '--reporter', 'console', '--reporter', json(`cmds.jsonl`))
    expect(r.code, r.stdout + r.stderr).to.equal(0)
    expect(rowOf(r, 'cmds-1')).to.match(/ started$/)
    const stop = await cli('stop', 'cmds-1', '--reporter', 'console', '--reporter', json(`cmds-stop.jsonl`))
    expect(stop.code, stop.stdout + stop.stderr).to.equal(0)
    expect(rowOf(stop, 'cmds-1')).to.match(/ stopped$/)
    expect([...events('cmds.jsonl'), ...events('cmds-stop.jsonl')].filter((l) => l.startsWith('check:pass')).sort()).to.deep.equal([
      'check:pass cmds-1 pre-start exec', 'check:pass cmds-1 pre-stop rexec', 'check:pass cmds-1 running exec',
      'check:pass cmds-1 running rexec', 'check:pass cmds-1 running sleep', 'check:pass cmds-1 stopped exec',
    ])
  })

  it("does not leak one instance's checks into another instance of the service", async () => {
    const r = await cli('start', 'cmds-2', '--reporter', 'console', '--reporter', json(`cmds2.jsonl`))
    expect(r.code, r.stdout + r.stderr).to.equal(0)
    expect(events('cmds2.jsonl')).to.deep.equal(['check:start cmds-2 running rexec', 'check:pass cmds-2 running rexec'])
  })

  for (const [name, why] of [
    ['web-404', /running check http failed: .*404/],
    ['silent-1', /running check tcp failed: /],
    ['exec-bad', /running check exec failed: /],
    ['rexec-bad', /running check rexec failed: .*exit/],
  ] as const) {
    it(`fails the start of ${name}: "container did not start!", the reason printed, exit 1`, async () => {
      const r = await cli('start', name)
      expect(r.code).to.equal(1)
      expect(rowOf(r, name)).to.match(/ container did not start!$/)
      expect(r.stdout).to.match(new RegExp(`^${name}: ${why.source}`, 'm'))
      expect(r.stdout).to.match(new RegExp(`^${name}: ${why.source}.*; stopped it \\(--keep-failed keeps it running\\)$`, 'm'))
      // said once: the ERROR line only names it
      expect(r.stderr.trim().split('\n').at(-1)).to.equal(`ERROR: start failed for 1 container: ${name} (reason above)`)
      // it never became ready, so it is not left looking healthy
      expect((await docker('inspect', '-f', '{{.State.Running}}', name)).stdout.trim()).to.equal('false')
    })
  }

  it('shows each check attempt as progress on a terminal', async () => {
    await cli('kill', 'rexec-bad')
    await cli('clean', 'rexec-bad')
    const r = await cli('start', 'rexec-bad', '--progress', 'tty')
    expect(r.code).to.equal(1)
    expect(r.stdout).to.contain('running check rexec (attempt 1)...').and.contain('running check rexec (attempt 2)...')
  })

  it('fails a pre-start check before creating the container; pre-stop and stopped checks fail the stop', async () => {
    const pre = await cli('start', 'prestart-bad')
    expect(pre.code).to.equal(1)
    expect(pre.stdout).to.match(/^prestart-bad: pre-start check exec failed: /m)
    expect(await docker('inspect', 'prestart-bad').then(() => 'exists', () => 'absent')).to.equal('absent')
    expect((await cli('start', 'prestop-bad')).code).to.equal(0)
    const stop = await cli('stop', 'prestop-bad')
    expect(stop.code).to.equal(1)
    expect(rowOf(stop, 'prestop-bad')).to.match(/ failed: prestop-bad: pre-stop check rexec failed: /)
    expect((await cli('start', 'stopped-bad')).code).to.equal(0)
    const stopped = await cli('stop', 'stopped-bad')
    expect(stopped.code).to.equal(1)
    expect(rowOf(stopped, 'stopped-bad')).to.match(/ failed: stopped-bad: stopped check exec failed: /)
    const {stdout} = await docker('inspect', '-f', '{{.State.Running}}', 'stopped-bad')
    expect(stdout.trim(), 'stopped all the same').to.equal('false')
  })

  it('watches the container while running checks wait: it exiting fails the start at once', async () => {
    const t0 = Date.now()
    const r = await cli('start', 'dies-1')
    expect(r.code).to.equal(1)
    expect(Date.now() - t0).to.be.below(15_000) // the exec check alone would take 100 attempts
    expect(rowOf(r, 'dies-1')).to.match(/ container did not start!$/)
    expect(r.stdout, r.stdout).to.match(/^dies-1: container stopped \(exit code 3\) while waiting for running checks; stopped it \(--keep-failed keeps it running\)/m)
  })

  it('awaits an image HEALTHCHECK: healthy starts, unhealthy fails with the reason', async () => {
    const good = await cli('start', 'healthy-1', '--reporter', 'console', '--reporter', json(`health.jsonl`))
    expect(good.code, good.stdout + good.stderr).to.equal(0)
    expect(events('health.jsonl')).to.deep.equal(['check:start healthy-1 running docker-healthcheck', 'check:pass healthy-1 running docker-healthcheck'])
    const {stdout} = await docker('inspect', '-f', '{{.State.Health.Status}}', 'healthy-1')
    expect(stdout.trim()).to.equal('healthy')
    const bad = await cli('start', 'unhealthy-1')
    expect(bad.code).to.equal(1)
    expect(rowOf(bad, 'unhealthy-1')).to.match(/ container did not start!$/)
    expect(bad.stdout).to.match(/^unhealthy-1: running check docker-healthcheck failed: Docker reports the container unhealthy; stopped it \(--keep-failed keeps it running\)/m)
  })
})
