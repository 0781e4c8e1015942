import {MaestroError} from '../../src/api/index.js'
import {resetIterationBudget} from './jinja-bounds.js'
import {createEnvironment, loadNunjucks, stripTrailingNewline} from './nunjucks-env.js'
import {templateError} from './template-error.js'

/** True when the text may contain Jinja2 markup; plain YAML skips templating (and loading nunjucks). */
export const hasTemplateSyntax = (text: string): boolean => /\{[{%#]/.test(text)

export interface RenderOptions {
  /** Shown in errors: absolute path or `<stdin>`. */
  readonly file: string
  /** Where include/import/from look for templates. */
  readonly baseDir: string
  readonly env: Readonly<Record<string, string | undefined>>
  /** Filled with every string value the template reads through `env.`: secrets to the model. */
  readonly envValuesRead?: Set<string>
}

/** `env` for the template (a copy), recording each value read. */
function recordingEnv(env: Readonly<Record<string, string | undefined>>, read: Set<string> | undefined): Record<string, string | undefined> {
  const copy = {...env}
  if (!read) return copy
  return new Proxy(copy, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver)
      if (typeof key === 'string' && Object.hasOwn(target, key) && typeof value === 'string') read.add(value)
      return value
    },
  })
}

/**
 * Jinja2's "missing end of raw directive", found before nunjucks looks: its search for the end of a raw
 * block is quadratic in the rest of the file.
 */
function checkRawBlocks(text: string, file: string): void {
  let depth = 0
  let opened = 0
  for (const m of text.matchAll(/\{%-?\s*(raw|endraw)\s*-?%\}/g)) {
    if (m[1] === 'raw' && depth++ === 0) opened = m.index
    else if (m[1] === 'endraw' && depth > 0) depth--
  }
  if (depth === 0) return
  const before = text.slice(0, opened).split('\n')
  const loc = {file, line: before.length, column: before.at(-1)!.length + 1}
  throw new MaestroError('MAESTRO_CONFIG_TEMPLATE', `${file}:${loc.line}:${loc.column}: template error: missing end of raw directive ({% endraw %})`, {loc})
}

/** Renders `text` as a Jinja2 template with the single context variable `env`. */
export async function renderTemplate(text: string, options: RenderOptions): Promise<string> {
  checkRawBlocks(text, options.file)
  const nj = await loadNunjucks()
  const environment = createEnvironment(nj, options.baseDir)
  resetIterationBudget()
  try {
    const template = new nj.Template(stripTrailingNewline(text), environment, options.file, true)
    // The callback form: nunjucks reports some errors (e.g. a broken imported file) only asynchronously.
    return await new Promise<string>((resolve, reject) => {
      template.render({env: recordingEnv(options.env, options.envValuesRead)}, (err, res) => (err ? reject(err) : resolve(res ?? '')))
    })
  } catch (e) {
    throw templateError(e, options.file, text)
  }
}
