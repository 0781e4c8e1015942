#!/usr/bin/env node
import {startupTiering} from '../dist/src/cli/tiering.js'
import {rewriteArgv} from '../dist/src/cli/argv.js'
import {rewritePluginInstall} from '../dist/src/cli/plugin-source.js'
// V8 optimises less eagerly until the environment is loaded (src/cli/tiering.ts)
startupTiering()
const args = rewritePluginInstall(rewriteArgv(process.argv.slice(2), process.env), process.cwd())
// `--version` (and `-v`) as oclif prints it, without loading oclif, its plugins or the command table.
if (args[0] === '--version') {
  const {readFileSync} = await import('node:fs')
  const {arch} = await import('node:os')
  const {name, version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  const cpu = arch() === 'ia32' ? 'x86' : arch()
  process.stdout.write(`${name}/${version} ${process.platform}-${cpu} node-${process.version}\n`)
  process.exit(0)
}
// Plugins import the host's maestro-ng and @oclif/core, never a copy of their own (src/kernel/contract-hook.ts); only
// needed when the user installed or linked one, or `plugins` is about to (the built-in ones are the host's own).
const {shareHostContract, userPluginsListed} = await import('../dist/src/kernel/host-contract.js')
if (args.some((a) => a.startsWith('plugins')) || userPluginsListed(process.env)) shareHostContract()
const {run, flush, handle, settings} = await import('@oclif/core')
// Plugins run from their compiled JavaScript: never look for TypeScript sources of linked plugins (oclif would
// otherwise warn on every command that a linked ESM plugin "cannot be auto-transpiled").
settings.enableAutoTranspile = false
// oclif reports an installed plugin it cannot read (e.g. a linked folder that was deleted) as a multi-line
// process warning; one line says the same.
const emitWarning = process.emitWarning.bind(process)
process.emitWarning = (warning, ...rest) => {
  if (warning instanceof Error && / Plugin: /.test(warning.name)) {
    process.stderr.write(`warning: an installed plugin could not be loaded and was skipped: ${warning.message}\n`)
    return
  }
  emitWarning(warning, ...rest)
}
try {
  await run(args, import.meta.url)
  await flush()
} catch (error) {
  // an exit code set by a command passes through; anything else (oclif's own errors included) is one ERROR line
  if (error?.code === 'EEXIT') await handle(error)
  else {
    const {renderError} = await import('../dist/src/cli/errors.js')
    const {lines, exit} = renderError(error, process.env.MAESTRO_DEBUG !== undefined)
    process.stderr.write(lines.map((l) => `${l}\n`).join(''))
    await flush()
    process.exit(exit)
  }
}
