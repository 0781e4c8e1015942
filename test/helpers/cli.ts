/** Runs the BUILT binary (`node bin/run.js ...`) in a child process, colour off, in a given directory. */
import {spawn} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
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
}

export function maestro(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const env: Record<string, string | undefined> = {...process.env, NO_COLOR: '1', MAESTRO_FILE: undefined, MAESTRO_DEBUG: undefined, ...options.env}
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], {cwd: options.cwd ?? projectRoot, env: env as NodeJS.ProcessEnv})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, stdout, stderr}))
    child.stdin.end(options.input ?? '')
  })
}

/** A temp directory with the given files, removed by the returned cleanup. */
export function tempProject(files: Readonly<Record<string, string>>): {dir: string; cleanup: () => void} {
  const dir = mkdtempSync(join(tmpdir(), 'maestro-cli-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return {dir, cleanup: () => rmSync(dir, {recursive: true, force: true})}
}
