import type {NunjucksModule} from './nunjucks-internals.js'
import {isPlainObject} from './python-values.js'

/** Members that lead out of the template language to JavaScript internals (`range.constructor` is `Function`). */
const UNSAFE_MEMBERS = new Set(['constructor', 'prototype', 'caller', 'callee', 'arguments'])

/** How deep templates may include one another (an include loop ends here, not in a stack overflow). */
export const MAX_INCLUDE_DEPTH = 32

/** `__proto__`, `__defineGetter__` & co, and Python-style dunders, which mean nothing in a Maestro template. */
export const isUnsafeMember = (key: string): boolean => UNSAFE_MEMBERS.has(key) || key.startsWith('__')

/** A lookup key as JavaScript would convert it, so an object whose `toString` says `constructor` is caught. */
const propertyKey = (val: unknown): string | number => (typeof val === 'number' ? val : String(val))

export function refuseUnsafeMember(val: unknown): string | number {
  const key = propertyKey(val)
  if (typeof key === 'string' && isUnsafeMember(key)) throw new Error(`access to '${key}' is not allowed in templates`)
  return key
}

type Lookup = (context: {ctx: Record<string, unknown>; env: {globals: Record<string, unknown>}}, frame: {lookup(name: string): unknown}, name: string) => unknown
type Render = (this: unknown, ...args: unknown[]) => unknown

/**
 * Keeps templates inside the template language, whatever they try (installed after every other shim):
 * - member access and `{% set ns.x = ... %}` refuse `constructor`, `prototype`, `__proto__` and the like;
 * - names resolve only to the template's own variables, `env` and the globals, never to what
 *   `Object.prototype` carries (`{{ constructor }}` would be `Object`);
 * - attributes can be assigned only on `namespace()`/`dict()` objects, so no render changes shared globals;
 * - includes nest at most MAX_INCLUDE_DEPTH deep.
 */
export function installJinjaSandbox(nj: NunjucksModule): void {
  const {runtime} = nj
  const memberLookup = runtime.memberLookup
  runtime.memberLookup = function lookup(obj: unknown, val: unknown, autoescape?: boolean): unknown {
    return memberLookup.call(this, obj, refuseUnsafeMember(val), autoescape)
  }
  const contextOrFrameLookup = runtime.contextOrFrameLookup as Lookup
  runtime.contextOrFrameLookup = ((context, frame, name) => {
    const inherited = name in Object.prototype && !Object.hasOwn(context.ctx, name) && !Object.hasOwn(context.env.globals, name)
    return inherited ? frame.lookup(name) : contextOrFrameLookup(context, frame, name)
  }) satisfies Lookup
  runtime.maestroSetAttr = (obj: unknown, key: unknown, value: unknown): void => {
    if (!isPlainObject(obj)) throw new Error(`cannot assign attribute ${String(key)}: only namespace() and dict() objects take attributes`)
    obj[refuseUnsafeMember(key)] = value
  }
  let depth = 0
  const proto = nj.Template.prototype as unknown as {render: Render}
  const render = proto.render
  proto.render = function renderNested(this: unknown, ...args: unknown[]): unknown {
    if (depth >= MAX_INCLUDE_DEPTH) throw new Error(`templates include each other more than ${MAX_INCLUDE_DEPTH} deep: an include loop?`)
    depth++
    try {
      return render.apply(this, args)
    } finally {
      depth--
    }
  }
}
