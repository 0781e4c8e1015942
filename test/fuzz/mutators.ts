import type {Prng} from './prng.js'

/** One way of breaking an environment file; returns the mutated text. */
export interface Mutator {
  readonly name: string
  apply(text: string, rnd: Prng): string
}

const lines = (text: string): string[] => text.split('\n')
const keyLines = (ls: readonly string[]): number[] => ls.flatMap((l, i) => (/^\s*[^\s#-][^:]*:/.test(l) ? [i] : []))

function onKeyLine(text: string, rnd: Prng, change: (line: string, ls: string[], i: number) => void): string {
  const ls = lines(text)
  const keys = keyLines(ls)
  if (keys.length === 0) return text
  const i = rnd.pick(keys)
  change(ls[i], ls, i)
  return ls.join('\n')
}

const SCALARS = ['', '~', 'null', 'yes', 'no', 'on', 'off', 'true', '0', '-1', '1.0', '1e400', '.nan', '-.inf', '0x1F', '0o17', '017',
  '1:30:00', '2001-12-14t21:59:43.10-05:00', '2002-12-14', '99999999999999999999999', "''", '""', '"\\u0000"', '!!str 5', '!!int x',
  '!!float nope', '!!binary =', '!!set {a}', '!!omap [a]', '[]', '{}', '[1, [2, {a: b}]]', '{a: {b: {c: [d]}}}', '&a x', '*a', '*nope',
  '<<: *a', '| \n  block', '>-\n  folded', '"unterminated', "'unterminated", '{unclosed: 1', '[unclosed', ': :', '- - -', '%YAML 1.1',
  '---', '...', '? complex key', '@reserved', '`backtick', '!custom tag', 'a: b: c', 'ship1', 'nginx:1.25', '80/udp', '0.0.0.0:80:80',
  '-v /a:/b', '💥', 'é\u0301', '\u202e', '\ufeff', 'a\tb']

const TEMPLATE_FRAGMENTS = ['{{', '}}', '{%', '%}', '{#', '{{ x }}', '{{ env.HOME }}', '{{ env.NOPE }}', '{{ 1/0 }}', '{{ x.y.z }}',
  '{% if %}', '{% for x in %}', '{% endfor %}', '{% endif %}', '{% with a = 1 %}{{ a }}{% endwith %}', "{% include 'nope.yaml' %}",
  "{% include '../../../etc/passwd' %}", "{% import 'x' as y %}", '{{ range.constructor("return 1")() }}', '{{ "".__proto__ }}',
  '{{ cycler.constructor }}', "{{ '{}'.format(1, 2) }}", '{{ (1, 2,) }}', '{% set x = x + 1 %}', '{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}',
  '{{ loop.index0 }}', '{% raw %}', '{{ "a" * 100000000 }}', '{{ range(100000000) | length }}', '{% for i in range(3) %}{{ i }}{% endfor %}']

const pieceOfUnicode = (rnd: Prng): string => {
  const ranges: Array<[number, number]> = [[0x00, 0x1f], [0x80, 0x9f], [0x300, 0x36f], [0x4e00, 0x4e80], [0x1f300, 0x1f350], [0xd800, 0xdfff], [0xfff0, 0xffff]]
  const [lo, hi] = rnd.pick(ranges)
  return String.fromCodePoint(lo + rnd.int(hi - lo + 1))
}

/** Every mutation kind of the round: deleted keys, wrong types, random scalars, indentation, truncation, templates, size, depth, unicode. */
export const MUTATORS: readonly Mutator[] = [
  {name: 'delete a key line', apply: (t, r) => onKeyLine(t, r, (_l, ls, i) => void ls.splice(i, 1))},
  {name: 'delete a block', apply: (t, r) => onKeyLine(t, r, (l, ls, i) => {
    const indent = l.search(/\S/)
    let end = i + 1
    while (end < ls.length && (ls[end].trim() === '' || ls[end].search(/\S/) > indent)) end++
    ls.splice(i, end - i)
  })},
  {name: 'replace a value with a random scalar', apply: (t, r) => onKeyLine(t, r, (l, ls, i) => {
    ls[i] = l.replace(/:(\s.*)?$/, ': ' + r.pick(SCALARS))
  })},
  {name: 'replace a value with another type', apply: (t, r) => onKeyLine(t, r, (l, ls, i) => {
    ls[i] = l.replace(/:(\s.*)?$/, ': ' + r.pick(['[a, b]', '{a: 1}', '42', 'true', '~', '[[]]', '{}', '-3.5']))
  })},
  {name: 'rename a key', apply: (t, r) => onKeyLine(t, r, (l, ls, i) => {
    ls[i] = l.replace(/^(\s*)([^:]+):/, (_m, s: string, k: string) => `${s}${r.pick([k + 'x', k.toUpperCase(), k.slice(1), '', '"' + k + '"', k + ' ' + k, '__proto__', 'constructor', 'prototype'])}:`)
  })},
  {name: 'shift indentation', apply: (t, r) => {
    const ls = lines(t)
    const i = r.int(ls.length)
    const by = r.pick([-4, -2, -1, 1, 2, 3, 8])
    ls[i] = by > 0 ? ' '.repeat(by) + ls[i] : ls[i].slice(Math.min(-by, ls[i].search(/\S|$/)))
    return ls.join('\n')
  }},
  {name: 'tab indentation', apply: (t, r) => {
    const ls = lines(t)
    const i = r.int(ls.length)
    ls[i] = ls[i].replace(/^ +/, '\t')
    return ls.join('\n')
  }},
  {name: 'truncate', apply: (t, r) => t.slice(0, r.int(t.length + 1))},
  {name: 'cut in the middle', apply: (t, r) => {
    const a = r.int(t.length + 1)
    return t.slice(0, a) + t.slice(Math.min(t.length, a + 1 + r.int(200)))
  }},
  {name: 'duplicate a line', apply: (t, r) => {
    const ls = lines(t)
    const i = r.int(ls.length)
    ls.splice(i, 0, ls[i])
    return ls.join('\n')
  }},
  {name: 'insert a template fragment', apply: (t, r) => {
    const at = r.int(t.length + 1)
    return t.slice(0, at) + r.pick(TEMPLATE_FRAGMENTS) + t.slice(at)
  }},
  {name: 'a huge value', apply: (t, r) => onKeyLine(t, r, (l, ls, i) => {
    const unit = r.pick(['x', '9', 'é', '{{ x }}'])
    // 200k template expressions take seconds to compile and render (nunjucks, linear): a slow file, not a defect
    const times = (unit.startsWith('{{') ? 20_000 : 200_000) + r.int(unit.startsWith('{{') ? 20_000 : 200_000)
    ls[i] = l.replace(/:(\s.*)?$/, ': ' + unit.repeat(times))
  })},
  {name: 'deep nesting', apply: (t, r) => {
    const depth = 1000 + r.int(20_000)
    const [open, close] = r.pick([['[', ']'], ['{a: ', '}'], ['- ', '']])
    return t + '\ndeep: ' + open.repeat(depth) + 'x' + close.repeat(depth) + '\n'
  }},
  {name: 'deep block nesting', apply: (t, r) => {
    const depth = 200 + r.int(2000)
    return t + '\ndeep:\n' + Array.from({length: depth}, (_, i) => ' '.repeat(i + 1) + 'k:').join('\n') + ' v\n'
  }},
  {name: 'alias fan-out', apply: (t, r) => {
    const fan = 2 + r.int(9)
    const depth = 3 + r.int(12)
    const defs = ['a0: &a0 [x]', ...Array.from({length: depth}, (_, i) => `a${i + 1}: &a${i + 1} [${Array(fan).fill(`*a${i}`).join(', ')}]`)]
    return t + '\n' + defs.join('\n') + '\n'
  }},
  {name: 'unicode', apply: (t, r) => {
    let out = t
    for (let n = 1 + r.int(5); n > 0; n--) {
      const at = r.int(out.length + 1)
      out = out.slice(0, at) + pieceOfUnicode(r) + out.slice(at)
    }
    return out
  }},
  {name: 'random bytes', apply: (t, r) => {
    const at = r.int(t.length + 1)
    return t.slice(0, at) + Array.from({length: 1 + r.int(40)}, () => String.fromCharCode(r.int(256))).join('') + t.slice(at)
  }},
  {name: 'swap two lines', apply: (t, r) => {
    const ls = lines(t)
    const a = r.int(ls.length)
    const b = r.int(ls.length)
    ;[ls[a], ls[b]] = [ls[b], ls[a]]
    return ls.join('\n')
  }},
]

/** One to three mutations of `text`, named. */
export function mutate(text: string, rnd: Prng): {text: string; applied: string[]} {
  const applied: string[] = []
  let out = text
  for (let n = 1 + rnd.int(3); n > 0; n--) {
    const m = rnd.pick(MUTATORS)
    out = m.apply(out, rnd)
    applied.push(m.name)
  }
  return {text: out, applied}
}
