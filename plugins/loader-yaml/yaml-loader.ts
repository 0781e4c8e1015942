import type {ConfigLoader, LoadedDocument, LoadOptions} from '../../src/api/index.js'
import {readSource} from './read-source.js'
import {hasTemplateSyntax, renderTemplate} from './template.js'

/** MaestroNG's loading pipeline (reference §2.1): Jinja2 template, then PyYAML-1.1 YAML. */
export class YamlLoader implements ConfigLoader {
  readonly name = 'yaml'

  /** The default loader: any file. */
  canLoad(): boolean {
    return true
  }

  async load(file: string, options: LoadOptions): Promise<LoadedDocument> {
    const source = await readSource(file, options)
    const templated = hasTemplateSyntax(source.text)
    const read = new Set<string>()
    const rendered = templated ? await renderTemplate(source.text, {file: source.file, baseDir: source.baseDir, env: options.env, envValuesRead: read}) : source.text
    // yaml is imported on first load, not when the plugin registers (e.g. for `maestro --help`).
    const [{parseYaml11}, {YamlDocument}] = await Promise.all([import('./yaml11.js'), import('./loaded-document.js')])
    const parsed = parseYaml11(rendered, source.file)
    return new YamlDocument({file: source.file, baseDir: source.baseDir, source: source.text, rendered, templated, envValuesRead: [...read]}, parsed)
  }
}
