import {countIteration} from './jinja-bounds.js'
import type {AstNode, Compiler, NunjucksModule, Parser} from './nunjucks-internals.js'
import {isPlainObject} from './python-values.js'

type ForNode = AstNode & {name: AstNode & {value?: string}; arr: AstNode & {cond?: AstNode; body?: AstNode; else_?: AstNode | null}}

/**
 * Jinja2 loop features nunjucks lacks:
 * - loop filtering, `{% for x in xs if x.enabled %}` (nunjucks parses `xs if cond` as an inline if with no
 *   else and silently loops over nothing). The iterable becomes `xs|maestro_loop_filter(test)`, where
 *   `test` is an anonymous macro over the loop variables that outputs `1` when the condition holds, so
 *   `loop.index`, `loop.length` and `loop.last` count the kept items, as in Jinja2.
 * - `loop.cycle('odd', 'even')`.
 */
export function installJinjaLoops(nj: NunjucksModule): void {
  const {nodes} = nj
  const parser = nj.parser.Parser.prototype
  const parseFor = parser.parseFor as (this: Parser) => ForNode
  parser.parseFor = function parseFilteredFor(this: Parser): ForNode {
    const node = parseFor.call(this)
    const {arr} = node
    if (arr.typename !== 'InlineIf' || arr.else_ || !arr.cond || !arr.body) return node
    const [l, c] = [arr.lineno, arr.colno]
    const targets = (node.name.typename === 'Array' ? node.name.children : [node.name]) as (AstNode & {value: string})[]
    const params = new nodes.NodeList(l, c, targets.map((t) => new nodes.Symbol(t.lineno, t.colno, t.value)))
    const keep = new nodes.NodeList(l, c, [new nodes.Output(l, c, [new nodes.TemplateData(l, c, '1')])])
    const test = new nodes.Caller(l, c, new nodes.Symbol(l, c, 'caller'), params, new nodes.NodeList(l, c, [new nodes.If(l, c, arr.cond, keep, null)]))
    const args = new nodes.NodeList(l, c, [arr.body, test, new nodes.Literal(l, c, targets.length > 1)])
    node.arr = new nodes.Filter(l, c, new nodes.Symbol(l, c, 'maestro_loop_filter'), args)
    return node
  }

  const compiler = nj.compiler.Compiler.prototype as Compiler & Record<string, unknown>
  const emitLoopBindings = compiler._emitLoopBindings as (this: Compiler, node: AstNode, arr: string, i: string, len: string) => void
  compiler._emitLoopBindings = function emitBindingsWithCycle(this: Compiler & {_emitLine(code: string): void}, node: AstNode, arr: string, i: string, len: string): void {
    emitLoopBindings.call(this, node, arr, i, len)
    this._emitLine(`runtime.maestroCountIteration();`)
    this._emitLine(`frame.set("loop.cycle", runtime.maestroCycle(${i}));`)
  }
  nj.runtime.maestroCountIteration = countIteration
  nj.runtime.maestroCycle =
    (index: number) =>
    (...values: unknown[]) =>
      values.length > 0 ? values[index % values.length] : undefined
}

/** The filter behind loop filtering: the items (a dict's keys, a string's characters) the test keeps. */
export function loopFilter(items: unknown, test: (...args: unknown[]) => unknown, unpack: boolean): unknown[] {
  const list = Array.isArray(items)
    ? items
    : isPlainObject(items)
      ? Object.keys(items)
      : typeof items === 'string' || (items !== null && typeof items === 'object' && Symbol.iterator in items)
        ? [...(items as Iterable<unknown>)]
        : []
  return list.filter((item) => String(unpack && Array.isArray(item) ? test(...item) : test(item)) === '1')
}
