import {expect} from 'chai'
import {importCycles, importGraph} from './helpers/import-graph.js'
import {projectRoot} from './helpers/cli.js'

/** The package's two entries; nothing else in src/ or plugins/ may import a folder's index.ts barrel. */
const ENTRIES = new Set(['src/index.ts', 'src/api/index.ts'])
const isBarrel = (file: string): boolean => file.endsWith('/index.ts') && file.startsWith('src/') && file !== 'src/logs/index.ts'

describe('the import graph of src/ and plugins/', () => {
  const graph = importGraph(projectRoot, ['src', 'plugins'])

  it('has no cycle (type-only imports included)', () => {
    const cycles = importCycles(graph).map((c) => c.join(' <-> '))
    expect(cycles, `import cycles:\n${cycles.join('\n')}`).to.deep.equal([])
  })

  it('core code imports concrete modules: only plugins/ import the contract entry, nothing imports the library entry or a barrel', () => {
    const offending = [...graph].flatMap(([file, targets]) => targets
      .filter((t) => t === 'src/index.ts' || (isBarrel(t) && !(t === 'src/api/index.ts' && (file.startsWith('plugins/') || file === 'src/index.ts')) && !(ENTRIES.has(file) && t === 'src/lib/index.ts')))
      .map((t) => `${file} imports ${t}`))
    expect(offending).to.deep.equal([])
  })

  it('detects a cycle (self-check)', () => {
    expect(importCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).to.deep.equal([['a', 'b', 'c']])
    expect(importCycles(new Map([['a', ['b']], ['b', []]]))).to.deep.equal([])
  })
})
