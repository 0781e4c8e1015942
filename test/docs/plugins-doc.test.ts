import {expect} from 'chai'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {EVENT_NAMES} from '../../src/api/index.js'
import {projectRoot} from '../helpers/cli.js'

/** Event names in the first column of the catalogue table; `a:x` / `:y` shorthand expands to `a:y`. */
function documentedEvents(): string[] {
  const doc = readFileSync(join(projectRoot, 'docs/plugins.md'), 'utf8')
  const section = doc.slice(doc.indexOf('## Event catalogue'), doc.indexOf('\n## ', doc.indexOf('## Event catalogue') + 1))
  const names: string[] = []
  for (const line of section.split('\n').filter((l) => l.startsWith('| `'))) {
    const cell = line.split('|')[1]!
    let prefix = ''
    for (const [, name] of cell.matchAll(/`([a-z:-]+)`/g)) {
      const full = name!.startsWith(':') ? `${prefix}${name}` : name!
      prefix = full.includes(':') ? full.slice(0, full.indexOf(':')) : ''
      names.push(full)
    }
  }
  return names
}

describe('docs/plugins.md event catalogue', () => {
  it('documents every event of the bus, and no other', () => {
    expect([...documentedEvents()].sort()).to.deep.equal([...EVENT_NAMES].sort())
  })
})
