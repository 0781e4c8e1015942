import {definePlugin, Tokens} from '../../src/api/index.js'
import {YamlLoader} from './yaml-loader.js'

/** The default configuration loader: MaestroNG YAML files, Jinja2-templated. */
export default definePlugin({
  name: 'maestro-loader-yaml',
  api: '^1.0.0',
  register(ctx) {
    ctx.registry.register(Tokens.Loader, {useValue: new YamlLoader()})
  },
})
