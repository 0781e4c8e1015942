import {readFileSync} from 'node:fs'
import type {Kernel} from '../kernel/kernel.js'
import type {LoadedDocument} from '../api/contracts.js'
import {Tokens} from '../api/tokens.js'
import {configError, isMaestroError, MaestroError, type ConfigIssue} from '../api/errors.js'
import type {CheckSpec, Environment} from './types.js'
import {normalizeEnvironment} from './normalize.js'

export interface LoadEnvironmentOptions {
  readonly env: Readonly<Record<string, string | undefined>>
  /** The file's text when `file` is `-`. */
  readonly stdin?: string
  /** Known lifecycle check types; others are reported. */
  readonly checkTypes?: readonly string[]
  readonly validateCheck?: (spec: CheckSpec) => readonly string[]
  /** Reads envfiles; defaults to the file system. */
  readonly readFile?: (path: string) => string
}

export interface LoadedEnvironment {
  readonly environment: Environment
  readonly warnings: ConfigIssue[]
  readonly document: LoadedDocument
}

/** The installed check plugins as load options: their types are the known ones, and they validate their specs. */
export function checkPluginRules(kernel: Kernel): Pick<LoadEnvironmentOptions, 'checkTypes' | 'validateCheck'> {
  const checks = kernel.resolveAll(Tokens.Check)
  return {
    checkTypes: checks.map((c) => c.type),
    validateCheck: (spec) => checks.find((c) => c.type === spec.type)?.validate?.(spec) ?? [],
  }
}

/**
 * Loads `file` with the first loader plugin that accepts it, normalizes and validates it, and emits
 * `config:loaded` or `config:error`. Throws a MaestroError listing every problem (exit code 2).
 */
export async function loadEnvironment(kernel: Kernel, file: string, options: LoadEnvironmentOptions): Promise<LoadedEnvironment> {
  try {
    const loader = kernel.first(Tokens.Loader, (l) => l.canLoad(file), 'a loader for ' + file)
    const document = await loader.load(file, {env: options.env, ...(options.stdin === undefined ? {} : {stdin: options.stdin})})
    const {environment, issues} = normalizeEnvironment(document, {
      checkTypes: options.checkTypes,
      validateCheck: options.validateCheck,
      readFile: options.readFile ?? ((p) => readFileSync(p, 'utf8')),
    })
    if (!environment) throw configError(issues)
    const warnings = issues.filter((i) => i.severity === 'warning')
    kernel.bus.emit('config:loaded', {file: document.file, environment, warnings})
    return {environment, warnings, document}
  } catch (e) {
    const error = isMaestroError(e) ? e : new MaestroError('MAESTRO_CONFIG_INVALID', `cannot load ${file}: ${e instanceof Error ? e.message : String(e)}`, {cause: e})
    kernel.bus.emit('config:error', {file, error})
    throw error
  }
}
