/**
 * The simulated fleet (issue 15): a fake Docker daemon (one child process, one port per ship, fixed latencies) that
 * Maestro's real docker-client talks to over TCP, and the maestro CLI run as a child process under
 * `/usr/bin/time -v` for start, status, stop and clean at 30, 300 and 3,000 containers. Prints wall time, the
 * critical path and their ratio, CPU time (user + system of the maestro process), peak RSS, Docker calls per
 * container and peak concurrent connections per ship. Never asserts.
 *
 *   node dist/test/bench/fleet.js [30|300|3,000 ...]
 */
import {fork, spawn} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {LATENCIES, type Latencies, type ShipCounts} from './fake-daemon.js'
import {FLEETS, containerCount, fleetYaml, type FleetShape} from './fleet-env.js'

const bin = fileURLToPath(new URL('../../../bin/run.js', import.meta.url))
const daemonScript = fileURLToPath(new URL('./fake-daemon.js', import.meta.url))
const L = LATENCIES

/**
 * The shortest possible duration of each command, level by level (a level cannot begin before the one it depends on
 * is done): start creates, starts and inspects each container (3 round trips, create and start); stop (dependants
 * first) and clean (dependencies first, as upstream) one round trip and the operation per level; status and validate
 * one list round trip or none. Every command first lists each ship's containers (one round trip, in parallel).
 */
export function criticalPath(command: string, levels: number): number {
  const list = L.request
  if (command === 'start') return list + levels * (3 * L.request + L.create + L.start)
  if (command === 'stop') return list + levels * (L.request + L.stop)
  if (command === 'clean') return list + levels * (L.request + L.remove)
  if (command === 'status') return list
  return 0
}

interface Daemon {
  readonly ports: number[]
  counts(): Promise<ShipCounts[]>
  close(): void
}

function startDaemon(ships: number, latencies: Latencies = LATENCIES): Promise<Daemon> {
  const child = fork(daemonScript, [String(ships), JSON.stringify(latencies)], {execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc']})
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('message', (m: {ports: number[]}) => resolve({
      ports: m.ports,
      counts: () => new Promise((done) => {
        child.once('message', (r: {counts: ShipCounts[]}) => done(r.counts))
        child.send({op: 'counts'})
      }),
      close: () => child.kill(),
    }))
  })
}

export interface Run {
  readonly ok: boolean
  readonly wallMs: number
  readonly cpuMs: number
  readonly rssKb: number
  readonly stderr: string
}

/** One maestro command as a child process, measured by GNU time (its own CPU and peak RSS, not the bench's). */
export function timed(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const t0 = performance.now()
  const child = spawn('/usr/bin/time', ['-v', process.execPath, bin, ...args], {env: {...process.env, NO_COLOR: '1', ...env}, stdio: ['ignore', 'ignore', 'pipe']})
  let err = ''
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const wallMs = performance.now() - t0
      const num = (re: RegExp) => Number(re.exec(err)?.[1] ?? NaN)
      const cpuMs = (num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/)) * 1000
      const rssKb = num(/Maximum resident set size \(kbytes\): (\d+)/)
      const stderr = err.split('\n').filter((l) => !/^\t/.test(l) && !/Command (being timed|exited)/.test(l)).join('\n').trim()
      resolve({ok: code === 0, wallMs, cpuMs, rssKb, stderr})
    })
  })
}

export interface Row {
  readonly fleet: string
  readonly command: string
  readonly containers: number
  readonly run: Run
  readonly criticalMs: number
  readonly calls: number
  readonly peakConnections: number
}

/** `validate` first: the fixed cost of loading the file, subtracted from the others' wall time for the net ratio. */
const COMMANDS: readonly (readonly string[])[] = [['validate'], ['start'], ['status'], ['stop', '-a'], ['clean']]

export async function runFleet(shape: FleetShape): Promise<Row[]> {
  const daemon = await startDaemon(shape.ships)
  const dir = mkdtempSync(join(tmpdir(), 'maestro-fleet-'))
  try {
    const file = join(dir, 'maestro.yaml')
    writeFileSync(file, fleetYaml(shape, daemon.ports))
    const rows: Row[] = []
    for (const args of COMMANDS) {
      const run = await timed(['-f', file, ...args])
      const counts = await daemon.counts()
      rows.push({
        fleet: shape.label, command: args.join(' '), containers: containerCount(shape), run,
        criticalMs: criticalPath(args[0], shape.levels),
        calls: counts.reduce((n, c) => n + c.requests, 0),
        peakConnections: Math.max(...counts.map((c) => c.peakOpen)),
      })
    }
    return rows
  } finally {
    daemon.close()
    rmSync(dir, {recursive: true, force: true})
  }
}

/**
 * ratio: wall / critical path; net: (wall − the same file's `validate` wall, i.e. start-up and loading) / critical
 * path. CPU ms/ctr: the whole process's CPU per container; net ms/ctr: the same less `validate`'s CPU (the play's own).
 */
export function printFleet(rows: readonly Row[]): string[] {
  const cols = ['containers', 'command', 'wall s', 'critical s', ' ratio', '   net', 'CPU s', 'CPU ms/ctr', 'net ms/ctr', 'peak RSS MB', 'calls/ctr', 'peak conn/ship']
  const out = [cols.map((c, i) => (i < 2 ? c.padEnd(11) : c.padStart(c.length + 2))).join('')]
  const validate = new Map(rows.filter((r) => r.command === 'validate').map((r) => [r.fleet, r.run]))
  for (const r of rows) {
    const ratio = (ms: number) => (r.criticalMs > 0 ? (ms / r.criticalMs).toFixed(2) : '-')
    const cells = [
      r.fleet, r.command, (r.run.wallMs / 1000).toFixed(2), (r.criticalMs / 1000).toFixed(2), ratio(r.run.wallMs),
      r.command === 'validate' ? '-' : ratio(r.run.wallMs - (validate.get(r.fleet)?.wallMs ?? 0)),
      (r.run.cpuMs / 1000).toFixed(2), (r.run.cpuMs / r.containers).toFixed(2),
      r.command === 'validate' ? '-' : ((r.run.cpuMs - (validate.get(r.fleet)?.cpuMs ?? 0)) / r.containers).toFixed(2), (r.run.rssKb / 1024).toFixed(0),
      (r.calls / r.containers).toFixed(2), String(r.peakConnections),
    ]
    out.push(cells.map((c, i) => (i < 2 ? c.padEnd(11) : c.padStart(cols[i].length + 2))).join('') + (r.run.ok ? '' : `  FAILED: ${r.run.stderr.split('\n')[0]}`))
  }
  return out
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/**
 * Issue 15's start-up targets, cold (a new process each run): `--version`, `validate` of the 300-container fleet
 * file, `status` of the 30-container fleet against the fake daemon with no latency (its containers running).
 */
export async function benchStartup(runs = 7): Promise<string[]> {
  const daemon = await startDaemon(FLEETS[0].ships, {request: 0, create: 0, start: 0, stop: 0, remove: 0})
  const dir = mkdtempSync(join(tmpdir(), 'maestro-startup-'))
  try {
    const small = join(dir, 'small.yaml')
    const big = join(dir, 'big.yaml')
    writeFileSync(small, fleetYaml(FLEETS[0], daemon.ports))
    writeFileSync(big, fleetYaml(FLEETS[1], Array.from({length: FLEETS[1].ships}, (_, i) => 2375 + i)))
    const started = await timed(['-f', small, 'start'])
    const rows: [string, readonly string[], number][] = [
      ['node -e 0 (baseline)', [], 0],
      ['maestro --version', ['--version'], 0.15],
      ['maestro validate (300 containers)', ['-f', big, 'validate'], 0.5],
      ['maestro status (30 containers)', ['-f', small, 'status'], 0.3],
    ]
    const out: string[] = []
    for (const [what, args, target] of rows) {
      const runsOf: Run[] = []
      for (let i = 0; i < runs; i++) runsOf.push(args.length ? await timed(args) : await timedNode())
      const ok = runsOf.every((r) => r.ok) && started.ok
      const wall = median(runsOf.map((r) => r.wallMs))
      const cpu = median(runsOf.map((r) => r.cpuMs))
      const goal = target ? `  target ≤ ${target.toFixed(2)} s` : ''
      out.push(`${what.padEnd(36)}${(wall / 1000).toFixed(2).padStart(6)} s wall ${(cpu / 1000).toFixed(2).padStart(6)} s CPU  median of ${runs}${goal}${ok ? '' : '  (FAILED)'}`)
    }
    return out
  } finally {
    daemon.close()
    rmSync(dir, {recursive: true, force: true})
  }
}

function timedNode(): Promise<Run> {
  const t0 = performance.now()
  const child = spawn('/usr/bin/time', ['-f', '%U %S', process.execPath, '-e', '0'], {stdio: ['ignore', 'ignore', 'pipe']})
  let err = ''
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  return new Promise((resolve) => child.on('close', (code) => {
    const [u, sys] = err.trim().split(' ').map(Number)
    resolve({ok: code === 0, wallMs: performance.now() - t0, cpuMs: (u + sys) * 1000, rssKb: NaN, stderr: ''})
  }))
}

export async function benchFleet(labels: readonly string[] = FLEETS.map((f) => f.label)): Promise<string[]> {
  const rows: Row[] = []
  for (const shape of FLEETS.filter((f) => labels.includes(f.label))) rows.push(...(await runFleet(shape)))
  return printFleet(rows)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const labels = process.argv.slice(2)
  for (const line of await benchStartup()) console.log(line)
  for (const line of await benchFleet(labels.length ? labels : undefined)) console.log(line)
}
