/**
 * The Docker lab (test/lab/lab.sh) seen from mocha. In a `before` hook:
 *
 *   before(async function () { lab = await useLab({ships: 3, context: this}) })
 *
 * starts lab MAESTRO_LAB_ID (default 1; the demo uses 0) once per test run, or reuses it when
 * it is already up with enough ships. A lab that a test run started is taken down by the mocha
 * global teardown (test/helpers/lab-hooks.ts) when the last test run using it ends, unless
 * MAESTRO_LAB_KEEP=1. A lab started by hand (`lab.sh up`) is never taken down by tests.
 */
import {execFile} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'

const run = promisify(execFile)

export const LAB_SCRIPT = fileURLToPath(new URL('../../../test/lab/lab.sh', import.meta.url))
/** Generous: a cold start pulls nothing but starts one dockerd per ship. */
export const LAB_START_TIMEOUT_MS = 180_000

export interface LabShip {
  /** `ship1`, `ship2`, … */
  readonly name: string
  readonly index: number
  readonly ip: string
  readonly netns: string
  /** Unix socket of the ship's dockerd, reachable from the host. */
  readonly socket: string
  /** Plain TCP Docker port on `ip` (and on the ship's own 127.0.0.1). */
  readonly dockerPort: number
  readonly sshPort: number
}

export interface LabTls {
  /** The ship serving Docker over TLS (client certificate required). */
  readonly ship: string
  readonly ip: string
  readonly port: number
  readonly ca: string
  readonly cert: string
  readonly key: string
  /** A CA that did not sign the server certificate. */
  readonly wrongCa: string
}

export interface Lab {
  readonly id: number
  readonly dir: string
  readonly subnet: string
  readonly gateway: string
  readonly ships: readonly LabShip[]
  readonly sshUser: string
  /** Private key (ed25519, no passphrase) authorised on every ship as root. */
  readonly sshKey: string
  /** Public host key every ship's sshd presents. */
  readonly sshHostKey: string
  readonly image: string
  readonly tls: LabTls
  /** An address inside the lab's subnet where nothing listens. */
  readonly unusedIp: string
}

export interface UseLabOptions {
  readonly ships?: number
  /** The mocha hook context; its timeout is raised to LAB_START_TIMEOUT_MS. */
  readonly context?: {timeout(ms: number): unknown}
}

export const labId = (): number => {
  const raw = process.env.MAESTRO_LAB_ID ?? '1'
  if (!/^[0-9]$/.test(raw)) throw new Error(`MAESTRO_LAB_ID must be 0..9, got ${raw}`)
  return Number(raw)
}

const labDir = (id: number): string => `/run/mlab${id}`

async function labSh(id: number, ...args: string[]): Promise<string> {
  const {stdout} = await run('bash', [LAB_SCRIPT, ...args], {
    env: {...process.env, LAB_ID: String(id)},
    timeout: LAB_START_TIMEOUT_MS,
    maxBuffer: 1 << 20,
  })
  return stdout
}

export function parseLabEnv(text: string): Record<string, string> {
  const vars: Record<string, string> = {}
  for (const m of text.matchAll(/^export ([A-Z0-9_]+)=(.*)$/gm)) vars[m[1]!] = m[2]!
  return vars
}

export function describeLab(vars: Record<string, string>): Lab {
  const get = (k: string): string => {
    const v = vars[k]
    if (v === undefined) throw new Error(`lab.sh env did not print ${k}`)
    return v
  }
  const count = Number(get('LAB_SHIPS'))
  const ships: LabShip[] = []
  for (let i = 1; i <= count; i++) {
    ships.push({
      name: get(`LAB_SHIP${i}_NAME`),
      index: i,
      ip: get(`LAB_SHIP${i}_IP`),
      netns: get(`LAB_SHIP${i}_NETNS`),
      socket: get(`LAB_SHIP${i}_SOCKET`),
      dockerPort: Number(get(`LAB_SHIP${i}_DOCKER_PORT`)),
      sshPort: Number(get(`LAB_SHIP${i}_SSH_PORT`)),
    })
  }
  const tlsShip = ships[Number(get('LAB_TLS_SHIP')) - 1]
  const gateway = get('LAB_GATEWAY')
  return {
    id: Number(get('LAB_ID')),
    dir: get('LAB_DIR'),
    subnet: get('LAB_SUBNET'),
    gateway,
    ships,
    sshUser: 'root',
    sshKey: get('LAB_SSH_KEY'),
    sshHostKey: get('LAB_SSH_HOST_KEY'),
    image: get('LAB_IMAGE'),
    tls: {
      ship: tlsShip?.name ?? 'ship1',
      ip: tlsShip?.ip ?? '',
      port: Number(get('LAB_TLS_PORT')),
      ca: get('LAB_TLS_CA'),
      cert: get('LAB_TLS_CERT'),
      key: get('LAB_TLS_KEY'),
      wrongCa: get('LAB_TLS_WRONG_CA'),
    },
    unusedIp: gateway.replace(/\.1$/, '.99'),
  }
}

let current: Promise<Lab> | undefined
let currentShips = 0
let usedId: number | undefined

/** Starts (or reuses) the test lab and describes it. Safe to call from many `before` hooks. */
export async function useLab(options: UseLabOptions = {}): Promise<Lab> {
  options.context?.timeout(LAB_START_TIMEOUT_MS)
  const want = options.ships ?? 3
  if (!current || want > currentShips) {
    const previous = current
    currentShips = Math.max(want, currentShips)
    const ships = currentShips
    current = (async () => {
      await previous?.catch(() => undefined)
      return startLab(labId(), ships)
    })()
    current.catch(() => {
      current = undefined
      currentShips = 0
    })
  }
  return current
}

async function startLab(id: number, ships: number): Promise<Lab> {
  const dir = labDir(id)
  const wasUp = existsSync(`${dir}/ships`)
  await labSh(id, 'up', String(ships))
  if (!wasUp) writeFileSync(`${dir}/test-owned`, '')
  mkdirSync(`${dir}/users`, {recursive: true})
  writeFileSync(`${dir}/users/${process.pid}`, '')
  usedId = id
  return describeLab(parseLabEnv(await labSh(id, 'env')))
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Called once at the end of the test run: takes the lab down if a test run started it and no
 * other live test run is still using it.
 */
export async function releaseLab(): Promise<void> {
  const id = usedId
  if (id === undefined) return
  usedId = undefined
  current = undefined
  currentShips = 0
  const dir = labDir(id)
  rmSync(`${dir}/users/${process.pid}`, {force: true})
  if (process.env.MAESTRO_LAB_KEEP === '1' || !existsSync(`${dir}/test-owned`)) return
  const others = existsSync(`${dir}/users`) ? readdirSync(`${dir}/users`).map(Number).filter(isAlive) : []
  if (others.length === 0) await labSh(id, 'down')
}

export {labShipsYaml, writeLabEnvironment, type LabEnvironmentOptions} from './lab-environment.js'
