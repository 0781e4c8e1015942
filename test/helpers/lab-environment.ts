import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {openEnvironment} from '../../src/index.js'
import type {Lab, LabShip} from './lab.js'

export interface LabEnvironmentOptions {
  /** How Maestro reaches each ship's daemon: its unix socket or plain TCP (default). */
  readonly via?: 'socket' | 'tcp'
  /** Use only the first N ships (default all). */
  readonly ships?: number
  /** Environment name, unless the body sets `name:` itself (default `lab`). */
  readonly name?: string
  /** Extra keys for every ship (e.g. `{api_version: 'auto', timeout: 3}`), or per ship. */
  readonly shipKeys?: Readonly<Record<string, unknown>> | ((ship: LabShip) => Readonly<Record<string, unknown>>)
  /** Directory to write into (default a fresh temp dir). */
  readonly dir?: string
  /** File name (default `maestro.yaml`). */
  readonly file?: string
}

/** The `ships:` block pointing at the lab, as YAML text (JSON flow mappings are valid YAML). */
export function labShipsYaml(lab: Lab, options: LabEnvironmentOptions = {}): string {
  const ships = lab.ships.slice(0, options.ships ?? lab.ships.length)
  const lines = ships.map((ship) => {
    const reach = options.via === 'socket' ? {socket_path: ship.socket} : {docker_port: ship.dockerPort}
    const extra = typeof options.shipKeys === 'function' ? options.shipKeys(ship) : (options.shipKeys ?? {})
    return `  ${ship.name}: ${JSON.stringify({ip: ship.ip, ...reach, ...extra})}`
  })
  return `ships:\n${lines.join('\n')}\n`
}

/**
 * Writes a maestro.yaml whose `ships:` block points at the lab, followed by `yamlBody`
 * (services, registries, …; it must not contain `ships:`). Returns the file's path.
 */
export function writeLabEnvironment(lab: Lab, yamlBody: string, options: LabEnvironmentOptions = {}): string {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'maestro-lab-'))
  const file = join(dir, options.file ?? 'maestro.yaml')
  const name = /^name\s*:/m.test(yamlBody) ? '' : `name: ${JSON.stringify(options.name ?? 'lab')}\n`
  writeFileSync(file, `${name}${labShipsYaml(lab, options)}${yamlBody.endsWith('\n') ? yamlBody : `${yamlBody}\n`}`)
  return file
}

/** Kills and removes every container of the environment in `file` (through the library), leaving its ships clean. */
export async function removeAllContainers(file: string): Promise<void> {
  const s = await openEnvironment(file, {env: {}})
  try {
    await s.kill([], {ignoreDependencies: true})
    await s.clean([], {ignoreDependencies: true})
  } finally {
    await s.close()
  }
}
