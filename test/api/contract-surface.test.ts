import {expect} from 'chai'
import * as contract from '../../src/api/index.js'
import * as library from '../../src/index.js'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {projectRoot} from '../helpers/cli.js'

describe('the plugin contract entry (maestro-ng/plugin)', () => {
  it('exports the contract and nothing of the library', () => {
    expect(contract).to.include.keys('definePlugin', 'Tokens', 'MaestroError', 'API_VERSION', 'NO_TRANSPORT_FLAGS')
    expect(contract).not.to.have.any.keys('openEnvironment', 'bootPlugins', 'Session')
  })

  it('has no dead surface: tokens are the six extension points, no tsyringe adapters, no never-raised codes', () => {
    expect(Object.keys(contract.Tokens).sort()).to.deep.equal(['Check', 'Loader', 'Notifier', 'Reporter', 'Scheduler', 'Transport'])
    expect(contract).not.to.have.any.keys('asInjectionToken', 'cycleError')
    expect(readFileSync(join(projectRoot, 'src/api/errors.ts'), 'utf8')).not.to.include('MAESTRO_GRAPH_CYCLE')
  })

  it('the library entry (maestro-ng) re-exports the contract next to the library', () => {
    expect(library.definePlugin).to.equal(contract.definePlugin)
    expect(library).to.include.keys('openEnvironment', 'bootPlugins')
  })
})
