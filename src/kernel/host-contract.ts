import {readFileSync} from 'node:fs'
import {register} from 'node:module'
import {homedir} from 'node:os'
import {join} from 'node:path'

let registered = false

/** Makes plugins import the host's `maestro-ng` and `@oclif/core` (src/kernel/contract-hook.ts); once per process. */
export function shareHostContract(): void {
  if (registered) return
  registered = true
  const hostURL = new URL('../../../', import.meta.url).href
  register(new URL('./contract-hook.js', import.meta.url), {data: {hostURL}})
}

/** oclif's data directory for the `maestro` CLI (its `Config.dataDir`): MAESTRO_DATA_DIR, else XDG_DATA_HOME/maestro, else ~/.local/share/maestro. */
export function oclifDataDir(env: NodeJS.ProcessEnv, home = env.HOME || homedir()): string {
  return env.MAESTRO_DATA_DIR || join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'maestro')
}

/**
 * Whether oclif may load a package from outside the CLI's own folder: a plugin installed or linked by the user
 * (listed in `<data dir>/package.json`). Only such packages need the resolve hook, whose worker thread otherwise
 * costs every ESM import a round trip (about a third of a cold `validate`'s CPU). Unreadable or unusual means yes.
 */
export function userPluginsListed(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'win32') return true
  let text: string
  try {
    text = readFileSync(join(oclifDataDir(env), 'package.json'), 'utf8')
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ENOENT'
  }
  try {
    const plugins = (JSON.parse(text) as {oclif?: {plugins?: unknown}}).oclif?.plugins
    return !Array.isArray(plugins) || plugins.length > 0
  } catch {
    return true
  }
}
