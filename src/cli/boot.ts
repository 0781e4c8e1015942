/** The CLI's session: plugins found through oclif's hook (the CLI's own built-ins included), one plugin policy. */
import type {Config} from '@oclif/core'
import {discoverPlugins} from '../kernel/discover.js'
import {Session} from '../session/session.js'

export async function bootSession(config: Config): Promise<Session> {
  const {candidates, problems} = await discoverPlugins(config)
  return Session.boot({plugins: candidates, problems})
}
