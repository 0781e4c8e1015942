import {register} from 'node:module'

let registered = false

/** Makes plugins import the host's `maestro-ng` and `@oclif/core` (src/kernel/contract-hook.ts); once per process. */
export function shareHostContract(): void {
  if (registered) return
  registered = true
  const hostURL = new URL('../../../', import.meta.url).href
  register(new URL('./contract-hook.js', import.meta.url), {data: {hostURL}})
}
