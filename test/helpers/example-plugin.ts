/** Builds an example plugin (default examples/plugin-markdown-summary) the way its author would (`npm install && npm run build`), offline. */
import {execFile} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {maestro, projectRoot, tempProject, type CliResult} from './cli.js'

const run = promisify(execFile)

export const EXAMPLE_PLUGIN_DIR = join(projectRoot, 'examples', 'plugin-markdown-summary')

export const TAP_PLUGIN_DIR = join(projectRoot, 'examples', 'reporter-tap')

const built = new Map<string, Promise<void>>()

/**
 * `npm install` would link the devDependency `maestro-ng: file:../..` as node_modules/maestro-ng; we make the same
 * symlink (no registry needed), then compile with the root's TypeScript.
 */
export function buildExamplePlugin(dir: string = EXAMPLE_PLUGIN_DIR): Promise<void> {
  let build = built.get(dir)
  if (!build) {
    build = (async () => {
      const link = join(dir, 'node_modules', 'maestro-ng')
      if (!existsSync(link)) {
        mkdirSync(join(dir, 'node_modules'), {recursive: true})
        symlinkSync('../../..', link, 'dir')
      }
      await run(process.execPath, [join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir])
    })()
    built.set(dir, build)
  }
  return build
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

/** The home's env plus an offline npm with its own cache: maestro-ng is not published, and nothing may need the registry. */
export function offlineNpmEnv(home: PluginHome): Record<string, string> {
  return {...home.env, npm_config_offline: 'true', npm_config_update_notifier: 'false', npm_config_cache: join(home.dir, 'npm-cache')}
}

/** `npm pack` of a built example plugin into `destination`, offline; returns the tarball's path. */
export async function packPlugin(dir: string, destination: string): Promise<string> {
  const {stdout} = await run('npm', ['pack', '--ignore-scripts', '--offline', '--pack-destination', destination], {cwd: dir})
  return join(destination, stdout.trim().split('\n').pop()!)
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

export interface PluginPackageOptions {
  /** The `maestro:plugins` hook target; default ./index.js. */
  readonly hook?: string
  readonly version?: string
  /** package.json `files` (what `npm pack` ships). */
  readonly files?: readonly string[]
  /** Link node_modules/maestro-ng to this checkout, as `npm install` of a plugin depending on maestro-ng would. */
  readonly linkMaestro?: boolean
}

/** A plugin package folder `root/name`: package.json declaring the hook, plus the given files; returns its path. */
export function pluginPackage(root: string, name: string, contents: Readonly<Record<string, string>>, options: PluginPackageOptions = {}): string {
  const dir = join(root, name)
  mkdirSync(dir, {recursive: true})
  if (options.linkMaestro) {
    mkdirSync(join(dir, 'node_modules'), {recursive: true})
    symlinkSync(projectRoot, join(dir, 'node_modules', 'maestro-ng'), 'dir')
  }
  const files = options.files ? {files: options.files} : {}
  const hook = {'maestro:plugins': {target: options.hook ?? './index.js', identifier: 'plugins'}}
  writeFileSync(join(dir, 'package.json'), JSON.stringify({name, version: options.version ?? '1.0.0', type: 'module', ...files, oclif: {hooks: hook}}))
  for (const [file, text] of Object.entries(contents)) writeFileSync(join(dir, file), text)
  return dir
}
