import {boundedRange} from './jinja-bounds.js'
import {isAbsolute, relative, resolve, sep} from 'node:path'
import type {Environment} from 'nunjucks'
import {installImportErrorPaths} from './jinja-errors.js'
import {addJinjaFilters} from './jinja-filters.js'
import {installJinjaLoops, loopFilter} from './jinja-loops.js'
import {installJinjaRuntime} from './jinja-runtime.js'
import {installJinjaSandbox} from './jinja-sandbox.js'
import {installJinjaScoping} from './jinja-scoping.js'
import {installJinjaSyntax} from './jinja-syntax.js'
import {doTag, withTag} from './jinja-tags.js'
import {keywordObject} from './kwargs.js'
import type {NunjucksModule} from './nunjucks-internals.js'

let loaded: Promise<NunjucksModule> | undefined

/** Imports nunjucks once (lazily: only templated files pay for it) and installs the Jinja2 shims. */
export function loadNunjucks(): Promise<NunjucksModule> {
  loaded ??= import('nunjucks').then((m) => {
    const nj = (m.default ?? m) as unknown as NunjucksModule
    installJinjaSyntax(nj)
    installJinjaRuntime(nj)
    installJinjaScoping(nj)
    installJinjaLoops(nj)
    installImportErrorPaths(nj)
    nj.installJinjaCompat()
    installJinjaSandbox(nj)
    return nj
  })
  return loaded
}

/** Jinja2 (keep_trailing_newline=False) drops one trailing newline of every template, included ones too. */
export const stripTrailingNewline = (text: string): string => text.replace(/\r?\n$/, '')

/** An Environment that resolves include/import/from against `baseDir`, with Jinja2's defaults. */
export function createEnvironment(nj: NunjucksModule, baseDir: string): Environment {
  const loader = new nj.FileSystemLoader(baseDir, {noCache: true})
  const getSource = loader.getSource.bind(loader)
  loader.getSource = (name: string) => {
    const inside = relative(resolve(baseDir), resolve(baseDir, name))
    if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) throw new Error(`template outside the environment file's folder: ${name}`)
    const source = getSource(name)
    if (source) source.src = stripTrailingNewline(source.src)
    return source
  }
  // dev: errors keep nunjucks' TemplateError (with lineno/colno) instead of a copy of its message.
  const env = new nj.Environment(loader, {autoescape: false, throwOnUndefined: false, dev: true})
  env.addExtension('with', withTag)
  env.addExtension('do', doTag)
  env.addFilter('maestro_discard', () => '')
  env.addFilter('maestro_loop_filter', loopFilter as (...args: unknown[]) => unknown)
  addJinjaFilters(env)
  env.addGlobal('range', boundedRange)
  env.addGlobal('dict', keywordObject)
  env.addGlobal('namespace', keywordObject)
  return env
}
