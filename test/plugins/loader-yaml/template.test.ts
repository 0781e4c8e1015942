import {expect} from 'chai'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {hasTemplateSyntax, renderTemplate} from '../../../plugins/loader-yaml/template.js'
import {TEMPLATES} from './fixtures.js'
import {rejectedMaestroError} from '../../helpers/errors.js'

const render = (text: string, env: Record<string, string> = {}, baseDir = '/t') => renderTemplate(text, {file: '/t/maestro.yaml', baseDir, env})

const failure = (text: string, baseDir = '/t') => rejectedMaestroError(render(text, {}, baseDir))

describe('renderTemplate', () => {
  describe('hasTemplateSyntax', () => {
    it('detects {{, {% and {#', () => {
      expect(['a: {{ x }}', '{% if 1 %}{% endif %}', '{# c #}'].map(hasTemplateSyntax)).to.deep.equal([true, true, true])
    })
    it('lets plain YAML, including flow mappings, skip templating', () => {
      expect(['a: {b: 1}', 'a: "{x}"', 'x: 1'].map(hasTemplateSyntax)).to.deep.equal([false, false, false])
    })
  })

  // Expected outputs produced by Jinja2 3.1 with a FileSystemLoader on test/fixtures/templates.
  describe('include and import (as Jinja2)', () => {
    const fixture = (text: string, env: Record<string, string> = {}) => render(text, env, TEMPLATES)
    it('drops the trailing newline of an included file, as Jinja2 does', async () => {
      expect(await fixture("image: {% include 'image.txt' %}:latest\nnext: 1\n")).to.equal('image: nginx:latest\nnext: 1')
    })
    it('lets an included file see with-variables', async () => {
      expect(await fixture("{% with v = 1, x = 2 %}{% include 'part.j2' %}{% endwith %}")).to.equal('v=1 x=2')
    })
    it('lets an included file see loop and loop-body variables', async () => {
      expect(await fixture("{% for x in [7] %}{% set v = 3 %}{% include 'part.j2' %}{% endfor %}")).to.equal('v=3 x=7')
    })
    it('imports macros and variables without the context', async () => {
      expect(await fixture("{% import 'context.j2' as m %}{{ m.show(1) }}{{ m.top }}", {WHO: 'w'})).to.equal('[1|False]5')
    })
    it('imports with context on request', async () => {
      expect(await fixture("{% import 'context.j2' as m with context %}{{ m.show(1) }}", {WHO: 'w'})).to.equal('[1|True]')
    })
    it('imports single macros with from', async () => {
      expect(await fixture("{% from 'context.j2' import show %}{{ show(2) }}")).to.equal('[2|False]')
    })
  })

  describe('beyond Jinja2 (documented leniency)', () => {
    // Jinja2 raises UndefinedError for an attribute of an undefined variable; MaestroNG files cannot rely
    // on either behaviour, and rendering empty is the friendlier one.
    it('renders attribute chains on undefined variables as empty', async () => {
      expect(await render('[{{ nope.a.b }}]')).to.equal('[]')
    })
    // Python tuples become lists, so a printed tuple shows brackets.
    it('prints a tuple literal as a list', async () => {
      expect(await render('{{ (1, 2) }}')).to.equal('[1, 2]')
    })
  })

  describe('errors', () => {
    let dir: string
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'maestro-template-'))
    })
    afterEach(() => rmSync(dir, {recursive: true, force: true}))

    it('reports a syntax error at its line and column', async () => {
      const e = await failure('a: 1\nb: {% if %}\n')
      expect(e.code).to.equal('MAESTRO_CONFIG_TEMPLATE')
      expect(e.message).to.equal('/t/maestro.yaml:2:10: template error: unexpected token: %}')
      expect(e.exit).to.equal(2)
    })
    it('reports an unknown tag', async () => {
      expect((await failure('a\n  {% frob %}\n')).message).to.equal('/t/maestro.yaml:2:6: template error: unknown block tag: frob')
    })
    it('reports an unclosed block at the end of the file', async () => {
      expect((await failure('a\n{% for x in y %}\nb\n')).message).to.equal('/t/maestro.yaml:3:1: template error: unexpected end of file')
    })
    it('reports an unknown filter at its first use', async () => {
      expect((await failure('a: 1\nb: {{ x|nofilter }}\n')).message).to.equal('/t/maestro.yaml:2:8: template error: filter not found: nofilter')
    })
    it('reports calling an undefined function at the call', async () => {
      expect((await failure('a: 1\n\nb: {{ nope() }}\n')).loc).to.deep.equal({file: '/t/maestro.yaml', line: 3, column: 11})
    })
    it('reports a runtime error on the first line with its column', async () => {
      expect((await failure('a: {{ "x".nomethod() }}\n')).loc).to.deep.equal({file: '/t/maestro.yaml', line: 1, column: 19})
    })
    it('reports a missing include at the include tag', async () => {
      expect((await failure('a: 1\n  {% include "zz.yaml" %}\n', dir)).message).to.equal('/t/maestro.yaml:2:3: template error: template not found: zz.yaml')
    })
    it('reports a syntax error in an imported file at that file', async () => {
      writeFileSync(join(dir, 'm.j2'), 'x\n{% macro x() %}{% if %}{% endmacro %}\n')
      const e = await failure('a: 1\n{% import "m.j2" as m %}\n', dir)
      expect(e.loc).to.deep.equal({file: join(dir, 'm.j2'), line: 2, column: 22})
    })
    it('reports a runtime error in a from-imported file at that file', async () => {
      writeFileSync(join(dir, 'r.j2'), '{% macro x() %}{% endmacro %}\n{% set y = nope() %}\n')
      const e = await failure('{% from "r.j2" import x %}\n{{ x() }}\n', dir)
      expect(e.loc?.file).to.equal(join(dir, 'r.j2'))
      expect(e.loc?.line).to.equal(2)
    })
  })
})
