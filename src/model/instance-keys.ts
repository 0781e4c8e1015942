import {knownKeys} from './schema/shapes.js'
import {INSTANCE, SERVICE} from './schema/container-keys.js'

export {DEFAULT_STOP_TIMEOUT, LOG_DRIVERS} from './defaults.js'

/** Every instance key MaestroNG reads (reference §2.5), from the key descriptions in schema/container-keys.ts. */
export const INSTANCE_KEYS: ReadonlySet<string> = knownKeys(INSTANCE)

export const SERVICE_KEYS: ReadonlySet<string> = knownKeys(SERVICE)

/** Keys users try (Compose spellings, unsupported Docker options) that MaestroNG ignores. */
export const UNSUPPORTED_INSTANCE_KEYS: ReadonlySet<string> = new Set([
  'container_name', 'pid', 'ipc', 'mem_reservation', 'expose', 'env_file', 'depends_on', 'requires', 'wants_info',
])
