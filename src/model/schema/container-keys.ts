import {DEFAULT_STOP_TIMEOUT, LOG_DRIVERS, RESTART_POLICIES} from '../defaults.js'
import {LIFECYCLE_STATES} from '../types.js'
import {bool, int, mapOf, num, oneOrList, ref, scalar, str, strEnum, strList, templated, type JsonSchema, type Level} from './shapes.js'

const portPart: JsonSchema = {anyOf: [{type: 'integer', minimum: 1, maximum: 65535}, {type: 'string'}]}
const envValue: JsonSchema = {anyOf: [scalar, {type: 'array', items: {anyOf: [scalar, {type: 'array'}]}}]}
const lifecycle: JsonSchema = {
  type: ['object', 'null'],
  properties: Object.fromEntries(LIFECYCLE_STATES.map((s) => [s, {type: ['array', 'null'], items: ref('check')}])),
  additionalProperties: {type: ['array', 'null'], items: ref('check')},
}

/** Keys that services and instances share (reference §2.4). */
const SHARED: Level = {
  image: {description: 'Image, e.g. nginx:1.25 (an untagged image means :latest).', schema: str},
  env: {description: 'Environment variables; values are scalars or lists (lists are rendered space-separated).', schema: mapOf(envValue)},
  envfile: {description: 'Docker env-file(s), relative to the file: a name or a (nested) list.', schema: {anyOf: [str, {type: 'array'}, {type: 'null'}]}},
  sensitive_env: {description: 'Env variables whose values Maestro never shows (plan, reporters, errors), besides the built-in name patterns (a Maestro addition).', schema: strList},
  ports: {description: "Named ports: 25, '53/udp', 'exposed:external' (reverse of docker -p), or {exposed, external}.", schema: mapOf(ref('port'))},
  lifecycle: {description: 'Lifecycle checks per state: pre-start, running, pre-stop, stopped.', schema: lifecycle},
  limits: {description: 'Resource limits: {cpu, memory, swap}.', schema: ref('limits')},
}

/** Service keys (reference §2.4). */
export const SERVICE: Level = {
  image: {...SHARED.image, required: true},
  instances: {description: 'The containers of the service, by (globally unique) name.', schema: mapOf(ref('instance')), required: true},
  requires: {description: 'Services this one depends on (start order and link variables).', schema: strList},
  wants_info: {description: 'Services whose link variables this one receives, without ordering.', schema: strList},
  omit: {description: 'Leave out of commands given no names (except status).', schema: bool, default: false},
  env: SHARED.env,
  envfile: SHARED.envfile,
  sensitive_env: SHARED.sensitive_env,
  ports: SHARED.ports,
  lifecycle: SHARED.lifecycle,
  limits: SHARED.limits,
  update: {description: 'How start --converge replaces running instances whose configuration changed (Compose update_config); without it, all at once, stop-first.', schema: ref('update')},
}

/** Instance keys: every key MaestroNG reads (reference §2.5). */
export const INSTANCE: Level = {
  ship: {description: 'The ship this container runs on.', schema: str, required: true},
  ...SHARED,
  image: {...SHARED.image, description: 'Overrides the service image.'},
  command: {description: 'Command: a string (shell-split) or a list.', schema: oneOrList(str)},
  cmd: {description: "Deprecated alias of 'command'.", schema: oneOrList(str), deprecated: true},
  volumes: {description: 'Bind mounts: {host_path: container_path} or {host_path: {target, mode}} (schema 1: container_path: host_path).', schema: mapOf(ref('volume'))},
  container_volumes: {description: 'Anonymous volumes: a path or a list.', schema: strList},
  volumes_from: {description: 'Containers (on the same ship) whose volumes to mount.', schema: strList},
  links: {description: '{container: alias} or a list of container[:alias] (same ship only).', schema: {anyOf: [mapOf({type: ['string', 'number', 'null']}), {type: 'array', items: str}]}},
  username: {description: 'User the command runs as.', schema: str},
  workdir: {description: 'Working directory.', schema: str},
  privileged: {description: 'Run privileged.', schema: bool, default: false},
  cap_add: {description: 'Capabilities to add.', schema: strList},
  cap_drop: {description: 'Capabilities to drop.', schema: strList},
  security_opt: {description: 'Security options.', schema: strList},
  extra_hosts: {description: '{hostname: ip}, {hostname: {ship: name}} or a list of host:ip.', schema: {anyOf: [mapOf({anyOf: [str, {type: 'object', properties: {ship: str}, required: ['ship']}]}), {type: 'array', items: str}]}},
  net: {description: 'Network mode: bridge, host, none, container:<name> …', schema: {anyOf: [{enum: ['bridge', 'host', 'none']}, str]}},
  dns: {description: 'DNS servers: one or a list.', schema: strList},
  restart: {description: "Restart policy: 'no', always, on-failure, unless-stopped, 'on-failure:3' or {name, retries}.", schema: ref('restart'), default: 'no'},
  stop_timeout: {description: 'Seconds to wait on stop before killing.', schema: int(0), default: DEFAULT_STOP_TIMEOUT},
  ulimits: {description: '{name: limit} or {name: {soft, hard}}.', schema: mapOf(ref('ulimit'))},
  log_driver: {description: 'Logging driver.', schema: strEnum(LOG_DRIVERS)},
  log_opt: {description: 'Logging driver options (values become strings).', schema: mapOf(scalar)},
  labels: {description: 'Container labels: a mapping or a list of key=value.', schema: {anyOf: [mapOf(scalar), {type: 'array', items: {type: ['string', 'number']}}]}},
  lxc_conf: {description: 'Legacy LXC options.', schema: mapOf(scalar)},
  networks: {description: "User-defined networks (Compose networks), created when missing: a list of names or {name: {aliases}}. Not with 'net'.", schema: ref('networks')},
  tmpfs: {description: 'tmpfs mounts (docker run --tmpfs): path[:options], one or a list.', schema: strList},
  devices: {description: 'Host devices (docker run --device): host_path[:container_path[:rwm]].', schema: strList},
  healthcheck: {description: 'Docker HEALTHCHECK (Compose healthcheck); start waits for healthy before dependents.', schema: ref('healthcheck')},
  init: {description: 'Run an init process as PID 1 (docker run --init).', schema: bool},
  stop_signal: {description: 'Signal that stops the container (docker run --stop-signal), e.g. SIGTERM, USR1, 15.', schema: {anyOf: [str, {type: 'integer', minimum: 1, maximum: 64}]}},
  read_only: {description: 'Read-only root filesystem (docker run --read-only).', schema: bool},
  shm_size: {description: 'Size of /dev/shm (docker run --shm-size): bytes or 64m, 1g …', schema: {anyOf: [{type: 'integer', minimum: 0}, str]}},
  sysctls: {description: 'Namespaced kernel parameters (docker run --sysctl): {name: value} or a list of name=value.', schema: {anyOf: [mapOf(scalar), {type: 'array', items: str}]}},
  pids_limit: {description: 'Process limit (docker run --pids-limit); -1 or 0: unlimited.', schema: int(-1)},
  group_add: {description: 'Extra groups for the user (docker run --group-add): names or ids.', schema: {anyOf: [str, {type: 'integer'}, {type: 'array', items: {type: ['string', 'integer']}}]}},
  entrypoint: {description: "Overrides the image entrypoint: a string (shell-split) or a list; '' or [] clears it.", schema: oneOrList(str)},
  hostname: {description: 'Container hostname (docker run --hostname); defaults to the instance name unless net is set.', schema: str},
  domainname: {description: 'Container domain name (docker run --domainname).', schema: str},
  gpus: {description: 'GPU device requests (docker run --gpus): all, a count, "device=0,1", or a list of {driver, count, device_ids, capabilities, options}.', schema: ref('gpus')},
  platform: {description: 'Platform to create the container for (docker run --platform), e.g. linux/amd64.', schema: str},
}

export const NETWORK_ATTACHMENT: Level = {
  aliases: {description: 'Names the container is reachable by on this network.', schema: strList},
}

export const HEALTHCHECK: Level = {
  test: {description: "A shell command (CMD-SHELL), or a list starting with CMD, CMD-SHELL or NONE.", schema: oneOrList(str)},
  interval: {description: 'Time between checks, e.g. 30s, 1m30s.', schema: str},
  timeout: {description: 'Time a check may take.', schema: str},
  retries: {description: 'Consecutive failures before unhealthy.', schema: int(0)},
  start_period: {description: 'Grace period after start during which failures do not count.', schema: str},
  disable: {description: "Disable the image's HEALTHCHECK (and the wait for healthy).", schema: bool, default: false},
}

const duration: JsonSchema = {anyOf: [{type: 'string'}, {const: 0}]}

export const UPDATE: Level = {
  parallelism: {description: 'Instances replaced at once (0: all at once).', schema: int(0), default: 1},
  delay: {description: 'Wait after an instance is replaced before its slot replaces the next, e.g. 10s.', schema: duration, default: '0s'},
  order: {description: 'stop-first: the old container stops before the new one starts; start-first: the new one starts beside it under a temporary name and takes over once ready.', schema: strEnum(['stop-first', 'start-first']), default: 'stop-first'},
  monitor: {description: 'How long a new container is watched after its running checks pass; exiting or turning unhealthy then is a failure, e.g. 5s.', schema: duration, default: '0s'},
  failure_action: {description: 'When failures exceed max_failure_ratio: rollback (the previous containers of the instances this update replaced are put back), pause (the update stops where it is) or continue.', schema: strEnum(['rollback', 'pause', 'continue']), default: 'pause'},
  max_failure_ratio: {description: 'Share of the instances (0 to 1) whose replacement may fail before failure_action applies.', schema: num, default: 0},
}

export const GPU_REQUEST: Level = {
  driver: {description: 'Device driver, e.g. nvidia.', schema: str},
  count: {description: 'Number of GPUs, or all.', schema: {anyOf: [{type: 'integer', minimum: 0}, {enum: ['all']}]}},
  device_ids: {description: 'GPU ids (not with count).', schema: strList},
  capabilities: {description: 'Capabilities, e.g. [gpu, utility]; defaults to [gpu].', schema: strList},
  options: {description: 'Driver options.', schema: mapOf(scalar)},
}

export const LIMITS: Level = {
  cpu: {description: 'CPU shares.', schema: int(0)},
  memory: {description: 'Memory: bytes or a size such as 512m.', schema: {anyOf: [{type: 'integer'}, str]}},
  swap: {description: 'Memory plus swap: bytes, a size such as 1g, or -1.', schema: {anyOf: [{type: 'integer'}, str]}},
}

export const PORT_MAPPING: Level = {
  exposed: {description: 'Container port, e.g. 53/udp.', schema: portPart, required: true},
  external: {description: 'Host port, or [bind_ip, port].', schema: {anyOf: [portPart, {type: 'array', items: [str, portPart], minItems: 2, maxItems: 2}]}, required: true},
}

export const VOLUME_MAPPING: Level = {
  target: {description: 'Path inside the container.', schema: str, required: true},
  mode: {description: 'Mount mode: ro, rw, ro,Z …', schema: str, default: 'rw'},
}

export const ULIMIT: Level = {
  soft: {description: 'Soft limit (-1: unlimited).', schema: int(-1), required: true},
  hard: {description: 'Hard limit (-1: unlimited).', schema: int(-1), required: true},
}

export const RESTART_MAPPING: Level = {
  name: {description: 'Policy name.', schema: strEnum(RESTART_POLICIES), default: 'no'},
  retries: {description: 'Maximum retries (on-failure).', schema: int(0), default: 0},
}

/** A lifecycle check; `type` picks the check plugin, which validates the rest. The built-in checks' keys: */
export const CHECK: Level = {
  type: {description: 'Check type: tcp, http, exec, rexec, sleep, or a plugin check.', schema: {anyOf: [{enum: ['tcp', 'http', 'exec', 'rexec', 'sleep']}, str]}, required: true},
  port: {description: 'tcp/http: a named port of the container (or a number for http).', schema: {anyOf: [str, {type: 'integer'}]}},
  host: {description: "http: host to query (defaults to the ship's ip).", schema: str},
  path: {description: 'http: request path.', schema: str, default: '/'},
  scheme: {description: 'http: http or https.', schema: strEnum(['http', 'https']), default: 'http'},
  method: {description: 'http: request method.', schema: str, default: 'get'},
  match_regex: {description: 'http: the body must match this regular expression (then the status is ignored).', schema: str},
  requests_options: {description: 'http: extra request options.', schema: {type: 'object'}},
  max_wait: {description: 'tcp: attempts (180); http: seconds (300).', schema: num},
  command: {description: 'exec/rexec: the command to run.', schema: oneOrList(str)},
  attempts: {description: 'exec/rexec: attempts, one per second.', schema: int(1), default: 180},
  timeout: {description: 'exec: seconds one attempt may run before it is killed with what it started (Maestro only).', schema: num, default: 30},
  envfrom: {description: "exec: pass the container's env as variables (env) or as JSON on stdin.", schema: strEnum(['env', 'stdin']), default: 'env'},
  wait: {description: 'sleep: seconds to wait.', schema: num},
}
