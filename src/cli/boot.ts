/** The CLI's session: plugins found through oclif's hook (the CLI's own built-ins included), one plugin policy. */
import type {Config} from '@oclif/core'
import {discoverPlugins} from '../kernel/discover.js'
import {Session} from '../session/session.js'
import {MaestroError} from '../api/errors.js'

export async function bootSession(config: Config, pluginOptions: readonly string[] = []): Promise<Session> {
  const {candidates, problems} = await discoverPlugins(config)
  return Session.boot({plugins: candidates, problems, pluginOptions: parsePluginOptions(pluginOptions)})
}

/** `--plugin-option name.key=value`, repeatable; the value is a string, as the file would hold it quoted. */
export function parsePluginOptions(texts: readonly string[]): Record<string, Record<string, string>> {
  const options: Record<string, Record<string, string>> = {}
  for (const text of texts) {
    const m = /^([^=\s]+)\.([^.=\s]+)=(.*)$/s.exec(text)
    if (!m) throw new MaestroError('MAESTRO_USAGE', `--plugin-option wants NAME.KEY=VALUE, got '${text}'`)
    const [, name, key, value] = m as unknown as [string, string, string, string]
    ;(options[name] ??= {})[key] = value
  }
  return options
}
