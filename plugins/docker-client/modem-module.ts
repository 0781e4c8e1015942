/**
 * docker-modem without ssh2 at load time. docker-modem's modem.js requires its ./ssh (and with it ssh2, some 30
 * CommonJS modules) when it loads, for the `ssh://` protocol Maestro never gives it: transport-ssh brings its own
 * agent. A stand-in for that one file goes into the require cache first; it loads the real file only if
 * docker-modem ever calls it.
 */
import Module, {createRequire} from 'node:module'

const require = createRequire(import.meta.url)

function deferSsh(): void {
  const file = require.resolve('docker-modem/lib/ssh.js')
  if (require.cache[file]) return
  const standIn = new Module(file)
  standIn.filename = file
  standIn.loaded = true
  standIn.exports = (options: unknown) => {
    delete require.cache[file]
    return (require(file) as (o: unknown) => unknown)(options)
  }
  require.cache[file] = standIn
}

export function importModem() {
  deferSsh()
  return import('docker-modem')
}
