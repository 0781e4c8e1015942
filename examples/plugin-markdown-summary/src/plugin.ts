import {definePlugin, Tokens} from 'maestro-ng/plugin'
import {MarkdownReporter} from './reporter.js'

/** Registers the `markdown` reporter: `maestro start --reporter markdown=summary.md`. */
export const markdownSummary = definePlugin({
  name: 'maestro-plugin-markdown-summary',
  api: '^1.0.0',
  register(ctx) {
    ctx.registry.register(Tokens.Reporter, {
      useValue: {
        name: 'markdown',
        description: 'a Markdown deployment summary (table and failures), written when the command ends',
        create: (context) => new MarkdownReporter(context.out),
      },
    })
  },
})
