/** Catch the MaestroError a test expects; anything else (another error, or no error) fails the test. */
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
