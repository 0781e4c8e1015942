import {expect} from 'chai'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {oclifDataDir, userPluginsListed} from '../../src/kernel/host-contract.js'

describe('userPluginsListed (whether the contract resolve hook is needed)', () => {
  let dir: string
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'maestro-hook-'))))
  afterEach(() => rmSync(dir, {recursive: true, force: true}))
  const listing = (content: string) => writeFileSync(join(dir, 'package.json'), content)

  it('finds oclif\'s data directory as oclif does', () => {
    expect(oclifDataDir({MAESTRO_DATA_DIR: '/d', XDG_DATA_HOME: '/x'})).to.equal('/d')
    expect(oclifDataDir({XDG_DATA_HOME: '/x'})).to.equal('/x/maestro')
    expect(oclifDataDir({HOME: '/h'})).to.equal('/h/.local/share/maestro')
  })

  it('is false with no plugin list or an empty one', () => {
    expect(userPluginsListed({MAESTRO_DATA_DIR: join(dir, 'none')}, 'linux')).to.equal(false)
    listing(JSON.stringify({private: true, oclif: {schema: 1, plugins: []}}))
    expect(userPluginsListed({MAESTRO_DATA_DIR: dir}, 'linux')).to.equal(false)
  })

  it('is true with an installed or linked plugin, with XDG_DATA_HOME too', () => {
    listing(JSON.stringify({oclif: {plugins: [{name: 'maestro-plugin-x', type: 'link', root: '/src/x'}]}}))
    expect(userPluginsListed({MAESTRO_DATA_DIR: dir}, 'linux')).to.equal(true)
    mkdirSync(join(dir, 'maestro'))
    writeFileSync(join(dir, 'maestro', 'package.json'), JSON.stringify({oclif: {plugins: [{name: 'y', type: 'user'}]}}))
    expect(userPluginsListed({XDG_DATA_HOME: dir}, 'linux')).to.equal(true)
  })

  it('is true when in doubt: an unreadable list, an unexpected shape, Windows', () => {
    listing('{not json')
    expect(userPluginsListed({MAESTRO_DATA_DIR: dir}, 'linux')).to.equal(true)
    listing(JSON.stringify({oclif: {plugins: 'x'}}))
    expect(userPluginsListed({MAESTRO_DATA_DIR: dir}, 'linux')).to.equal(true)
    mkdirSync(join(dir, 'listing-is-a-folder', 'package.json'), {recursive: true})
    expect(userPluginsListed({MAESTRO_DATA_DIR: join(dir, 'listing-is-a-folder')}, 'linux')).to.equal(true)
    expect(userPluginsListed({MAESTRO_DATA_DIR: join(dir, 'none')}, 'win32')).to.equal(true)
  })
})
