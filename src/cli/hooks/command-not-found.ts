import {Errors, type Hook} from '@oclif/core'
import {didYouMean} from '../../model/did-you-mean.js'

/** `maestro statsu` → one `ERROR:` line with a did-you-mean, exit 2 (like every other usage error). */
export const commandNotFound: Hook<'command_not_found'> = async function (opts) {
  const ids = opts.config.commandIDs.filter((id) => !id.startsWith('plugins:') && id !== 'help')
  process.stderr.write(`ERROR: command ${opts.id} not found${didYouMean(opts.id, ids)}\n`)
  throw new Errors.ExitError(2)
}
