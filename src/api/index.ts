/** The public API: what plugins and library users import. */
export * from './errors.js'
export * from './events.js'
export * from './contracts.js'
export * from './docker.js'
export * from './tokens.js'
export * from './plugin.js'
export type * from '../model/types.js'
export {LIFECYCLE_STATES} from '../model/types.js'
