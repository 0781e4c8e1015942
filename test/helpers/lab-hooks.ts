/** Mocha global fixture (required from .mocharc.json): releases the test lab at the end of the run. */
import {releaseLab} from './lab.js'

export async function mochaGlobalTeardown(): Promise<void> {
  await releaseLab()
}
