import {expect} from 'chai'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {projectRoot} from '../helpers/cli.js'

interface ManifestFlag {name: string; char?: string}
const manifest = JSON.parse(readFileSync(join(projectRoot, 'oclif.manifest.json'), 'utf8')) as {commands: Record<string, {flags: Record<string, ManifestFlag>}>}
const flagsOf = (id: string): string[] => Object.values(manifest.commands[id]!.flags).map((f) => (f.char ? `-${f.char}/--${f.name}` : `--${f.name}`))

const SELECT = ['-c/--concurrency', '-d/--with-dependencies', '-i/--ignore-dependencies', '-C/--container-filter', '-S/--ship-filter']
const REVERSE = [...SELECT, '-s/--expand-services', '-a/--all']
/** Reference §1, the option groups of each command (MaestroNG 0.8.3), by short and long name. */
const UPSTREAM: Record<string, string[]> = {
  status: [...SELECT, '-F/--full', '-H/--show-hosts'],
  pull: SELECT,
  start: [...SELECT, '-r/--refresh-images', '--reuse'],
  stop: REVERSE,
  kill: REVERSE,
  restart: [...REVERSE, '-r/--refresh-images', '--reuse', '--step-delay', '--stop-start-delay', '--only-if-changed'],
  clean: SELECT,
  deptree: ['-r/--recursive'],
  dump: ['-c/--config'],
}

describe('command flags (oclif manifest) against reference §1', () => {
  for (const [id, flags] of Object.entries(UPSTREAM)) {
    it(`${id} has the upstream flags ${flags.join(' ')}`, () => {
      expect(flagsOf(id)).to.include.members(flags)
    })
  }

  it('every command takes -f/--file', () => {
    for (const id of Object.keys(UPSTREAM)) expect(flagsOf(id), id).to.include('-f/--file')
  })
})
