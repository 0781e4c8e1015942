import {isAbsolute, relative, sep} from 'node:path'
import type {ConfigIssue, EventSource, MaestroError, PlayEnd, Reporter, ReporterContext, SourceLoc} from '../../src/api/index.js'
import {workflowCommand} from './workflow-commands.js'
import {pauseText, replacedText, replacementFailedText, rollbackText} from '../shared/update-words.js'

const TITLE = 'Maestro'

/** Annotations, groups and a summary for GitHub Actions, written on the reporter's stream (stdout). */
export class GithubReporter implements Reporter {
  private readonly root: string

  constructor(private readonly context: ReporterContext) {
    const workspace = context.options.workspace
    this.root = typeof workspace === 'string' ? workspace : process.env.GITHUB_WORKSPACE || process.cwd()
  }

  attach(events: EventSource): void {
    events.on('config:loaded', (e) => e.warnings.forEach((w) => this.issue(w)))
    events.on('config:error', (e) => this.configError(e.error))
    events.on('play:start', (e) => this.line(`::group::maestro ${e.command} ${e.environment} (${e.containers.length} containers)`))
    events.on('task:end', (e) => this.line(`${e.container.name}: ${[e.outcome, e.detail].filter(Boolean).join(' ')}`))
    events.on('task:skip', (e) => this.line(`${e.container.name}: skipped (${e.detail ?? e.reason})`))
    events.on('task:fail', (e) => {
      const kind = e.outcome ?? 'failed'
      this.line(`${e.container.name}: ${kind}`)
      const what = kind === 'unknown' ? 'outcome unknown' : kind
      this.line(workflowCommand('error', {...this.where(e.error.loc), title: e.container.name}, `${e.action} ${what}: ${e.error.message}`))
    })
    events.on('update:replaced', (e) => this.line(`${e.container.name}: ${replacedText(e)}`))
    events.on('update:failed', (e) => this.line(`${e.container.name}: ${replacementFailedText(e.then)}`))
    events.on('update:rollback', (e) => this.line(workflowCommand('error', {title: e.service}, rollbackText(e))))
    events.on('update:pause', (e) => this.line(workflowCommand('warning', {title: e.service}, pauseText(e))))
    events.on('play:error', (e) => {
      this.line(workflowCommand('error', {...this.where(e.error.loc), title: TITLE}, `${e.command} failed: ${e.error.message}`))
      if (e.error.hint) this.line(workflowCommand('notice', {title: TITLE}, e.error.hint))
    })
    events.on('play:end', (e) => {
      this.line('::endgroup::')
      this.line(this.summary(e))
    })
  }

  private configError(error: MaestroError): void {
    if (error.issues.length > 0) error.issues.forEach((i) => this.issue(i))
    else this.line(workflowCommand('error', {...this.where(error.loc), title: TITLE}, error.message))
  }

  private issue(i: ConfigIssue): void {
    this.line(workflowCommand(i.severity === 'warning' ? 'warning' : 'error', {...this.where(i.loc), title: TITLE}, i.message))
  }

  private summary(e: PlayEnd): string {
    const s = e.stats
    const of = [s.unknown ? `${s.unknown} unknown` : '', s.aborted ? `${s.aborted} aborted` : ''].filter(Boolean).join(', ')
    const words = [`${s.succeeded} succeeded`, `${s.failed} failed${of ? ` (${of})` : ''}`, `${s.skipped} skipped`].join(', ')
    const how = e.interrupted ? ' (interrupted)' : e.error ? ` (${e.error.message})` : ''
    return workflowCommand('notice', {title: TITLE}, `${e.command}: ${words} of ${s.total} in ${(s.durationMs / 1000).toFixed(1)}s${how}`)
  }

  /** `file`, `line`, `col` with the file relative to the workspace (GitHub resolves annotations against it). */
  private where(loc: SourceLoc | undefined): {file?: string; line?: number; col?: number} {
    if (!loc || loc.file.startsWith('<')) return {}
    const rel = isAbsolute(loc.file) ? relative(this.root, loc.file) : loc.file
    const file = rel.startsWith('..') ? loc.file : rel.split(sep).join('/')
    return {file, line: loc.line, col: loc.column}
  }

  private line(text: string): void {
    this.context.out.write(`${text}\n`)
  }

  async done(): Promise<void> {
    await new Promise<void>((resolve) => this.context.out.write('', () => resolve()))
  }
}
