import type {OpenOptions} from '../session/options.js'
import type {Session} from '../session/session.js'

/**
 * Boots a session with the built-in plugins (plus `options.plugins`), loads and validates `file`, and returns it:
 * the same Session the CLI runs. Throws a MaestroError listing every problem of the file; plugins that cannot be
 * used are skipped and listed in `session.problems`. Heavy modules load here, on first use.
 */
export async function openEnvironment(file: string, options: OpenOptions = {}): Promise<Session> {
  const [{Session}, {builtinPlugins}] = await Promise.all([import('../session/session.js'), import('../../plugins/index.js')])
  const session = await Session.boot({plugins: [...(await builtinPlugins()), ...(options.plugins ?? [])], env: options.env, pluginOptions: options.pluginOptions})
  try {
    await session.load(file, {stdin: options.stdin, audit: options.audit})
  } catch (e) {
    await session.finish()
    throw e
  }
  return session
}
