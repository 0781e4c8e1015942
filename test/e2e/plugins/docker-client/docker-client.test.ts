import {expect} from 'chai'
import {Agent} from 'node:http'
import {connect} from 'node:net'
import type {Readable} from 'node:stream'
import type {DockerClient} from '../../../../src/api/index.js'
import {createDockerClient} from '../../../../plugins/docker-client/index.js'
import {useLab, type Lab} from '../../../helpers/lab.js'
import {labShip} from '../../../helpers/lab-ship.js'
import {startLabRegistry} from '../../../helpers/lab-registry.js'
import type {PullProgress} from '../../../../src/api/index.js'
import {rejectedMaestroError as caught} from '../../../helpers/errors.js'

const tcpClient = (lab: Lab, index: number, apiVersion = '1.41'): DockerClient => {
  const ship = labShip(lab, index, {apiVersion})
  return createDockerClient(ship, {endpoint: `tcp://${ship.ip}:2375`, host: ship.ip, port: ship.dockerPort})
}

const nextData = (stream: Readable): Promise<unknown> => new Promise((resolve) => stream.once('data', resolve))

const text = async (stream: Readable): Promise<string> => {
  let out = ''
  for await (const chunk of stream) out += chunk
  return out
}

describe('docker client @e2e', () => {
  let lab: Lab
  let docker: DockerClient
  const name = `dc-test-${process.pid}`

  before(async function () {
    lab = await useLab({ships: 3, context: this})
    docker = tcpClient(lab, 2)
    await docker.removeContainer(name, {force: true})
    await docker.removeContainer(`${name}-tty`, {force: true})
  })

  afterEach(async () => {
    await docker.removeContainer(name, {force: true})
    await docker.removeContainer(`${name}-tty`, {force: true})
  })

  after(async () => {
    await docker.removeContainer(name, {force: true})
    await docker.removeContainer(`${name}-tty`, {force: true})
    await docker.close()
  })

  it('negotiates the API version with auto, once', async () => {
    const auto = tcpClient(lab, 1, 'auto') as DockerClient & {apiVersion(): Promise<string>}
    try {
      await auto.ping()
      expect(auto.stats.requests).to.equal(1)
      await auto.listContainers()
      expect(auto.stats.requests).to.equal(3)
      await auto.listContainers()
      expect(auto.stats.requests).to.equal(4)
      expect(await auto.apiVersion()).to.equal('1.41')
    } finally {
      await auto.close()
    }
  })

  it('sends the configured API version (a too-new one is refused by the daemon)', async () => {
    const old = tcpClient(lab, 1, '1.24')
    const future = tcpClient(lab, 1, '1.99')
    try {
      expect(await old.listContainers({all: true})).to.be.an('array')
      const e = await caught(future.listContainers())
      expect(e.code).to.equal('MAESTRO_DOCKER')
      expect(e.message).to.match(/^ship1: client version 1\.99 is too new/)
      expect(e.hint).to.equal('set api_version: auto on this ship')
    } finally {
      await old.close()
      await future.close()
    }
  })

  it('creates, starts, inspects, stops and removes a container', async () => {
    const {Id} = await docker.createContainer(name, {Image: lab.image, Cmd: ['sh', '-c', 'echo out; echo err >&2; exec sleep 300'], Labels: {'test.lab': 'yes'}})
    expect(Id).to.match(/^[0-9a-f]{64}$/)
    await docker.startContainer(name)
    await docker.startContainer(name) // already started: 304 is fine
    const running = await docker.inspectContainer(name)
    expect(running?.Id).to.equal(Id)
    expect(running?.State.Running).to.equal(true)
    expect(running?.Config.Labels).to.deep.equal({'test.lab': 'yes'})
    const listed = await docker.listContainers({filters: {label: ['test.lab=yes']}})
    expect(listed.map((c) => c.Id)).to.include(Id)
    await docker.stopContainer(Id, 1)
    await docker.stopContainer(Id, 1) // already stopped: 304 is fine
    expect((await docker.inspectContainer(Id))?.State.Running).to.equal(false)
    await docker.removeContainer(Id, {volumes: true})
    expect(await docker.inspectContainer(name)).to.equal(undefined)
    await docker.removeContainer(Id) // gone already: not an error
  })

  it('runs a command with exec and returns its exit code and merged output', async () => {
    await docker.createContainer(name, {Image: lab.image, Cmd: ['sleep', '300']})
    await docker.startContainer(name)
    const result = await docker.exec(name, ['sh', '-c', 'echo hello; sleep 0.2; echo oops >&2; exit 3'])
    expect(result).to.deep.equal({exitCode: 3, output: 'hello\noops\n'})
    expect(await docker.exec(name, ['true'])).to.deep.equal({exitCode: 0, output: ''})
    await docker.killContainer(name)
    expect((await docker.inspectContainer(name))?.State.ExitCode).to.equal(137)
    await docker.removeContainer(name)
  })

  it('returns demultiplexed logs, and raw logs for a TTY container', async () => {
    await docker.createContainer(name, {Image: lab.image, Cmd: ['sh', '-c', 'echo one; echo two >&2; sleep 0.2; echo three']})
    await docker.startContainer(name)
    await docker.createContainer(`${name}-tty`, {Image: lab.image, Tty: true, Cmd: ['sh', '-c', 'echo tty']})
    await docker.startContainer(`${name}-tty`)
    for (let i = 0; i < 50 && (await docker.inspectContainer(name))?.State.Running; i++) await new Promise((r) => setTimeout(r, 100))
    const logs = await text(await docker.logs(name, {tail: 'all'}))
    expect(logs.split('\n').sort()).to.deep.equal(['', 'one', 'three', 'two'])
    expect(await text(await docker.logs(name, {tail: 1}))).to.equal('three\n')
    for (let i = 0; i < 50 && (await docker.inspectContainer(`${name}-tty`))?.State.Running; i++) await new Promise((r) => setTimeout(r, 100))
    expect(await text(await docker.logs(`${name}-tty`))).to.equal('tty\r\n')
    await docker.removeContainer(name, {force: true})
    await docker.removeContainer(`${name}-tty`, {force: true})
  })

  it('streams daemon events as parsed objects', async () => {
    const events = await docker.events({type: ['container'], event: ['create']})
    try {
      const first = nextData(events)
      const {Id} = await docker.createContainer(name, {Image: lab.image})
      const event = (await first) as {Action: string; id: string; Actor: {Attributes: {name: string}}}
      expect(event.Action).to.equal('create')
      expect(event.id).to.equal(Id)
      expect(event.Actor.Attributes.name).to.equal(name)
    } finally {
      events.destroy()
      await docker.removeContainer(name, {force: true})
    }
  })

  it('inspects images and fails a pull of a missing image clearly', async () => {
    expect((await docker.inspectImage(lab.image))?.RepoTags).to.include(lab.image)
    expect(await docker.inspectImage('lab/absent:1')).to.equal(undefined)
    // The ship's own loopback: no registry listens there, and nothing leaves the lab.
    const e = await caught(docker.pullImage('127.0.0.1:5999/lab/absent:1', undefined))
    expect(e.code).to.equal('MAESTRO_DOCKER')
    expect(e.message).to.match(/^ship2: pull of 127\.0\.0\.1:5999\/lab\/absent:1 failed: .*connection refused/)
  })

  it('lets a pull outlast the ship timeout while the daemon waits for a silent registry', async function () {
    this.timeout(60_000)
    const quick = createDockerClient(labShip(lab, 2, {timeout: 1}), {endpoint: 'tcp', host: lab.ships[1]!.ip, port: 2375})
    try {
      const started = Date.now()
      const e = await caught(quick.pullImage(`${lab.unusedIp}:5000/lab/absent:1`, undefined))
      expect(Date.now() - started).to.be.above(1000)
      expect(e.code).to.equal('MAESTRO_DOCKER')
      expect(e.message).to.match(/^ship2: pull of 10\.231\.\d\.99:5000\/lab\/absent:1 failed: /)
    } finally {
      await quick.close()
    }
  })

  it('reports daemon errors with the ship name and the daemon message', async () => {
    const e = await caught(docker.startContainer('no-such-container-here'))
    expect(e.code).to.equal('MAESTRO_DOCKER')
    expect(e.message).to.equal('ship2: No such container: no-such-container-here')
    const bad = await caught(docker.createContainer(name, {Image: 'lab/absent:1'}))
    expect(bad.message).to.match(/^ship2: No such image: lab\/absent:1/)
  })

  it('counts requests, and reuses one connection for sequential requests', async () => {
    const fresh = tcpClient(lab, 3)
    try {
      for (let i = 0; i < 10; i++) await fresh.inspectContainer(`absent-${i}`)
      await fresh.listContainers()
      expect(fresh.stats).to.deep.equal({requests: 11, connections: 1})
      await Promise.all([fresh.ping(), fresh.ping(), fresh.ping()])
      expect(fresh.stats.requests).to.equal(14)
      expect(fresh.stats.connections).to.equal(3)
    } finally {
      await fresh.close()
    }
  })

  it('sends every request through a caller-supplied agent (as the SSH transport does)', async () => {
    const agent = new Agent({keepAlive: true})
    let opened = 0
    agent.createConnection = () => {
      opened++
      return connect(lab.ships[0]!.socket)
    }
    let closed = 0
    const ship = labShip(lab, 1, {endpoint: 'tunnel'})
    const client = createDockerClient(ship, {endpoint: 'custom', host: 'docker', port: 80, agent}, {countConnections: false, onClose: () => void closed++})
    await client.ping()
    await client.listContainers()
    const logsTarget = await client.createContainer(name, {Image: lab.image, Cmd: ['echo', 'via agent']})
    await client.startContainer(logsTarget.Id)
    await client.removeContainer(name, {force: true})
    expect(opened).to.be.at.least(1)
    expect(client.stats).to.deep.equal({requests: 5, connections: 0})
    await client.close()
    expect(closed).to.equal(1)
    agent.destroy()
  })

  it('pulls an image from a registry, reporting the mean layer progress', async function () {
    this.timeout(60_000)
    const registry = await startLabRegistry(lab)
    const ref = `${registry.address}/lab/pulled:1`
    try {
      await registry.push(1, 'lab/pulled:1')
      await docker.removeContainer(name, {force: true})
      expect(await docker.inspectImage(ref)).to.equal(undefined)
      const progress: PullProgress[] = []
      await docker.pullImage(ref, undefined, (p) => progress.push(p))
      expect((await docker.inspectImage(ref))?.RepoTags).to.include(ref)
      expect(progress.length).to.be.greaterThan(0)
      expect(progress.at(-1)?.percent).to.equal(100)
      expect(progress.map((p) => p.status)).to.include('Pull complete')
      await docker.pullImage(ref, undefined) // present: the daemon only checks the digest
    } finally {
      await registry.removeImage(2, ref)
      await registry.stop()
    }
  })
})
