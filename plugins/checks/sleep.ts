import type {CheckContext, CheckSpec, LifecycleCheck} from '../../src/api/index.js'
import {delay} from '../shared/abort.js'
import {nonNegativeNumber, num, validateKeys} from './common.js'

/** `{type: sleep, wait: <seconds>}`: always passes after waiting (every time; upstream only waited once per process). */
export function createSleepCheck(): LifecycleCheck {
  return {
    type: 'sleep',
    validate: (spec) => validateKeys(spec, {wait: nonNegativeNumber}, ['wait']),
    async run(spec: CheckSpec, context: CheckContext): Promise<void> {
      context.onAttempt?.(1)
      await delay(num(spec, 'wait', 0) * 1000, context.signal)
    },
  }
}
