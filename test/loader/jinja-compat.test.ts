import {expect} from 'chai'
import {renderTemplate} from '../../plugins/loader-yaml/template.js'

/**
 * Jinja2 features MaestroNG files use. Every expected output was produced by Jinja2 3.1 itself
 * (`Environment(extensions=['jinja2.ext.do']).from_string(t).render(env=env)`).
 */
const CASES: readonly [name: string, template: string, env: Record<string, string>, expected: string][] = [
  ["env variable", "{{ env.HOME }}", {HOME: "/home/me"}, "/home/me"],
  ["env subscript", "{{ env['HOME'] }}", {HOME: "/home/me"}, "/home/me"],
  ["undefined variable", "[{{ nope }}]", {}, "[]"],
  ["undefined through a filter", "[{{ nope|upper }}]", {}, "[]"],
  ["set", "{% set a = 'x' %}{{ a }}{{ a }}", {}, "xx"],
  ["set block", "{% set a %}in{% endset %}[{{ a }}]", {}, "[in]"],
  ["for with loop vars", "{% for x in ['a', 'b', 'c'] %}{{ loop.index0 }}{{ loop.index }}{{ x }}{% if not loop.last %},{% endif %}{% endfor %}", {}, "01a,12b,23c"],
  ["loop.last", "{% for x in [1, 2] %}{{ loop.last }} {% endfor %}", {}, "False True "],
  ["loop.first and length", "{% for x in [1, 2] %}{{ loop.first }}/{{ loop.length }} {% endfor %}", {}, "True/2 False/2 "],
  ["for else", "{% for x in [] %}x{% else %}empty{% endfor %}", {}, "empty"],
  ["if elif else", "{% for v in [0, 1, 2] %}{% if v == 0 %}zero{% elif v == 1 %}one{% else %}many{% endif %};{% endfor %}", {}, "zero;one;many;"],
  ["with assignments", "{% with a = 1, b = 2 %}{{ a }}+{{ b }}{% endwith %}", {}, "1+2"],
  ["with scoping", "{% set a = 'out' %}{% with a = 'in', b = a %}{{ a }}/{{ b }}{% endwith %}/{{ a }}[{{ b }}]", {}, "in/out/out[]"],
  ["with set inside", "{% with %}{% set c = 3 %}{{ c }}{% endwith %}[{{ c }}]", {}, "3[]"],
  ["tuple literal", "{% set t = (1, 2) %}{{ t[0] }}{{ t[1] }}{{ t|length }}", {}, "122"],
  ["for unpacking tuples", "{% for a, b in [(1, 2), (3, 4)] %}{{ a }}{{ b }};{% endfor %}", {}, "12;34;"],
  ["parenthesised expression", "{{ (1 + 2) * 3 }}", {}, "9"],
  ["trailing commas", "{{ [1, 2,]|length }} {{ {'a': 1,}|length }} {{ range(2,)|length }} {{ '{}{}'.format(1, 2,) }}", {}, "2 1 2 12"],
  ["format positional", "{{ '{}-{}'.format('a', 1) }}", {}, "a-1"],
  ["format indexed", "{{ '{0}{1}{0}'.format('x', 'y') }}", {}, "xyx"],
  ["format keywords", "{{ '{name}:{port}'.format(name='zk', port=2181) }}", {}, "zk:2181"],
  ["format spec", "{{ '{:03d}|{:>4}|{:<3}|{:.2f}'.format(7, 'a', 'b', 3.14159) }}", {}, "007|   a|b  |3.14"],
  ["format braces", "{{ '{{}}{}'.format(1) }}", {}, "{}1"],
  ["append via set", "{% set l = [] %}{% set _ = l.append('a') %}{% set _ = l.append('b') %}{{ l|join(',') }}", {}, "a,b"],
  ["append via do", "{% set l = [] %}{% do l.append(1) %}{{ l|length }}", {}, "1"],
  ["join", "{{ ['a', 'b']|join(',') }} {{ [1, 2]|join }}", {}, "a,b 12"],
  ["length", "{{ [1, 2, 3]|length }} {{ 'abcd'|length }} {{ {'a': 1}|length }}", {}, "3 4 1"],
  ["default", "{{ nope|default('d') }} {{ env.X|default('dx') }} {{ 'v'|default('d') }}", {}, "d dx v"],
  ["string filters", "{{ 'aB'|upper }} {{ 'aB'|lower }} {{ 'a-b'|replace('-', '_') }} {{ ' t '|trim }}|", {}, "AB ab a_b t|"],
  ["int and string filters", "{{ '42'|int + 1 }} {{ 3|string ~ '!' }} {{ 'x'|int }}", {}, "43 3! 0"],
  ["range", "{% for i in range(3) %}{{ i }}{% endfor %} {% for i in range(1, 7, 2) %}{{ i }}{% endfor %}", {}, "012 135"],
  ["dict items", "{% for k, v in {'a': 1, 'b': 2}.items() %}{{ k }}={{ v }};{% endfor %}", {}, "a=1;b=2;"],
  ["dict keys and values", "{{ {'a': 1}.keys()|list|join }} {{ {'a': 1}.values()|list|join }} {{ {'a': 1}.get('a') }} {{ {'a': 1}.get('z', 'd') }}", {}, "a 1 1 d"],
  ["iterating a dict yields keys", "{% for k in {'a': 1, 'b': 2} %}{{ k }}{% endfor %}", {}, "ab"],
  ["tilde concatenation", "{{ 'a' ~ 1 ~ 'b' }} {{ 'x' ~ True }} [{{ 'y' ~ nope }}]", {}, "a1b xTrue [y]"],
  ["comments", "a{# a comment #}b{#\n multi\n line #}c", {}, "abc"],
  ["whitespace control", "a\n  {%- if True -%}\n  b\n  {%- endif -%}\n  c", {}, "abc"],
  ["python literals", "{{ True }} {{ False }} {{ None }} {{ true }} {{ false }}", {}, "True False None True False"],
  ["comparison results", "{{ 1 == 1 }} {{ 1 > 2 }} {{ 'a' in ['a'] }}", {}, "True False True"],
  ["is defined", "{{ x is defined }} {{ env is defined }} {{ x is undefined }} {{ None is none }}", {}, "False True True True"],
  ["python repr of lists and dicts", "{{ ['a', 1, None, True] }} {{ {'k': 'v'} }}", {}, "['a', 1, None, True] {'k': 'v'}"],
  ["string methods", "{{ 'a,b'.split(',')|join('+') }} {{ 'abc'.startswith('ab') }} {{ '  x '.strip() }} {{ 'ab'.upper() }} {{ 'x-y'.replace('-', '.') }}", {}, "a+b True x AB x.y"],
  ["printf formatting", "{{ '%s-%d' % ('a', 3) }} {{ '%s!' % 'x' }} {{ -7 % 3 }}", {}, "a-3 x! 2"],
  ["macro with defaults", "{% macro m(a, b=2) %}{{ a }}{{ b }}{% endmacro %}{{ m(1) }}{{ m(1, b=3) }}", {}, "1213"],
  ["filter block", "{% filter upper %}hi{% endfilter %}", {}, "HI"],
  ["inline if", "{{ 'y' if True else 'n' }}{{ 'y' if nope else 'n' }}", {}, "yn"],
  ["integer division and power", "{{ 7 // 2 }} {{ 2 ** 3 }}", {}, "3 8"],
  ["dict literal attribute", "{% set d = {'a': {'b': 'c'}} %}{{ d.a.b }} {{ d['a']['b'] }}", {}, "c c"],
  ["env iteration sorted", "{% for k in env|sort %}{{ k }}={{ env[k] }};{% endfor %}", {B: "2", A: "1"}, "A=1;B=2;"],
  ["dict as list", "{{ {'b': 1, 'a': 2}|list|join }} {{ 'ab'|list|join('-') }}", {}, "ba a-b"],
  ["nested dict literal in a tag", "{% set d = {'a': {'b': 'c'}} %}{{ d.a.b }}{{ {'x': {'y': 1}}.x.y }}", {}, "c1"],
  ["namespace assignment", "{% set ns = namespace(n=0) %}{% for x in [1, 2] %}{% set ns.n = ns.n + x %}{% endfor %}{{ ns.n }}", {}, "3"],
  ["dict() global", "{{ dict(a=1)|length }}", {}, "1"],
  ["map and unique filters", "{{ [{'n': 'a'}, {'n': 'b'}, {'n': 'a'}]|map(attribute='n')|unique|join(',') }} {{ ['a', 'b']|map('upper')|join }}", {}, "a,b AB"],
  ["min max count items", "{{ [3, 1, 2]|min }}{{ [3, 1, 2]|max }}{{ [1, 2]|count }} {% for k, v in {'a': 1}|items %}{{ k }}{{ v }}{% endfor %}", {}, "132 a1"],
  ["format filter", "{{ '%s:%s'|format('h', 80) }}", {}, "h:80"],
  ["tojson", "{{ {'b': '<a>', 'a': [1, True, None]}|tojson }}", {}, "{\"a\": [1, true, null], \"b\": \"\\u003ca\\u003e\"}"],
  ["type tests", "{{ 1 is integer }} {{ 1.5 is float }} {{ True is boolean }} {{ [] is sequence }} {{ True is true }} {{ None is none }}", {}, "True True True True True True"],
  ["bool rendering in strings", "{{ 'x=%s' % True }} {{ [True, False]|join(',') }} {{ True|string }}", {}, "x=True True,False True"],
  ["set inside a for loop is local to the iteration", "{% set n = 0 %}{% for x in [1, 2] %}{% set n = n + x %}{{ n }},{% set y = x %}{% endfor %}{{ n }}[{{ y }}]", {}, "1,2,0[]"],
  ["nested loops keep their own loop variable", "{% for a in [1, 2] %}{% for b in [3, 4] %}{% set c = a * b %}{{ loop.index }}{{ c }} {% endfor %}{{ loop.index }}[{{ c }}];{% endfor %}", {}, "13 24 1[];16 28 2[];"],
  ["set in if stays in scope", "{% set a = 1 %}{% if True %}{% set a = 2 %}{% endif %}{{ a }}", {}, "2"],
  ["set in with and macro stays inside", "{% set a = 1 %}{% with %}{% set a = 2 %}{{ a }}{% endwith %}{% macro m() %}{% set a = 3 %}{{ a }}{% endmacro %}{{ m() }}{{ a }}", {}, "231"],
  ["loop variable does not leak", "{% set x = 'out' %}{% for x in [1] %}{% endfor %}{{ x }}", {}, "out"],
]

describe('renderTemplate (Jinja2 compatibility)', () => {
  for (const [name, template, env, expected] of CASES) {
    it(`renders ${name} as Jinja2 does`, async () => {
      expect(await renderTemplate(template, {file: '/t/maestro.yaml', baseDir: '/t', env})).to.equal(expected)
    })
  }
})
