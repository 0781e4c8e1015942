/** Default values of maestro.yaml keys (reference §2), shared by the normalizer and the key descriptions. */
export const DEFAULT_DOCKER_PORT = 2375
export const DEFAULT_DOCKER_TLS_PORT = 2376
export const DEFAULT_API_VERSION = '1.18'
export const DEFAULT_TIMEOUT = 5
export const DEFAULT_SSH_PORT = 22
export const DEFAULT_STOP_TIMEOUT = 10
export const DEFAULT_REGISTRY_ATTEMPTS = 3
export const RESTART_POLICIES = ['no', 'always', 'on-failure', 'unless-stopped'] as const
export const LOG_DRIVERS: readonly string[] = ['json-file', 'syslog', 'journald', 'gelf', 'fluentd', 'none']
