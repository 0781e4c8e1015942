import {expect} from 'chai'
import {admitPlugins} from '../../src/kernel/plugin-admission.js'
import type {MaestroPlugin} from '../../src/api/index.js'

const plugin = (name: string, extra: Partial<MaestroPlugin> = {}): MaestroPlugin => ({name, api: '^1.0.0', register: () => {}, ...extra})
const admit = (...plugins: unknown[]) => admitPlugins(plugins.map((p) => ({plugin: p as MaestroPlugin, from: 'pkg'})))

describe('admitPlugins (the one plugin policy)', () => {
  it('skips a second copy of a plugin and says so', () => {
    const {admitted, problems} = admit(plugin('a'), plugin('b'), plugin('a'))
    expect(admitted.map((p) => p.name)).to.deep.equal(['a', 'b'])
    expect(problems.map((p) => [p.code, p.message])).to.deep.equal([['MAESTRO_PLUGIN_DUPLICATE', 'plugin a is installed twice; the second copy was skipped']])
  })

  it('skips plugins whose dependencies are missing, transitively', () => {
    const {admitted, problems} = admit(plugin('a'), plugin('b', {dependencies: ['x']}), plugin('c', {dependencies: ['b']}))
    expect(admitted.map((p) => p.name)).to.deep.equal(['a'])
    expect(problems.map((p) => p.code)).to.deep.equal(['MAESTRO_PLUGIN_DEPENDENCY', 'MAESTRO_PLUGIN_DEPENDENCY'])
    expect(problems[0]!.message).to.equal('plugin b depends on x, which is not installed; skipped')
  })

  it('skips what is not a plugin and plugins for another API major, naming the package', () => {
    const {admitted, problems} = admit({name: 'nope'}, plugin('old', {api: '^2.0.0'}))
    expect(admitted).to.deep.equal([])
    expect(problems.map((p) => [p.code, p.message])).to.deep.equal([
      ['MAESTRO_PLUGIN_LOAD', 'plugin package pkg returned something that is not a Maestro plugin; skipped'],
      ['MAESTRO_PLUGIN_API', 'plugin old (from pkg) needs plugin API ^2.0.0, but this Maestro provides 1.3.0; skipped'],
    ])
  })
})
