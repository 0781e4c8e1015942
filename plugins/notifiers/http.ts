import {MaestroError, type NotifierFactory} from '../../src/api/index.js'
import {httpRequest} from '../shared/http-request.js'
import {auditOptions, createAuditor, missingStrings, requireString} from './auditor.js'
import {auditMessage, formatWhat} from './messages.js'
import {renderPayload} from './template.js'

/** Webhook tokens live in URLs: errors name the host only. */
const hostOf = (url: string): string => {
  try {
    return new URL(url).host
  } catch {
    return 'the endpoint (not a valid URL)'
  }
}

const DEFAULT_PAYLOAD = {what: '{what}', action: '{action}', who: '{who}', message: '{message}'}

/**
 * `{type: http, endpoint, payload?, headers?, method: POST|GET, timeout: 3}`: sends a JSON body built from the
 * `payload` template for each action event (upstream sends nothing on success or error). A non-2xx answer
 * is a delivery failure.
 */
export const httpNotifier: NotifierFactory = {
  type: 'http',
  validate(spec) {
    const method = String(spec.method ?? 'POST').toUpperCase()
    return [...missingStrings(spec, 'endpoint'), ...(method === 'POST' || method === 'GET' ? [] : [`method must be GET or POST, not ${method}`])]
  },
  create(spec, context) {
    const endpoint = requireString(spec, 'http', 'endpoint')
    const method = String(spec.method ?? 'POST').toUpperCase()
    if (method !== 'POST' && method !== 'GET') throw new MaestroError('MAESTRO_NOTIFIER', `http notifier: method must be GET or POST, not ${method}`)
    const timeoutMs = (typeof spec.timeout === 'number' ? spec.timeout : 3) * 1000
    const headers: Record<string, string> = {'content-type': 'application/json'}
    if (spec.headers && typeof spec.headers === 'object') for (const [k, v] of Object.entries(spec.headers)) headers[k.toLowerCase()] = String(v)
    const template = spec.payload ?? DEFAULT_PAYLOAD
    return createAuditor({
      type: 'http',
      accepts: (event) => event.kind === 'action',
      async deliver(event) {
        const fields = {what: formatWhat(event.containers.map((c) => c.name)), action: event.action, who: event.who, message: auditMessage(event)}
        const res = await httpRequest({url: endpoint, method, headers, body: JSON.stringify(renderPayload(template, fields)), timeoutMs})
        if (res.status >= 400) throw new Error(`${hostOf(endpoint)} answered HTTP ${res.status}`)
      },
    }, auditOptions(spec), context)
  },
}
