/**
 * CLI start-up figures (never asserted): median wall time of `maestro --help` and `maestro validate`
 * on a generated 200-service file. Run: node dist/bench/cli.js [runs]
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const bin = fileURLToPath(new URL('../../../bin/run.js', import.meta.url))

/** 200 services on 5 ships, each requiring the previous one in its group of 10 (10 levels deep). */
export function generateEnvironment(services = 200, ships = 5): string {
  const lines = ['name: bench', 'ships:']
  for (let s = 0; s < ships; s++) lines.push(`  vm${s}: {ip: 127.0.0.${s + 1}}`)
  lines.push('services:')
  for (let i = 0; i < services; i++) {
    lines.push(`  svc${i}:`, `    image: example/svc${i}:1.0`)
    if (i % 10 !== 0) lines.push(`    requires: [svc${i - 1}]`)
    lines.push('    env: {ROLE: worker, LEVEL: ' + (i % 10) + '}', '    instances:', `      svc${i}-1:`, `        ship: vm${i % ships}`, '        ports: {http: 8080}')
  }
  return lines.join('\n') + '\n'
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

function time(args: string[], runs: number): {ms: number; ok: boolean} {
  const times: number[] = []
  let ok = true
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint()
    const r = spawnSync(process.execPath, [bin, ...args], {env: {...process.env, NO_COLOR: '1'}, encoding: 'utf8'})
    times.push(Number(process.hrtime.bigint() - t0) / 1e6)
    ok &&= r.status === 0
  }
  return {ms: median(times), ok}
}

export function benchCli(runs = 7): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'maestro-bench-'))
  try {
    const file = join(dir, 'maestro.yaml')
    writeFileSync(file, generateEnvironment())
    const rows: [string, {ms: number; ok: boolean}][] = [
      ['node -e 0 (baseline)', (() => {
        const t: number[] = []
        for (let i = 0; i < runs; i++) { const t0 = process.hrtime.bigint(); spawnSync(process.execPath, ['-e', '0']); t.push(Number(process.hrtime.bigint() - t0) / 1e6) }
        return {ms: median(t), ok: true}
      })()],
      ['maestro --help', time(['--help'], runs)],
      ['maestro validate (200 services)', time(['-f', file, 'validate'], runs)],
    ]
    return rows.map(([what, r]) => `${what.padEnd(34)} ${r.ms.toFixed(0).padStart(6)} ms  median of ${runs}${r.ok ? '' : '  (command FAILED)'}`)
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of benchCli(Number(process.argv[2] ?? 7))) console.log(line)
}
