/**
 * Test cases for a service's update (`update:*` events): classname `update.<service>`, one case per instance,
 * named by it (passed when replaced, a `<failure>` when its replacement failed, skipped when a pause left it), and
 * a case `rollback` when previous containers were put back (a `<failure>` when some could not be).
 */
import type {UpdateFailed, UpdatePause, UpdateReplaced, UpdateRollback} from '../../src/api/index.js'
import {pauseText, replacedText, replacementFailedText, rollbackText} from '../shared/update-words.js'
import {errorDetail, type CaseResult} from './suites.js'

const classname = (service: string): string => `update.${service}`

export const replacedCase = (e: UpdateReplaced): CaseResult => ({
  container: e.container.name, service: classname(e.container.service), name: e.container.name, durationMs: e.durationMs, kind: 'passed', out: replacedText(e),
})

export const replaceFailedCase = (e: UpdateFailed, durationMs: number): CaseResult => ({
  container: e.container.name, service: classname(e.container.service), name: e.container.name, durationMs, kind: 'failed',
  message: e.error.message, type: e.error.code, detail: errorDetail(e.error), out: replacementFailedText(e.then),
})

export const pausedCases = (e: UpdatePause): CaseResult[] =>
  e.pending.map((name) => ({container: name, service: classname(e.service), name, durationMs: 0, kind: 'skipped', message: pauseText(e)}))

export function rollbackCase(e: UpdateRollback): CaseResult {
  const text = rollbackText(e)
  const base = {container: '', service: classname(e.service), name: 'rollback', durationMs: 0, out: text}
  if (e.failed.length === 0) return {...base, kind: 'passed'}
  return {...base, kind: 'failed', message: `${e.service}: ${text}`, detail: e.failed.map((f) => `${f.container.name}: ${f.error}`).join('\n')}
}
