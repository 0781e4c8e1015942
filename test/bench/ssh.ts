/**
 * SSH bench (issue 5 item 5): `status` and `start` through the real engine over SSH, next to TCP, on the
 * lab's 3 ships. Prints wall time, Docker API requests and connections opened per ship per command
 * (TCP: sockets; SSH: SSH connections, which must be 1). Exits 1 when an SSH command opened more than one
 * SSH connection to a ship.
 *
 *   MAESTRO_LAB_ID=2 node dist/bench/ssh.js [containersPerShip=4]
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {definePlugin, Tokens, type Action, type DockerClient, type Transport} from '../../src/api/index.js'
import {Kernel} from '../../src/kernel/kernel.js'
import {loadEnvironment} from '../../src/model/load.js'
import {runPlay} from '../../src/play/index.js'
import type {Environment} from '../../src/model/types.js'
import {plugins as builtins} from '../../plugins/index.js'
import {SshTransport} from '../../plugins/transport-ssh/index.js'
import {useLab, releaseLab, writeLabEnvironment, type Lab, type LabShip} from '../helpers/lab.js'
import {knownHostsLine, tempDir} from '../helpers/ssh-lab.js'

/** Wraps the SSH transport to read each client's stats after the play. */
class CountingSsh implements Transport {
  readonly name = 'ssh'
  private readonly inner = new SshTransport()
  opened: DockerClient[] = []
  canHandle = this.inner.canHandle.bind(this.inner)
  connect: Transport['connect'] = (ship, context) => {
    const client = this.inner.connect(ship, context)
    this.opened.push(client)
    return client
  }
}

export interface SshBenchRow {
  readonly command: string
  readonly via: 'tcp' | 'ssh'
  readonly ms: number
  readonly requests: Readonly<Record<string, number>>
  /** SSH connections per ship (SSH rows only). */
  readonly connections: Readonly<Record<string, number>>
  readonly exit: number
}

function yaml(lab: Lab, perShip: number): string {
  const instances = lab.ships.flatMap((s) =>
    Array.from({length: perShip}, (_, i) => `      bssh-${s.name}-${i + 1}: {ship: ${s.name}, command: sleep 86400, stop_timeout: 1}`),
  )
  return `services:\n  bssh:\n    image: ${lab.image}\n    instances:\n${instances.join('\n')}\n`
}

/** ship1 in the upstream ssh_tunnel form (remote loopback port), the others as ssh:// to the socket. */
const sshKeys = (lab: Lab) => (s: LabShip): Record<string, unknown> =>
  s.index === 1
    ? {known_hosts: 'known_hosts', ssh_tunnel: {user: lab.sshUser, key: lab.sshKey, port: s.sshPort}}
    : {known_hosts: 'known_hosts', endpoint: `ssh://${lab.sshUser}@${s.ip}`, docker_socket: s.socket}

export async function runSshBench(perShip = 4): Promise<SshBenchRow[]> {
  const lab = await useLab({ships: 3})
  const counter = new CountingSsh()
  const counting = definePlugin({name: 'bench-ssh-counter', api: '^1.0.0', order: 'pre', register: (c) => c.registry.register(Tokens.Transport, {useValue: counter})})
  const kernel = await Kernel.boot({plugins: [counting, ...(await builtins())]})
  const home = tempDir('bench-ssh-home')
  mkdirSync(join(home, '.ssh'), {mode: 0o700})
  writeFileSync(join(home, '.ssh', 'config'), `Host *\n  IdentityFile ${lab.sshKey}\n`)
  const env = {...process.env, HOME: home, SSH_AUTH_SOCK: undefined}
  const rows: SshBenchRow[] = []
  try {
    const files = {
      tcp: writeLabEnvironment(lab, yaml(lab, perShip), {name: 'bench-ssh', shipKeys: {api_version: 'auto'}}),
      ssh: writeLabEnvironment(lab, yaml(lab, perShip), {name: 'bench-ssh', shipKeys: (s) => ({api_version: 'auto', ...sshKeys(lab)(s)})}),
    }
    writeFileSync(join(dirname(files.ssh), 'known_hosts'), lab.ships.map((s) => knownHostsLine(s.ip, lab.sshHostKey)).join(''))
    for (const via of ['tcp', 'ssh'] as const) {
      const {environment} = await loadEnvironment(kernel, files[via], {env})
      const play = async (command: Action, label: string = command) => {
        counter.opened = []
        const t0 = performance.now()
        const r = await runPlay(kernel, environment, {command, containers: Object.keys(environment.containers), options: {}, env})
        const connections = Object.fromEntries(counter.opened.map((c) => [c.ship, c.stats.connections]))
        rows.push({command: label, via, ms: performance.now() - t0, requests: r.requests, connections, exit: r.exitCode})
      }
      await play('start')
      await play('start', 'start (no-op)')
      await play('status')
      await cleanUp(kernel, environment, env)
    }
  } finally {
    await kernel.dispose()
    await releaseLab()
  }
  return rows
}

async function cleanUp(kernel: Kernel, environment: Environment, env: Record<string, string | undefined>): Promise<void> {
  const containers = Object.keys(environment.containers)
  await runPlay(kernel, environment, {command: 'kill', containers, options: {}, env})
  await runPlay(kernel, environment, {command: 'clean', containers, options: {}, env})
}

export function printSshBench(rows: readonly SshBenchRow[], ships: readonly string[]): string {
  const lines = [['command'.padEnd(15), 'via'.padEnd(5), 'wall ms'.padStart(8), ...ships.map((s) => `${s} calls`.padStart(12)), ...ships.map((s) => `${s} ssh conns`.padStart(16)), '  exit'].join('')]
  for (const r of rows) {
    const conns = ships.map((s) => (r.via === 'ssh' ? String(r.connections[s] ?? 0) : '-').padStart(16))
    lines.push([r.command.padEnd(15), r.via.padEnd(5), r.ms.toFixed(0).padStart(8), ...ships.map((s) => String(r.requests[s] ?? 0).padStart(12)), ...conns, `  ${r.exit}`].join(''))
  }
  return lines.join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runSshBench(Number(process.argv[2] ?? 4))
    .then((rows) => {
      console.log(printSshBench(rows, ['ship1', 'ship2', 'ship3']))
      if (rows.some((r) => r.via === 'ssh' && Object.values(r.connections).some((c) => c !== 1))) {
        console.error('SSH opened more than one connection to a ship in one command')
        process.exitCode = 1
      }
    })
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
}
