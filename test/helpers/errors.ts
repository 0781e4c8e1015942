/** Catch the failure a test expects; no failure (or, where a MaestroError is expected, any other error) fails the test. */
import {MaestroError} from '../../src/api/index.js'

const expected = (e: unknown): MaestroError => {
  if (e instanceof MaestroError) return e
  throw e
}

/** The MaestroError `fn` throws. */
export function thrownMaestroError(fn: () => unknown): MaestroError {
  try {
    fn()
  } catch (e) {
    return expected(e)
  }
  throw new Error('expected a MaestroError')
}

/** The MaestroError `promise` rejects with. */
export async function rejectedMaestroError(promise: Promise<unknown>): Promise<MaestroError> {
  try {
    await promise
  } catch (e) {
    return expected(e)
  }
  throw new Error('expected a MaestroError')
}

/** Whatever `promise` rejects with (for failures that are not MaestroErrors, e.g. transport-level ones). */
export async function rejectedError(promise: Promise<unknown>): Promise<Error & {code?: string}> {
  try {
    await promise
  } catch (e) {
    return e as Error & {code?: string}
  }
  throw new Error('expected a failure')
}
