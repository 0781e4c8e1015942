import {definePlugin, Tokens, type ReporterFactory} from '../../src/api/index.js'
import {ConsoleReporter} from './console-reporter.js'

export const consoleReporter: ReporterFactory = {
  name: 'console',
  description: 'the MaestroNG table, redrawn live on a terminal, plain lines otherwise',
  create: (context) => new ConsoleReporter(context),
}

export default definePlugin({
  name: 'maestro-reporter-console',
  api: '^1.0.0',
  register(ctx) {
    ctx.registry.register(Tokens.Reporter, {useValue: consoleReporter})
  },
})
