import {spawn} from 'node:child_process'
import {childEnv} from '../shared/child-env.js'
import type {NotifierContext, NotifierFactory} from '../../src/api/index.js'
import {auditOptions, createAuditor, requireString} from './auditor.js'
import type {AuditEvent} from './audit-event.js'
import {formatWhat} from './messages.js'
import {formatString} from './template.js'

/**
 * `{type: exec, script, args?}`: on a play's success, runs `script` with `args` (a format string with
 * `{action} {what} {who}`, split on spaces) and `{"<container>": {"ship": <ip>, "service": <name>}}` on stdin.
 */
export const execNotifier: NotifierFactory = {
  type: 'exec',
  create(spec, context) {
    const script = requireString(spec, 'exec', 'script')
    const args = typeof spec.args === 'string' ? spec.args : ''
    return createAuditor({
      type: 'exec',
      accepts: (event) => event.scope === 'play' && event.kind === 'success',
      deliver: (event) => runScript(script, args, event, context),
    }, auditOptions(spec), context)
  },
}

function runScript(script: string, args: string, event: AuditEvent, context: NotifierContext): Promise<void> {
  const what = formatWhat(event.containers.map((c) => c.name))
  const argv = formatString(args, {action: event.action, what, who: event.who}).split(' ').filter((a) => a !== '')
  const input: Record<string, {ship: string; service: string}> = {}
  for (const c of event.containers) input[c.name] = {ship: context.environment.ships[c.ship]?.ip ?? c.ship, service: c.service}
  return new Promise((resolve, reject) => {
    const child = spawn(script, argv, {env: childEnv(), stdio: ['pipe', 'ignore', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => {
      stderr = (stderr + c.toString('utf8')).slice(-2000)
    })
    child.stdin.on('error', () => undefined)
    child.stdin.end(JSON.stringify(input))
    child.once('error', reject)
    child.once('close', (code, signal) => {
      if (code === 0) return resolve()
      const tail = stderr.trim().split('\n').pop() ?? ''
      reject(new Error(`${script} ${signal ? `was killed by ${signal}` : `exited with status ${code}`}${tail ? `: ${tail}` : ''}`))
    })
  })
}
