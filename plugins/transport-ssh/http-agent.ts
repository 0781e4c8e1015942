/** An http.Agent whose sockets are channels of one SSH connection (no handshake per request). */
import {Agent} from 'node:http'
import type {Duplex} from 'node:stream'
import type {SshSession} from './session.js'

type Done = (err: Error | null, socket?: Duplex) => void

export function createSshAgent(session: SshSession): Agent {
  const agent = new Agent({keepAlive: true})
  Object.assign(agent, {
    createConnection(_options: unknown, done: Done): undefined {
      session.openChannel().then(
        (channel) => done(null, channel),
        (err: Error) => done(err),
      )
      return undefined
    },
  })
  return agent
}
