import {definePlugin, Tokens} from 'maestro-ng/plugin'
import {TapReporter, tapOptions} from './reporter.js'

/** Registers the `tap` reporter: `maestro start --reporter tap=out.tap [--reporter-option tap.version=13]`. */
export const tapReporter = definePlugin({
  name: 'maestro-plugin-reporter-tap',
  api: '^1.0.0',
  register(ctx) {
    ctx.registry.register(Tokens.Reporter, {
      useValue: {
        name: 'tap',
        description: 'TAP 14 (or 13: --reporter-option tap.version=13): a test point per container action, written when the command ends',
        create: (context) => new TapReporter(context.out, tapOptions(context.options)),
      },
    })
  },
})
