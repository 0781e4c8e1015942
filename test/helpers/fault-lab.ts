/**
 * The fault tests' shared fixture: inside a `describe`, takes the lab in `before` and writes the test's environment
 * file (named after the test's prefix, so parallel runs never share containers); in `after`, undoes the test's own
 * fault first, then kills and cleans every container of the file and removes its folder.
 */
import {expect} from 'chai'
import {rmSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {useLab, writeLabEnvironment, type Lab, type LabEnvironmentOptions} from './lab.js'
import {maestro, type CliResult} from './cli.js'
import {labDocker, type LabDocker} from './lab-docker.js'

export interface FaultLabOptions {
  /** Prefix of the environment's name and of every container name (the process id is appended). */
  readonly prefix: string
  readonly ships: number
  /** The file's body after `ships:` (services …), for the prefixed name `p`. */
  readonly services: (lab: Lab, p: string) => string
  readonly shipKeys?: LabEnvironmentOptions['shipKeys']
  /** Undoes what the test did to a ship (a blackholed port …), before the containers are removed. */
  readonly restore?: () => Promise<void>
}

export interface FaultLab {
  /** `<prefix><pid>`: the environment's name, and the prefix of its container names. */
  readonly p: string
  readonly lab: Lab
  readonly file: string
  readonly dir: string
  readonly docker: LabDocker
  /** Writes the file again with another body (a fixed configuration), in the same folder. */
  rewrite(services: string): void
  /** `--reporter` flags writing JSON lines and JUnit into the file's folder, and those files. */
  reports(...others: string[]): {args: string[]; jsonFile: string; junitFile: string}
  /** `maestro -f FILE ARGS`, which must exit 0. */
  ok(...args: string[]): Promise<CliResult>
}

export function faultLab(options: FaultLabOptions): FaultLab {
  const p = `${options.prefix}${process.pid}`
  let lab: Lab | undefined
  let file = ''
  const write = (services: string, dir?: string): string =>
    writeLabEnvironment(fixture.lab, services, {ships: options.ships, name: p, shipKeys: options.shipKeys, ...(dir ? {dir} : {})})
  const fixture: FaultLab = {
    p,
    get lab() {
      if (!lab) throw new Error('faultLab: the lab is not up yet (use it inside a test or a later hook)')
      return lab
    },
    get file() {
      return file
    },
    get dir() {
      return dirname(file)
    },
    docker: labDocker(() => fixture.lab),
    rewrite: (services) => void write(services, dirname(file)),
    reports(...others) {
      const jsonFile = join(dirname(file), 'events.jsonl')
      const junitFile = join(dirname(file), 'junit.xml')
      return {args: [...others.flatMap((r) => ['--reporter', r]), '--reporter', `json=${jsonFile}`, '--reporter', `junit=${junitFile}`], jsonFile, junitFile}
    },
    async ok(...args) {
      const r = await maestro(['-f', file, ...args])
      expect(r.code, r.stdout + r.stderr).to.equal(0)
      return r
    },
  }

  before(async function () {
    lab = await useLab({ships: options.ships, context: this})
    file = write(options.services(lab, p))
  })

  after(async () => {
    await options.restore?.()
    if (!file) return
    await maestro(['-f', file, 'kill', '-a'])
    await maestro(['-f', file, 'clean'])
    rmSync(dirname(file), {recursive: true, force: true})
  })

  return fixture
}
