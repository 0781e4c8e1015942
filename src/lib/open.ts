import type {OpenOptions} from './options.js'
import type {Session} from './session.js'

/**
 * Boots a kernel with the built-in plugins (plus `options.plugins`), loads and validates `file`, and returns a
 * Session that runs the same plays as the CLI. Throws a MaestroError listing every problem of the file.
 * Heavy modules load here, on first use, so importing the package stays cheap.
 */
export async function openEnvironment(file: string, options: OpenOptions = {}): Promise<Session> {
  const {Session} = await import('./session.js')
  return Session.open(file, options)
}
