/** Text rendering of a plan (pure): one line per container, then each changed field before → after. */
import type {PlanStep} from '../plan/build-plan.js'
import type {ConfigChange} from '../plan/diff.js'

const show = (v: unknown): string => (v === undefined ? '(unset)' : typeof v === 'string' ? v : JSON.stringify(v))

const change = (c: ConfigChange): string =>
  c.summary !== undefined ? c.summary : c.sensitive ? '(sensitive value changed)' : `${c.beforeUnknown ? '(not recorded)' : show(c.before)} -> ${show(c.after)}`

export function renderPlan(steps: readonly PlanStep[]): string {
  if (steps.length === 0) return 'nothing selected'
  const w = {
    name: Math.max(...steps.map((s) => s.container.length)),
    ship: Math.max(...steps.map((s) => s.ship.length)),
    action: Math.max(...steps.map((s) => s.action.length)),
  }
  const lines: string[] = []
  for (const s of steps) {
    lines.push(`${s.container.padEnd(w.name)}  ${s.ship.padEnd(w.ship)}  ${s.action.padEnd(w.action)}  ${s.reason}`)
    for (const c of s.changes) lines.push(`    ${c.field}: ${change(c)}`)
  }
  const changing = steps.filter((s) => s.action !== 'nothing').length
  lines.push(changing === 0 ? 'nothing to change' : `${changing} of ${steps.length} container${steps.length === 1 ? '' : 's'} would change`)
  return lines.join('\n')
}
