/** Runs the BUILT binary (`node bin/run.js ...`) in a child process, colour off, in a given directory. */
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url))
export const binPath = join(projectRoot, 'bin', 'run.js')

export interface CliResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

export interface CliOptions {
  readonly cwd?: string
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly input?: string
  /** Leave stdin open (the command waits on it). */
  readonly keepStdinOpen?: boolean
}

export interface RunningCli {
  readonly child: ChildProcessWithoutNullStreams
  /** Resolves once stdout contains `text`. */
  readonly sawOutput: (text: string) => Promise<void>
  readonly done: Promise<CliResult>
}

export function maestro(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return spawnMaestro(args, options).done
}

export function spawnMaestro(args: readonly string[], options: CliOptions = {}): RunningCli {
  const env: Record<string, string | undefined> = {...process.env, NO_COLOR: '1', MAESTRO_FILE: undefined, MAESTRO_DEBUG: undefined, MAESTRO_SCHEDULER: undefined, ...options.env}
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k]
  const child = spawn(process.execPath, [binPath, ...args], {cwd: options.cwd ?? projectRoot, env: env as NodeJS.ProcessEnv})
  const waiters: {text: string; resolve: () => void}[] = []
  let out = ''
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString()
    for (const w of waiters.filter((x) => out.includes(x.text))) w.resolve()
  })
  const sawOutput = (text: string) => new Promise<void>((resolve) => (out.includes(text) ? resolve() : waiters.push({text, resolve})))
  const done = new Promise<CliResult>((resolve, reject) => {
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, stdout, stderr}))
    if (!options.keepStdinOpen) child.stdin.end(options.input ?? '')
  })
  return {child, sawOutput, done}
}

/** A temp directory with the given files, removed by the returned cleanup. */
export function tempProject(files: Readonly<Record<string, string>>): {dir: string; cleanup: () => void} {
  const dir = mkdtempSync(join(tmpdir(), 'maestro-cli-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return {dir, cleanup: () => rmSync(dir, {recursive: true, force: true})}
}

/** Links a plugin package whose `maestro:plugins` hook re-exports `module` (an absolute path), as `maestro plugins link` would. */
export function linkPluginModule(dataHome: string, name: string, module: string): void {
  const root = join(dataHome, 'linked', name)
  mkdirSync(root, {recursive: true})
  writeFileSync(join(root, 'package.json'), JSON.stringify({name, version: '1.0.0', type: 'module', oclif: {hooks: {'maestro:plugins': {target: './hook.js', identifier: 'plugins'}}}}))
  writeFileSync(join(root, 'hook.js'), `export {plugins} from ${JSON.stringify(new URL(`file://${module}`).href)}\n`)
  mkdirSync(join(dataHome, 'maestro'), {recursive: true})
  writeFileSync(join(dataHome, 'maestro', 'package.json'), JSON.stringify({private: true, oclif: {schema: 1, plugins: [{type: 'link', name, root}]}}))
}
