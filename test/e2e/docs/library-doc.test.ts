import {expect} from 'chai'
import {execFile} from 'node:child_process'
import {readFileSync, rmSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {promisify} from 'node:util'
import {projectRoot} from '../../helpers/cli.js'
import {useLab, writeLabEnvironment} from '../../helpers/lab.js'
import {removeAllContainers} from '../../helpers/lab-environment.js'

const run = promisify(execFile)
const SOURCE = join(projectRoot, 'examples/library/doc-example.ts')
const COMPILED = join(projectRoot, 'dist/examples/library/doc-example.js')
/** The first ```ts block of docs/library.md. */
const docExample = (): string => {
  const doc = readFileSync(join(projectRoot, 'docs/library.md'), 'utf8')
  const start = doc.indexOf('```ts\n') + '```ts\n'.length
  return doc.slice(start, doc.indexOf('```', start))
}

describe('docs/library.md example', () => {
  it('is examples/library/doc-example.ts verbatim, so the build type-checks it', () => {
    const source = readFileSync(SOURCE, 'utf8')
    expect(source.slice(source.indexOf('*/\n') + 3)).to.equal(docExample())
  })
})

describe('docs/library.md example run on the lab @e2e', function () {
  this.timeout(60_000)
  let file: string

  before(async function () {
    const lab = await useLab({ships: 2, context: this})
    file = writeLabEnvironment(lab, `services:
  db:
    image: ${lab.image}
    instances: {libdoc-db-1: {ship: ship1, command: sleep 86400, stop_timeout: 1}}
  web:
    image: ${lab.image}
    requires: [db]
    instances: {libdoc-web-1: {ship: ship2, command: sleep 86400, stop_timeout: 1}}
`, {ships: 2, name: 'libdoc'})
  })

  after(async () => {
    if (!file) return
    await removeAllContainers(file)
    rmSync(dirname(file), {recursive: true, force: true})
  })

  it('starts web with its dependency, prints the status, then stops web, as the page says', async () => {
    const {stdout, stderr} = await run(process.execPath, [COMPILED], {cwd: dirname(file)})
    expect(stderr).to.equal('')
    const lines = stdout.trim().split('\n')
    const shown = lines.map((l) => l.replace(/ for \d+s$/, ' for Ns'))
    expect(shown, stdout).to.have.length(7)
    expect(shown.slice(0, 2), 'the dependency first').to.deep.equal(['libdoc-db-1: started', 'libdoc-web-1: started'])
    // task:end comes from every play, status included (its containers in any order)
    expect(shown.slice(2, 4)).to.have.members(['libdoc-db-1: running', 'libdoc-web-1: running'])
    expect(shown.slice(4)).to.deep.equal(['libdoc-db-1 running for Ns', 'libdoc-web-1 running for Ns', 'libdoc-web-1: stopped'])
  })
})
