import {hostname} from 'node:os'
import type {ContainerRef, EventSource, Reporter, ReporterContext} from '../../src/api/index.js'
import {configurationSuite, errorDetail, failedCommandSuite, finishSuite, suiteFor, suiteNode, type CaseResult, type Suite} from './suites.js'
import {xmlDocument, type XmlNode} from './xml.js'
import {pausedCases, replacedCase, replaceFailedCase, rollbackCase} from './update-cases.js'

const caseName = (action: string, c: ContainerRef): string => `${action} ${c.name}`

/** Collects plays from events; writes one JUnit XML document at `done()`. */
export class JunitReporter implements Reporter {
  private readonly suites: Suite[] = []
  private readonly plays = new Map<string, {suite: Suite; order: readonly string[]}>()
  /** When each instance's replacement began, by play and instance (the failed case's time). */
  private readonly replacing = new Map<string, number>()

  constructor(private readonly context: ReporterContext) {}

  attach(events: EventSource): void {
    events.on('config:error', (e) => {
      this.suites.push(configurationSuite(e.file, e.error, Date.now()))
    })
    events.on('play:start', (e) => {
      const suite = suiteFor(e)
      this.suites.push(suite)
      this.plays.set(e.playId, {suite, order: e.containers.map((c) => c.name)})
    })
    events.on('task:end', (e) => {
      const out = [e.outcome, e.detail].filter((x) => x !== undefined).join(' ')
      this.add(e.playId, {container: e.container.name, service: e.container.service, name: caseName(e.action, e.container), durationMs: e.durationMs, kind: 'passed', out})
    })
    events.on('task:fail', (e) => {
      this.add(e.playId, {
        container: e.container.name, service: e.container.service, name: caseName(e.action, e.container), durationMs: e.durationMs, kind: 'failed',
        message: e.outcome === 'unknown' || e.outcome === 'aborted' ? `${e.outcome}: ${e.error.message}` : e.error.message, type: e.error.code, detail: errorDetail(e.error),
      })
    })
    events.on('task:skip', (e) => {
      this.add(e.playId, {container: e.container.name, service: e.container.service, name: caseName(e.action, e.container), durationMs: 0, kind: 'skipped', message: e.detail ? `not attempted: ${e.detail}` : e.reason})
    })
    events.on('update:replace', (e) => void this.replacing.set(`${e.playId}/${e.container.name}`, e.at))
    events.on('update:replaced', (e) => this.addUpdate(e, replacedCase(e)))
    events.on('update:failed', (e) => {
      const began = this.replacing.get(`${e.playId}/${e.container.name}`)
      this.addUpdate(e, replaceFailedCase(e, began === undefined ? 0 : Math.max(0, e.at - began)))
    })
    events.on('update:pause', (e) => pausedCases(e).forEach((c) => this.addUpdate(e, c)))
    events.on('update:rollback', (e) => this.addUpdate(e, rollbackCase(e)))
    events.on('play:error', (e) => void this.suites.push(failedCommandSuite(e)))
    events.on('play:end', (e) => {
      const play = this.plays.get(e.playId)
      if (play) finishSuite(play.suite, e)
    })
  }

  /** An update case of a play no `play:start` announced (a command's own rollback) goes to a suite `update` of its own. */
  private addUpdate(e: {playId: string; at: number}, result: CaseResult): void {
    if (!this.plays.has(e.playId)) {
      const suite: Suite = {name: 'update', startedAt: e.at, properties: {playId: e.playId}, cases: []}
      this.suites.push(suite)
      this.plays.set(e.playId, {suite, order: []})
    }
    this.add(e.playId, result)
  }

  /** Test cases follow the play's container order, whatever order the actions finished in. */
  private add(playId: string, result: CaseResult): void {
    const play = this.plays.get(playId)
    if (!play) return
    const rank = (name: string) => (play.order.includes(name) ? play.order.indexOf(name) : play.order.length)
    const at = play.suite.cases.findIndex((c) => rank(c.container) > rank(result.container))
    play.suite.cases.splice(at < 0 ? play.suite.cases.length : at, 0, result)
  }

  /** The whole report as XML (also what `done()` writes). */
  render(): string {
    const host = hostname()
    const suites: XmlNode[] = this.suites.map((s, i) => suiteNode(s, i, host))
    const sum = (k: string) => suites.reduce((t, s) => t + Number(s.attrs?.[k] ?? 0), 0)
    return xmlDocument({
      name: 'testsuites',
      attrs: {name: 'maestro', tests: sum('tests'), failures: sum('failures'), errors: sum('errors'), time: sum('time').toFixed(3)},
      children: suites,
    })
  }

  async done(): Promise<void> {
    const text = this.render()
    await new Promise<void>((resolve, reject) => this.context.out.write(text, (e) => (e ? reject(e) : resolve())))
  }
}
