import {expect} from 'chai'
import {execFile} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {createChecks, DEFAULT_TIMING} from '../../plugins/checks/index.js'
import type {CheckSpec, DockerClient, LifecycleCheck} from '../../src/api/index.js'
import {useLab, type Lab, type LabShip} from '../helpers/lab.js'
import {checkContext, shipAt, tcpPort} from '../plugins/checks/fixture.js'
import {labClient} from './lab-client.js'

const run = promisify(execFile)
const CHILD = fileURLToPath(new URL('./fixtures/tcp-check-child.js', import.meta.url))
const HTTPD_PORT = 28080
const SILENT_PORT = 28081
const NC_PORT = 28082

/** Real checks with upstream timing except a shorter spacing, so failing cases end quickly. */
const checks = new Map<string, LifecycleCheck>(createChecks({...DEFAULT_TIMING, intervalMs: 300}).map((c) => [c.type, c]))

describe('lifecycle checks @e2e', function () {
  this.timeout(60_000)
  let lab: Lab
  let ship: LabShip
  let docker: DockerClient
  const ids: Record<string, string> = {}

  async function runContainer(name: string, port: number, cmd: string[]): Promise<void> {
    const old = await docker.inspectContainer(name)
    if (old) await docker.removeContainer(old.Id, {force: true, volumes: true})
    const {Id} = await docker.createContainer(name, {
      Image: lab.image, Cmd: cmd, ExposedPorts: {'80/tcp': {}},
      HostConfig: {PortBindings: {'80/tcp': [{HostIp: '', HostPort: String(port)}]}},
    })
    await docker.startContainer(Id)
    ids[name] = Id
  }

  before(async function () {
    lab = await useLab({ships: 1, context: this})
    ship = lab.ships[0] as LabShip
    docker = labClient(lab, ship)
    await runContainer('ops-httpd', HTTPD_PORT, ['sh', '-c', 'echo "hello from maestro" > /www/index.html && exec httpd -f -p 80 -h /www'])
    await runContainer('ops-silent', SILENT_PORT, ['sleep', '600'])
    await runContainer('ops-nc', NC_PORT, ['nc', '-ll', '-p', '80', '-e', 'cat'])
  })

  after(async () => {
    for (const id of Object.values(ids)) await docker.removeContainer(id, {force: true, volumes: true}).catch(() => undefined)
    await docker?.close()
  })

  const context = (name: string, port: number, extra: {containerEnv?: Record<string, string | null>; attempts?: number[]} = {}) =>
    checkContext({ship: shipAt(ship.ip, ship.name), ports: [tcpPort('web', port)], docker, containerId: ids[name], ...extra})
  const check = (spec: CheckSpec, name: string, port: number, extra = {}): Promise<void> =>
    (checks.get(spec.type) as LifecycleCheck).run(spec, context(name, port, extra))
  const failure = (p: Promise<void>): Promise<Error> => p.then(() => expect.fail('the check passed'), (e: Error) => e)

  describe('http', () => {
    it('passes against busybox httpd in a container, body matched', async () => {
      const attempts: number[] = []
      await check({type: 'http', port: 'web', path: '/index.html', match_regex: 'hello from .*', max_wait: 20}, 'ops-httpd', HTTPD_PORT, {attempts})
      expect(attempts.length).to.be.at.least(1)
    })

    it('fails on a 404 path once a short max_wait passes', async () => {
      const err = await failure(check({type: 'http', port: 'web', path: '/missing.html', max_wait: 1.5}, 'ops-httpd', HTTPD_PORT))
      expect(err.message).to.equal(`http check: http://${ship.ip}:${HTTPD_PORT}/missing.html of web-1 not ready within 1.5 s: HTTP 404`)
    })
  })

  describe('tcp', () => {
    const inShip = async (port: number, maxWait: number): Promise<{plainConnect: boolean; passed: boolean; error?: string}> => {
      const {stdout} = await run('nsenter', [`--net=/run/netns/${ship.netns}`, process.execPath, CHILD, '127.0.0.1', String(port), String(maxWait)], {timeout: 30_000})
      return JSON.parse(stdout) as {plainConnect: boolean; passed: boolean; error?: string}
    }

    it('fails on a published port nobody listens on, although docker-proxy accepts the connection (#53)', async () => {
      const r = await inShip(SILENT_PORT, 3)
      expect(r.plainConnect, 'docker-proxy accepts a plain connect (what upstream counted as ready)').to.equal(true)
      expect(r.passed).to.equal(false)
      expect(r.error).to.match(/not ready after 3 attempt\(s\): connection closed right after connecting/)
    })

    it('passes through docker-proxy when nc listens in the container', async () => {
      expect(await inShip(NC_PORT, 5)).to.deep.include({plainConnect: true, passed: true})
    })

    it('fails from the Maestro host on the ship ip when nobody listens, and passes when nc does', async () => {
      const err = await failure(check({type: 'tcp', port: 'web', max_wait: 2}, 'ops-silent', SILENT_PORT))
      expect(err.message).to.match(new RegExp(`^tcp check: port web \\(${ship.ip.replace(/\./g, '\\.')}:${SILENT_PORT}\\) of web-1 not ready after 2 attempt`))
      await check({type: 'tcp', port: 'web', max_wait: 10}, 'ops-nc', NC_PORT)
    })
  })

  describe('rexec', () => {
    it('passes when the command succeeds inside the container', async () => {
      await check({type: 'rexec', command: 'grep -q "hello from maestro" /www/index.html', attempts: 5}, 'ops-httpd', HTTPD_PORT)
    })

    it('fails with the exit status when it does not', async () => {
      const err = await failure(check({type: 'rexec', command: 'test -f /www/nope.html', attempts: 2}, 'ops-httpd', HTTPD_PORT))
      expect(err.message).to.equal('rexec check: `test -f /www/nope.html` in web-1 failed after 2 attempt(s): exit status 1')
    })
  })

  describe('exec', () => {
    const env = (): Record<string, string> => ({WEB_URL: `http://${ship.ip}:${HTTPD_PORT}`})

    it('passes when the host command, given the container env, reaches the container', async () => {
      await check({type: 'exec', command: `sh -c 'busybox wget -q -O /dev/null "$WEB_URL/index.html"'`, attempts: 5}, 'ops-httpd', HTTPD_PORT, {containerEnv: env()})
    })

    it('fails after its attempts when the command fails', async () => {
      const err = await failure(check({type: 'exec', command: `sh -c 'busybox wget -q -O /dev/null "$WEB_URL/missing.html"'`, attempts: 2}, 'ops-httpd', HTTPD_PORT, {containerEnv: env()}))
      expect(err.message).to.match(/^exec check: .* for web-1 failed after 2 attempt\(s\): exit status 1/)
      expect(err.message).to.match(/404/)
    })
  })
})
