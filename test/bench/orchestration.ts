/**
 * Orchestration bench (issue 4 item 6): ~30 containers on 3 lab ships in 4 dependency levels. Prints wall
 * time and Docker API requests per ship for start, no-op start, status, plan, restart, stop and clean,
 * then again with ~50 ms of added latency in front of each ship (a delaying TCP proxy). Never asserts.
 *
 *   MAESTRO_LAB_ID=2 node dist/bench/orchestration.js
 */
import {fileURLToPath} from 'node:url'
import {Kernel} from '../../src/kernel/kernel.js'
import {plugins as builtins} from '../../plugins/index.js'
import {loadEnvironment} from '../../src/model/load.js'
import {planPlay, runPlay} from '../../src/play/index.js'
import type {Action} from '../../src/api/index.js'
import type {Environment} from '../../src/model/types.js'
import {useLab, releaseLab, writeLabEnvironment, type Lab} from '../helpers/lab.js'
import {startDelayProxy, type DelayProxy} from './delay-proxy.js'

const LEVELS = [6, 8, 8, 8]

/** Services L0..L3; each level requires the one below; instances spread round-robin over the ships. */
export function benchYaml(lab: Lab): string {
  let n = 0
  const services = LEVELS.map((count, level) => {
    const instances = Array.from({length: count}, (_, i) => {
      const ship = lab.ships[n++ % lab.ships.length].name
      return `      l${level}-${i + 1}: {ship: ${ship}, command: sleep 86400, stop_timeout: 1, ports: {http: '${8000 + i}:${18000 + level * 100 + i}'}}`
    })
    const requires = level > 0 ? `    requires: [level${level - 1}]\n` : ''
    return `  level${level}:\n    image: ${lab.image}\n${requires}    instances:\n${instances.join('\n')}`
  })
  return `services:\n${services.join('\n')}\n`
}

interface Row {
  readonly step: string
  readonly ms: number
  readonly requests: Readonly<Record<string, number>>
  readonly note: string
}

async function measure(kernel: Kernel, env: Environment, latency: string): Promise<Row[]> {
  const all = Object.keys(env.containers)
  const rows: Row[] = []
  const play = async (step: string, command: Action, options = {}) => {
    const t0 = performance.now()
    const r = await runPlay(kernel, env, {command, containers: all, options})
    const outcomes = Object.entries(r.stats.outcomes).map(([k, v]) => `${v} ${k}`).join(', ')
    const why = r.error ? ` (${r.error.message})` : ''
    rows.push({step: `${step} ${latency}`, ms: performance.now() - t0, requests: r.requests, note: `exit ${r.exitCode}${why}; ${outcomes}`})
  }
  await play('start', 'start')
  await play('start (no-op)', 'start')
  await play('status', 'status')
  const t0 = performance.now()
  const plan = await planPlay(kernel, env, {containers: all})
  rows.push({step: `plan ${latency}`, ms: performance.now() - t0, requests: plan.requests, note: `changes: ${plan.changes}`})
  await play('restart', 'restart')
  await play('stop', 'stop')
  await play('clean', 'clean')
  return rows
}

function print(rows: readonly Row[], ships: readonly string[]): void {
  const head = ['step'.padEnd(26), 'wall ms'.padStart(9), ...ships.map((s) => `${s} calls`.padStart(12)), '  note']
  console.log(head.join(''))
  for (const r of rows) {
    console.log([r.step.padEnd(26), r.ms.toFixed(0).padStart(9), ...ships.map((s) => String(r.requests[s] ?? 0).padStart(12)), `  ${r.note}`].join(''))
  }
}

export async function runOrchestrationBench(): Promise<void> {
  const lab = await useLab({ships: 3})
  const kernel = await Kernel.boot({plugins: await builtins()})
  const ships = lab.ships.map((s) => s.name)
  const proxies: DelayProxy[] = []
  try {
    const direct = writeLabEnvironment(lab, benchYaml(lab), {name: 'bench'})
    const {environment} = await loadEnvironment(kernel, direct, {env: process.env})
    console.log(`bench: ${Object.keys(environment.containers).length} containers, ${ships.length} ships, ${LEVELS.length} levels (critical path: ${LEVELS.length} create+start)`)
    const rows = await measure(kernel, environment, '(direct)')
    for (const ship of lab.ships) proxies.push(await startDelayProxy({target: {host: ship.ip, port: ship.dockerPort}, delayMs: 25}))
    const delayed = writeLabEnvironment(lab, benchYaml(lab), {
      name: 'bench',
      shipKeys: (ship) => ({endpoint: '127.0.0.1', docker_port: proxies[ship.index - 1].port}),
    })
    const slow = await loadEnvironment(kernel, delayed, {env: process.env})
    rows.push(...(await measure(kernel, slow.environment, '(+50ms)')))
    print(rows, ships)
  } finally {
    await Promise.all(proxies.map((p) => p.close()))
    await kernel.dispose()
    await releaseLab()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runOrchestrationBench().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
