/**
 * Environments for the simulated fleet (issue 15): `levels` levels of `services` services of `instances` instances,
 * every service requiring all services of the level below (fully fanned in), instances spread round-robin over
 * `ships` ships whose daemons listen on 127.0.0.1 at the given ports.
 */
export interface FleetShape {
  readonly label: string
  readonly levels: number
  readonly services: number
  readonly instances: number
  readonly ships: number
}

export const FLEETS: readonly FleetShape[] = [
  {label: '30', levels: 3, services: 2, instances: 5, ships: 3},
  {label: '300', levels: 6, services: 5, instances: 10, ships: 30},
  {label: '3,000', levels: 3, services: 10, instances: 100, ships: 100},
]

export const containerCount = (f: FleetShape): number => f.levels * f.services * f.instances

export function fleetYaml(f: FleetShape, ports: readonly number[]): string {
  if (ports.length !== f.ships) throw new Error(`fleet ${f.label}: ${f.ships} ships, ${ports.length} ports`)
  const lines = ['name: fleet', 'ships:']
  // timeout 30: the one fake daemon process answers for every ship, on the same cores as maestro.
  ports.forEach((port, i) => lines.push(`  ship${i + 1}: {ip: 127.0.0.1, docker_port: ${port}, timeout: 30}`))
  lines.push('services:')
  let n = 0
  for (let level = 0; level < f.levels; level++) {
    for (let s = 0; s < f.services; s++) {
      lines.push(`  l${level}s${s}:`, `    image: fleet/l${level}s${s}:1.0`)
      if (level > 0) lines.push(`    requires: [${Array.from({length: f.services}, (_, b) => `l${level - 1}s${b}`).join(', ')}]`)
      lines.push('    instances:')
      for (let i = 0; i < f.instances; i++) {
        lines.push(`      l${level}s${s}-${i + 1}: {ship: ship${(n++ % f.ships) + 1}, stop_timeout: 1}`)
      }
    }
  }
  return lines.join('\n') + '\n'
}
