import {expect} from 'chai'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {DockerClient, Environment, RegistryConfig} from '../../src/api/index.js'
import {resolveRegistryAuth} from '../../src/registry/auth.js'
import {pullImageWithAuth} from '../../src/registry/pull.js'
import {useLab, type Lab, type LabShip} from '../helpers/lab.js'
import {dockerCli} from './docker-cli.js'
import {labClient} from './lab-client.js'
import {labRegistrySh} from '../helpers/lab-registry.js'

const USER = 'maestro'
const PASSWORD = 's3cret-Pa55'

function environmentWith(registries: RegistryConfig[]): Environment {
  return {
    name: 'registry-e2e', file: '/tmp/maestro.yaml', baseDir: '/tmp', schema: 2, ships: {}, services: {}, containers: {}, audit: [], plugins: {},
    registries: Object.fromEntries(registries.map((r) => [r.name, r])),
  }
}

describe('registry pulls with login @e2e', function () {
  this.timeout(120_000)
  let lab: Lab
  let pusher: LabShip
  let puller: LabShip
  let docker: DockerClient
  let registry: string
  let config: string
  const image = (): string => `${registry}/lab/busybox:e2e`

  const registrySh = (...args: string[]) => labRegistrySh(lab, ...args)

  before(async function () {
    lab = await useLab({ships: 2, context: this})
    pusher = lab.ships[0] as LabShip
    puller = lab.ships[1] as LabShip
    registry = `${lab.gateway}:5000`
    const trusted = await dockerCli(puller, ['info', '--format', '{{json .RegistryConfig.InsecureRegistryCIDRs}}'])
    if (!trusted.includes(lab.subnet)) {
      throw new Error(`lab ${lab.id} was started without --insecure-registry ${lab.subnet} (an older lab.sh): take it down with LAB_ID=${lab.id} test/lab/lab.sh down`)
    }
    await registrySh('down')
    await registrySh('up', USER, PASSWORD, '5000')
    config = mkdtempSync(join(tmpdir(), 'maestro-docker-config-'))
    await dockerCli(pusher, ['login', '-u', USER, '--password-stdin', registry], {input: PASSWORD, config})
    await dockerCli(pusher, ['tag', lab.image, image()])
    await dockerCli(pusher, ['push', image()], {config})
    docker = labClient(lab, puller)
  })

  beforeEach(async () => {
    await dockerCli(puller, ['rmi', '-f', image()]).catch(() => '')
  })

  after(async () => {
    await docker?.close()
    if (registry) for (const ship of [pusher, puller]) await dockerCli(ship, ['rmi', '-f', image()]).catch(() => '')
    if (config) rmSync(config, {recursive: true, force: true})
    if (lab) await registrySh('down')
  })

  it('pulls on another ship with the login of the registries: entry matched by host', async () => {
    const environment = environmentWith([{name: 'lab-registry', registry: `http://${registry}/`, username: USER, password: PASSWORD, retry: {attempts: 2, when: [503]}}])
    const resolved = resolveRegistryAuth(environment, image())
    expect(resolved).to.deep.equal({
      auth: {username: USER, password: PASSWORD, serveraddress: registry}, retry: {attempts: 2, when: [503]}, registry: 'lab-registry',
    })
    expect(await docker.inspectImage(image())).to.equal(undefined)
    await docker.pullImage(image(), resolved.auth)
    expect((await docker.inspectImage(image()))?.RepoTags).to.include(image())
  })

  it('takes the credentials from a docker config auths entry when the YAML has none', async () => {
    const environment = environmentWith([{name: registry, registry: `http://${registry}`, retry: {attempts: 1, when: []}}])
    const auth = Buffer.from(`${USER}:${PASSWORD}`).toString('base64')
    const resolved = await pullImageWithAuth(docker, environment, image(), {dockerConfig: {auths: {[`http://${registry}/v2/`]: {auth}}}})
    expect(resolved.auth).to.deep.include({username: USER, password: PASSWORD})
    expect(await docker.inspectImage(image())).to.not.equal(undefined)
  })

  it('fails clearly on a bad password', async () => {
    const environment = environmentWith([{name: 'lab-registry', registry: `http://${registry}`, username: USER, password: 'wrong', retry: {attempts: 1, when: []}}])
    const err = await pullImageWithAuth(docker, environment, image()).then(() => expect.fail('pulled'), (e: Error) => e)
    expect(err).to.have.property('code', 'MAESTRO_REGISTRY')
    expect(err.message).to.match(new RegExp(`^registry ${registry} \\(registries: lab-registry\\) refused the login as maestro while pulling ${image()} on ${puller.name}: unauthorized: authentication required$`))
    expect(await docker.inspectImage(image())).to.equal(undefined)
  })

  it('fails clearly without credentials', async () => {
    const err = await pullImageWithAuth(docker, environmentWith([]), image()).then(() => expect.fail('pulled'), (e: Error) => e)
    expect(err.message).to.match(new RegExp(`^registry ${registry} needs a login to pull ${image()} on ${puller.name}: Head ".*": no basic auth credentials$`))
  })

  it('fails clearly when the registry is unreachable', async () => {
    const away = `${lab.gateway}:5999`
    const environment = environmentWith([{name: 'gone', registry: `http://${away}`, username: USER, password: PASSWORD, retry: {attempts: 1, when: []}}])
    const err = await pullImageWithAuth(docker, environment, `${away}/lab/busybox:e2e`).then(() => expect.fail('pulled'), (e: Error) => e)
    expect(err).to.have.property('code', 'MAESTRO_REGISTRY')
    expect(err.message).to.match(new RegExp(`^registry ${away} \\(registries: gone\\) is unreachable from ${puller.name} while pulling ${away}/lab/busybox:e2e: Get ".*": dial tcp ${away}: connect: connection refused$`))
  })
})
