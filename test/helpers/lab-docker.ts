/** The `docker` CLI on a lab ship's own socket: what the ships really hold, to check reports against. */
import {execFile} from 'node:child_process'
import {promisify} from 'node:util'
import type {Lab, LabShip} from './lab.js'

const run = promisify(execFile)

export interface LabDocker {
  /** `docker ARGS` on ship `index` (0-based), trimmed stdout. */
  (index: number, ...args: string[]): Promise<string>
  /** Docker's state word for the container (`running`, `exited`, `created`…), `absent` when there is none. */
  state(index: number, name: string): Promise<string>
  /** The not-ready markers (volume names) on ship `index` (src/play/not-ready.ts). */
  notReadyMarkers(index: number): Promise<string[]>
}

export function labDocker(lab: () => Lab): LabDocker {
  const docker = (async (index: number, ...args: string[]) =>
    (await run('docker', ['-H', `unix://${lab().ships[index]!.socket}`, ...args])).stdout.trim()) as LabDocker
  docker.state = (index, name) => docker(index, 'inspect', '-f', '{{.State.Status}}', name).catch(() => 'absent')
  docker.notReadyMarkers = async (index) =>
    (await docker(index, 'volume', 'ls', '-q', '--filter', 'label=io.maestro.not-ready')).split('\n').filter((l) => l !== '')
  return docker
}

/** Drops (or stops dropping) every TCP packet to the ship's Docker port, inside its namespace. */
export const blackholeDockerPort = (s: LabShip, on: boolean) =>
  run('ip', ['netns', 'exec', s.netns, 'iptables', on ? '-I' : '-D', 'INPUT', '-p', 'tcp', '--dport', String(s.dockerPort), '-j', 'DROP'])

/** Polls `cond` every 100 ms until it holds; fails after `ms`. For facts no event announces (a daemon gone). */
export async function until(what: string, cond: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`still not ${what} after ${ms} ms`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
