import {readFileSync} from 'node:fs'
import type {ConfigLoader, LifecycleCheck, LoadedDocument} from '../api/contracts.js'
import type {EventPayload} from '../api/events.js'
import {configError, isMaestroError, MaestroError, type ConfigIssue} from '../api/errors.js'
import type {CheckSpec, Environment} from './types.js'
import {normalizeEnvironment, sortIssues} from './normalize.js'
import type {AuditRule} from './registries.js'

export interface LoadEnvironmentOptions {
  readonly env: Readonly<Record<string, string | undefined>>
  /** The file's text when `file` is `-`. */
  readonly stdin?: string
  /** Known lifecycle check types; others are reported. */
  readonly checkTypes?: readonly string[]
  readonly validateCheck?: (spec: CheckSpec) => readonly string[]
  /** Problems of an `audit:` entry: its type is unknown, its notifier's `validate` refuses it. */
  readonly checkAudit?: AuditRule
  /**
   * Runs on the loaded document before it is normalized (the plugins' options, which decide the plugin
   * rules): its issues join the file's, and its rules replace checkTypes/validateCheck.
   */
  readonly prepare?: (document: LoadedDocument) => Promise<Prepared>
  /** Reads envfiles; defaults to the file system. */
  readonly readFile?: (path: string) => string
}

export type PluginRules = Pick<LoadEnvironmentOptions, 'checkTypes' | 'validateCheck' | 'checkAudit'>

export interface Prepared {
  readonly issues: readonly ConfigIssue[]
  readonly rules?: PluginRules
}

export interface LoadedEnvironment {
  readonly environment: Environment
  readonly warnings: ConfigIssue[]
  readonly document: LoadedDocument
}

/** What loading needs from its host: the loader plugins, and where `config:loaded`/`config:error` go. */
export interface LoadServices {
  readonly loaders: readonly ConfigLoader[]
  emit<E extends 'config:loaded' | 'config:error'>(event: E, payload: EventPayload<E>): void
}

export interface LoadHost {
  loadServices(): LoadServices
}

/** The installed check plugins as load options: their types are the known ones, and they validate their specs. */
export function checkPluginRules(checks: readonly LifecycleCheck[]): PluginRules {
  return {
    checkTypes: checks.map((c) => c.type),
    validateCheck: (spec) => checks.find((c) => c.type === spec.type)?.validate?.(spec) ?? [],
  }
}

/**
 * Loads `file` with the first loader plugin that accepts it, normalizes and validates it, and emits
 * `config:loaded` or `config:error`. Throws a MaestroError listing every problem (exit code 2).
 */
export async function loadEnvironment(host: LoadHost, file: string, options: LoadEnvironmentOptions): Promise<LoadedEnvironment> {
  const services = host.loadServices()
  try {
    const loader = services.loaders.find((l) => l.canLoad(file))
    if (!loader) throw new MaestroError('MAESTRO_NO_PROVIDER', `no plugin provides a loader for ${file}`)
    const document = await loader.load(file, {env: options.env, ...(options.stdin === undefined ? {} : {stdin: options.stdin})})
    const prepared = (await options.prepare?.(document)) ?? {issues: []}
    const rules = prepared.rules ?? options
    const normalized = normalizeEnvironment(document, {
      checkTypes: rules.checkTypes,
      validateCheck: rules.validateCheck,
      checkAudit: rules.checkAudit,
      readFile: options.readFile ?? ((p) => readFileSync(p, 'utf8')),
    })
    const issues = sortIssues([...prepared.issues, ...normalized.issues])
    const environment = prepared.issues.some((i) => i.severity === 'error') ? undefined : normalized.environment
    if (!environment) throw configError(issues)
    const warnings = issues.filter((i) => i.severity === 'warning')
    services.emit('config:loaded', {file: document.file, environment, warnings})
    return {environment, warnings, document}
  } catch (e) {
    const error = isMaestroError(e) ? e : new MaestroError('MAESTRO_CONFIG_INVALID', `cannot load ${file}: ${e instanceof Error ? e.message : String(e)}`, {cause: e})
    services.emit('config:error', {file, error})
    throw error
  }
}
