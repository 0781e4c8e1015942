/** The package's `maestro:plugins` hook (package.json `oclif.hooks`): Maestro calls it at start-up and registers what it returns. */
import type {MaestroPlugin} from 'maestro-ng/plugin'

export const plugins = async (): Promise<MaestroPlugin[]> => [(await import('./plugin.js')).tapReporter]
