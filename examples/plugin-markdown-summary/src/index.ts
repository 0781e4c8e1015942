/**
 * The package's `maestro:plugins` hook (package.json `oclif.hooks`): Maestro calls it at start-up and registers
 * what it returns. Import lazily so that commands which never use the reporter do not pay for it.
 */
import type {MaestroPlugin} from 'maestro-ng/plugin'

export const plugins = async (): Promise<MaestroPlugin[]> => [(await import('./plugin.js')).markdownSummary]
