/**
 * `status` and `start` over SSH next to TCP on the lab, at the Docker API level the commands use:
 * status = list + inspect every container of the ship; start = inspect, create, start, inspect.
 * Prints wall time, API requests, and connections opened per ship per command (SSH must be 1).
 *
 *   node dist/bench/ssh.js [containersPerShip=4]      (MAESTRO_LAB_ID picks the lab, default 1)
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {DockerClient, Ship, TransportContext} from '../src/api/index.js'
import {createDockerClient} from '../plugins/docker-client/index.js'
import {SshTransport} from '../plugins/transport-ssh/index.js'
import {releaseLab, useLab, type Lab, type LabShip} from '../test/helpers/lab.js'
import {knownHostsLine, tempDir} from '../test/helpers/ssh-lab.js'

export interface BenchRow {
  readonly command: 'status' | 'start'
  readonly transport: 'tcp' | 'ssh'
  readonly ms: number
  readonly requests: number
  /** Connections opened, per ship. */
  readonly connectionsPerShip: readonly number[]
}

const baseShip = (s: LabShip): Ship => ({
  name: s.name, ip: s.ip, endpoint: s.ip, dockerPort: s.dockerPort, apiVersion: 'auto', timeout: 10, tls: false, tlsVerify: false, extra: {},
})

function sshContext(lab: Lab): TransportContext {
  const home = tempDir('bench-home')
  mkdirSync(join(home, '.ssh'), {mode: 0o700})
  writeFileSync(join(home, '.ssh', 'known_hosts'), lab.ships.map((s) => knownHostsLine(s.ip, lab.sshHostKey)).join(''))
  return {flags: {}, env: {HOME: home, USER: 'root'}, baseDir: home, log: {debug: () => undefined, info: () => undefined, warn: () => undefined}}
}

function clients(lab: Lab, transport: 'tcp' | 'ssh'): DockerClient[] {
  if (transport === 'tcp') return lab.ships.map((s) => createDockerClient(baseShip(s), {endpoint: `tcp://${s.ip}:${s.dockerPort}`, host: s.ip, port: s.dockerPort}, {}))
  const ssh = new SshTransport()
  const ctx = sshContext(lab)
  return lab.ships.map((s) => ssh.connect({...baseShip(s), sshTunnel: {user: lab.sshUser, key: lab.sshKey, port: s.sshPort}}, ctx))
}

const names = (ship: LabShip, n: number) => Array.from({length: n}, (_, i) => `bench-ssh-${ship.name}-${i}`)

async function status(docker: DockerClient, ship: LabShip, n: number): Promise<void> {
  await docker.listContainers({all: true})
  await Promise.all(names(ship, n).map((c) => docker.inspectContainer(c)))
}

async function start(docker: DockerClient, ship: LabShip, n: number, image: string): Promise<void> {
  await Promise.all(
    names(ship, n).map(async (c) => {
      if (!(await docker.inspectImage(image))) throw new Error(`${image} missing on ${ship.name}`)
      const existing = await docker.inspectContainer(c)
      const id = existing?.Id ?? (await docker.createContainer(c, {Image: image, Cmd: ['sleep', '600']})).Id
      if (!existing?.State.Running) await docker.startContainer(id)
      await docker.inspectContainer(id)
    }),
  )
}

async function clean(lab: Lab, n: number): Promise<void> {
  const tcp = clients(lab, 'tcp')
  await Promise.all(lab.ships.map((s, i) => Promise.all(names(s, n).map((c) => tcp[i].removeContainer(c, {force: true}).catch(() => undefined)))))
  await Promise.all(tcp.map((c) => c.close()))
}

async function measure(lab: Lab, command: BenchRow['command'], transport: BenchRow['transport'], n: number): Promise<BenchRow> {
  const docker = clients(lab, transport)
  const t0 = performance.now()
  await Promise.all(lab.ships.map((s, i) => (command === 'status' ? status(docker[i], s, n) : start(docker[i], s, n, lab.image))))
  const ms = performance.now() - t0
  const row = {command, transport, ms, requests: docker.reduce((a, d) => a + d.stats.requests, 0), connectionsPerShip: docker.map((d) => d.stats.connections)}
  await Promise.all(docker.map((d) => d.close()))
  return row
}

export async function benchSsh(n = 4): Promise<BenchRow[]> {
  const lab = await useLab({ships: 3})
  const rows: BenchRow[] = []
  try {
    for (const transport of ['tcp', 'ssh'] as const) {
      await clean(lab, n)
      rows.push(await measure(lab, 'start', transport, n))
      rows.push(await measure(lab, 'status', transport, n))
    }
  } finally {
    await clean(lab, n)
  }
  return rows
}

export function formatRows(rows: readonly BenchRow[]): string {
  const lines = ['command  transport  ms       requests  connections opened per ship']
  for (const r of rows) {
    lines.push(`${r.command.padEnd(8)} ${r.transport.padEnd(10)} ${r.ms.toFixed(0).padStart(6)}  ${String(r.requests).padStart(8)}  ${r.connectionsPerShip.join(' ')}`)
  }
  return lines.join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await benchSsh(Number(process.argv[2] ?? 4))
  console.log(formatRows(rows))
  const bad = rows.filter((r) => r.transport === 'ssh' && r.connectionsPerShip.some((c) => c !== 1))
  await releaseLab()
  if (bad.length > 0) {
    console.error('SSH opened more than one connection per ship per command')
    process.exitCode = 1
  }
}
