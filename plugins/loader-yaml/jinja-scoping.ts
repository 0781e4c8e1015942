import type {AstNode, Compiler, NunjucksModule} from './nunjucks-internals.js'

interface Frame {
  push(isolateWrites?: boolean): Frame
}
interface NodeBase {
  extend(name: string, props: {fields: string[]}): new (lineno: number, colno: number, ...fields: unknown[]) => AstNode
}

type SetNode = AstNode & {targets: (AstNode & {target?: AstNode; val?: AstNode})[]; value: AstNode | null}

/**
 * Compiler shims for Jinja2 scoping:
 * - `{% set %}` inside a `{% for %}` body is local to one iteration, as in Jinja2 (nunjucks writes
 *   through to the enclosing scope and keeps values across iterations). The loop frame is pushed with
 *   isolated writes, and the body runs in a fresh isolated frame per iteration (a wrapper node).
 * - `{% set ns.attr = value %}` (assignment to a `namespace()` attribute) is supported.
 */
export function installJinjaScoping(nj: NunjucksModule): void {
  const proto = nj.compiler.Compiler.prototype as Compiler & Record<string, unknown>
  const IterationScope = (nj.nodes.Node as unknown as NodeBase).extend('MaestroIterationScope', {fields: ['body']})
  proto.compileMaestroIterationScope = function compileIterationScope(this: Compiler & {_emitLine(code: string): void}, node: AstNode & {body: AstNode}, frame: Frame): void {
    this._emitLine('frame = frame.push(true);')
    this.compile(node.body, frame.push(true))
    this._emitLine('frame = frame.pop();')
  }
  const compileFor = proto.compileFor as (this: Compiler, node: AstNode, frame: unknown) => void
  proto.compileFor = function compileIsolatedFor(this: Compiler & {_emitLine(code: string): void}, node: AstNode & {body: AstNode}, frame: unknown): void {
    if (node.body.typename !== 'MaestroIterationScope') node.body = new IterationScope(node.body.lineno, node.body.colno, node.body)
    const emitLine = this._emitLine
    let first = true
    this._emitLine = (code: string) => {
      if (first && code === 'frame = frame.push();') {
        first = false
        return emitLine.call(this, 'frame = frame.push(true);')
      }
      return emitLine.call(this, code)
    }
    try {
      compileFor.call(this, node, frame)
    } finally {
      this._emitLine = emitLine
    }
  }

  const compileSet = proto.compileSet as (this: Compiler, node: SetNode, frame: unknown) => void
  proto.compileSet = function compileAttributeSet(this: Compiler, node: SetNode, frame: unknown): void {
    const [target] = node.targets
    if (node.targets.length !== 1 || target.typename !== 'LookupVal' || !node.value || !target.target || !target.val) {
      compileSet.call(this, node, frame)
      return
    }
    this._emit('runtime.maestroSetAttr(')
    this.compile(target.target, frame)
    this._emit(', ')
    this.compile(target.val, frame)
    this._emit(', ')
    this.compile(node.value, frame)
    this._emit(');\n')
  }
  nj.runtime.maestroSetAttr = (obj: unknown, key: unknown, value: unknown): void => {
    if (obj === null || typeof obj !== 'object') throw new Error(`cannot assign attribute ${String(key)} of a non-object`)
    ;(obj as Record<string, unknown>)[String(key)] = value
  }
}
