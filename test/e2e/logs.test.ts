import {expect} from 'chai'
import {rmSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {createDockerClient} from '../../plugins/docker-client/index.js'
import type {DockerClient} from '../../src/api/index.js'
import {maestro, spawnMaestro, type RunningCli} from '../helpers/cli.js'
import {ship} from '../helpers/env-builder.js'
import {labShipsYaml, useLab, writeLabEnvironment, type Lab} from '../helpers/lab.js'

/**
 * log-a/tick-a on ship1, log-b/tick-b on ship2: log-* print three known lines, tick-* every 0.2s a numbered
 * line with a random tag drawn when the container starts (so a recreated container's lines are told apart).
 */
function body(lab: Lab): string {
  const tick = (s: string) => `sh -c 'tag=$(cut -c1-8 /proc/sys/kernel/random/uuid); i=0; while true; do i=$((i+1)); echo ${s} $tag $i; sleep 0.2; done'`
  return `services:
  logger:
    image: ${lab.image}
    instances:
      log-a: {ship: ship1, stop_timeout: 1, command: "sh -c 'echo a one; echo a two; echo a three; exec sleep 86400'"}
      log-b: {ship: ship2, stop_timeout: 1, command: "sh -c 'echo b one; echo b two; echo b three; exec sleep 86400'"}
  ticker:
    image: ${lab.image}
    instances:
      tick-a: {ship: ship1, stop_timeout: 1, command: "${tick('a')}"}
      tick-b: {ship: ship2, stop_timeout: 1, command: "${tick('b')}"}
`
}

const NAMES = ['log-a', 'log-b', 'tick-a', 'tick-b']

describe('maestro logs on the lab @e2e', function () {
  this.timeout(60_000)
  let lab: Lab
  let file: string
  let clients: DockerClient[] = []
  let running: RunningCli | undefined

  const removeAll = () => Promise.all(NAMES.map((n) => clients[n.endsWith('a') ? 0 : 1].removeContainer(n, {force: true}).catch(() => undefined)))

  before(async function () {
    lab = await useLab({ships: 2, context: this})
    file = writeLabEnvironment(lab, body(lab), {ships: 2})
    clients = lab.ships.slice(0, 2).map((s) => createDockerClient(ship(s.name, s.ip, {timeout: 30}), {endpoint: `tcp://${s.ip}:${s.dockerPort}`, host: s.ip, port: s.dockerPort}))
    await removeAll()
    const started = await maestro(['-f', file, 'start'])
    expect(started.code, started.stderr).to.equal(0)
  })

  afterEach(async () => {
    running?.child.kill('SIGKILL')
    running = undefined
  })

  after(async () => {
    await removeAll()
    await Promise.all(clients.map((c) => c.close()))
    if (file) rmSync(dirname(file), {recursive: true, force: true})
  })

  it('prints the last 2 lines of containers on two ships, grouped and prefixed', async () => {
    const r = await maestro(['-f', file, 'logs', '-n', '2', 'logger'])
    expect(r.code, r.stderr).to.equal(0)
    expect(r.stdout).to.equal('log-a | a two\nlog-a | a three\nlog-b | b two\nlog-b | b three\n')
  })

  it('prints one container raw, with Docker timestamps on request', async () => {
    const r = await maestro(['-f', file, 'logs', 'log-b'])
    expect(r.stdout).to.equal('b one\nb two\nb three\n')
    const t = await maestro(['-f', file, 'logs', '-t', '-n', '1', 'log-a'])
    expect(t.stdout).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z a three\n$/)
  })

  it('refuses unknown names and a missing thing with exit 2', async () => {
    const r = await maestro(['-f', file, 'logs', 'log-c'])
    expect(r.code).to.equal(2)
    expect(r.stderr).to.contain('ERROR: log-c is neither a service nor a container!')
    expect((await maestro(['-f', file, 'logs'])).code).to.equal(2)
  })

  it('follows containers on two ships at once until Ctrl-C (exit 130)', async () => {
    running = spawnMaestro(['-f', file, 'logs', '-F', '-n', '1', 'tick-a', 'tick-b'])
    await Promise.all([running.sawOutput('tick-a | a '), running.sawOutput('tick-b | b ')])
    running.child.kill('SIGINT')
    const r = await running.done
    expect(r.code).to.equal(130)
    for (const line of r.stdout.trimEnd().split('\n')) expect(line).to.match(/^tick-(a \| a|b \| b) [0-9a-f]{8} \d+$/)
  })

  it('re-attaches to a container that is removed and recreated', async () => {
    running = spawnMaestro(['-f', file, 'logs', '-F', 'tick-a', 'log-b'])
    let stdout = ''
    running.child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    await running.sawOutput('tick-a | a ')
    const tags = () => [...new Set([...stdout.matchAll(/^tick-a \| a ([0-9a-f]{8}) \d+$/gm)].map((m) => m[1]))]
    const [old] = tags()
    await clients[0].removeContainer('tick-a', {force: true})
    const started = await maestro(['-f', file, 'start', 'tick-a'])
    expect(started.code, started.stderr).to.equal(0)
    const fresh = (await clients[0].inspectContainer('tick-a'))!.Id.slice(0, 12)
    while (tags().length < 2 || !stdout.includes(`tick-a | a ${tags()[1]} 2\n`)) await new Promise((r) => setTimeout(r, 50))
    running.child.kill('SIGINT')
    const r = await running.done
    expect(r.code).to.equal(130)
    const [, tag] = tags()
    expect(r.stdout).to.contain(`tick-a | a ${old} 1\n`)
    expect(r.stdout).to.contain(`tick-a | a ${tag} 1\ntick-a | a ${tag} 2\n`)
    expect(r.stdout).to.contain('log-b  | b one\nlog-b  | b two\nlog-b  | b three\n')
    expect(r.stderr).to.contain('tick-a | tick-a has died, waiting for respawn...\n')
    expect(r.stderr).to.contain(`tick-a | attached to tick-a (${fresh})\n`)
  })

  it('re-attaches to a restarted container without repeating its earlier output', async () => {
    running = spawnMaestro(['-f', file, 'logs', '-F', 'log-a'])
    await running.sawOutput('a one\na two\na three\n')
    await clients[0].stopContainer('log-a', 1)
    await clients[0].startContainer('log-a')
    await running.sawOutput('a three\na one\na two\na three\n')
    await new Promise((r) => setTimeout(r, 300))
    running.child.kill('SIGINT')
    const r = await running.done
    expect(r.stdout).to.equal('a one\na two\na three\na one\na two\na three\n')
    // "has died" shows only when the follower saw it stopped, which a quick restart may not give it time to
    expect(r.stderr).to.match(/^(log-a \| log-a has died, waiting for respawn...\n)?log-a \| attached to log-a \([0-9a-f]{12}\)\n/)
  })

  it('shows host down for a container on an unreachable ship; exit 3 when no ship answers', async () => {
    const ships = `${labShipsYaml(lab, {ships: 2})}  nowhere: {ip: ${lab.unusedIp}, docker_port: 2375, timeout: 1}\n`
    const withGhost = join(dirname(file), 'ghost.yaml')
    writeFileSync(withGhost, `name: ghostly\n${ships}${body(lab)}  ghost:\n    image: ${lab.image}\n    instances:\n      ghost-1: {ship: nowhere}\n`)
    const some = await maestro(['-f', withGhost, 'logs', '-n', '1', 'ghost-1', 'log-b'])
    expect(some.code, some.stderr).to.equal(0)
    expect(some.stdout).to.equal('log-b   | b three\n')
    expect(some.stderr).to.contain('ghost-1 | host down\n')
    const none = await maestro(['-f', withGhost, 'logs', 'ghost'])
    expect(none.code).to.equal(3)
    expect(none.stderr).to.contain('ghost-1 | host down\n')
    expect(none.stderr).to.match(/ERROR: ship nowhere \(tcp:\/\/[0-9.]+:2375\) is unreachable: /)
  })
})
