import {definePlugin, Tokens} from '../../src/api/index.js'
import {DEFAULT_TIMING, type CheckTiming} from './common.js'
import {createExecCheck} from './exec.js'
import {createHttpCheck} from './http.js'
import {createRexecCheck} from './rexec.js'
import {createSleepCheck} from './sleep.js'
import {createTcpCheck} from './tcp.js'

export {createExecCheck, createHttpCheck, createRexecCheck, createSleepCheck, createTcpCheck, DEFAULT_TIMING, type CheckTiming}

/** The lifecycle checks of MaestroNG (reference §4), one LifecycleCheck per `type` under Tokens.Check. */
export function createChecks(timing: CheckTiming = DEFAULT_TIMING) {
  return [createTcpCheck(timing), createHttpCheck(timing), createExecCheck(timing), createRexecCheck(timing), createSleepCheck()]
}

export default definePlugin({
  name: 'maestro-checks',
  api: '^1.0.0',
  register(ctx) {
    for (const check of createChecks()) ctx.registry.register(Tokens.Check, {useValue: check})
  },
})
