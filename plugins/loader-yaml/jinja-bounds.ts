/**
 * What one render may build, so that a file cannot exhaust memory or CPU while it is loaded
 * (`validate`, completion): Jinja2's sandbox bound on `range`, plus bounds on repetition and loop iterations.
 */

/** Jinja2's `SandboxedEnvironment.MAX_RANGE`. */
export const MAX_RANGE = 100_000
/** Longest string or list a template may build with `*`. */
export const MAX_REPEAT = 16 * 1024 * 1024
/** Loop iterations one render may run, nested loops included. */
export const MAX_ITERATIONS = 2_000_000

let iterationsLeft = MAX_ITERATIONS

/** Called when a render starts. */
export function resetIterationBudget(): void {
  iterationsLeft = MAX_ITERATIONS
}

/** Called once per loop iteration. */
export function countIteration(): void {
  if (--iterationsLeft < 0) throw new Error(`loops ran more than ${MAX_ITERATIONS.toLocaleString('en')} iterations: a runaway loop?`)
}

/** Jinja2's `range(stop)`, `range(start, stop[, step])`, refusing more than MAX_RANGE items. */
export function boundedRange(start: number, stop?: number, step?: number): number[] {
  const [from, to, by] = stop === undefined ? [0, Number(start), 1] : [Number(start), Number(stop), step === undefined ? 1 : Number(step)]
  if (by === 0) throw new Error('range() arg 3 must not be zero')
  if (![from, to, by].every(Number.isFinite)) throw new Error('range() takes integers')
  const length = Math.max(0, Math.ceil((to - from) / by))
  if (length > MAX_RANGE) throw new Error(`range too big: ${length.toLocaleString('en')} items (at most ${MAX_RANGE.toLocaleString('en')}, as in Jinja2's sandbox)`)
  return Array.from({length}, (_, i) => from + i * by)
}

/** Refuses a repetition whose result would be longer than MAX_REPEAT. */
export function checkRepeat(unit: number, times: number): void {
  if (unit * times > MAX_REPEAT) throw new Error(`repetition too large: ${(unit * times).toLocaleString('en')} items (at most ${MAX_REPEAT.toLocaleString('en')})`)
}
