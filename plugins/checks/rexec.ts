import type {CheckContext, CheckSpec, LifecycleCheck} from '../../src/api/index.js'
import {abortReason, raceAbort} from '../shared/abort.js'
import {attemptLoop, checkFailed, commandRule, DEFAULT_TIMING, num, positiveInt, validateKeys, type CheckTiming} from './common.js'
import {commandArgv, lastLine} from './command.js'

/** `{type: rexec, command, attempts: 180}`: runs the command inside the container (docker exec) until it exits 0. */
export function createRexecCheck(timing: CheckTiming = DEFAULT_TIMING): LifecycleCheck {
  return {
    type: 'rexec',
    validate: (spec) => validateKeys(spec, {command: commandRule, attempts: positiveInt}, ['command'], {cmd: 'the key is "command"'}),
    async run(spec: CheckSpec, context: CheckContext): Promise<void> {
      const argv = commandArgv('rexec', spec.command)
      const attempts = num(spec, 'attempts', 180)
      const target = context.containerId ?? context.container.name
      const reason = await attemptLoop(attempts, context, timing.intervalMs, async () => {
        try {
          const r = await raceAbort(context.docker.exec(target, argv), context.signal)
          if (r.exitCode === 0) return undefined
          const tail = lastLine(r.output)
          return `exit status ${r.exitCode}${tail ? ` (${tail})` : ''}`
        } catch (e) {
          if (context.signal.aborted) throw abortReason(context.signal)
          return (e as Error).message
        }
      })
      if (context.signal.aborted) throw abortReason(context.signal)
      if (reason !== undefined) throw checkFailed(`rexec check: \`${argv.join(' ')}\` in ${context.container.name} failed after ${attempts} attempt(s): ${reason}`)
    },
  }
}
