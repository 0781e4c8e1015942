import {definePlugin, Tokens, type ReporterFactory} from '../../src/api/index.js'
import {JunitReporter} from './junit-reporter.js'

/** JUnit XML at the end of the command: `--reporter junit=out/maestro.xml` (the CLI opens the file). */
export const junitReporter: ReporterFactory = {
  name: 'junit',
  description: 'JUnit XML: a test suite per play, a test case per container action (junit=FILE)',
  create: (context) => new JunitReporter(context),
}

export default definePlugin({
  name: 'maestro-reporter-junit',
  api: '^1.0.0',
  register(ctx) {
    ctx.registry.register(Tokens.Reporter, {useValue: junitReporter})
  },
})
