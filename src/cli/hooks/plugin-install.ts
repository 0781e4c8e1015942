/**
 * `maestro plugins install` refuses what Maestro could not use: a local package without the `maestro:plugins` hook
 * before npm runs, and after install any package whose hook offers no usable plugin (wrong API range, load failure),
 * which is then uninstalled again. One `ERROR:` line, exit 2.
 */
import {Errors, type Hook} from '@oclif/core'
import {discoverPlugins} from '../../kernel/discover.js'
import {admitPlugins} from '../../kernel/plugin-admission.js'
import {notAPlugin, readLocalManifest} from '../plugin-source.js'

let installing: string | undefined

function refuse(message: string): never {
  process.stderr.write(`ERROR: ${message}\n`)
  throw new Errors.ExitError(2)
}

export const preinstall: Hook<'plugins:preinstall'> = async function ({plugin}) {
  if (plugin.type === 'npm') {
    installing = plugin.name
    return
  }
  if (!plugin.url.startsWith('file:')) return
  const manifest = readLocalManifest(plugin.url)
  const reason = notAPlugin(plugin.url, manifest)
  if (reason) refuse(reason)
  installing = manifest?.name
}

export const postinstall: Hook<'plugins:postinstall'> = async function ({config}) {
  const name = installing
  installing = undefined
  if (name === undefined || !config.plugins.has(name)) return
  const {candidates, problems} = await discoverPlugins(config as Parameters<typeof discoverPlugins>[0], (p) => p.name === name)
  const admission = admitPlugins(candidates)
  const why = [...problems, ...admission.problems].map((p) => p.message)
  if (candidates.length === 0 && why.length === 0) why.push(notAPlugin(name, config.plugins.get(name)!.pjson)!)
  if (why.length === 0) return
  await config.runCommand('plugins:uninstall', [name])
  refuse(`${name} was not installed: ${why.join('; ')}`)
}
