import type {NunjucksModule} from './nunjucks-internals.js'

type Callback = (err: unknown, result?: unknown) => void
type GetExported = (this: {path: string}, ctx: unknown, parentFrame: unknown, cb: Callback) => void

/**
 * nunjucks names the importing file, not the imported one, for errors raised while `{% import %}` or
 * `{% from ... import %}` evaluates a template. Tag such errors with the imported template's path first
 * (the same call nunjucks makes for rendered and included templates).
 */
export function installImportErrorPaths(nj: NunjucksModule): void {
  const proto = nj.Template.prototype as unknown as {getExported: GetExported}
  const getExported = proto.getExported
  proto.getExported = function getExportedWithPath(this: {path: string}, ctx: unknown, parentFrame: unknown, cb: Callback): void {
    if (typeof ctx === 'function') return getExportedWithPath.call(this, {}, null, ctx as Callback)
    if (typeof parentFrame === 'function') return getExportedWithPath.call(this, ctx, null, parentFrame as Callback)
    getExported.call(this, ctx, parentFrame, (err, result) => cb(err ? nj.lib._prettifyError(this.path, false, err) : err, result))
  }
}
