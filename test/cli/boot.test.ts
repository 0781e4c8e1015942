import {expect} from 'chai'
import type {MaestroPlugin} from '../../src/api/index.js'
import {usablePlugins} from '../../src/cli/boot.js'
import {parseReporterSpec} from '../../src/cli/reporters.js'

const plugin = (name: string, dependencies: string[] = []): MaestroPlugin => ({name, api: '^1.0.0', dependencies, register: () => {}})

describe('usablePlugins', () => {
  it('skips a second copy of a plugin and says so', () => {
    const problems: string[] = []
    const out = usablePlugins([plugin('a'), plugin('b'), plugin('a')], problems)
    expect(out.map((p) => p.name)).to.deep.equal(['a', 'b'])
    expect(problems).to.deep.equal(['plugin a is installed twice; the second copy was skipped'])
  })

  it('skips plugins whose dependencies are missing, transitively', () => {
    const problems: string[] = []
    const out = usablePlugins([plugin('a'), plugin('b', ['x']), plugin('c', ['b'])], problems)
    expect(out.map((p) => p.name)).to.deep.equal(['a'])
    expect(problems).to.have.length(2)
    expect(problems[0]).to.equal('plugin b depends on x, which is not installed; skipped')
  })
})

describe('parseReporterSpec', () => {
  it('reads name and name=target', () => {
    expect(parseReporterSpec('console')).to.deep.equal({name: 'console'})
    expect(parseReporterSpec('junit=out/a=b.xml')).to.deep.equal({name: 'junit', target: 'out/a=b.xml'})
  })
})
