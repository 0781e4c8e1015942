/** The library entry (`maestro-ng`): the plugin contract plus the library (docs/library.md). */
export * from './api/index.js'
export * from './lib/index.js'
