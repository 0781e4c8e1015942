/** Local package forms of `maestro plugins install`: read before oclif sees them, so none is taken for a GitHub slug. */
import {readFileSync, statSync} from 'node:fs'
import {homedir} from 'node:os'
import {resolve} from 'node:path'
import {gunzipSync} from 'node:zlib'
import {PLUGIN_HOOK} from '../api/plugin.js'

const INSTALL = new Set(['install', 'add', 'i'])
const LOCAL = /^(?:\.{1,2}(?:[/\\]|$)|[/\\]|~(?:[/\\]|$))/

/** `./x.tgz`, `/abs/x.tgz`, `../folder`, `~/x`, `x.tgz` and `file:REL` become `file:/abs/path` (npm's own form, never a lookup). */
export function localPluginSource(arg: string, cwd: string): string | undefined {
  if (arg.startsWith('file:')) return `file:${resolve(cwd, arg.slice('file:'.length))}`
  if (LOCAL.test(arg)) return `file:${arg.startsWith('~') ? homedir() + arg.slice(1) : resolve(cwd, arg)}`
  if (/\.(?:tgz|tar\.gz)$/.test(arg) && !arg.includes(':')) return `file:${resolve(cwd, arg)}`
  return undefined
}

/** `plugins install|add|i ARGS…` with local forms rewritten; anything else unchanged. */
export function rewritePluginInstall(args: readonly string[], cwd: string): string[] {
  if (args[0] !== 'plugins' || !INSTALL.has(args[1] ?? '')) return [...args]
  return args.map((a, i) => (i < 2 || a.startsWith('-') ? a : localPluginSource(a, cwd) ?? a))
}

export interface PluginManifest {
  readonly name?: string
  readonly oclif?: {readonly hooks?: Record<string, unknown>}
}

/** The `package/package.json` entry of an npm tarball (ustar, as `npm pack` writes it). */
function manifestInTarball(file: string): string | undefined {
  const tar = gunzipSync(readFileSync(file))
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512)
    if (header.every((b) => b === 0)) break
    const field = (from: number, to: number) => header.subarray(from, to).toString('utf8').replace(/\0.*$/s, '')
    const name = [field(345, 500), field(0, 100)].filter(Boolean).join('/')
    const size = parseInt(field(124, 136).trim() || '0', 8)
    if (name === 'package/package.json') return tar.subarray(at + 512, at + 512 + size).toString('utf8')
    at += 512 + Math.ceil(size / 512) * 512
  }
  return undefined
}

/** The package.json of a local folder or tarball (`file:/abs`), or undefined when it cannot be read. */
export function readLocalManifest(source: string): PluginManifest | undefined {
  const path = source.slice('file:'.length)
  try {
    const text = statSync(path).isDirectory() ? readFileSync(resolve(path, 'package.json'), 'utf8') : manifestInTarball(path)
    return text === undefined ? undefined : (JSON.parse(text) as PluginManifest)
  } catch {
    return undefined
  }
}

/** Why a package cannot be a Maestro plugin, or undefined when it declares the hook. */
export function notAPlugin(source: string, manifest: PluginManifest | undefined): string | undefined {
  if (!manifest) return `${source} is not an npm package (no readable package.json)`
  if (manifest.oclif?.hooks?.[PLUGIN_HOOK] !== undefined) return undefined
  return `${manifest.name ?? source} is not a Maestro plugin: its package.json declares no oclif.hooks["${PLUGIN_HOOK}"] (see docs/plugins.md)`
}
