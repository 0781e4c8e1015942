import {runBounded} from '../shared/bounded-child.js'
import {childEnv} from '../shared/child-env.js'
import {inertLastLine, type NotifierContext, type NotifierFactory} from '../../src/api/index.js'
import {auditOptions, createAuditor, missingStrings, requireString} from './auditor.js'
import type {AuditEvent} from './audit-event.js'
import {formatWhat} from './messages.js'
import {formatString} from './template.js'

/** Seconds the script may run. */
export const DEFAULT_SCRIPT_TIMEOUT_S = 30

/**
 * `{type: exec, script, args?, timeout: 30}`: on a play's success, runs `script` with `args` (a format string with
 * `{action} {what} {who}`, split on spaces) and `{"<container>": {"ship": <ip>, "service": <name>}}` on stdin.
 * The script, with what it started, is killed after `timeout` seconds.
 */
export const execNotifier: NotifierFactory = {
  type: 'exec',
  validate: (spec) => missingStrings(spec, 'script'),
  create(spec, context) {
    const script = requireString(spec, 'exec', 'script')
    const args = typeof spec.args === 'string' ? spec.args : ''
    const timeoutMs = (typeof spec.timeout === 'number' && spec.timeout > 0 ? spec.timeout : DEFAULT_SCRIPT_TIMEOUT_S) * 1000
    return createAuditor({
      type: 'exec',
      accepts: (event) => event.scope === 'play' && event.kind === 'success',
      deliver: (event) => runScript(script, args, timeoutMs, event, context),
    }, auditOptions(spec), context)
  },
}

async function runScript(script: string, args: string, timeoutMs: number, event: AuditEvent, context: NotifierContext): Promise<void> {
  const what = formatWhat(event.containers.map((c) => c.name))
  const argv = formatString(args, {action: event.action, what, who: event.who}).split(' ').filter((a) => a !== '')
  const input: Record<string, {ship: string; service: string}> = {}
  for (const c of event.containers) input[c.name] = {ship: context.environment.ships[c.ship]?.ip ?? c.ship, service: c.service}
  const r = await runBounded({argv: [script, ...argv], env: childEnv(), stdin: JSON.stringify(input), timeoutMs, keep: 2000})
  if (r.kind === 'exited' && r.code === 0) return
  if (r.kind === 'failed') throw r.error
  const tail = r.kind === 'aborted' ? '' : inertLastLine(r.output)
  const outcome = r.kind === 'timed-out' ? `did not finish within ${timeoutMs / 1000} s and was killed` : r.kind === 'exited' && r.signal ? `was killed by ${r.signal}` : `exited with status ${r.kind === 'exited' ? r.code : '?'}`
  throw new Error(`${script} ${outcome}${tail ? `: ${tail}` : ''}`)
}
