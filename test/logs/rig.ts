/** A kernel with a LogFleet transport and an environment of a-1 (ship a), b-1 and b-2 (ship b). */
import {Kernel} from '../../src/kernel/kernel.js'
import type {Environment} from '../../src/model/types.js'
import {runLogs, type LogsOptions} from '../../src/logs/index.js'
import {environment, ship} from '../helpers/env-builder.js'
import {Capture, LogFleet} from './log-docker.js'

export interface LogRig {
  readonly kernel: Kernel
  readonly fleet: LogFleet
  readonly env: Environment
  readonly out: Capture
  readonly err: Capture
  readonly abort: AbortController
  run(names: readonly string[], options?: Partial<LogsOptions>): Promise<number>
}

export async function logRig(tty = false): Promise<LogRig> {
  const env = environment('logs', [ship('a', '10.0.0.1'), ship('b', '10.0.0.2')], {
    alpha: {image: 'img', instances: {'a-1': {ship: 'a'}}},
    beta: {image: 'img', instances: {'b-1': {ship: 'b'}, 'b-2': {ship: 'b'}}},
  })
  const fleet = new LogFleet(['a', 'b'])
  const kernel = await Kernel.boot({plugins: [fleet.plugin()]})
  const out = new Capture(tty)
  const err = new Capture(tty)
  const abort = new AbortController()
  return {
    kernel, fleet, env, out, err, abort,
    run: (names, options = {}) =>
      runLogs(kernel, env, names, {follow: false, timestamps: false, color: true, retryMs: 20, ...options}, {out, err, env: {}, signal: abort.signal}),
  }
}

/** Seeds a running container with some log text. */
export function running(rig: LogRig, ship: string, name: string, text: string): void {
  rig.fleet.get(ship).seed(name, {Image: 'img'}, true)
  rig.fleet.get(ship).text.set(name, text)
}
