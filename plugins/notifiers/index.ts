import {definePlugin, Tokens} from '../../src/api/index.js'
import {execNotifier} from './exec.js'
import {httpNotifier} from './http.js'
import {logNotifier} from './log.js'
import {slackNotifier} from './slack.js'

export {execNotifier, httpNotifier, logNotifier, slackNotifier}

/** The audit notifiers of MaestroNG's `audit:` key (reference §6), each a NotifierFactory under Tokens.Notifier. */
export default definePlugin({
  name: 'maestro-notifiers',
  api: '^1.0.0',
  register(ctx) {
    for (const factory of [logNotifier, httpNotifier, execNotifier, slackNotifier]) ctx.registry.register(Tokens.Notifier, {useValue: factory})
  },
})
