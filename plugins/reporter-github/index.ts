import {definePlugin, Tokens, type ReporterFactory} from '../../src/api/index.js'
import {GithubReporter} from './github-reporter.js'

/** GitHub Actions workflow commands: annotations at file:line for config problems, groups per play, a summary. */
export const githubReporter: ReporterFactory = {
  name: 'github',
  description: 'GitHub Actions annotations (::error file=…,line=…::), a group per play and a ::notice summary',
  create: (context) => new GithubReporter(context),
}

export default definePlugin({
  name: 'maestro-reporter-github',
  api: '^1.0.0',
  register(ctx) {
    ctx.registry.register(Tokens.Reporter, {useValue: githubReporter})
  },
})
