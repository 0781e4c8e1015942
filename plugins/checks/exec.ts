import {spawn} from 'node:child_process'
import {childEnv} from '../shared/child-env.js'
import type {CheckContext, CheckSpec, LifecycleCheck} from '../../src/api/index.js'
import {abortReason} from '../shared/abort.js'
import {attemptLoop, checkFailed, commandRule, DEFAULT_TIMING, num, oneOf, positiveInt, validateKeys, type CheckTiming} from './common.js'
import {commandArgv, lastLine} from './command.js'

/**
 * `{type: exec, command, attempts: 180, envfrom: env|stdin}`: runs the command on the Maestro host (cwd = the
 * process cwd) until it exits 0. With `envfrom: env` its environment is the host's plus the container's; with
 * `stdin` the container's environment is written to its stdin as one JSON object instead.
 */
export function createExecCheck(timing: CheckTiming = DEFAULT_TIMING): LifecycleCheck {
  return {
    type: 'exec',
    validate: (spec) =>
      validateKeys(spec, {command: commandRule, attempts: positiveInt, envfrom: oneOf('env', 'stdin')}, ['command'], {cmd: 'the key is "command"'}),
    async run(spec: CheckSpec, context: CheckContext): Promise<void> {
      const argv = commandArgv('exec', spec.command)
      const attempts = num(spec, 'attempts', 180)
      const viaStdin = String(spec.envfrom ?? 'env').toLowerCase() === 'stdin'
      const containerEnv = stringEnv(context.containerEnv)
      const env = viaStdin ? childEnv() : {...childEnv(), ...containerEnv}
      const stdin = viaStdin ? JSON.stringify(containerEnv) : undefined
      const reason = await attemptLoop(attempts, context, timing.intervalMs, () => runOnce(argv, env, stdin, context.signal))
      if (context.signal.aborted) throw abortReason(context.signal)
      if (reason !== undefined) throw checkFailed(`exec check: \`${argv.join(' ')}\` for ${context.container.name} failed after ${attempts} attempt(s): ${reason}`)
    },
  }
}

/** Container env as strings; a bare key (null) becomes the empty string. */
export function stringEnv(env: Readonly<Record<string, string | null>>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v ?? '']))
}

function runOnce(argv: string[], env: NodeJS.ProcessEnv, stdin: string | undefined, signal: AbortSignal): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(argv[0] as string, argv.slice(1), {cwd: process.cwd(), env, signal, stdio: ['pipe', 'pipe', 'pipe']})
    let output = ''
    const keep = (c: Buffer): void => {
      output = (output + c.toString('utf8')).slice(-4096)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.stdin.on('error', () => undefined)
    child.stdin.end(stdin)
    child.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ENOENT' ? `${argv[0]}: command not found` : e.message))
    child.once('close', (code, sig) => {
      if (code === 0) return resolve(undefined)
      const tail = lastLine(output)
      resolve(`${sig ? `killed by ${sig}` : `exit status ${code}`}${tail ? ` (${tail})` : ''}`)
    })
  })
}
