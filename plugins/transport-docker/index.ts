import {definePlugin, Tokens, type DockerClient, type Ship, type Transport, type TransportContext} from '../../src/api/index.js'
import {createDockerClient} from '../docker-client/index.js'
import {shipModemOptions} from './options.js'

/**
 * Docker daemons reached directly: unix socket (`socket_path`), TCP (`endpoint`/`ip` +
 * `docker_port`) or TLS (`tls`, `tls_verify`, `tls_ca_cert`, `tls_cert`, `tls_key`; paths relative
 * to the environment file, `~` expanded). Ships with `ssh_tunnel` or an `ssh://` endpoint belong
 * to the SSH transport. `connect` only prepares a client; the daemon is contacted on first use.
 * The certificate is verified unless the ship says `tls_verify: false`, which is warned per connect
 * (once per ship per command).
 */
export class DockerTransport implements Transport {
  readonly name = 'docker'

  canHandle(ship: Ship): boolean {
    return ship.sshTunnel === undefined && !ship.endpoint.startsWith('ssh://')
  }

  connect(ship: Ship, context: TransportContext): DockerClient {
    const options = shipModemOptions(ship, context.baseDir)
    if (options.tls && !options.tls.verify) {
      context.log.warn(`ship ${ship.name}: tls_verify is false, the daemon's certificate at ${options.endpoint} is not verified`)
    }
    return createDockerClient(ship, options, {debug: (m) => context.log.debug(m)})
  }
}

export default definePlugin({
  name: 'maestro-transport-docker',
  api: '^1.0.0',
  register(ctx) {
    ctx.registry.register(Tokens.Transport, {useValue: new DockerTransport()})
  },
})
