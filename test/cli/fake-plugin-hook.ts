// The module a linked test plugin re-exports (see linkPluginModule): the fake fleet transport.
export {plugins} from './fake-fleet-plugin.js'
