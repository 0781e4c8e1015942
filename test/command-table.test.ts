import {expect} from 'chai'
import {COMMANDS} from '../src/command-table.js'

describe('the command table', () => {
  const where = (f: (c: (typeof COMMANDS)[keyof typeof COMMANDS]) => boolean) => Object.entries(COMMANDS).filter(([, c]) => f(c)).map(([n]) => n).sort()

  it('says which commands change containers (and take the deploy lock): never the read-only ones', () => {
    expect(where((c) => c.changesContainers)).to.deep.equal(['clean', 'kill', 'restart', 'rollback', 'start', 'stop'])
  })

  it('has a recipe for every play command and none for the others', async () => {
    expect(where((c) => c.recipe !== undefined)).to.deep.equal(['clean', 'kill', 'pull', 'restart', 'rollback', 'start', 'status', 'stop'])
    for (const c of Object.values(COMMANDS)) if (c.recipe) expect(await c.recipe()).to.be.a('function')
  })

  it('extends -d to dependents, and needs -s/-a, for stop, kill and restart only; clean ignores -i', () => {
    expect(where((c) => c.extend === 'dependents')).to.deep.equal(['kill', 'restart', 'stop'])
    expect(where((c) => c.explicitServices)).to.deep.equal(['kill', 'restart', 'stop'])
    expect(where((c) => !c.honoursIgnoreDependencies)).to.deep.equal(['clean'])
  })
})
