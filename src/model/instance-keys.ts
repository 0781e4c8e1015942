/** Every instance key MaestroNG reads (reference §2.5). */
export const INSTANCE_KEYS: ReadonlySet<string> = new Set([
  'ship', 'image', 'command', 'cmd', 'ports', 'env', 'envfile', 'volumes', 'container_volumes', 'volumes_from',
  'links', 'username', 'workdir', 'privileged', 'cap_add', 'cap_drop', 'security_opt', 'extra_hosts', 'net', 'dns',
  'restart', 'stop_timeout', 'limits', 'ulimits', 'log_driver', 'log_opt', 'labels', 'lxc_conf', 'lifecycle',
])

/** Keys users try (Compose spellings, unsupported Docker options) that MaestroNG ignores. */
export const UNSUPPORTED_INSTANCE_KEYS: ReadonlySet<string> = new Set([
  'container_name', 'hostname', 'entrypoint', 'tmpfs', 'devices', 'networks', 'healthcheck', 'read_only', 'pid',
  'ipc', 'shm_size', 'stop_signal', 'mem_reservation', 'expose', 'env_file', 'depends_on', 'requires', 'wants_info',
])

export const SERVICE_KEYS: ReadonlySet<string> = new Set([
  'image', 'instances', 'requires', 'wants_info', 'omit', 'env', 'envfile', 'ports', 'lifecycle', 'limits',
])

export const LOG_DRIVERS: readonly string[] = ['json-file', 'syslog', 'journald', 'gelf', 'fluentd', 'none']

export const DEFAULT_STOP_TIMEOUT = 10
