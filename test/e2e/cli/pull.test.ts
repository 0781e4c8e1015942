import {expect} from 'chai'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {useLab, writeLabEnvironment, type Lab, type LabShip} from '../../helpers/lab.js'
import {maestro} from '../../helpers/cli.js'
import {dockerCli} from '../docker-cli.js'
import {labRegistrySh} from '../../helpers/lab-registry.js'

const USER = 'maestro'
const PASSWORD = 'cli-Pa55word'
const PORT = '5000'

/** `maestro pull` and pull-on-start through the built binary against the lab's authenticating registry. */
describe('@e2e maestro pull with registry logins (built binary)', function () {
  this.timeout(120_000)
  let lab: Lab
  let pusher: LabShip
  let puller: LabShip
  let registry: string
  let home: string
  const image = (): string => `${registry}/lab/cli-busybox:e2e`
  const registrySh = (...args: string[]) => labRegistrySh(lab, ...args)
  const absent = () => dockerCli(puller, ['rmi', '-f', image()]).catch(() => '')
  const present = async () => (await dockerCli(puller, ['image', 'ls', '-q', image()])).trim() !== ''
  const envFile = (registries: string, extra = '') => writeLabEnvironment(lab, `${registries}services:
  pulled:
    image: ${image()}
    instances:
      pulled-1: {ship: ship2, command: sleep 3600, stop_timeout: 1${extra}}
`, {ships: 2, name: 'cli-pull'})
  const cli = (file: string, args: string[], env: Record<string, string | undefined> = {}) => maestro(['-f', file, ...args], {env: {HOME: home, DOCKER_CONFIG: undefined, ...env}})
  const files: string[] = []
  const tracked = (f: string) => (files.push(f), f)

  before(async function () {
    lab = await useLab({ships: 2, context: this})
    pusher = lab.ships[0] as LabShip
    puller = lab.ships[1] as LabShip
    registry = `${lab.gateway}:${PORT}`
    await registrySh('down')
    await registrySh('up', USER, PASSWORD, PORT)
    home = mkdtempSync(join(tmpdir(), 'maestro-pull-home-'))
    const config = join(home, 'push-config')
    mkdirSync(config)
    await dockerCli(pusher, ['login', '-u', USER, '--password-stdin', registry], {input: PASSWORD, config})
    await dockerCli(pusher, ['tag', lab.image, image()])
    await dockerCli(pusher, ['push', image()], {config})
    await dockerCli(pusher, ['rmi', image()])
  })

  beforeEach(absent)

  after(async () => {
    for (const f of files) await maestro(['-f', f, 'kill', '-a']).then(() => maestro(['-f', f, 'clean']))
    for (const f of files) rmSync(dirname(f), {recursive: true, force: true})
    if (puller) await absent()
    if (home) rmSync(home, {recursive: true, force: true})
    if (lab) await registrySh('down')
  })

  it('pulls with the login of the registries: entry matched by host, showing per-image progress', async () => {
    const file = tracked(envFile(`registries:\n  lab-registry: {registry: 'http://${registry}/', username: ${USER}, password: ${PASSWORD}, retry: {attempts: 2, when: [503]}}\n`))
    const r = await cli(file, ['pull', '--progress', 'tty'])
    expect(r.code, r.stderr).to.equal(0)
    expect(r.stdout).to.contain('pulling...').and.match(/pulling image( \(\d+%\))?\.\.\./)
    expect(r.stdout).to.match(/pulled-1 +pulled +ship2 .* pulled/)
    expect(r.stdout.trim().split('\n').at(-1)).to.match(/^1 pulled, 0 failed in \d+\.\ds$/)
    expect(await present()).to.equal(true)
  })

  it('logs in with the entry named like the image host (no registry: URL)', async () => {
    const file = tracked(envFile(`registries:\n  '${registry}': {username: ${USER}, password: ${PASSWORD}}\n`))
    const r = await cli(file, ['pull', '--progress', 'plain'])
    expect(r.code, r.stderr).to.equal(0)
    expect(r.stdout).to.match(/pulled-1 .* pulled\n/)
    expect(await present()).to.equal(true)
  })

  it('takes the credentials from ~/.docker/config.json auths when the file has no registries: entry, and pulls on start', async () => {
    mkdirSync(join(home, '.docker'), {recursive: true})
    writeFileSync(join(home, '.docker', 'config.json'), JSON.stringify({auths: {[registry]: {auth: Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}}}))
    try {
      const file = tracked(envFile(''))
      const r = await cli(file, ['start', '--progress', 'tty'])
      expect(r.code, r.stderr).to.equal(0)
      expect(r.stdout).to.match(/pulling image( \(\d+%\))?\.\.\./)
      expect(r.stdout).to.match(/pulled-1 .* started/)
      expect(await present()).to.equal(true)
    } finally {
      rmSync(join(home, '.docker'), {recursive: true, force: true})
    }
  })

  it('says the registry refused the login on a bad password (exit 1, the container failed)', async () => {
    const file = tracked(envFile(`registries:\n  lab-registry: {registry: 'http://${registry}', username: ${USER}, password: wrong}\n`))
    const r = await cli(file, ['pull'])
    expect(r.code).to.equal(1)
    expect(r.stdout).to.match(/pulled-1 .* failed!\n/)
    expect(r.stdout).to.contain(`: registry ${registry} (registries: lab-registry) refused the login as ${USER} while pulling ${image()} on ship2: `)
    expect(r.stderr).not.to.match(/\n\s+at /)
    expect(await present()).to.equal(false)
  })

  it('says a login is missing when there are no credentials', async () => {
    const r = await cli(tracked(envFile('')), ['pull'])
    expect(r.code).to.equal(1)
    expect(r.stdout).to.contain(`: registry ${registry} needs a login to pull ${image()} on ship2: `)
  })

  it('says the registry is unreachable from the ship', async () => {
    const away = `${lab.gateway}:5999`
    const file = tracked(writeLabEnvironment(lab, `registries:\n  gone: {registry: 'http://${away}', username: ${USER}, password: ${PASSWORD}}\nservices:\n  lost:\n    image: ${away}/lab/none:e2e\n    instances: {lost-1: {ship: ship2}}\n`, {ships: 2, name: 'cli-pull-gone'}))
    const r = await cli(file, ['pull'])
    expect(r.code).to.equal(1)
    expect(r.stdout).to.contain(`: registry ${away} (registries: gone) is unreachable from ship2 while pulling ${away}/lab/none:e2e: `)
  })
})
