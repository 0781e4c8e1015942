import {expect} from 'chai'
import {existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {renderTemplate} from '../../../plugins/loader-yaml/template.js'
import {rejectedMaestroError} from '../../helpers/errors.js'

describe('templates cannot run code (jinja-sandbox)', () => {
  let dir = ''
  let marker = ''
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'maestro-sandbox-'))
    marker = join(dir, 'PWNED')
  })
  after(() => rmSync(dir, {recursive: true, force: true}))

  const render = (text: string, baseDir = dir) => renderTemplate(text, {file: join(baseDir, 'maestro.yaml'), baseDir, env: {HOME: '/root'}})
  const failure = (text: string, baseDir = dir) => rejectedMaestroError(render(text, baseDir))
  const writeMarker = `process.mainModule.require('fs').writeFileSync('${marker}', 'x')`

  const escapes: readonly [what: string, template: string, member: string][] = [
    ['a global function\'s constructor', `a: 1\nb: "{{ range.constructor("${writeMarker}")() }}"`, 'constructor'],
    ['a string\'s constructor chain', `b: "{{ ''.constructor.constructor("${writeMarker}")() }}"`, 'constructor'],
    ['subscript access', `b: "{{ joiner['constructor']['constructor']("${writeMarker}")() }}"`, 'constructor'],
    ['a computed key', `{% set k = 'constr' ~ 'uctor' %}b: "{{ cycler[k][k]("${writeMarker}")() }}"`, 'constructor'],
    ['__proto__', `b: "{{ env.__proto__ }}"`, '__proto__'],
    ['__defineGetter__', `b: "{{ dict.__defineGetter__ }}"`, '__defineGetter__'],
    ['prototype', `b: "{{ namespace.prototype }}"`, 'prototype'],
    ['the attr filter', `b: "{{ (range|attr('constructor'))("${writeMarker}")() }}"`, 'constructor'],
    ['map(attribute=)', `b: "{{ [range]|map(attribute='constructor')|list }}"`, 'constructor'],
    ['join with an attribute', `b: "{{ [range]|join(',', 'constructor') }}"`, 'constructor'],
    ['a namespace attribute assignment', `{% set ns = namespace() %}{% set ns.__proto__ = {} %}b: 1`, '__proto__'],
  ]
  for (const [what, template, member] of escapes) {
    it(`refuses ${what} with a located error, and runs nothing`, async () => {
      const e = await failure(template)
      expect(e.code).to.equal('MAESTRO_CONFIG_TEMPLATE')
      expect(e.message).to.match(new RegExp(`^${join(dir, 'maestro.yaml')}:\\d+:\\d+: template error: access to '${member}' is not allowed in templates$`))
      expect(existsSync(marker), 'no file was written').to.equal(false)
    })
  }

  it('resolves bare names only to variables, env and the globals, never to Object.prototype', async () => {
    expect(await render('{{ constructor }}|{{ toString }}|{{ hasOwnProperty }}|{{ env.HOME }}|{{ range(2)|list }}')).to.equal('|||/root|[0, 1]')
  })

  it('assigns attributes on namespace() objects only, so globals are never changed', async () => {
    expect((await failure('{% set r = range %}\n{% set r.x = 1 %}')).message).to.match(/:2:1: template error: cannot assign attribute x: only namespace\(\) and dict\(\) objects take attributes$/)
    expect(await render('{% set ns = namespace(n=1) %}{% set ns.n = ns.n + 1 %}{{ ns.n }}')).to.equal('2')
  })

  it('ends a macro that calls itself with a located error', async () => {
    const e = await failure('a: 1\n{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(1) }}')
    expect(e.message).to.match(/maestro\.yaml:2:\d+: template error: recursion too deep: a macro that calls itself without end\?$/)
  })

  it('ends an include loop with a located error', async () => {
    const loop = join(dir, 'loop')
    mkdirSync(loop)
    writeFileSync(join(loop, 'a.j2'), "{% include 'b.j2' %}")
    writeFileSync(join(loop, 'b.j2'), "{% include 'a.j2' %}")
    const e = await failure("name: x\n{% include 'a.j2' %}\n", loop)
    expect(e.message).to.equal(`${join(loop, 'maestro.yaml')}:2:1: template error: templates include each other more than 32 deep: an include loop?`)
  })

  it('keeps include and import inside the file\'s folder tree (a sibling sharing its prefix is outside)', async () => {
    const base = join(dir, 'env')
    mkdirSync(join(base, 'parts'), {recursive: true})
    mkdirSync(join(dir, 'env-secrets'))
    writeFileSync(join(dir, 'env-secrets', 'x.j2'), 'leaked')
    writeFileSync(join(base, 'parts', 'ok.j2'), 'fine')
    expect(await render("{% include 'parts/ok.j2' %}", base)).to.equal('fine')
    for (const tag of ["{% include '../env-secrets/x.j2' %}", `{% include '${join(dir, 'env-secrets', 'x.j2')}' %}`, "{% import '../env-secrets/x.j2' as m %}"]) {
      const e = await failure(`a: 1\n${tag}`, base)
      expect(e.message, tag).to.match(/maestro\.yaml:2:1: template error: template outside the environment file's folder: .*env-secrets[/\\]x\.j2$/)
    }
  })

  it('follows a symlink inside the folder as Jinja2 does (documented)', async () => {
    const base = join(dir, 'linked')
    mkdirSync(base)
    writeFileSync(join(dir, 'shared.j2'), 'shared')
    symlinkSync(join(dir, 'shared.j2'), join(base, 'shared.j2'))
    expect(await render("{% include 'shared.j2' %}", base)).to.equal('shared')
  })
})
