import {inertText, MaestroError, type NotifierFactory} from '../../src/api/index.js'
import {httpRequest} from '../shared/http-request.js'
import {auditOptions, createAuditor, missingStrings} from './auditor.js'
import type {AuditKind} from './audit-event.js'
import {auditMessage} from './messages.js'

const COLORS: Readonly<Record<AuditKind, string>> = {action: '#439FE0', success: 'good', error: 'danger'}

/**
 * `{type: slack, webhook, channel?, name?, icon?}`: posts each event to a Slack incoming webhook as a coloured
 * attachment; `what` collapses to `N containers` from 5 containers on. `icon` is an emoji (`:ship:`) or a URL.
 */
export const slackNotifier: NotifierFactory = {
  type: 'slack',
  validate: (spec) => missingStrings(spec, 'webhook').map((m) => (spec.token === undefined ? m : `${m} (the Web API token form is not supported; use an incoming-webhook URL)`)),
  create(spec, context) {
    const webhook = spec.webhook
    if (typeof webhook !== 'string' || webhook === '') {
      const why = spec.token !== undefined ? ' (the Web API token form is not supported; use an incoming-webhook URL)' : ''
      throw new MaestroError('MAESTRO_NOTIFIER', `slack notifier: "webhook" is required${why}`)
    }
    const base: Record<string, string> = {username: typeof spec.name === 'string' ? spec.name : 'Maestro'}
    if (typeof spec.channel === 'string') base.channel = spec.channel
    if (typeof spec.icon === 'string') base[/^https?:\/\//.test(spec.icon) ? 'icon_url' : 'icon_emoji'] = spec.icon
    return createAuditor({
      type: 'slack',
      async deliver(event) {
        const text = auditMessage(event, 5)
        const body = JSON.stringify({...base, attachments: [{fallback: text, text, color: COLORS[event.kind]}]})
        const res = await httpRequest({url: webhook, method: 'POST', headers: {'content-type': 'application/json'}, body, timeoutMs: 5000})
        if (res.status >= 400) throw new Error(`Slack answered HTTP ${res.status}: ${inertText(res.body, 200)}`)
      },
    }, auditOptions(spec), context)
  },
}
