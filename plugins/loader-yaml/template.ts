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
}

/** Renders `text` as a Jinja2 template with the single context variable `env`. */
export async function renderTemplate(text: string, options: RenderOptions): Promise<string> {
  const nj = await loadNunjucks()
  const environment = createEnvironment(nj, options.baseDir)
  try {
    const template = new nj.Template(stripTrailingNewline(text), environment, options.file, true)
    // The callback form: nunjucks reports some errors (e.g. a broken imported file) only asynchronously.
    return await new Promise<string>((resolve, reject) => {
      template.render({env: {...options.env}}, (err, res) => (err ? reject(err) : resolve(res ?? '')))
    })
  } catch (e) {
    throw templateError(e, options.file, text)
  }
}
