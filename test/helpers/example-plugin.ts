/** Builds examples/plugin-markdown-summary the way its author would (`npm install && npm run build`), offline. */
import {execFile} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {maestro, projectRoot, tempProject, type CliResult} from './cli.js'

const run = promisify(execFile)

export const EXAMPLE_PLUGIN_DIR = join(projectRoot, 'examples', 'plugin-markdown-summary')

let built: Promise<void> | undefined

/**
 * `npm install` would link the devDependency `maestro-ng: file:../..` as node_modules/maestro-ng; we make the same
 * symlink (no registry needed), then compile with the root's TypeScript.
 */
export function buildExamplePlugin(): Promise<void> {
  built ??= (async () => {
    const link = join(EXAMPLE_PLUGIN_DIR, 'node_modules', 'maestro-ng')
    if (!existsSync(link)) {
      mkdirSync(join(EXAMPLE_PLUGIN_DIR, 'node_modules'), {recursive: true})
      symlinkSync('../../..', link, 'dir')
    }
    await run(process.execPath, [join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', EXAMPLE_PLUGIN_DIR])
  })()
  return built
}

/** oclif keeps the user's plugin list in `<data dir>/package.json`; tests point MAESTRO_DATA_DIR at a temp dir. */
export interface PluginHome {
  readonly dir: string
  readonly env: Readonly<Record<string, string>>
  cleanup(): void
}

export function pluginHome(): PluginHome {
  const dir = mkdtempSync(join(tmpdir(), 'maestro-plugin-home-'))
  const env = {MAESTRO_DATA_DIR: join(dir, 'data'), MAESTRO_CONFIG_DIR: join(dir, 'config'), MAESTRO_CACHE_DIR: join(dir, 'cache')}
  return {dir, env, cleanup: () => rmSync(dir, {recursive: true, force: true})}
}

/** A plugin home and a temp project (the given files) in which `run` spawns the built binary with the home's env. */
export interface PluginProject {
  readonly home: PluginHome
  readonly dir: string
  run(args: readonly string[], cwd?: string): Promise<CliResult>
  cleanup(): void
}

export function pluginProject(files: Readonly<Record<string, string>>): PluginProject {
  const home = pluginHome()
  const project = tempProject(files)
  return {
    home,
    dir: project.dir,
    run: (args, cwd = project.dir) => maestro(args, {cwd, env: home.env}),
    cleanup: () => {
      home.cleanup()
      project.cleanup()
    },
  }
}
