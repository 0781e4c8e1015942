/** The SSH Transport: ships with `ssh_tunnel` or an `ssh://` endpoint, reached over one ssh2 connection. */
import {existsSync, readFileSync} from 'node:fs'
import {homedir, userInfo} from 'node:os'
import {join} from 'node:path'
import type {DockerClient, Ship, Transport, TransportContext} from '../../src/api/index.js'
import {createDockerClient} from '../docker-client/index.js'
import {createSshAgent} from './http-agent.js'
import {SshSession} from './session.js'
import {describeRemote, resolveTarget, sshShip, type TargetInputs} from './target.js'

function targetInputs(context: TransportContext): TargetInputs {
  const home = context.env.HOME || homedir()
  const configFile = join(home, '.ssh', 'config')
  return {
    home,
    baseDir: context.baseDir,
    sshConfig: existsSync(configFile) ? readFileSync(configFile, 'utf8') : undefined,
    localUser: context.env.USER || context.env.LOGNAME || userInfo().username,
  }
}

export class SshTransport implements Transport {
  readonly name = 'ssh'

  canHandle(ship: Ship): boolean {
    return sshShip(ship)
  }

  connect(ship: Ship, context: TransportContext): DockerClient {
    const target = resolveTarget(ship, targetInputs(context))
    let client: DockerClient | undefined
    const session = new SshSession(target, {
      acceptNewHostKeys: context.flags.acceptNewHostKeys,
      env: context.env,
      log: context.log,
      onConnect: () => void (client && client.stats.connections++),
    })
    const agent = createSshAgent(session)
    client = createDockerClient(
      ship,
      // host/port only name the daemon in the request line: the agent's channels reach it
      {endpoint: `${target.endpoint} → ${describeRemote(target.remote)}`, host: 'docker', port: 80, agent},
      {
        countConnections: false,
        onClose: async () => {
          agent.destroy()
          await session.close()
        },
        debug: (m) => context.log.debug(m),
        timeoutError: (seconds) => session.timeoutError(seconds),
        transportError: () => session.lostReason,
      },
    )
    return client
  }
}
