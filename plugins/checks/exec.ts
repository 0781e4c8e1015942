import {childEnv} from '../shared/child-env.js'
import type {CheckContext, CheckSpec, LifecycleCheck} from '../../src/api/index.js'
import {abortReason} from '../shared/abort.js'
import {runBounded} from '../shared/bounded-child.js'
import {attemptLoop, checkFailed, commandRule, DEFAULT_TIMING, num, oneOf, positiveInt, positiveNumber, validateKeys, type CheckTiming} from './common.js'
import {commandArgv, lastLine} from './command.js'

/**
 * `{type: exec, command, attempts: 180, envfrom: env|stdin}`: runs the command on the Maestro host (cwd = the
 * process cwd) until it exits 0. With `envfrom: env` its environment is the host's plus the container's; with
 * `stdin` the container's environment is written to its stdin as one JSON object instead. Each attempt is killed
 * (with what it started) after `timeout` seconds (default 30; upstream waits forever).
 */
/** Seconds one attempt may run. */
export const DEFAULT_EXEC_TIMEOUT_S = 30

export function createExecCheck(timing: CheckTiming = DEFAULT_TIMING): LifecycleCheck {
  return {
    type: 'exec',
    validate: (spec) =>
      validateKeys(spec, {command: commandRule, attempts: positiveInt, envfrom: oneOf('env', 'stdin'), timeout: positiveNumber}, ['command'], {cmd: 'the key is "command"'}),
    async run(spec: CheckSpec, context: CheckContext): Promise<void> {
      const argv = commandArgv('exec', spec.command)
      const attempts = num(spec, 'attempts', 180)
      const viaStdin = String(spec.envfrom ?? 'env').toLowerCase() === 'stdin'
      const containerEnv = stringEnv(context.containerEnv)
      const env = viaStdin ? childEnv() : {...childEnv(), ...containerEnv}
      const stdin = viaStdin ? JSON.stringify(containerEnv) : undefined
      const timeoutMs = num(spec, 'timeout', DEFAULT_EXEC_TIMEOUT_S) * 1000
      const reason = await attemptLoop(attempts, context, timing.intervalMs, () => runOnce(argv, env, stdin, timeoutMs, context.signal))
      if (context.signal.aborted) throw abortReason(context.signal)
      if (reason !== undefined) throw checkFailed(`exec check: \`${argv.join(' ')}\` for ${context.container.name} failed after ${attempts} attempt(s): ${reason}`)
    },
  }
}

/** Container env as strings; a bare key (null) becomes the empty string. */
export function stringEnv(env: Readonly<Record<string, string | null>>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v ?? '']))
}

async function runOnce(argv: string[], env: NodeJS.ProcessEnv, stdin: string | undefined, timeoutMs: number, signal: AbortSignal): Promise<string | undefined> {
  const r = await runBounded({argv, env, stdin, timeoutMs, signal})
  if (r.kind === 'aborted') throw abortReason(signal)
  if (r.kind === 'failed') return r.error.code === 'ENOENT' ? `${argv[0]}: command not found` : r.error.message
  const tail = lastLine(r.output)
  if (r.kind === 'timed-out') return `timed out after ${timeoutMs / 1000} s, killed${tail ? ` (${tail})` : ''}`
  if (r.code === 0) return undefined
  return `${r.signal ? `killed by ${r.signal}` : `exit status ${r.code}`}${tail ? ` (${tail})` : ''}`
}
