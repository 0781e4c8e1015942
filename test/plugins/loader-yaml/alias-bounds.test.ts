import {expect} from 'chai'
import {ALIAS_LIMITS} from '../../../plugins/loader-yaml/alias-bounds.js'
import {parseYaml11} from '../../../plugins/loader-yaml/yaml11.js'
import {thrownMaestroError} from '../../helpers/errors.js'

/** `levels` anchors, each a list of ten aliases to the one before: 10^levels nodes once expanded. */
function laughs(levels: number, indent = ''): string {
  const lines = [`${indent}a0: &a0 [x, x, x, x, x, x, x, x, x, x]`]
  for (let i = 1; i < levels; i++) lines.push(`${indent}a${i}: &a${i} [${Array.from({length: 10}, () => `*a${i - 1}`).join(', ')}]`)
  return lines.join('\n')
}

describe('YAML alias expansion is bounded (alias-bounds)', function () {
  // CPU-bound work up to the bounds themselves: on a loaded CI runner it takes several times its idle duration
  this.timeout(120_000)
  it('refuses a billion-laughs document at the alias that crosses the limit, without expanding it', () => {
    const used = process.memoryUsage().heapUsed
    const e = thrownMaestroError(() => parseYaml11(`name: x\nbomb:\n${laughs(12, '  ')}\n`, '/x/maestro.yaml'))
    expect(e.code).to.equal('MAESTRO_CONFIG_YAML')
    expect(e.message).to.match(/^\/x\/maestro\.yaml:8:\d+: alias \*a4 expands the document past 1,000,000 nodes$/)
    expect(process.memoryUsage().heapUsed - used, 'memory stays small').to.be.below(200 * 1024 * 1024)
  })

  it('refuses a document whose aliases repeat a long string past the text limit', () => {
    const long = 'x'.repeat(1024 * 1024)
    const e = thrownMaestroError(() => parseYaml11(`s: &s ${long}\nl: &l [*s, *s, *s, *s, *s, *s, *s, *s]\nm: [*l, *l, *l, *l, *l, *l, *l, *l, *l]\n`, '/x/m.yaml'))
    expect(e.message).to.match(new RegExp(`^/x/m\\.yaml:3:\\d+: alias \\*l expands the document past ${ALIAS_LIMITS.characters / 1024 / 1024} MiB of text$`))
  })

  it('accepts the aliases real files use, merge keys included, and shares what they point at', () => {
    const instances = Array.from({length: 3000}, (_, i) => `  c${i}: {<<: *base, ship: s${i % 30}}`).join('\n')
    const {data} = parseYaml11(`base: &base {image: app, env: {A: '1', B: '2'}, ports: {http: 80}}\ninstances:\n${instances}\n`, '/x/m.yaml')
    const parsed = data as {instances: Record<string, {image: string; ship: string}>}
    expect(Object.keys(parsed.instances)).to.have.length(3000)
    expect(parsed.instances.c2999).to.include({image: 'app', ship: 's29'})
  })

  it('accepts a laughs document just under the limit (10^5 nodes)', () => {
    expect(() => parseYaml11(`bomb:\n${laughs(5, '  ')}\n`, '/x/m.yaml')).to.not.throw()
  })
})
