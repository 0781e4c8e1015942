#!/usr/bin/env node
import {rewriteArgv} from '../dist/src/cli/argv.js'
const {execute, settings} = await import('@oclif/core')
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
await execute({args: rewriteArgv(process.argv.slice(2), process.env), dir: import.meta.url})
