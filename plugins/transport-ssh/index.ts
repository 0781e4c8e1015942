/**
 * maestro-transport-ssh: reaches Docker daemons over SSH (ssh2), for ships with the upstream
 * `ssh_tunnel: {user, key, port}` or an `endpoint: ssh://[user@]host[:port]`.
 */
import {Tokens, definePlugin} from '../../src/api/index.js'
import {SshTransport} from './transport.js'

export {SshTransport}
export {resolveTarget, remoteDocker, sshShip, type SshTarget, type RemoteDocker} from './target.js'
export {parseKnownHosts, checkHostKey, hostToken} from './known-hosts.js'
export {fingerprint} from './fingerprint.js'

const plugin = definePlugin({
  name: 'maestro-transport-ssh',
  api: '^1.0.0',
  register(context) {
    context.registry.register(Tokens.Transport, {useValue: new SshTransport()})
  },
})

export default plugin
