import {definePlugin, Tokens, type DockerClient, type Ship, type Transport, type TransportContext} from '../../src/api/index.js'
import {createDockerClient} from '../docker-client/index.js'
import {shipModemOptions} from './options.js'

/**
 * Docker daemons reached directly: unix socket (`socket_path`), TCP (`endpoint`/`ip` +
 * `docker_port`) or TLS (`tls`, `tls_verify`, `tls_ca_cert`, `tls_cert`, `tls_key`; paths relative
 * to the environment file, `~` expanded). Ships with `ssh_tunnel` or an `ssh://` endpoint belong
 * to the SSH transport. `connect` only prepares a client; the daemon is contacted on first use.
 */
export class DockerTransport implements Transport {
  readonly name = 'docker'

  canHandle(ship: Ship): boolean {
    return ship.sshTunnel === undefined && !ship.endpoint.startsWith('ssh://')
  }

  connect(ship: Ship, context: TransportContext): DockerClient {
    return createDockerClient(ship, shipModemOptions(ship, context.baseDir), {debug: (m) => context.log.debug(m)})
  }
}

export default definePlugin({
  name: 'maestro-transport-docker',
  api: '^1.0.0',
  register(ctx) {
    ctx.registry.register(Tokens.Transport, {useValue: new DockerTransport()})
  },
})
