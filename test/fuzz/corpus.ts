import {readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** Folders whose YAML files seed the round: the examples, MaestroNG-style fixtures, the bad files and the kept fuzz seeds. */
const SEED_DIRS = ['examples', 'test/fixtures/templates', 'test/fixtures/bad', 'test/fixtures/fuzz']

export interface Seed {
  readonly name: string
  readonly text: string
}

export function seedCorpus(): Seed[] {
  return SEED_DIRS.flatMap((dir) =>
    readdirSync(ROOT + dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => ({name: `${dir}/${f}`, text: readFileSync(`${ROOT}${dir}/${f}`, 'utf8')})))
}
