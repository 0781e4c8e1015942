import type {Environment} from 'nunjucks'
import {installJinjaSyntax} from './jinja-syntax.js'
import {installJinjaRuntime} from './jinja-runtime.js'
import {doTag, withTag} from './jinja-tags.js'
import type {NunjucksModule} from './nunjucks-internals.js'
import {isPlainObject, pyIntFilter, pyStr} from './python-values.js'

let loaded: Promise<NunjucksModule> | undefined

/** Imports nunjucks once (lazily: only templated files pay for it) and installs the Jinja2 shims. */
export function loadNunjucks(): Promise<NunjucksModule> {
  loaded ??= import('nunjucks').then((m) => {
    const nj = (m.default ?? m) as unknown as NunjucksModule
    installJinjaSyntax(nj)
    installJinjaRuntime(nj)
    nj.installJinjaCompat()
    return nj
  })
  return loaded
}

type Kwargs = Record<string, unknown> & {__keywords?: boolean}

const withoutMarker = (kw: Kwargs | undefined): Record<string, unknown> => {
  const {__keywords: _, ...rest} = kw ?? {}
  return rest
}

/** An Environment that resolves include/import/from against `baseDir`, with Jinja2's defaults. */
export function createEnvironment(nj: NunjucksModule, baseDir: string): Environment {
  const loader = new nj.FileSystemLoader(baseDir, {noCache: true})
  const env = new nj.Environment(loader, {autoescape: false, throwOnUndefined: false})
  env.addExtension('with', withTag)
  env.addExtension('do', doTag)
  env.addFilter('maestro_discard', () => '')
  env.addFilter('string', (v: unknown) => pyStr(v))
  env.addFilter('int', pyIntFilter)
  // Jinja2 sees a dict as the sequence of its keys.
  const keysOf = (v: unknown): unknown => (isPlainObject(v) ? Object.keys(v) : v)
  const sort = env.getFilter('sort')
  env.addFilter('sort', function sortKeys(this: unknown, v: unknown, ...rest: unknown[]) {
    return sort.call(this, keysOf(v), ...rest)
  })
  env.addFilter('list', (v: unknown) => (typeof v === 'string' ? [...v] : Array.isArray(v) ? [...v] : isPlainObject(v) ? Object.keys(v) : []))
  env.addFilter('join', (items: unknown, sep = '', attr?: string) => {
    const list = Array.isArray(items) ? items : typeof items === 'string' ? [...items] : items && typeof items === 'object' ? Object.keys(items) : []
    return list.map((x) => pyStr(attr === undefined ? x : (x as Record<string, unknown>)?.[attr])).join(String(sep))
  })
  ;(env as Environment & {addTest(name: string, test: (v: unknown) => boolean): void}).addTest('none', (v) => v === null)
  env.addGlobal('dict', (kw?: Kwargs) => withoutMarker(kw))
  env.addGlobal('namespace', (kw?: Kwargs) => withoutMarker(kw))
  return env
}
