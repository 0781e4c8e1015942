import {expect} from 'chai'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {judge} from '../../fuzz/round.js'

/** Inputs the fuzz round found: each is refused quickly with a located problem instead of hanging or throwing. */
const CASES: Array<[string, string, RegExp]> = [
  ['an unclosed comment', 'a: 1\nb: {# x\n', /:2:4: template error: expected end of comment/],
  ['an unclosed expression on the first line', '{{ x\n', /:1:1: template error: expected variable end/],
  ['a huge repetition', 'a: {{ "a" * 100000000 }}\n', /:1:4: template error: repetition too large/],
  ['a huge range', 'a: {{ range(100000000) | length }}\n', /:1:\d+: template error: range too big/],
  ['a runaway loop', 'a: {% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n', /:1:\d+: template error: loops ran more than/],
  ['an unclosed raw block', 'a: {% raw %}\n' + 'k: v\n'.repeat(20000), /:1:4: template error: missing end of raw directive/],
  ['a merge into itself', 'name: e\ndefaults: &d\n  ship: s\n  <<: *d\nships: {s: {ip: h}}\nservices: {}\n', /:4:7: merge key <<: \*d merges a mapping into itself/],
  ['deep flow nesting', 'name: e\ndeep: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n', /:2:\d+: the document nests too deeply/],
  ['a with tag cut short', 'ships:\n  {%- with nodes = [(1, 2', /:2:3: template error: /],
]

describe('loader bounds (fuzz findings)', function () {
  // CPU-bound work up to the bounds themselves: on a loaded CI runner it takes several times its idle duration
  this.timeout(120_000)
  const dir = mkdtempSync(join(tmpdir(), 'maestro-bounds-'))
  for (const [what, text, expected] of CASES) {
    it(`refuses ${what} with a located problem`, async () => {
      const file = join(dir, 'env.yaml')
      writeFileSync(file, text)
      const verdict = await judge(file)
      expect(verdict.kind).to.equal('located')
      expect(verdict.kind === 'located' && verdict.first).to.match(expected)
    })
  }

  it('cuts a huge value quoted by a problem in the middle', async () => {
    const file = join(dir, 'env.yaml')
    writeFileSync(file, `name: e\nships: {s: {ip: h}}\nservices: {web: {image: i, instances: {w: {ship: ${'x'.repeat(300_000)}}}}}\n`)
    const verdict = await judge(file)
    expect(verdict.kind === 'located' && verdict.first.length).to.be.within(100, 800)
  })
})
