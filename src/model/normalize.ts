import type {ConfigIssue} from '../api/errors.js'
import type {LoadedDocument} from '../api/contracts.js'
import type {CheckSpec, Environment} from './types.js'
import {IssueCollector} from './issues.js'
import {envfileChecker, type NormalizeContext} from './context.js'
import {isMap, readMap, readString, type RawMap} from './read.js'
import {normalizeShips} from './ships.js'
import {normalizeServices} from './services.js'
import {checkReferences} from './references.js'
import {knownKeys} from './schema/shapes.js'
import {TOP} from './schema/keys.js'
import {normalizeAudit, normalizePluginOptions, normalizeRegistries, type AuditRule} from './registries.js'

export interface NormalizeOptions {
  /** Lifecycle check types that exist; when given, others are errors. */
  readonly checkTypes?: readonly string[]
  /** Extra validation of one check spec (e.g. the check plugin's `validate`). */
  readonly validateCheck?: (spec: CheckSpec) => readonly string[]
  /** Problems of one `audit:` entry (unknown type, the notifier's `validate`), at the entry or at one of its keys. */
  readonly checkAudit?: AuditRule
  /** Reads an envfile (absolute path); when given, envfiles are checked. Keeps this module pure. */
  readonly readFile?: (path: string) => string
}

export interface NormalizeResult {
  /** Present when there is no error (warnings allowed). */
  readonly environment?: Environment
  readonly issues: ConfigIssue[]
}

const TOP_KEYS: ReadonlySet<string> = knownKeys(TOP)

/** File order (stable for issues on the same node). */
export const sortIssues = (issues: readonly ConfigIssue[]): ConfigIssue[] =>
  [...issues].sort((a, b) => (a.loc?.line ?? 0) - (b.loc?.line ?? 0) || (a.loc?.column ?? 0) - (b.loc?.column ?? 0))

function readSchema(sink: IssueCollector, data: RawMap): 1 | 2 {
  const meta = readMap(sink.scope([], 'the top level'), ['__maestro'], data.__maestro)
  if (!('schema' in meta)) return 1
  const schema = meta.schema
  if (schema === 1 || schema === 2) return schema
  // MaestroNG compares with `== 1` and reads anything else as schema 2 (its own tests write `schema: {version: 2}`);
  // in Python `true == 1`, and a written `schema: ~` is None, not the default.
  const read = schema === true ? 1 : 2
  const shown = schema === null ? '~' : JSON.stringify(schema)
  sink.add('warning', ['__maestro', 'schema'], `__maestro.schema should be 1 or 2, got ${shown}: read as schema ${read}, as MaestroNG does`, 'value')
  return read
}

/**
 * Turns a loaded document into the typed model (reference §2), reporting every problem in one pass.
 * Pure: no file system access except through `options.readFile`.
 */
export function normalizeEnvironment(doc: LoadedDocument, options: NormalizeOptions = {}): NormalizeResult {
  const sink = new IssueCollector(doc)
  const top = sink.scope([], 'the top level')
  if (!isMap(doc.data)) {
    sink.add('error', [], doc.data === null || doc.data === undefined ? 'the file is empty' : 'the file must be a mapping at the top level')
    return {issues: sink.issues}
  }
  const data = doc.data
  // `x-` keys are extension keys at the top level (as in Compose), like `_` keys: never warned.
  top.checkKeys(Object.fromEntries(Object.entries(data).filter(([k]) => !k.startsWith('x-'))), TOP_KEYS)
  const schema = readSchema(sink, data)
  const name = readString(top, ['name'], data.name)
  if (data.name === undefined || data.name === null) top.error([], `environment name is missing ('name')`, 'key')
  const provider = data.ship_provider ?? 'static'
  if (provider !== 'static') top.error(['ship_provider'], `unknown ship_provider ${JSON.stringify(provider)} (only 'static' exists)`)
  const ships = normalizeShips(sink, data)
  const ctx: NormalizeContext = {
    sink,
    schema,
    ships,
    rules: {checkTypes: options.checkTypes, validateCheck: options.validateCheck},
    checkEnvfile: envfileChecker(doc.baseDir, options.readFile),
  }
  const {services, containers} = normalizeServices(ctx, data)
  checkReferences(sink, services, containers)
  const environment: Environment = {
    name: name ?? '',
    file: doc.file,
    baseDir: doc.baseDir,
    schema,
    ships,
    services,
    containers,
    registries: normalizeRegistries(sink, data),
    audit: normalizeAudit(sink, data, options.checkAudit),
    plugins: normalizePluginOptions(sink, data),
    ...(doc.envValuesRead?.length ? {templateEnvValues: doc.envValuesRead} : {}),
  }
  const issues = sortIssues(sink.issues)
  return sink.hasErrors ? {issues} : {environment, issues}
}
