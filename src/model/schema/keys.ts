import {DEFAULT_API_VERSION, DEFAULT_DOCKER_PORT, DEFAULT_REGISTRY_ATTEMPTS, DEFAULT_SSH_PORT, DEFAULT_TIMEOUT} from '../defaults.js'
import {bool, int, mapOf, num, ref, str, strEnum, templated, type Level} from './shapes.js'

/** Top-level keys (reference §2.2). */
export const TOP: Level = {
  __maestro: {description: 'File format options: `{schema: 1|2}`.', schema: ref('maestro')},
  name: {description: 'Environment name; containers see it as MAESTRO_ENVIRONMENT_NAME.', schema: str, required: true},
  registries: {description: 'Image registries and their credentials, by name.', schema: mapOf(ref('registry'))},
  ship_defaults: {description: 'Defaults for every ship key except ip and endpoint.', schema: ref('shipDefaults')},
  ships: {description: 'The Docker hosts, by name.', schema: {type: 'object', minProperties: 1, additionalProperties: ref('ship')}, required: true},
  ship_provider: {description: "Where ships come from; only 'static' exists.", schema: strEnum(['static']), default: 'static'},
  services: {description: 'The services, by name; each has instances (containers).', schema: {type: 'object', additionalProperties: ref('service')}, required: true},
  audit: {description: 'Auditors notified of plays (log, webhook, exec …).', schema: {type: ['array', 'null'], items: ref('auditor')}},
  plugins: {description: 'Options for Maestro plugins, by plugin name (a Maestro addition).', schema: mapOf({type: ['object', 'null']})},
}

export const MAESTRO_META: Level = {
  schema: {description: 'File schema: 2 is current; 1 reads volumes as container_path: host_path.', schema: {anyOf: [{enum: [1, 2]}, templated]}, default: 1},
}

/** Ship keys (reference §2.3). Unknown ship keys are kept for transport plugins. */
export const SHIP: Level = {
  ip: {description: 'Address advertised to containers (CONTAINER_HOST_ADDRESS, *_HOST) and used by checks.', schema: str, required: true},
  endpoint: {description: 'Address used to reach the Docker daemon (and the SSH target); defaults to ip.', schema: str},
  docker_port: {description: 'Docker daemon TCP port (2376 by default with tls).', schema: int(1, 65535), default: DEFAULT_DOCKER_PORT},
  socket_path: {description: 'Unix socket of the Docker daemon; takes precedence over TCP.', schema: str},
  api_version: {description: "Docker API version such as 1.41, or 'auto' to negotiate.", schema: {anyOf: [{type: 'number'}, {type: 'string', pattern: '^(auto|\\d+\\.\\d+)$'}, templated]}, default: DEFAULT_API_VERSION},
  timeout: {description: 'Docker API timeout in seconds.', schema: num, default: DEFAULT_TIMEOUT},
  ssh_tunnel: {description: 'Reach the daemon through SSH: {user, key, port}.', schema: ref('sshTunnel')},
  tls: {description: 'Talk to the daemon over TLS.', schema: bool, default: false},
  tls_verify: {description: "Verify the daemon's certificate (on by default; false is warned on every command).", schema: bool, default: true},
  tls_ca_cert: {description: 'CA certificate file.', schema: str},
  tls_cert: {description: 'Client certificate file.', schema: str},
  tls_key: {description: 'Client key file.', schema: str},
  ssl_version: {description: 'TLS protocol version.', schema: str},
  known_hosts: {description: 'SSH transport: known_hosts file checked before ~/.ssh/known_hosts (relative to this file).', schema: str},
  docker_socket: {description: 'SSH transport: the remote Docker socket (default /var/run/docker.sock for ssh:// endpoints).', schema: str},
  proxy_jump: {description: "SSH transport: jump hosts, comma-separated [user@]host[:port] or ~/.ssh/config aliases (overrides the alias's ProxyJump; none disables it).", schema: str},
}

/** Ship keys that only transport plugins read: described for editors, passed through in Ship.extra. */
export const TRANSPORT_SHIP_KEYS: ReadonlySet<string> = new Set(['known_hosts', 'docker_socket', 'proxy_jump'])

export const SSH_TUNNEL: Level = {
  user: {description: 'SSH user.', schema: str, required: true},
  key: {description: 'Identity file.', schema: str, required: true},
  port: {description: 'SSH port.', schema: int(1, 65535), default: DEFAULT_SSH_PORT},
}

export const REGISTRY: Level = {
  registry: {description: 'Registry URL or host name (defaults to the entry name).', schema: str},
  username: {description: 'Login user.', schema: str},
  password: {description: 'Login password.', schema: str},
  email: {description: 'Login e-mail (legacy).', schema: str},
  retry: {description: 'Retry pulls: {attempts, when: [HTTP status codes]}.', schema: ref('registryRetry')},
}

export const REGISTRY_RETRY: Level = {
  attempts: {description: 'Pull attempts.', schema: int(1), default: DEFAULT_REGISTRY_ATTEMPTS},
  when: {description: 'HTTP status codes that trigger a retry.', schema: {type: 'array', items: int(100, 599)}, default: []},
}

/** An `audit` entry; the other keys belong to the auditor type. */
export const AUDITOR: Level = {
  type: {description: 'Auditor type (log, webhook, exec, or a plugin notifier).', schema: str, required: true},
  level: {description: 'What to report: info (plays) or debug (also each task).', schema: strEnum(['info', 'debug']), default: 'info'},
  ignore_errors: {description: 'A failing auditor does not fail the command.', schema: bool, default: false},
}
