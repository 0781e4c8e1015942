import {formatIssue, type ConfigIssue, type MaestroError, type PlayEnd, type PlayError, type PlayStart} from '../../src/api/index.js'
import type {XmlNode} from './xml.js'

export interface CaseResult {
  readonly container: string
  readonly service: string
  readonly name: string
  readonly durationMs: number
  readonly kind: 'passed' | 'failed' | 'skipped'
  readonly message?: string
  readonly type?: string
  readonly detail?: string
  readonly out?: string
}

export interface Suite {
  readonly name: string
  readonly startedAt: number
  readonly properties: Readonly<Record<string, string>>
  readonly cases: CaseResult[]
  durationMs?: number
  /** A play-level error no container action explains (e.g. an unreachable ship before any action). */
  playError?: MaestroError
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3)
const isoSeconds = (at: number): string => new Date(at).toISOString().slice(0, 19)

export function suiteFor(e: PlayStart): Suite {
  return {
    name: `${e.command} ${e.environment}`,
    startedAt: e.at,
    properties: {command: e.command, environment: e.environment, user: e.user, playId: e.playId, direction: e.direction},
    cases: [],
  }
}

export function finishSuite(suite: Suite, e: PlayEnd): void {
  suite.durationMs = e.stats.durationMs
  if (e.error && !suite.cases.some((c) => c.kind === 'failed')) suite.playError = e.error
}

/** `play:error`: a suite for the command with no action, whose one test case is the `<error>`. */
export function failedCommandSuite(e: PlayError): Suite {
  const name = [e.command, e.environment].filter((x) => x !== undefined).join(' ')
  return {name, startedAt: e.at, properties: {command: e.command, ...(e.environment === undefined ? {} : {environment: e.environment})}, cases: [], durationMs: 0, playError: e.error}
}

/** Error detail for the body of a `<failure>`: message, hint, location and config issues. */
export function errorDetail(error: MaestroError): string {
  const lines = [error.message]
  if (error.hint) lines.push(`hint: ${error.hint}`)
  if (error.loc) lines.push(`at ${error.loc.file}:${error.loc.line}:${error.loc.column}`)
  for (const i of error.issues) lines.push(formatIssue(i))
  return lines.join('\n')
}

/** `config:error` becomes suite `configuration`: one failing test case per error issue. */
export function configurationSuite(file: string, error: MaestroError, at: number): Suite {
  const errors: readonly ConfigIssue[] = error.issues.filter((i) => i.severity === 'error')
  const issues = errors.length > 0 ? errors : [{severity: 'error' as const, message: error.message, loc: error.loc}]
  return {
    name: 'configuration',
    startedAt: at,
    properties: {file},
    durationMs: 0,
    cases: issues.map((i) => ({
      container: '',
      service: 'configuration',
      name: i.path ?? (i.loc ? `${i.loc.file}:${i.loc.line}:${i.loc.column}` : file),
      durationMs: 0,
      kind: 'failed',
      message: i.loc ? formatIssue(i) : `${file}: ${i.message}`,
      type: error.code,
      detail: [formatIssue(i), i.sourceLine].filter((x) => x !== undefined).join('\n'),
    })),
  }
}

function caseNode(c: CaseResult): XmlNode {
  const children: XmlNode[] = []
  if (c.kind === 'skipped') children.push({name: 'skipped', attrs: {message: c.message}})
  if (c.kind === 'failed') children.push({name: 'failure', attrs: {message: c.message, type: c.type}, text: c.detail ?? ''})
  if (c.out) children.push({name: 'system-out', text: c.out})
  return {name: 'testcase', attrs: {classname: c.service, name: c.name, time: seconds(c.durationMs)}, children}
}

export function suiteNode(s: Suite, id: number, hostname: string): XmlNode {
  const cases = s.cases.map(caseNode)
  if (s.playError) {
    const e = s.playError
    cases.push({name: 'testcase', attrs: {classname: 'play', name: s.name, time: '0.000'}, children: [{name: 'error', attrs: {message: e.message, type: e.code}, text: errorDetail(e)}]})
  }
  const count = (k: CaseResult['kind']) => s.cases.filter((c) => c.kind === k).length
  const duration = s.durationMs ?? s.cases.reduce((t, c) => t + c.durationMs, 0)
  return {
    name: 'testsuite',
    attrs: {
      name: s.name, id, package: 'maestro', hostname, timestamp: isoSeconds(s.startedAt),
      tests: cases.length, failures: count('failed'), errors: s.playError ? 1 : 0, skipped: count('skipped'), time: seconds(duration),
    },
    children: [{name: 'properties', children: Object.entries(s.properties).map(([name, value]) => ({name: 'property', attrs: {name, value}}))}, ...cases],
  }
}
