#!/usr/bin/env node
import {rewriteArgv} from '../dist/src/cli/argv.js'
const {execute} = await import('@oclif/core')
await execute({args: rewriteArgv(process.argv.slice(2), process.env), dir: import.meta.url})
